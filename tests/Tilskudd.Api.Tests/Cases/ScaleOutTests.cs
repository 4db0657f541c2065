using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;
using static Tilskudd.Api.Tests.Cases.CaseRequests;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// Two Tilskudd.Local processes on one storage account and one task hub, as two Function App instances: the engine
/// leases the task hub's partitions between them, both run cases, and when one dies the other takes its partitions
/// over and finishes every case.
/// </summary>
public sealed class ScaleOutTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task Two_hosts_share_the_cases_and_when_one_is_killed_the_other_finishes_them_all()
    {
        var output = TestContext.Current.TestOutputHelper;
        await using var first = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddScale");
        await using var second = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddScale");
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        using var one = new HttpClient { BaseAddress = first.BaseAddress };
        using var two = new HttpClient { BaseAddress = second.BaseAddress };
        string category = await one.BudgetCategoryAsync("alta-2027");

        // Submit through both until each host has sent receipts of cases it ran (the engine balances partitions over some seconds).
        var references = new List<string>();
        var sentBy = new Dictionary<string, string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (sentBy.Values.Distinct().Count() < 2 || references.Count < 8)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Within 90 s only {string.Join(", ", sentBy.Values.Distinct())} ran cases.{Environment.NewLine}{first.Output}{Environment.NewLine}{second.Output}");
            foreach (var http in new[] { one, two })
            {
                var (response, receipt) = await http.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(category));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                references.Add(receipt["reference"].Text());
            }

            await Task.Delay(1_000, TestContext.Current.CancellationToken);
            foreach (var mail in await ReceiptsAsync(one, references))
            {
                sentBy[mail.Reference] = mail.Host;
            }
        }

        string firstHost = $"{Environment.MachineName}:{first.ProcessId}";
        int ranByFirst = sentBy.Values.Count(h => h == firstHost);
        output?.WriteLine($"Before the kill: {references.Count} cases, {ranByFirst} receipts sent by the first host, {sentBy.Count - ranByFirst} by the second.");

        // The first host dies with work in flight: three more cases it took in, and commands it never answered.
        for (int i = 0; i < 3; i++)
        {
            var (response, receipt) = await one.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(category));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            references.Add(receipt["reference"].Text());
        }

        string killed = CrashMails.HostOf(first);
        await first.KillAsync();

        // The second host alone: every case gets its receipt once, and takes a command, whoever ran it before. A case
        // on a partition the dead host held answers only once its lease has run out (15 s) and the second host has
        // taken the partition and replayed it, which on a loaded two-core machine has taken more than 30 s.
        foreach (var reference in references)
        {
            var status = await two.WaitForStatusAsync(reference, s => s["status"].Text() == "WaitingForDeadline", TimeSpan.FromSeconds(120));
            Assert.True(status["status"].Text() == "WaitingForDeadline", $"{reference}: {status.ToJsonString()}{Environment.NewLine}{second.Output}");
            var (answer, outcome) = await two.OutcomeOfAsync(await two.SendAsync(
                HttpMethod.Post, $"/api/applications/{reference}/withdrawal", Organisation, "soker-1", new JsonObject { ["reason"] = "Prosjektet er avlyst." }, Guid.NewGuid().ToString()), TimeSpan.FromSeconds(120));
            Assert.True(answer == HttpStatusCode.OK && outcome["accepted"]?.GetValue<bool>() == true, $"{reference}: {(int)answer} {outcome.ToJsonString()}");
        }

        int doubles = await CrashMails.AssertEachOnceAsync(two, references, ["kvittering"], [killed]);
        output?.WriteLine($"After the kill: all {references.Count} cases withdrawn through the second host; {doubles} receipts sent twice in the crash window.");
    }

    static async Task<List<(string Reference, string Host)>> ReceiptsAsync(HttpClient http, IReadOnlyCollection<string> references)
    {
        var mails = await http.GetFromJsonAsync<JsonArray>("/dev/mail?json", TestContext.Current.CancellationToken) ?? [];
        return [.. mails.Select(m => m!.AsObject())
            .Select(m => (Id: m["mailId"]?.GetValue<string>() ?? "", Host: m["receivedBy"]?.GetValue<string>() ?? ""))
            .Where(m => m.Id.EndsWith("/kvittering", StringComparison.Ordinal) && references.Contains(m.Id[..m.Id.IndexOf('/', StringComparison.Ordinal)]))
            .Select(m => (m.Id[..m.Id.IndexOf('/', StringComparison.Ordinal)], m.Host))];
    }
}
