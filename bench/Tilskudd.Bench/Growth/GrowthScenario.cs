using System.Net;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Bench.Intake;
using Tilskudd.Bench.Storm;
using Tilskudd.Workflow.Cases;
using FreePorts = Tilskudd.Testing.FreePorts;

namespace Tilskudd.Bench.Growth;

/// <summary>What one size of the store measured: intake beside N stored cases, and a small reminder storm among them.</summary>
public sealed record GrowthRow(
    int StoredCases,
    double SeedSeconds,
    LevelResult Intake,
    double IntakeRequestsPerApplication,
    int StormCases,
    double StormLastMailAfterDueSeconds,
    double StormRequestsPerCase,
    string LoadAverage,
    GrowthWindows Storage);

/// <summary>The storage requests (with their wait) of each measured stretch at one size: seeding, intake and the storm.</summary>
public sealed record GrowthWindows(RequestCounts Seed, int SeededCases, RequestCounts Intake, RequestCounts Storm);

/// <summary>
/// Issue 18 item 5: does intake and a reminder storm slow down as the store fills? One Tilskudd.Local on one
/// Azurite; the store is grown step by step with running Alta cases parked on their report reminder a day
/// ahead (started from that state, as the storm's cases are: their timers sit in the control queues, their rows
/// in the instance and history tables), and at each size the same intake load and the same small storm
/// (cases due at one instant among the parked ones) are measured.
/// </summary>
public static class GrowthScenario
{
    public const string TaskHub = "BenchGrowth";

    /// <param name="seedBudget">The longest all seeding together may take (issue 18: 30 minutes); when it runs out, the size reached is measured and larger sizes are left out.</param>
    public static async Task<IReadOnlyList<GrowthRow>> RunAsync(IReadOnlyList<int> sizes, int intakeCount, int stormCases, TimeSpan cap, TimeSpan seedBudget)
    {
        Console.WriteLine($"  growth, stored cases {string.Join(", ", sizes)}; intake {intakeCount} at 8 clients, storm {stormCases} at each size");
        int grpcPort = FreePorts.Next();
        await using var local = await LocalHostUnderTest.StartAsync(TaskHub, "2026-12-01T10:00:00+01:00", new Dictionary<string, string>
        {
            ["Tilskudd__Engine__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await using var client = HostEngineClient.For(grpcPort);
        var engine = client.Engine;
        var payload = ApplicationPayload.Load();
        var http = local.Http;

        // Parked cases fall due a day from now; each storm's cases 40 s after they are started.
        var parkedOffset = Offset(DateTimeOffset.UtcNow + TimeSpan.FromDays(1));
        var rows = new List<GrowthRow>();
        int stored = 0, submitted = 0, stormed = 0;
        var seedingLeft = System.Diagnostics.Stopwatch.StartNew();
        foreach (int target in sizes.Order())
        {
            var seedClock = System.Diagnostics.Stopwatch.StartNew();
            var seedStart = local.Counter.Snapshot();
            using var budget = new CancellationTokenSource(seedBudget - seedingLeft.Elapsed > TimeSpan.Zero ? seedBudget - seedingLeft.Elapsed : TimeSpan.Zero);
            int seeded = 0;
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(stored, Math.Max(0, target - stored)), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = budget.Token }, async (i, ct) =>
                {
                    var input = ReportDueCases.Input(i, parkedOffset);
                    await engine.ScheduleNewOrchestrationInstanceAsync(nameof(CaseOrchestrator), input, new StartOrchestrationOptions(input.Start.Reference), CancellationToken.None);
                    Interlocked.Increment(ref seeded);
                });
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                Console.WriteLine($"    seeding budget of {seedBudget.TotalMinutes:0} min spent: {stored + seeded:N0} of {target:N0} stored; measuring there, larger sizes left out");
            }

            await QuietAsync(local);
            double seedSeconds = seedClock.Elapsed.TotalSeconds;
            var seedRequests = local.Counter.Snapshot().Minus(seedStart);
            stored += seeded;
            int size = stored;

            var before = local.Timeline.Add($"intake-{size}");
            var intake = await LoadLevel.RunAsync(8, intakeCount, cap, async (_, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{ApplicationPayload.RoundId}/applications") { Content = payload.ToContent() };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                await BenchSignIn.AsAsync(http, request, "organisation");
                using var response = await http.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }
            });
            submitted += intake.Submitted;
            await MailsAtLeastAsync(http, submitted + stormed, cap);
            await QuietAsync(local);
            var intakeWindow = local.Counter.Snapshot().Minus(before.Requests);
            double intakeRequests = intakeWindow.Total() / (double)Math.Max(intake.Submitted, 1);

            var dueAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(40);
            var stormOffset = Offset(dueAt);
            dueAt = ReportDueCases.Template.ReminderDueAt - stormOffset;
            await Parallel.ForEachAsync(Enumerable.Range(500_000 + stormed, stormCases), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var input = ReportDueCases.Input(i, stormOffset);
                await engine.ScheduleNewOrchestrationInstanceAsync(nameof(CaseOrchestrator), input, new StartOrchestrationOptions(input.Start.Reference), ct);
            });
            await QuietAsync(local, until: dueAt - TimeSpan.FromSeconds(1));
            if (dueAt > DateTimeOffset.UtcNow)
            {
                await Task.Delay(dueAt - DateTimeOffset.UtcNow);
            }

