using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tilskudd.Api.Security;

/// <summary>
/// The development token issuer behind GET /dev/token: short-lived HS256 tokens signed with a key made at
/// random when the process starts, so no token outlives the process and no key is ever written down. The
/// sign-in believes these tokens only in Development. Lifetimes are on real time, not the development clock:
/// moving the clock a year forward must not expire everyone's sign-in.
/// </summary>
public sealed class DevTokens
{
    public const string Issuer = "https://tilskudd.example.org/dev";
    public const string Audience = "tilskudd";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    readonly JsonWebTokenHandler handler = new();

    public SymmetricSecurityKey Key { get; } = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };

    /// <summary>
    /// A token for the claims. <paramref name="audience"/> and a negative <paramref name="lifetime"/> let tests
    /// make the wrong-audience and expired tokens the sign-in must refuse.
    /// </summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(
        string role, string user, string? name, IEnumerable<string> organisations, IEnumerable<string> kommuner, string? audience = null, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? DefaultLifetime);
        var claims = new List<Claim> { new("sub", user), new("name", name ?? user), new("roles", role) };
        claims.AddRange(organisations.Select(o => new Claim("org", o)));
        claims.AddRange(kommuner.Select(k => new Claim("kommune", k)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-1) : now,
            NotBefore = expires < now ? expires.AddMinutes(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        };
        return (handler.CreateToken(descriptor), new DateTimeOffset(expires, TimeSpan.Zero));
    }
}
