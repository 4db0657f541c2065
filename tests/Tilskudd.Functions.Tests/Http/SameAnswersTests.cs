using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Tilskudd.Api.Security;
using Tilskudd.Domain.People;
using Tilskudd.Functions.Applications;
using Tilskudd.Functions.Cases;
using Tilskudd.Functions.Rounds;
using Tilskudd.Testing;

namespace Tilskudd.Functions.Tests.Http;

/// <summary>
/// The HTTP functions, called with a real HttpContext and the host's services on an Azurite, answer a
/// request exactly as Tilskudd.Local does over HTTP on the same storage: same status, content type and body.
/// </summary>
public sealed class SameAnswersTests : IAsyncLifetime
{
    AzuriteProcess azurite = null!;
    LocalHostProcess local = null!;
    HttpClient http = null!;
    ServiceProvider functionsServices = null!;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        local = new LocalHostProcess(azurite.ConnectionString, "TilskuddSameAnswers");
        await local.StartAsync();
        http = new HttpClient { BaseAddress = local.BaseAddress };

        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tilskudd:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Tilskudd:Mail:SendGridApiKey"] = "SG.not-used-here",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddTilskuddFunctions(settings);
        // Development, as the local host runs: both believe their own development tokens (each its own key).
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        // The local host runs on the development clock from this instant; the functions get the same day.
        services.AddSingleton<TimeProvider>(new FixedTime(DateTimeOffset.Parse(LocalHostProcess.TestClockStart, System.Globalization.CultureInfo.InvariantCulture)));
        functionsServices = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await functionsServices.DisposeAsync();
        await local.DisposeAsync();
        await azurite.DisposeAsync();
    }

    T Functions<T>() => ActivatorUtilities.CreateInstance<T>(functionsServices);

    [Fact]
    public async Task The_round_list_is_the_same() =>
        await AssertSameAsync(HttpMethod.Get, "/api/rounds", null, request => Functions<RoundsFunctions>().ListRounds(request, Ct));

    [Fact]
    public async Task A_round_is_the_same() =>
        await AssertSameAsync(HttpMethod.Get, "/api/rounds/alta-2027", null, request => Functions<RoundsFunctions>().GetRound(request, "alta-2027", Ct));

    [Fact]
    public async Task An_unknown_round_is_the_same_problem() =>
        await AssertSameAsync(HttpMethod.Get, "/api/rounds/bodo-2027", null, request => Functions<RoundsFunctions>().GetRound(request, "bodo-2027", Ct));

    [Fact]
    public async Task A_broken_body_is_the_same_problem_for_an_administrator() =>
        await AssertSameAsync(HttpMethod.Post, "/api/rounds", "{ schemeId: ", request => Functions<RoundsFunctions>().OpenRound(request, Ct), Roles.Administrator);

    [Fact]
    public async Task An_unknown_application_is_the_same_problem() =>
        await AssertSameAsync(HttpMethod.Get, "/api/applications/ALT-2027-9999", null, request => Functions<ApplicationsFunctions>().GetApplication(request, "ALT-2027-9999", null!, Ct), Roles.Caseworker);

    [Theory]
    [InlineData("/")]
    [InlineData("/runder/alta-2027/sok")]
    [InlineData("/kvittering/ALT-2027-0001")]
    [InlineData("/ressurser/felles.js")]
    [InlineData("/ressurser/tilskudd.css")]
    [InlineData("/saksbehandling/runder/alta-2027")]
    [InlineData("/mine-soknader")]
    public async Task A_page_is_the_same_bytes_with_the_same_headers(string path)
    {
        using var expected = await http.GetAsync(path, Ct);
        byte[] expectedBody = await expected.Content.ReadAsByteArrayAsync(Ct);

        var context = new DefaultHttpContext { RequestServices = functionsServices };
        context.Request.Method = "GET";
        context.Request.Path = path;
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await Tilskudd.Functions.Pages.PageFunctions.Pages(context.Request, path.TrimStart('/')).ExecuteAsync(context);

        Assert.Equal((int)expected.StatusCode, context.Response.StatusCode);
        Assert.Equal(expected.Content.Headers.ContentType?.ToString(), context.Response.ContentType);
        Assert.Equal(expectedBody, responseBody.ToArray());
        Assert.Equal(
            expected.Headers.TryGetValues("Content-Security-Policy", out var policy) ? string.Join(",", policy) : null,
            context.Response.Headers.ContentSecurityPolicy.FirstOrDefault());
    }

    [Fact]
    public async Task A_missing_asset_is_the_same_problem() =>
        await AssertSameAsync(HttpMethod.Get, "/ressurser/finnes-ikke.js", null, request => Task.FromResult(Tilskudd.Functions.Pages.PageFunctions.Pages(request, "ressurser/finnes-ikke.js")));

    [Fact]
    public async Task A_command_without_a_token_is_the_same_401() =>
        await AssertSameAsync(HttpMethod.Post, "/api/applications/ALT-2027-9999/withdrawal", "{}", request => Functions<CasesHttpFunctions>().WithdrawApplication(request, "ALT-2027-9999", null!, Ct));

    [Fact]
    public async Task Opening_a_round_as_an_applicant_is_the_same_403() =>
        await AssertSameAsync(HttpMethod.Post, "/api/rounds", """{"schemeId":"alta","grantYear":2030}""", request => Functions<RoundsFunctions>().OpenRound(request, Ct), Roles.Applicant);

    [Fact]
    public async Task A_round_of_another_kommune_is_the_same_403_for_its_caseworker() =>
        await AssertSameAsync(HttpMethod.Get, "/api/rounds/oslo-2027/budget", null, request => Functions<CasesHttpFunctions>().GetBudget(request, "oslo-2027", Ct), Roles.Caseworker, "5603");

    /// <param name="role">Sign in as this role (of Alta and Oslo, or of <paramref name="kommune"/>): each host gets a token from its own development issuer.</param>
    async Task AssertSameAsync(HttpMethod method, string path, string? body, Func<HttpRequest, Task<IResult>> function, string? role = null, string kommune = "0301,5603")
    {
        using var message = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        string? functionsToken = null;
        if (role is not null)
        {
            var issued = await http.GetFromJsonAsync<JsonObject>($"/dev/token?role={role}&user=samme-1&kommune={kommune}", Ct);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued!["token"]!.GetValue<string>());
            functionsToken = functionsServices.GetRequiredService<DevTokens>().Issue(role, "samme-1", null, [], kommune.Split(','), null, null).Token;
        }

        using var expected = await http.SendAsync(message, Ct);
        string expectedBody = await expected.Content.ReadAsStringAsync(Ct);

        var context = new DefaultHttpContext { RequestServices = functionsServices };
        context.Request.Method = method.Method;
        context.Request.Path = path;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""));
        context.Request.ContentType = body is null ? null : "application/json";
        if (functionsToken is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + functionsToken;
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await (await function(context.Request)).ExecuteAsync(context);
        string actualBody = Encoding.UTF8.GetString(responseBody.ToArray());

        Assert.Equal((int)expected.StatusCode, context.Response.StatusCode);
        Assert.Equal(expected.Content.Headers.ContentType?.MediaType, context.Response.ContentType?.Split(';')[0]);
        Assert.True(JsonNode.DeepEquals(Comparable(expectedBody), Comparable(actualBody)), $"Local: {expectedBody}{Environment.NewLine}Functions: {actualBody}");
    }

    /// <summary>The body without what differs per request by design (a problem's trace id).</summary>
    static JsonNode? Comparable(string body)
    {
        var node = JsonNode.Parse(body);
        if (node is JsonObject problem)
        {
            problem.Remove("traceId");
        }

        return node;
    }

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
