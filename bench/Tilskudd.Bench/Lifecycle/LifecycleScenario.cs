using Tilskudd.Bench.Infrastructure;
using Tilskudd.Bench.Report;

namespace Tilskudd.Bench.Lifecycle;

/// <summary>What one case's whole life cost in storage requests, with the parts that are not the case's taken out.</summary>
/// <param name="Raw">Every request from the submit until the case was closed.</param>
/// <param name="Idle">The engine's polling an idle host makes in as long (measured before the case).</param>
/// <param name="DriverReads">The bench's own reads while waiting for a status or an outcome (measured per read after).</param>
/// <param name="Own">Raw less idle polling and the bench's reads: the case's own requests.</param>
public sealed record LifecycleResult(string Path, string Description, string Reference, TimeSpan Duration, RequestCounts Raw, RequestCounts Idle, RequestCounts DriverReads, RequestCounts Own, int StatusReads, int OutcomeReads, double IdlePerMinute, string Load);

/// <summary>
/// Issue 18 item 2: storage requests per case over its whole life, counted at the proxy in front of Azurite,
/// engine apart from ours. Each path runs on its own fresh Azurite and host, one after the other.
/// </summary>
public static class LifecycleScenario
{
    public const string TaskHub = "BenchLifecycle";
    static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<LifecycleResult>> RunAsync(IReadOnlyList<string>? only = null)
    {
        var results = new List<LifecycleResult>();
        foreach (var path in CasePaths.All.Where(p => only is null || only.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            Console.WriteLine($"  case life, {path.Description}");
            await using var local = await LocalHostUnderTest.StartAsync(TaskHub, CasePaths.ClockStart);
            var timeline = local.Timeline;

            // The engine polls its queues while idle: measured here, on the same host, to take it out below.
            await Task.Delay(TimeSpan.FromSeconds(10));
            timeline.Add("idle-start");
            await Task.Delay(IdleWindow);
            timeline.Add("idle-end");
            var idle = timeline.Between("idle-start", "idle-end");

            timeline.Add("life-start");
            var driver = await path.DriveAsync(local.Http);
            // The last turn's effects (case view, audit) finish after the status is read as closed.
            await Task.Delay(TimeSpan.FromSeconds(3));
            timeline.Add("life-end");
            var life = timeline.Between("life-start", "life-end");

            // What one of the bench's own reads costs, to take the waiting out.
            timeline.Add("reads-start");
            for (int i = 0; i < 10; i++)
            {
                await driver.ReadAsync();
            }

            timeline.Add("reads-end");
            var perStatusRead = Scale(timeline.Between("reads-start", "reads-end").Requests, 0.1);
            var perOutcomeRead = RequestCounts.Empty;
            if (driver.LastOutcome is { } location)
            {
                timeline.Add("outcomes-start");
                for (int i = 0; i < 10; i++)
                {
                    await driver.ReadOutcomeAsync(location);
                }

                timeline.Add("outcomes-end");
                perOutcomeRead = Scale(timeline.Between("outcomes-start", "outcomes-end").Requests, 0.1);
            }

            // Reads are status polls minus the 10 measuring reads.
            int statusReads = driver.StatusReads - 10;
            var idleInLife = Scale(OnlyEngine(idle.Requests), life.Duration.TotalSeconds / idle.Duration.TotalSeconds);
            var driverReads = Add(Scale(WithoutQueues(perStatusRead), statusReads), Scale(WithoutQueues(perOutcomeRead), driver.OutcomeReads));
            var own = Clamp(life.Requests.Minus(idleInLife).Minus(driverReads));
            var result = new LifecycleResult(path.Name, path.Description, driver.Reference, life.Duration, life.Requests, idleInLife, driverReads, own,
                statusReads, driver.OutcomeReads, idle.Requests.Of(RequestOwner.Engine) / idle.Duration.TotalMinutes, Machine.LoadAverage());
            results.Add(result);
            Console.WriteLine($"    {path.Name} {driver.Reference}: {life.Duration.TotalSeconds:0} s, {life.Requests.Total()} requests raw, " +
                $"own {own.Total():0} (engine {own.Of(RequestOwner.Engine)}, ours {own.Of(RequestOwner.Ours)}, sink {own.Of(RequestOwner.Sink)}); " +
                $"idle polling {idleInLife.Total()}, bench reads {driverReads.Total()}; load {result.Load}");
        }

        return results;
    }

    static RequestCounts OnlyEngine(RequestCounts counts) => Where(counts, k => k.Owner == RequestOwner.Engine);

    /// <summary>A read of the case or of an outcome touches only our tables and the engine's instance table, never its queues.</summary>
    static RequestCounts WithoutQueues(RequestCounts counts) => Where(counts, k => k.Service != StorageService.Queue);

    static RequestCounts Where(RequestCounts counts, Func<RequestKey, bool> keep) => new(
        counts.Requests.Where(kv => keep(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value),
        counts.BatchOperations.Where(kv => keep(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value),
        counts.WaitTicks.Where(kv => keep(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));

    static RequestCounts Scale(RequestCounts counts, double factor) => new(
        counts.Requests.ToDictionary(kv => kv.Key, kv => (long)Math.Round(kv.Value * factor)),
        counts.BatchOperations.ToDictionary(kv => kv.Key, kv => (long)Math.Round(kv.Value * factor)),
        counts.WaitTicks.ToDictionary(kv => kv.Key, kv => (long)Math.Round(kv.Value * factor)));

    static RequestCounts Add(RequestCounts a, RequestCounts b) => a.Minus(Scale(b, -1));

    static RequestCounts Clamp(RequestCounts counts) => new(
        counts.Requests.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value),
        counts.BatchOperations.Where(kv => kv.Value > 0 && counts.Requests.GetValueOrDefault(kv.Key) > 0).ToDictionary(kv => kv.Key, kv => kv.Value),
        counts.WaitTicks.Where(kv => kv.Value > 0 && counts.Requests.GetValueOrDefault(kv.Key) > 0).ToDictionary(kv => kv.Key, kv => kv.Value));
}
