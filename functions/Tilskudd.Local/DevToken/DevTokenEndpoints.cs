using System.Globalization;
using Tilskudd.Api.Http;
using Tilskudd.Api.Security;
using Tilskudd.Domain.People;

namespace Tilskudd.Local.DevToken;

/// <summary>
/// <c>GET /dev/token?role=&amp;user=&amp;org=&amp;kommune=</c>: a short-lived token from <see cref="DevTokens"/> so a
/// person (the /logg-inn page, curl) and the tests can act as any role. Mapped only in the local host in
/// Development; elsewhere the path is 404. <c>audience</c> and <c>expiresIn</c> (seconds, may be negative)
/// exist so tests can make the wrong-audience and expired tokens the Api must refuse.
/// </summary>
public static class DevTokenEndpoints
{
    public const string Path = "/dev/token";

    public static IEndpointRouteBuilder MapDevToken(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Issue).ExcludeFromDescription();
        return app;
    }

    static IResult Issue(HttpRequest request, DevTokens tokens, RateLimits limits)
    {
        if (limits.Token(request) is { } tooMany)
        {
            return tooMany;
        }

        var query = request.Query;
        string role = query["role"].FirstOrDefault() ?? "";
        if (!Roles.All.Contains(role))
        {
            return Invalid("role", $"Oppgi rollen: {string.Join(", ", Roles.All)}.");
        }

        string user = query["user"].FirstOrDefault() is { Length: > 0 } u ? u : role + "-1";
        if (user.Length > 100 || user.Any(char.IsControl))
        {
            return Invalid("user", "Brukeren kan ha høyst 100 tegn.");
        }

        var organisations = Listed(query["org"]);
        if (organisations.Any(o => o.Length != 9 || !o.All(char.IsAsciiDigit)))
        {
            return Invalid("org", "Organisasjonsnumre har 9 sifre, flere skilles med komma.");
        }

        var kommuner = Listed(query["kommune"]);
        if (kommuner.Any(k => k.Length != 4 || !k.All(char.IsAsciiDigit)))
        {
            return Invalid("kommune", "Kommunenumre har 4 sifre (Oslo 0301, Alta 5603), flere skilles med komma.");
        }

        TimeSpan? lifetime = null;
        if (query["expiresIn"].FirstOrDefault() is { Length: > 0 } seconds)
        {
            if (!int.TryParse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int s) || s is < -86_400 or > 8 * 3600 or 0)
            {
                return Invalid("expiresIn", "expiresIn er sekunder, fra -86400 til 28800 (ikke 0).");
            }

            lifetime = TimeSpan.FromSeconds(s);
        }

        string? audience = query["audience"].FirstOrDefault() is { Length: > 0 and <= 200 } a ? a : null;
        var (token, expiresAt) = tokens.Issue(role, user, query["name"].FirstOrDefault(), organisations, kommuner, audience, lifetime);
        return TypedResults.Ok(new { Token = token, ExpiresAt = expiresAt });
    }

    static List<string> Listed(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(string field, string message) =>
        Problems.BadRequest("Kan ikke lage token", message, "invalid-" + field);
}
