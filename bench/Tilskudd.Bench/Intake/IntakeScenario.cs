using System.Net;
using System.Text.Json;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Intake;

/// <summary>One intake run's figures with the windows between its marks.</summary>
public sealed record IntakeRun(string Name, IntakeRunResult Result, IReadOnlyDictionary<int, Window> Submitting, IReadOnlyDictionary<int, Window> ToDrained)
{
    public LevelResult Level(int concurrency) => Result.Levels.First(l => l.Concurrency == concurrency);

    /// <summary>Storage requests per application over a level, from its first submit until every case ran its first activity.</summary>
    public double RequestsPerApplication(int concurrency, Func<RequestKey, bool>? where = null) =>
        ToDrained[concurrency].Requests.Total(where) / (double)Math.Max(Level(concurrency).Submitted, 1);
}

/// <summary>
/// Issue 18 item 1: submits against Tilskudd.Local (its own process, as a person runs it) and the
/// floor (the same writes with the SDKs, no host), each on its own fresh Azurite behind the request
/// counter, at the same concurrency levels, one after the other in the same run.
/// </summary>
public static class IntakeScenario
{
    public const string HostTaskHub = "BenchIntakeHost";
    const string ClockStart = "2026-11-25T10:00:00+01:00";

    public static async Task<IntakeRun> RunHostAsync(IReadOnlyList<(int Concurrency, int Count)> levels)
    {
        Console.WriteLine($"  intake through Tilskudd.Local, levels {IntakeLevels.Format(levels)}");
        await using var local = await LocalHostUnderTest.StartAsync(HostTaskHub, ClockStart);
        var (http, host, timeline) = (local.Http, local.Host, local.Timeline);
        var payload = ApplicationPayload.Load();

        async Task SubmitAsync(int i, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{ApplicationPayload.RoundId}/applications") { Content = payload.ToContent() };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            await BenchSignIn.AsAsync(http, request, "organisation");
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        }

        // Drained when the dev mail sink holds a receipt for every application sent so far.
        async Task<bool> MailsAtLeastAsync(int expected)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (DateTime.UtcNow < deadline)
            {
                using var mails = JsonDocument.Parse(await http.GetStringAsync(new Uri("/dev/mail?json", UriKind.Relative)));
                if (mails.RootElement.GetArrayLength() >= expected)
                {
                    return true;
                }

                await Task.Delay(500);
            }

            return false;
        }

        var levelResults = await IntakeLevels.RunAsync(levels, SubmitAsync, MailsAtLeastAsync, name => timeline.Add(name));
        var result = new IntakeRunResult(levelResults, ProcessUsage.Read(host.Id)?.PeakRssBytes ?? 0);
        return Summarise("host", result, timeline);
    }

    public static async Task<IntakeRun> RunFloorAsync(IReadOnlyList<(int Concurrency, int Count)> levels, bool etagSequence = false)
    {
        Console.WriteLine($"  intake floor (SDKs and engine, no host{(etagSequence ? ", reference numbers by ETag as the host takes them" : "")}), levels {IntakeLevels.Format(levels)}");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var counter = StorageRequestCounter.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        counter.RegisterTaskHub(IntakeFloorChild.TaskHub);
        await using var sampler = new ProcessSampler();
        sampler.Watch("azurite", azurite.ProcessId);
        sampler.Watch("bench", Environment.ProcessId);
        var timeline = new Timeline(counter, sampler);
        string[] args = etagSequence ? ["--levels", IntakeLevels.Format(levels), "--etag-sequence"] : ["--levels", IntakeLevels.Format(levels)];
        await using var child = ChildProcess.StartRole(IntakeFloorChild.Role, args,
            new Dictionary<string, string> { ["BENCH_STORAGE"] = counter.ConnectionString }, timeline, echo: true);
        sampler.Watch("floor", child.Id);
        var result = JsonSerializer.Deserialize<IntakeRunResult>(await child.ResultAsync(TimeSpan.FromMinutes(15)))!;
        await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return Summarise(etagSequence ? "floor+etag" : "floor", result, timeline);
    }

    static IntakeRun Summarise(string name, IntakeRunResult result, Timeline timeline)
    {
        var submitting = result.Levels.ToDictionary(l => l.Concurrency, l => timeline.Between($"c{l.Concurrency}-start", $"c{l.Concurrency}-end"));
        var drained = result.Levels.ToDictionary(l => l.Concurrency, l => timeline.Between($"c{l.Concurrency}-start", $"c{l.Concurrency}-drained"));
        var run = new IntakeRun(name, result, submitting, drained);
        foreach (var level in result.Levels)
        {
            var w = submitting[level.Concurrency];
            string cpu = string.Join(", ", w.CpuPercent.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:0} %"));
            Console.WriteLine(
                $"    {name} c={level.Concurrency}: {level.Submitted} in {level.Seconds:0.0} s = {level.PerSecond:0.0}/s, " +
                $"p50 {level.P50Ms:0} ms p95 {level.P95Ms:0} ms p99 {level.P99Ms:0} ms, failed {level.Failed}; " +
                $"{run.RequestsPerApplication(level.Concurrency):0.0} requests/application; CPU {cpu}" +
                (level.FirstError is null ? "" : $"; first error: {level.FirstError}"));
        }

        return run;
    }
}
