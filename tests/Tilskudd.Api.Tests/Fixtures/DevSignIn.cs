using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>
/// Tokens from the host's GET /dev/token, as the tests' people: the applicant is a private person
/// ("soker-1", no org claim: sees what they sent), caseworkers and decision makers work for Oslo and Alta.
/// Tokens are kept per host and person; a host restarted with a new key refuses them, and they are fetched again.
/// </summary>
static class DevSignIn
{
    public const string Applicant = "applicant";
    public const string BothKommuner = "0301,5603";

    static readonly ConcurrentDictionary<string, string> Tokens = new(StringComparer.Ordinal);

    /// <summary>The tests' role words: "organisation" is the applicant of the contract.</summary>
    public static string RoleOf(string role) => role == "organisation" ? Applicant : role;

    public static string DefaultUser(string role) => RoleOf(role) switch
    {
        Applicant => "soker-1",
        "caseworker" => "saksbehandler-1",
        "decisionMaker" => "beslutter-1",
        "administrator" => "administrator-1",
        _ => role,
    };

    /// <summary>A token for the person; <paramref name="query"/> adds org, kommune, audience or expiresIn.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string role, string? user = null, string? query = null, bool fresh = false)
    {
        role = RoleOf(role);
        user ??= DefaultUser(role);
        query ??= role == Applicant ? "" : "kommune=" + BothKommuner;
        string key = $"{http.BaseAddress}|{role}|{user}|{query}";
        if (!fresh && Tokens.TryGetValue(key, out string? token))
        {
            return token;
        }

        string path = $"/dev/token?role={Uri.EscapeDataString(role)}&user={Uri.EscapeDataString(user)}" + (query.Length > 0 ? "&" + query : "");
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {body}");
        token = JsonNode.Parse(body)!["token"]!.GetValue<string>();
        Tokens[key] = token;
        return token;
    }

    /// <summary>
    /// Sends what <paramref name="make"/> builds with the person's token (none when <paramref name="role"/> is null);
    /// once more with a fresh token when the host no longer knows the key the first was signed with.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> make, string? role, string? user = null)
    {
        for (int attempt = 0; ; attempt++)
        {
            using var message = make();
            if (role is not null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, role, user, fresh: attempt > 0));
            }

            var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
            if (role is null || attempt > 0 || response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
        }
    }
}
