using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Domain.People;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Security;

/// <summary>
/// The sign-in the product runs with in Azure, on a host of its own: bearer tokens from an OpenID Connect
/// authority (here one on 127.0.0.1, keys from its discovery document), and App Service authentication's
/// X-MS-CLIENT-PRINCIPAL header in the mode infra sets when App Service signs people in.
/// </summary>
public sealed class ProductionSignInTests(TilskuddFixture fixture)
{
    const string Audience = "api://tilskudd-test";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_of_the_authority_for_the_audience_is_let_in_and_an_expired_foreign_or_forged_one_is_not()
    {
        await using var authority = await TestAuthority.StartAsync();
        await using var host = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddOidc", new Dictionary<string, string>
        {
            ["Tilskudd__SignIn__Authority"] = authority.Issuer,
            ["Tilskudd__SignIn__Audience"] = Audience,
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Claim[] altaCaseworker = [new("sub", "oid-ola"), new("name", "Ola Saksbehandler"), new("roles", "caseworker"), new("kommune", "5603")];
        using var forger = RSA.Create(2048);

        var valid = await BudgetAsync(http, authority.Token(Audience, altaCaseworker));
        var osloOnly = await BudgetAsync(http, authority.Token(Audience, [new("sub", "oid-kari"), new("roles", "caseworker"), new("kommune", "0301")]));
        var expired = await BudgetAsync(http, authority.Token(Audience, altaCaseworker, lifetime: TimeSpan.FromMinutes(-10)));
        var otherAudience = await BudgetAsync(http, authority.Token("api://en-annen-tjeneste", altaCaseworker));
        var forged = await BudgetAsync(http, authority.Token(Audience, altaCaseworker, signedBy: forger));

        Assert.Equal(HttpStatusCode.OK, valid.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (osloOnly.Status, osloOnly.Code));
        Assert.Equal((HttpStatusCode.Unauthorized, "Innloggingen er utløpt. Logg inn på nytt."), (expired.Status, expired.Detail));
        Assert.Equal((HttpStatusCode.Unauthorized, "Tokenet er utstedt for en annen tjeneste."), (otherAudience.Status, otherAudience.Detail));
        Assert.Equal((HttpStatusCode.Unauthorized, "sign-in-refused"), (forged.Status, forged.Code));
    }

    [Fact]
    public async Task Behind_App_Service_sign_in_its_principal_header_is_who_asks_and_a_command_from_another_site_is_refused()
    {
        await using var host = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddAppService", new Dictionary<string, string>
        {
            ["Tilskudd__SignIn__Mode"] = "AppService",
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        string caseworker = Principal(("http://schemas.microsoft.com/identity/claims/objectidentifier", "oid-ola"), ("name", "Ola"), ("roles", "caseworker"), ("kommune", "5603"));

        using var budget = await SendAsync(http, HttpMethod.Get, "/api/rounds/alta-2027/budget", caseworker);
        using var unsigned = await SendAsync(http, HttpMethod.Get, "/api/rounds/alta-2027/budget", null);
        using var garbage = await SendAsync(http, HttpMethod.Get, "/api/rounds/alta-2027/budget", "ikke base64 %%");
        using var crossSite = await SendAsync(http, HttpMethod.Post, "/api/applications/ALT-2027-9999/review", caseworker, request => request.Headers.Add("Sec-Fetch-Site", "cross-site"));
        using var sameSite = await SendAsync(http, HttpMethod.Post, "/api/applications/ALT-2027-9999/review", caseworker, request => request.Headers.Add("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.OK, budget.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, crossSite.StatusCode);
        Assert.Contains("et annet nettsted", await crossSite.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, sameSite.StatusCode);
    }

    static async Task<(HttpStatusCode Status, string? Code, string? Detail)> BudgetAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rounds/alta-2027/budget");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        string? Text(string name) => body.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return (response.StatusCode, Text("code"), Text("detail"));
    }

    /// <summary>App Service's principal: base64 JSON with the claims as {typ, val}.</summary>
    static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));

    static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? principal, Action<HttpRequestMessage>? also = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        also?.Invoke(request);
        return http.SendAsync(request, Ct);
    }
}
