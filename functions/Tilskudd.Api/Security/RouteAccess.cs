using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;

namespace Tilskudd.Api.Security;

/// <summary>What a request was let in with: who (null on an <see cref="Access.Anyone"/> route) and the application or round it concerns.</summary>
public sealed record Admitted(Principal? Principal, StoredApplication? Application, Round? Round);

/// <summary>Either the request may go on, or the problem to answer.</summary>
public readonly record struct Admission(Admitted? Admitted, IResult? Refusal);

/// <summary>
/// Checks a request against its route's <see cref="Access"/> rule, in the order that tells an outsider least:
/// 401 without a valid sign-in, 403 for a role that never may, 404 for an unknown application or round, then
/// 403 when the application or round is another organisation's, another person's or another kommune's.
/// Every handler of both hosts starts here.
/// </summary>
public sealed class RouteAccess(SignIn signIn, ApplicationStore applications, RoundDirectory rounds)
{
    /// <summary>The kommuner that own a scheme: the only ones with payouts, rounds and caseworkers here.</summary>
    static readonly FrozenSet<string> Kommuner = RoundCatalog.Schemes.Select(s => s.BaseRound.Owner.KommuneNumber).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The route's rule for this request; <paramref name="reference"/>, <paramref name="roundId"/> or
    /// <paramref name="kommune"/> (a kommune's payouts) name what it concerns.
    /// </summary>
    public async Task<Admission> AdmitAsync(
        HttpRequest request, ApiRoute route, CancellationToken cancellationToken, string? reference = null, string? roundId = null, string? kommune = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Access == Access.Anyone)
        {
            return new(new Admitted(null, null, null), null);
        }

        var signedIn = await signIn.ResolveAsync(request);
        if (signedIn is not SignedIn.Person { Principal: var principal })
        {
            return new(null, signedIn is SignedIn.Refused refused ? AccessProblems.SignInRefused(refused.Reason) : AccessProblems.SignInNeeded());
        }

        if (!MayEverUse(principal, route.Access))
        {
            return new(null, AccessProblems.Forbidden(route.Access));
        }

        StoredApplication? application = null;
        Round? round = null;
        if (reference is not null)
        {
            application = await applications.FindAsync(reference, cancellationToken);
            round = application is null ? null : RoundCatalog.ById(application.RoundId);
            if (application is null || round is null)
            {
                return new(null, Problems.NotFound($"Fant ingen søknad med referansenummer «{reference}».", "application-not-found"));
            }
        }
        else if (roundId is not null)
        {
            round = await rounds.FindAsync(roundId, cancellationToken);
            if (round is null)
            {
                return new(null, Problems.NotFound($"Det finnes ingen tilskuddsrunde «{roundId}».", "round-not-found"));
            }
        }
        else if (kommune is not null && !Kommuner.Contains(kommune))
        {
            return new(null, Problems.NotFound($"Tilskudd har ingen ordninger for kommunenummer «{kommune}».", "kommune-not-found"));
        }

        return MayUse(principal, route.Access, application, round?.Owner.KommuneNumber ?? kommune)
            ? new(new Admitted(principal, application, round), null)
            : new(null, AccessProblems.Forbidden(route.Access));
    }

    /// <summary><see cref="AdmitAsync"/> with the checker from the request's services: how both hosts' handlers reach it.</summary>
    public static async Task<Admission> CheckAsync(
        HttpRequest request, ApiRoute route, CancellationToken cancellationToken, string? reference = null, string? roundId = null, string? kommune = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await request.HttpContext.RequestServices.GetRequiredService<RouteAccess>().AdmitAsync(request, route, cancellationToken, reference, roundId, kommune);
    }

    static bool MayEverUse(Principal principal, Access access) => access switch
    {
        Access.Applicant or Access.CaseApplicant => principal.Is(Roles.Applicant),
        Access.CaseParty => principal.Is(Roles.Applicant) || IsOfficer(principal),
        Access.Officer => IsOfficer(principal),
        Access.Administrator => principal.Is(Roles.Administrator),
        _ => true,
    };

    /// <param name="kommune">The kommune whose round, application or payouts the request concerns; null for none (submitting, opening a round).</param>
    static bool MayUse(Principal principal, Access access, StoredApplication? application, string? kommune) => access switch
    {
        Access.CaseApplicant => application is not null && IsApplicantOf(principal, application),
        Access.CaseParty => application is not null && (IsApplicantOf(principal, application) || (IsOfficer(principal) && kommune is not null && principal.WorksFor(kommune))),
        Access.Officer or Access.Administrator => kommune is null || principal.WorksFor(kommune),
        _ => true,
    };

    public static bool IsOfficer(Principal principal) => principal?.Is(Roles.Caseworker) == true || principal?.Is(Roles.DecisionMaker) == true;

    /// <summary>
    /// The seeds' two ways to apply: on behalf of the organisation (its people see all its applications), or
    /// as a private person who typed the organisation number (who sees only what they sent themselves).
    /// </summary>
    public static bool IsApplicantOf(Principal principal, StoredApplication application)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(application);
        return principal.Is(Roles.Applicant) && (principal.IsPrivatePerson
            ? application.SubmittedBy is not null && application.SubmittedBy == principal.Id
            : principal.ActsFor(application.Form.Organisation?.Number));
    }

    /// <summary>Records that the admitted person read <paramref name="what"/> of the application (the read log beside the case events).</summary>
    public static Task RecordReadAsync(HttpRequest request, Admitted admitted, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(admitted);
        if (admitted is not { Principal: { } principal, Application: { } application })
        {
            return Task.CompletedTask;
        }

        var services = request.HttpContext.RequestServices;
        var role = ActorFor(principal).Role.ToString();
        return services.GetRequiredService<ReadLog>().RecordAsync(
            new CaseRead(application.Reference, principal.Id, role, what, services.GetRequiredService<TimeProvider>().GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// The actor a signed-in person is on a case: an applicant acts as the organisation; a caseworker who is also
    /// a decision maker acts as decision maker only where <paramref name="asDecisionMaker"/> (the decision).
    /// </summary>
    public static Actor ActorFor(Principal principal, bool asDecisionMaker = false)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var role = principal switch
        {
            _ when principal.Is(Roles.Applicant) && !IsOfficer(principal) => ActorRole.Organisation,
            _ when principal.Is(Roles.DecisionMaker) && (asDecisionMaker || !principal.Is(Roles.Caseworker)) => ActorRole.DecisionMaker,
            _ when principal.Is(Roles.Caseworker) => ActorRole.Caseworker,
            _ => ActorRole.Organisation,
        };
        return new Actor(role, principal.Id);
    }
}
