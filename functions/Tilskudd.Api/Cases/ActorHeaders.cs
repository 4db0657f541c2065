using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tilskudd.Api.Http;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Api.Cases;

/// <summary>
/// Who sends a case request, until the Api has sign-in: the role and user id in two headers. The security
/// issue replaces this class with the signed-in user's JWT claims (role and id); nothing else reads these headers.
/// Anyone can send a header, so they are believed only in Development (the local host, tests); elsewhere
/// every case command is refused as unauthenticated until sign-in exists.
/// </summary>
public static class ActorHeaders
{
    public const string RoleHeader = "X-Tilskudd-Role";
    public const string UserHeader = "X-Tilskudd-User";

    static readonly Dictionary<string, ActorRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["organisation"] = ActorRole.Organisation,
        ["caseworker"] = ActorRole.Caseworker,
        ["decisionMaker"] = ActorRole.DecisionMaker,
    };

    /// <summary>The actor the headers name; null when either header is missing or the role is not one a person has.</summary>
    public static Actor? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.RequestServices?.GetService<IHostEnvironment>() is not { } environment || !environment.IsDevelopment())
        {
            return null;
        }

        string? role = request.Headers[RoleHeader].FirstOrDefault();
        string? user = request.Headers[UserHeader].FirstOrDefault()?.Trim();
        return role is not null && Roles.TryGetValue(role.Trim(), out var actorRole) && user is { Length: > 0 and <= 100 }
            ? new Actor(actorRole, user)
            : null;
    }

    public static ProblemHttpResult Unknown() => Problems.Problem(
        StatusCodes.Status401Unauthorized,
        "Vi vet ikke hvem du er",
        $"Oppgi rollen din i {RoleHeader} (organisation, caseworker eller decisionMaker) og brukeren din i {UserHeader}.",
        "actor-missing");

    public static ProblemHttpResult CaseworkersOnly() => Problems.Problem(
        StatusCodes.Status403Forbidden,
        "Du har ikke tilgang",
        "Bare saksbehandlere og besluttere kan se dette.",
        "only-caseworker");

    public static bool IsCaseworkerOrDecisionMaker(Actor actor) =>
        actor?.Role is ActorRole.Caseworker or ActorRole.DecisionMaker;
}
