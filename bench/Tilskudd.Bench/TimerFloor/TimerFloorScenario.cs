using System.Globalization;
using System.Text.Json;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.TimerFloor;

/// <summary>One row of the timer-floor table: one engine setting, one fresh Azurite, one child process.</summary>
public sealed record TimerFloorRow(
    EngineSettings Settings,
    TimerFloorResult Result,
    Window Start,
    Window Wake,
    double WakeSeconds,
    double AzuriteCpuDuringWake,
    double EngineCpuDuringWake,
    string LoadAverage)
{
    public double WakeRate => Result.Done / Math.Max(WakeSeconds, 1e-3);

    /// <summary>Park rate: orchestrations started and parked on their timer per second.</summary>
    public double ParkRate => Result.ParkedBeforeDue / Math.Max(Result.ParkSeconds, 1e-3);

    public double RequestsPerOrchestrationWake => Wake.Requests.Total() / (double)Math.Max(Result.Done, 1);

    public double RequestsPerOrchestrationStart => Start.Requests.Total() / (double)Math.Max(Result.Orchestrations, 1);
}

/// <summary>
/// The floor of issue 18 item 3: N bare orchestrations waking on one timer instant and calling one
/// activity, per engine setting. Each setting gets a new Azurite (so a new task hub: partition count
/// is fixed per hub) and its own child process (so peak memory is that run's alone).
/// </summary>
public static class TimerFloorScenario
{
    public static async Task<TimerFloorRow> RunAsync(EngineSettings settings, int n, double parkRateGuess, TimeSpan cap)
    {
        Console.WriteLine($"  timer floor, {n} orchestrations, {settings.Label}: {settings.Describe()}");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var counter = StorageRequestCounter.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        counter.RegisterTaskHub(TimerFloorChild.TaskHub);
        await using var sampler = new ProcessSampler();
        sampler.Watch("azurite", azurite.ProcessId);
        sampler.Watch("bench", Environment.ProcessId);
        var timeline = new Timeline(counter, sampler);
        await using var rates = RateLog.Start(counter, sampler, TimerFloorChild.TaskHub);

        string[] args =
        [
            "--n", n.ToString(CultureInfo.InvariantCulture),
            "--park-rate", parkRateGuess.ToString("0.0", CultureInfo.InvariantCulture),
            "--cap-seconds", cap.TotalSeconds.ToString("0", CultureInfo.InvariantCulture),
            .. settings.ToArgs(),
        ];
        await using var child = ChildProcess.StartRole(TimerFloorChild.Role, args,
            new Dictionary<string, string> { ["BENCH_STORAGE"] = counter.ConnectionString }, timeline, echo: true);
        sampler.Watch("engine", child.Id);
        var result = JsonSerializer.Deserialize<TimerFloorResult>(await child.ResultAsync(cap * 3 + TimeSpan.FromMinutes(2)))!;
        await child.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var start = timeline.Between("start", timeline.Has("parked") ? "parked" : "due");
        var wake = timeline.Between("due", "done");
        var row = new TimerFloorRow(settings, result, start, wake, result.LastDoneAfterDueSeconds, wake.Cpu("azurite"), wake.Cpu("engine"), Report.Machine.LoadAverage());
        Console.WriteLine(
            $"    parked {result.ParkedBeforeDue}/{n} in {result.ParkSeconds:0.0} s ({row.ParkRate:0} /s); " +
            $"woke {result.Done} in {row.WakeSeconds:0.0} s after due ({row.WakeRate:0} /s, first after {result.FirstDoneAfterDueSeconds:0.0} s); " +
            $"{row.RequestsPerOrchestrationWake:0.0} requests/orchestration while waking, {row.RequestsPerOrchestrationStart:0.0} while starting; " +
            $"Azurite CPU {row.AzuriteCpuDuringWake:0} %, engine CPU {row.EngineCpuDuringWake:0} %; peak {result.PeakRssBytes / 1048576} MB; verified {result.VerifiedCompleted}; load {row.LoadAverage}");
        return row;
    }
}
