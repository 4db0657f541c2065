namespace Tilskudd.Api.Security;

/// <summary>
/// How the Api learns who sends a request (section Tilskudd:SignIn). <see cref="Mode"/> "Jwt": a bearer token
/// signed by the OpenID Connect <see cref="Authority"/> for <see cref="Audience"/>. "AppService": the
/// X-MS-CLIENT-PRINCIPAL header that App Service authentication puts in front of the Function App (and strips
/// from what clients send), for an installation that lets App Service do the sign-in.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "Tilskudd:SignIn";

    public const string JwtMode = "Jwt";

    public const string AppServiceMode = "AppService";

    public string Mode { get; set; } = JwtMode;

    /// <summary>The OpenID Connect issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0; its keys come from its discovery document.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for (the app registration's client id or App ID URI).</summary>
    public string? Audience { get; set; }

    public bool UsesAppService => string.Equals(Mode, AppServiceMode, StringComparison.OrdinalIgnoreCase);
}
