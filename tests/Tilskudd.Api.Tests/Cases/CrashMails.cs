using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// Mail after crashes. A mail is sent, then recorded in the mail ledger; a host killed between the mail service's
/// acceptance and the ledger write has sent a mail the ledger does not know, and whoever runs the activity again sends
/// it again. That window (one table write long) is the one way a mail can go twice: these checks allow exactly that —
/// an extra copy sent by a host that was then killed — and nothing else, and count it.
/// </summary>
static class CrashMails
{
    public sealed record Sent(string MailId, string Reference, string Kind, string Host);

    public static string HostOf(Testing.LocalHostProcess host) => $"{Environment.MachineName}:{host.ProcessId}";

    /// <summary>
    /// Waits (up to two minutes: a killed host's work items come back after their visibility timeout) until every case
    /// has every kind of mail, then checks each mail went once but for the crash window. Returns the copies sent twice.
    /// </summary>
    public static async Task<int> AssertEachOnceAsync(HttpClient http, IReadOnlyCollection<string> references, IReadOnlyList<string> kinds, IReadOnlyCollection<string> killedHosts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        List<Sent> mails;
        while (true)
        {
            mails = await ReadAsync(http, references);
            bool complete = references.All(r => kinds.All(k => mails.Any(m => m.Reference == r && m.Kind == k)));
            if (complete || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        foreach (var reference in references)
        {
            Assert.Equal(kinds.Order(StringComparer.Ordinal), mails.Where(m => m.Reference == reference).Select(m => m.Kind).Distinct().Order(StringComparer.Ordinal));
        }

        int doubles = 0;
        foreach (var copies in mails.GroupBy(m => m.MailId))
        {
            int fromLiveHosts = copies.Count(c => !killedHosts.Contains(c.Host));
            Assert.True(fromLiveHosts <= 1, $"{copies.Key} went {copies.Count()} times, from {string.Join(", ", copies.Select(c => c.Host))}; killed: {string.Join(", ", killedHosts)}");
            doubles += copies.Count() - 1;
        }

        return doubles;
    }

    static async Task<List<Sent>> ReadAsync(HttpClient http, IReadOnlyCollection<string> references)
    {
        var mails = await http.GetFromJsonAsync<JsonArray>("/dev/mail?json", TestContext.Current.CancellationToken) ?? [];
        return [.. mails.Select(m => m!.AsObject())
            .Select(m => (Id: m["mailId"]?.GetValue<string>() ?? "", Host: m["receivedBy"]?.GetValue<string>() ?? ""))
            .Where(m => m.Id.Contains('/', StringComparison.Ordinal) && references.Contains(m.Id[..m.Id.IndexOf('/', StringComparison.Ordinal)]))
            .Select(m => new Sent(m.Id, m.Id[..m.Id.IndexOf('/', StringComparison.Ordinal)], m.Id[(m.Id.LastIndexOf('/') + 1)..], m.Host))];
    }
}
