using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>
/// What the tests do over HTTP, as an applicant (signed in through /dev/token as <see cref="DevSignIn"/>'s
/// private person, who sees the applications they sent) or a person reading the mail sink would.
/// </summary>
static class TilskuddClient
{
    public static async Task<JsonObject> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await DevSignIn.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), DevSignIn.Applicant);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<string> BudgetCategoryAsync(this HttpClient http, string roundId)
    {
        var round = await http.GetJsonAsync($"/api/rounds/{roundId}");
        return round["budgetCategories"]![0]!["code"]!.GetValue<string>();
    }

    public static async Task<(HttpResponseMessage Response, JsonObject Body)> SubmitAsync(this HttpClient http, string roundId, ApplicationRequest application)
    {
        var response = await DevSignIn.SendAsync(http, () => application.ToHttp(roundId), DevSignIn.Applicant);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>POST JSON as the applicant (the form's check of a draft).</summary>
    public static Task<HttpResponseMessage> PostJsonAsApplicantAsync<T>(this HttpClient http, string path, T body) =>
        DevSignIn.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) }, DevSignIn.Applicant);

    /// <summary>POST as an administrator of Oslo and Alta (opening rounds).</summary>
    public static Task<HttpResponseMessage> PostAsAdministratorAsync(this HttpClient http, string path, HttpContent content) =>
        DevSignIn.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content }, "administrator");

    /// <summary>POST JSON as an administrator of Oslo and Alta.</summary>
    public static Task<HttpResponseMessage> PostJsonAsAdministratorAsync<T>(this HttpClient http, string path, T body) =>
        http.PostAsAdministratorAsync(path, JsonContent.Create(body));

    /// <summary>The mails in the local SendGrid sink whose mail id is for this reference.</summary>
    public static async Task<List<JsonObject>> MailsForAsync(this HttpClient http, string reference)
    {
        var mails = await http.GetFromJsonAsync<JsonArray>("/dev/mail?json", TestContext.Current.CancellationToken) ?? [];
        return mails.Select(m => m!.AsObject())
            .Where(m => m["mailId"]?.GetValue<string>()?.StartsWith(reference + "/", StringComparison.Ordinal) == true)
            .ToList();
    }

    public static async Task<List<JsonObject>> WaitForMailsAsync(this HttpClient http, string reference, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = await http.MailsForAsync(reference);
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Reads the application's status until it satisfies <paramref name="done"/> (the case works asynchronously).</summary>
    public static async Task<JsonObject> WaitForStatusAsync(this HttpClient http, string reference, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await http.GetJsonAsync($"/api/applications/{reference}");
            if (done(status) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? "";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