            var due = local.Timeline.Add($"storm-{size}");
            stormed += stormCases;
            await MailsAtLeastAsync(http, submitted + stormed, cap);
            double lastMail = (DateTimeOffset.UtcNow - dueAt).TotalSeconds;
            await QuietAsync(local);
            var stormWindow = local.Counter.Snapshot().Minus(due.Requests);
            double stormRequests = stormWindow.Total() / (double)stormCases;

            var row = new GrowthRow(size, seedSeconds, intake, intakeRequests, stormCases, lastMail, stormRequests, Report.Machine.LoadAverage(),
                new GrowthWindows(seedRequests, seeded, intakeWindow, stormWindow));
            rows.Add(row);
            Console.WriteLine(
                $"    {size} stored (seeded in {seedSeconds:0} s): intake {intake.PerSecond:0.0}/s p50 {intake.P50Ms:0} ms p95 {intake.P95Ms:0} ms, {intakeRequests:0.0} requests/application; " +
                $"storm of {stormCases}: last mail {lastMail:0.0} s after due, {stormRequests:0.0} requests/case; load {row.LoadAverage}");
            if (stored < target)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>The development clock offset that puts a case's report reminder at <paramref name="at"/> in real time.</summary>
    static TimeSpan Offset(DateTimeOffset at) => TimeSpan.FromSeconds(Math.Round((ReportDueCases.Template.ReminderDueAt - at).TotalSeconds));

    /// <summary>Until the engine is back near its idle polling for two seconds in a row (or <paramref name="until"/>).</summary>
    static async Task QuietAsync(LocalHostUnderTest local, DateTimeOffset? until = null)
    {
        var stopAt = until ?? DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        int quiet = 0;
        var last = local.Counter.Snapshot();
        while (quiet < 2 && DateTimeOffset.UtcNow < stopAt)
        {
            await Task.Delay(1000);
            var now = local.Counter.Snapshot();
            quiet = now.Minus(last).Of(RequestOwner.Engine) <= 25 ? quiet + 1 : 0;
            last = now;
        }
    }

    static async Task MailsAtLeastAsync(HttpClient http, int expected, TimeSpan cap)
    {
        var deadline = DateTime.UtcNow + cap;
        while (DateTime.UtcNow < deadline)
        {
            using var mails = JsonDocument.Parse(await http.GetStringAsync(new Uri("/dev/mail?json", UriKind.Relative)));
            if (mails.RootElement.GetArrayLength() >= expected)
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Fewer than {expected} mails in the sink after {cap}.");
    }
}
