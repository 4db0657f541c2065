using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>
/// An OpenID Connect authority on 127.0.0.1, as Entra ID is to the product in Azure: a discovery document and
/// the signing key (RS256) as JWKS, and tokens signed with it for any audience, lifetime and claims.
/// </summary>
sealed class TestAuthority : IAsyncDisposable
{
    readonly WebApplication app;
    readonly RSA rsa = RSA.Create(2048);
    readonly RsaSecurityKey key;

    TestAuthority(WebApplication app)
    {
        this.app = app;
        key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "discovery/keys",
        }));
        app.MapGet("/discovery/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, alg = "RS256" } } });
        });
    }

    /// <summary>The issuer, with the trailing slash as Entra ID writes it.</summary>
    public string Issuer { get; private set; } = "";

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var authority = new TestAuthority(builder.Build());
        await authority.app.StartAsync();
        authority.Issuer = authority.app.Urls.Single() + "/";
        return authority;
    }

    /// <param name="signedBy">Another key to sign with (a token the authority never issued); null for the authority's own.</param>
    public string Token(string audience, IEnumerable<Claim> claims, TimeSpan? lifetime = null, RSA? signedBy = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(30));
        SecurityKey signing = signedBy is null ? key : new RsaSecurityKey(signedBy) { KeyId = key.KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        rsa.Dispose();
    }
}
