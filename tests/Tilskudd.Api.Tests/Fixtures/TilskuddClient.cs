using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>What the tests do over HTTP, as an organisation or a person reading the mail sink would.</summary>
static class TilskuddClient
{
    public static async Task<JsonObject> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
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
        using var message = application.ToHttp(roundId);
        var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject());
    }

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
