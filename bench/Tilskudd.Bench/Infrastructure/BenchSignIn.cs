using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// The bench's people, signed in through the host's development issuer (GET /dev/token) once per host and
/// role: "organisation" is one private person who sends every application and so may act on all of them;
/// caseworkers and decision makers work for Oslo and Alta. Token fetches touch no storage, so the storage
/// counts are the same as with any other sign-in.
/// </summary>
public static class BenchSignIn
{
    static readonly ConcurrentDictionary<string, Task<string>> Tokens = new(StringComparer.Ordinal);

    /// <summary>Signs <paramref name="request"/> in as <paramref name="role"/> ("organisation", "caseworker", "decisionMaker").</summary>
    public static async Task AsAsync(HttpClient http, HttpRequestMessage request, string role)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        string token = await Tokens.GetOrAdd($"{http.BaseAddress}|{role}", _ => FetchAsync(http, role));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    static async Task<string> FetchAsync(HttpClient http, string role)
    {
        string query = role == "organisation" ? "role=applicant&user=soker-bench" : $"role={role}&user={role}-bench&kommune=0301,5603";
        string body = await http.GetStringAsync(new Uri("/dev/token?" + query, UriKind.Relative));
        return JsonNode.Parse(body)!["token"]!.GetValue<string>();
    }
}
