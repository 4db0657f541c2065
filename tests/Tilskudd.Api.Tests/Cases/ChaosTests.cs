using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using static Tilskudd.Api.Tests.Cases.CaseRequests;
using static Tilskudd.Api.Tests.Cases.YearHost;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// Tilskudd.Local killed with SIGKILL at random moments while organisations submit and caseworkers decide, then
/// started again. Clients behave as real ones: on a broken connection or a 5xx they send the same request again with
/// the same Idempotency-Key. Afterwards every acknowledged application and command is there, every timer that fell
/// due has fired, and no mail went out twice. The seed of the random kills is in the test output.
/// </summary>
public sealed class ChaosTests(TilskuddFixture fixture)
{
    const int Clients = 3;
    const int ApplicationsPerClient = 5;
    const long Amount = 10_000;

    [Fact]
    public async Task Killed_at_random_moments_under_load_the_host_loses_nothing_it_acknowledged_and_sends_no_mail_twice()
    {
        int seed = Environment.TickCount;
        var random = new Random(seed);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Seed {seed}");
        await using var year = await YearHost.StartAsync(fixture, "TilskuddChaos");
        var (opened, _) = await year.Http.SendAsync(HttpMethod.Post, "/api/rounds", "administrator", "admin-1", new JsonObject { ["schemeId"] = "alta", ["grantYear"] = 2029 });
        Assert.True(opened.IsSuccessStatusCode, $"{(int)opened.StatusCode}");
        var round = await year.Http.GetJsonAsync("/api/rounds/alta-2029");
        int kills = 0;

        async Task KillAtRandomAsync(int times, int withinMilliseconds)
        {
            for (int i = 0; i < times; i++)
            {
                await Task.Delay(random.Next(withinMilliseconds / 4, withinMilliseconds), TestContext.Current.CancellationToken);
                await year.KillAsync();
                kills++;
                await Task.Delay(random.Next(0, 1_000), TestContext.Current.CancellationToken);
                await year.RestartAsync();
            }
        }

        // Organisations submit while the host is killed twice.
        var acknowledged = new ConcurrentBag<string>();
        var submitting = Enumerable.Range(0, Clients).Select(async _ =>
        {
            for (int i = 0; i < ApplicationsPerClient; i++)
            {
                var form = ApplicationRequest.ValidAlta(round["budgetCategories"]![0]!["code"].Text(), grantYear: 2029);
                form.Form["amountAppliedFor"] = Amount;
                form.IdempotencyKey = Guid.NewGuid().ToString();
                var (response, receipt) = await UntilAnsweredAsync(() => year.Http.SubmitAsync("alta-2029", form), r => (int)r.Response.StatusCode < 500);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {receipt.ToJsonString()}");
                acknowledged.Add(receipt["reference"].Text());
            }
        }).ToList();
        await Task.WhenAll([.. submitting, KillAtRandomAsync(2, 3_000)]);
        var references = acknowledged.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Clients * ApplicationsPerClient, references.Distinct().Count());

        // After the deadline (Sunday 15 April 2029): review, assess, grant and accept every case while the host is killed twice more.
        await year.MoveToAsync("2029-04-16 09:00");
        foreach (var reference in references)
        {
            await UntilAsync(year, reference, s => s["status"].Text() == "WaitingForDeadline");
        }

        var deciding = references.Chunk(references.Count / Clients + 1).Select(async mine =>
        {
            foreach (var reference in mine)
            {
                await CommandAsync(year, reference, "review", Caseworker, CaseworkerUser, []);
                await CommandAsync(year, reference, "assessment", Caseworker, CaseworkerUser, Assessment(round, Amount));
                await CommandAsync(year, reference, "decision", "decisionMaker", DecisionMakerUser, new JsonObject { ["outcome"] = "granted", ["amount"] = Amount, ["reasons"] = new JsonArray("Godt tiltak.") });
                await UntilAsync(year, reference, s => s["status"].Text() == "AwaitingAcceptance");
                await CommandAsync(year, reference, "acceptance", Organisation, ApplicantUser, []);
            }
        }).ToList();
        await Task.WhenAll([.. deciding, KillAtRandomAsync(2, 8_000)]);

        // Every payout fell due on the day of acceptance: its timer has fired for every case.
        foreach (var reference in references)
        {
            await UntilAsync(year, reference, s => s["paidOut"]?.GetValue<long>() == Amount);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var listed = new List<string>();
        string? token = null;
        do
        {
            var (_, page) = await year.Http.ReadAsync($"/api/rounds/alta-2029/applications{(token is null ? "" : "?continuationToken=" + Uri.EscapeDataString(token))}");
            listed.AddRange(page["items"]!.AsArray().Select(i => i!["reference"].Text()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        Assert.Equal(references, listed.Order(StringComparer.Ordinal));

        int doubles = await CrashMails.AssertEachOnceAsync(year.Http, references, ["kvittering", "vedtak-innvilget", "tilskuddsbrev", "utbetalingsmelding"], year.KilledHosts);
        output?.WriteLine($"{kills} kills, {references.Count} applications and {references.Count * 4} commands acknowledged, none lost; {doubles} mails sent twice in the crash window");
        foreach (var reference in references)
        {
            var events = await year.Http.EventsAsync(reference);
            var types = events.Select(e => e["type"].Text()).ToList();
            Assert.True(types.Count == types.Distinct().Count(), $"{reference}: {string.Join(", ", types)}");
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e["version"]!.GetValue<int>()));
        }
    }

    static async Task CommandAsync(YearHost year, string reference, string command, string role, string user, JsonObject body)
    {
        // A 404 from the outcome link after a 202 means the case has not decided it yet (a killed host's messages come
        // back after their visibility timeout): the client sends the command again with the same key.
        string key = Guid.NewGuid().ToString();
        var (status, outcome) = await UntilAnsweredAsync(
            async () => await year.Http.OutcomeOfAsync(await year.Http.SendAsync(HttpMethod.Post, $"/api/applications/{reference}/{command}", role, user, body.DeepClone().AsObject(), key)),
            r => (int)r.Status < 500 && r.Status != HttpStatusCode.NotFound);
        Assert.True(status == HttpStatusCode.OK && outcome["accepted"]?.GetValue<bool>() == true, $"{command} on {reference}: {(int)status} {outcome.ToJsonString()}");
    }

    static async Task UntilAsync(YearHost year, string reference, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        JsonObject? last = null;
        while (last is null || !done(last))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{reference} did not get there within 3 minutes: {last?.ToJsonString()}{Environment.NewLine}{year.Output}");
            try
            {
                var (response, body) = await year.Http.ReadAsync($"/api/applications/{reference}");
                last = response.IsSuccessStatusCode ? body : last;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(300, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Sends again (the caller keeps the Idempotency-Key) until the host gives an answer, not a broken connection or a 5xx.</summary>
    static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> send, Func<T, bool> answered)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            try
            {
                var answer = await send();
                if (answered(answer))
                {
                    return answer;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "The host did not answer within 3 minutes.");
            await Task.Delay(300, TestContext.Current.CancellationToken);
        }
    }
}
