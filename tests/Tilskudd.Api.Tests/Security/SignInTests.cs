using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Security;

/// <summary>What holds around sign-in on a running host: the development issuer only in Development, rate limits, security headers.</summary>
public sealed class SignInTests(TilskuddFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outside_Development_there_is_no_dev_token_and_a_development_token_is_refused()
    {
        string devToken = await DevSignIn.TokenAsync(fixture.Http, "caseworker");
        await using var production = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddProduction", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Tilskudd__Mail__SendGridApiKey"] = "SG.not-used-here",
        });
        await production.StartAsync();
        using var http = new HttpClient { BaseAddress = production.BaseAddress };

        using var token = await http.GetAsync(new Uri("/dev/token?role=administrator&kommune=0301", UriKind.Relative), Ct);
        using var listing = new HttpRequestMessage(HttpMethod.Get, "/api/rounds/alta-2027/budget");
        listing.Headers.Authorization = new AuthenticationHeaderValue("Bearer", devToken);
        using var refused = await http.SendAsync(listing, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>(Ct);
        using var rounds = await http.GetAsync(new Uri("/api/rounds", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("sign-in-refused", problem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, rounds.StatusCode);
    }

    [Fact]
    public async Task Too_many_tokens_or_submits_in_a_minute_are_429_in_Norwegian_with_retry_after()
    {
        await using var limited = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddRateLimits", new Dictionary<string, string>
        {
            ["Tilskudd__RateLimits__SubmitsPerMinute"] = "3",
            ["Tilskudd__RateLimits__TokensPerMinute"] = "5",
        });
        await limited.StartAsync();
        using var http = new HttpClient { BaseAddress = limited.BaseAddress };

        var tokenAnswers = new List<HttpStatusCode>();
        string token = "";
        for (int i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync(new Uri($"/dev/token?role=applicant&user=ivrig-{i}", UriKind.Relative), Ct);
            tokenAnswers.Add(response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                token = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
            }
            else
            {
                await AssertTooManyAsync(response);
            }
        }

        var submitAnswers = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/rounds/alta-2027/applications") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(submit, Ct);
            submitAnswers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await AssertTooManyAsync(response);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], tokenAnswers);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 3), HttpStatusCode.TooManyRequests], submitAnswers);
    }

    [Theory]
    [InlineData("/api/rounds")]
    [InlineData("/api/rounds/alta-2027/budget")]
    [InlineData("/api/finnes-ikke")]
    public async Task Api_answers_carry_the_security_headers_and_are_not_cached(string path)
    {
        using var response = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, path);
    }

    static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("For mange forespørsler", problem!["title"]!.GetValue<string>());
        Assert.Equal("rate-limited", problem["code"]!.GetValue<string>());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
