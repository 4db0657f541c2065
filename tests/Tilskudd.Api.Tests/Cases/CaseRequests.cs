using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// Case commands and reads over HTTP, as an organisation's applicant, a caseworker or a decision maker sends them:
/// with a token from /dev/token (<see cref="DevSignIn"/>). "organisation" is the applicant who submitted through
/// <see cref="TilskuddClient.SubmitAsync"/>; no role sends no token.
/// </summary>
static class CaseRequests
{
    public const string Organisation = "organisation";
    public const string Caseworker = "caseworker";
    public const string DecisionMaker = "decisionMaker";

    /// <param name="user">The person's id ("sub"); null for the role's usual person (<see cref="DevSignIn.DefaultUser"/>).</param>
    public static async Task<(HttpResponseMessage Response, JsonObject Body)> SendAsync(
        this HttpClient http, HttpMethod method, string path, string? role, string? user = null, JsonObject? json = null, string? idempotencyKey = null, HttpContent? content = null)
    {
        var response = await DevSignIn.SendAsync(http, () =>
        {
            var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (idempotencyKey is not null)
            {
                message.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            message.Content = content ?? (json is null ? null : new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
            return message;
        }, role, user);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>A request as the actor sends it, with the answer as it comes (a PDF, a spreadsheet, CSV or XML), for the caller to dispose.</summary>
    public static Task<HttpResponseMessage> SendAsActorAsync(this HttpClient http, HttpMethod method, string path, string role, string? body = null) =>
        DevSignIn.SendAsync(http, () => new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "text/plain"),
        }, role);

    public static Task<(HttpResponseMessage Response, JsonObject Body)> PostAsync(
        this HttpClient http, string path, string? role, JsonObject? json = null, string? idempotencyKey = null, HttpContent? content = null) =>
        http.SendAsync(HttpMethod.Post, path, role, null, json, idempotencyKey, content);

    public static Task<(HttpResponseMessage Response, JsonObject Body)> ReadAsync(this HttpClient http, string path, string? role = Caseworker) =>
        http.SendAsync(HttpMethod.Get, path, role);

    /// <summary>Submits a valid Alta 2027 application and waits until its case view is stored (commands are checked against it).</summary>
    public static async Task<string> SubmitAltaCaseAsync(this TilskuddFixture fixture)
    {
        var application = ApplicationRequest.ValidAlta(await fixture.Http.BudgetCategoryAsync("alta-2027"));
        var (response, receipt) = await fixture.Http.SubmitAsync("alta-2027", application);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string reference = receipt["reference"].Text();
        await fixture.WaitForCaseViewAsync(reference);
        return reference;
    }

    public static async Task<TableEntity> WaitForCaseViewAsync(this TilskuddFixture fixture, string reference, string roundId = "alta-2027")
    {
        var cases = fixture.Tables.GetTableClient("cases");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var row = await cases.GetEntityIfExistsAsync<TableEntity>(roundId, reference, cancellationToken: TestContext.Current.CancellationToken);
            if (row.HasValue)
            {
                return row.Value!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No case view for {reference} within a minute.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A command's answer: 200 at once, or 202 and then its outcome from the Location, followed for up to
    /// <paramref name="within"/> (2 minutes unless told: fifty decisions at once on a machine running two suites took longer than 30 s).
    /// </summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> OutcomeOfAsync(
        this HttpClient http, (HttpResponseMessage Response, JsonObject Body) sent, TimeSpan? within = null)
    {
        if (sent.Response.StatusCode != HttpStatusCode.Accepted)
        {
            return (sent.Response.StatusCode, sent.Body);
        }

        string location = sent.Response.Headers.Location!.ToString();
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var (response, body) = await http.ReadAsync(location, Organisation);
            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<List<JsonObject>> EventsAsync(this HttpClient http, string reference)
    {
        var (response, body) = await http.ReadAsync($"/api/applications/{reference}/events");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }
}
