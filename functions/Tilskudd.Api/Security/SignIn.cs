using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Tilskudd.Domain.People;

namespace Tilskudd.Api.Security;

/// <summary>Who sent a request: nobody said (anonymous), someone whose proof did not hold, or a signed-in person.</summary>
public abstract record SignedIn
{
    private SignedIn()
    {
    }

    public sealed record Anonymous : SignedIn;

    /// <summary>A token was sent but refused: expired, for another audience, or not signed by a key we trust.</summary>
    public sealed record Refused(string Reason) : SignedIn;

    public sealed record Person(Principal Principal) : SignedIn;
}

/// <summary>
/// The one place a request becomes a <see cref="Principal"/>, used by the handlers of both hosts so they answer
/// alike: the bearer token (OpenID Connect authority and audience from <see cref="SignInOptions"/>; in
/// Development also <see cref="DevTokens"/>), or App Service authentication's X-MS-CLIENT-PRINCIPAL when the
/// options say so. The handlers validate tokens themselves rather than through ASP.NET Core's authentication
/// middleware because the Functions host runs no middleware pipeline of its own before them.
/// </summary>
public sealed class SignIn
{
    public const string AppServicePrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Tokens longer than this are refused unread.</summary>
    const int MaxTokenLength = 16 * 1024;

    readonly SignInOptions options;
    readonly DevTokens devTokens;
    readonly bool development;
    readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    readonly ConfigurationManager<OpenIdConnectConfiguration>? authority;

    /// <param name="environment">Development believes <see cref="DevTokens"/>; no environment is not Development.</param>
    public SignIn(SignInOptions options, DevTokens devTokens, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.devTokens = devTokens;
        development = environment?.IsDevelopment() == true;
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            authority = new ConfigurationManager<OpenIdConnectConfiguration>(
                options.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = !development });
        }
    }

    public async Task<SignedIn> ResolveAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.UsesAppService)
        {
            // App Service signs in with a cookie, which a browser also sends on another site's form post:
            // a command from another origin is not the signed-in person's (no antiforgery token needed).
            return !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && IsCrossSite(request)
                ? new SignedIn.Refused("Forespørselen kom fra et annet nettsted.")
                : FromAppService(request.Headers[AppServicePrincipalHeader].FirstOrDefault());
        }

        string? header = request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(header))
        {
            return new SignedIn.Anonymous();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > MaxTokenLength)
        {
            return new SignedIn.Refused("Authorization må være «Bearer» fulgt av et token.");
        }

        string token = header["Bearer ".Length..].Trim();
        string issuer;
        try
        {
            issuer = handler.ReadJsonWebToken(token).Issuer;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            return new SignedIn.Refused("Tokenet kunne ikke leses.");
        }

        TokenValidationResult? result = null;
        if (development && issuer == DevTokens.Issuer)
        {
            result = await handler.ValidateTokenAsync(token, DevParameters());
        }
        else if (authority is not null && !string.IsNullOrWhiteSpace(options.Audience))
        {
            result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
            {
                ConfigurationManager = authority,
                ValidAudience = options.Audience,
                ValidateIssuer = true,
                ClockSkew = TimeSpan.FromMinutes(1),
            });
        }

        return result switch
        {
            null => new SignedIn.Refused("Tokenet er ikke utstedt av en innlogging vi stoler på."),
            { IsValid: false, Exception: SecurityTokenExpiredException } => new SignedIn.Refused("Innloggingen er utløpt. Logg inn på nytt."),
            { IsValid: false, Exception: SecurityTokenInvalidAudienceException } => new SignedIn.Refused("Tokenet er utstedt for en annen tjeneste."),
            { IsValid: false } => new SignedIn.Refused("Tokenet er ikke gyldig."),
            _ => FromClaims(result.ClaimsIdentity.Claims, "sub", "name", "roles"),
        };
    }

    static bool IsCrossSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site" or "same-site"
        || (request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));

    TokenValidationParameters DevParameters() => new()
    {
        ValidIssuer = DevTokens.Issuer,
        ValidAudience = DevTokens.Audience,
        IssuerSigningKey = devTokens.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
    };

    /// <summary>
    /// App Service authentication's principal: base64 JSON with claims as {typ, val} and the claim types it
    /// uses for name and role. App Service removes the header from what a client sends, so it is believed
    /// only in this mode, which is set only where App Service authentication stands in front.
    /// </summary>
    static SignedIn FromAppService(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new SignedIn.Anonymous();
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            string nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() ?? "name" : "name";
            string roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() ?? "roles" : "roles";
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => new Claim(c.GetProperty("typ").GetString() ?? "", c.GetProperty("val").GetString() ?? ""))
                .Select(c => c.Type == roleType ? new Claim("roles", c.Value) : c)
                .ToList();
            string idType = claims.Any(c => c.Type == "http://schemas.microsoft.com/identity/claims/objectidentifier")
                ? "http://schemas.microsoft.com/identity/claims/objectidentifier"
                : "sub";
            return FromClaims(claims, idType, nameType, "roles");
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new SignedIn.Refused("Innloggingen fra App Service kunne ikke leses.");
        }
    }

    static SignedIn FromClaims(IEnumerable<Claim> claims, string idType, string nameType, string roleType)
    {
        var list = claims.ToList();
        string? id = list.FirstOrDefault(c => c.Type == idType)?.Value;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
        {
            return new SignedIn.Refused("Tokenet sier ikke hvem du er (sub).");
        }

        var roles = list.Where(c => c.Type == roleType).Select(c => c.Value).Where(Roles.All.Contains).ToHashSet(StringComparer.Ordinal);
        return new SignedIn.Person(new Principal(
            id,
            list.FirstOrDefault(c => c.Type == nameType)?.Value ?? id,
            roles,
            list.Where(c => c.Type == "org").Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList(),
            list.Where(c => c.Type == "kommune").Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList()));
    }
}
