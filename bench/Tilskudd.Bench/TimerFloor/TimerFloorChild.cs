using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Local.Engine;

namespace Tilskudd.Bench.TimerFloor;

/// <summary>What one timer-floor run measured, from inside its process.</summary>
public sealed record TimerFloorResult(
    int Orchestrations,
    DateTime DueAt,
    double ScheduleSeconds,
    double ParkSeconds,
    int ParkedBeforeDue,
    double FirstDoneAfterDueSeconds,
    double LastDoneAfterDueSeconds,
    int Done,
    int VerifiedCompleted,
    long PeakRssBytes,
    bool TimedOut);

/// <summary>
/// The child process of one timer-floor run: starts the engine in process with the given settings,
/// starts N <see cref="WakeUp"/> orchestrations whose timers fall due at one instant, and marks
/// start, parked (every timer set), due, and done (every activity run and orchestration finished).
/// </summary>
public static class TimerFloorChild
{
    public const string Role = "timer-floor";
    public const string TaskHub = "BenchWake";

    public static async Task<int> RunAsync(string[] args)
    {
        string storage = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? throw new InvalidOperationException("BENCH_STORAGE is not set.");
        int n = int.Parse(Arg(args, "--n") ?? "1000", CultureInfo.InvariantCulture);
        double rateGuess = double.Parse(Arg(args, "--park-rate") ?? "40", CultureInfo.InvariantCulture);
        var cap = TimeSpan.FromSeconds(double.Parse(Arg(args, "--cap-seconds") ?? "600", CultureInfo.InvariantCulture));
        var settings = EngineSettings.Parse("run", Args(args, "--set"));
        var options = settings.Apply(new EngineOptions { TaskHub = TaskHub });

        await using var engine = await InProcessEngine.StartAsync(options, storage, registry =>
        {
            registry.AddOrchestrator<WakeUp>();
            registry.AddActivity<Touch>();
        });
        var client = engine.Client;

        // Every timer falls due at one instant, set late enough that all orchestrations have parked
        // on it first. How fast they park depends on the settings, so a small calibration batch on
        // the same hub measures it first; its requests come before the first mark and are not counted.
        if (n >= 500)
        {
            // 100 at 1 000; at 10 000 a batch of 100 is mostly start-up and guessed 40 a second against 90.
            rateGuess = await CalibrateAsync(client, Math.Clamp(n / 20, 100, 500)) * 0.8;
            Console.WriteLine($"calibrated: {rateGuess / 0.8:0} orchestrations parked a second");
        }

        var startedAt = DateTime.UtcNow;
        var dueAt = startedAt + TimeSpan.FromSeconds(Math.Max(15, (n / rateGuess * 1.3) + 5));
        ChildOutput.Mark("start");
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(WakeUp), dueAt, new StartOrchestrationOptions($"wake-{i:D6}"), ct));
        double scheduleSeconds = clock.Elapsed.TotalSeconds;
        ChildOutput.Mark("scheduled");

        while (WakeUpProbe.ParkedCount < n && DateTime.UtcNow < dueAt)
        {
            await Task.Delay(20);
        }

        int parkedBeforeDue = WakeUpProbe.ParkedCount;
        double parkSeconds = clock.Elapsed.TotalSeconds;
        if (parkedBeforeDue >= n)
        {
            ChildOutput.Mark("parked");
        }

        var untilDue = dueAt - DateTime.UtcNow;
        if (untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue);
        }

        ChildOutput.Mark("due");
        var deadline = DateTime.UtcNow + cap;
        while (WakeUpProbe.DoneCount < n && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        bool timedOut = WakeUpProbe.DoneCount < n;
        ChildOutput.Mark("done");

        // Checked after the last mark, so its reads are not counted: every instance really completed.
        int verified = 0;
        if (!timedOut)
        {
            await Task.Delay(1000);
            await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed], InstanceIdPrefix: "wake-", PageSize: 1000)))
            {
                verified++;
            }
        }

        var result = new TimerFloorResult(
            n,
            dueAt,
            scheduleSeconds,
            parkSeconds,
            parkedBeforeDue,
            ((WakeUpProbe.FirstDoneAt ?? DateTime.UtcNow) - dueAt).TotalSeconds,
            ((WakeUpProbe.LastDoneAt ?? DateTime.UtcNow) - dueAt).TotalSeconds,
            WakeUpProbe.DoneCount,
            verified,
            ProcessUsage.Read(Environment.ProcessId)?.PeakRssBytes ?? 0,
            timedOut);
        ChildOutput.Result(JsonSerializer.Serialize(result));
        return 0;
    }

    static async Task<double> CalibrateAsync(DurableTaskClient client, int count)
    {
        var clock = Stopwatch.StartNew();
        var dueAt = DateTime.UtcNow.AddSeconds(3);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(WakeUp), dueAt, new StartOrchestrationOptions($"calibrate-{i:D4}"), ct));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (WakeUpProbe.ParkedCount < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        double rate = WakeUpProbe.ParkedCount / clock.Elapsed.TotalSeconds;
        while (WakeUpProbe.DoneCount < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        WakeUpProbe.Reset();
        return Math.Max(rate, 2);
    }

    static string? Arg(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    static IEnumerable<string> Args(string[] args, string name)
    {
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }
}
