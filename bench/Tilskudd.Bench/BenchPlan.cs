using System.Globalization;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench;

/// <summary>
/// What one run measures. Quick (default, about 10 minutes): intake at 1/8/32 clients, the timer
/// floor with 1 000 orchestrations before and after tuning, and one Oslo and one Alta case's whole life. --full: more submits and 10 000
/// orchestrations. --tune: the timer floor over the settings in <see cref="TuningGrid"/>.
/// </summary>
public sealed record BenchPlan(
    string Mode,
    bool Intake,
    bool Timer,
    IReadOnlyList<(int Concurrency, int Count)> IntakeLevels,
    int TimerOrchestrations,
    IReadOnlyList<EngineSettings> TimerSettings,
    TimeSpan TimerCap,
    string ResultName,
    bool Lifecycle = false,
    string? LifecycleBaseline = null,
    IReadOnlyList<int>? StormSizes = null,
    IReadOnlyList<int>? GrowthSizes = null,
    IReadOnlyList<int>? AzuriteProbeSizes = null,
    double StormParkRate = 7,
    string? AzuriteStore = null,
    TimeSpan? RateLogEvery = null)
{
    public static BenchPlan From(string[] args)
    {
        bool full = args.Contains("--full");
        bool tune = args.Contains("--tune");
        string? only = Value(args, "--only");
        string mode = tune ? "tune" : full ? "full" : "quick";
        int n = int.Parse(Value(args, "--n") ?? (full ? "10000" : tune ? "2000" : "1000"), CultureInfo.InvariantCulture);

        var settings = new List<EngineSettings>();
        if (tune)
        {
            settings.AddRange(TuningGrid.Settings);
        }
        else
        {
            // --no-before: the current defaults alone (a long run that needs no before/after).
            if (!args.Contains("--no-before"))
            {
                settings.Add(EngineSettings.Before);
            }

            settings.Add(EngineSettings.Current);
        }

        // --try "Name=value,Name=value" adds one more setting to any run.
        foreach (string spec in Values(args, "--try"))
        {
            settings.Add(EngineSettings.Parse(spec, spec.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }

        // A setting the same as one before it is run once.
        settings = settings.DistinctBy(s => s.Describe()).ToList();
        var levels = Value(args, "--levels") is { } levelSpec
            ? Tilskudd.Bench.Intake.IntakeLevels.Parse(["--levels", levelSpec])
            : full
                ? new List<(int, int)> { (1, 100), (8, 600), (32, 1600) }
                : [(1, 25), (8, 120), (32, 320)];
        return new BenchPlan(
            mode,
            Intake: !tune && only is null or "intake",
            Timer: only is null or "timer",
            levels,
            n,
            settings,
            TimeSpan.FromMinutes(full ? 20 : 8),
            Value(args, "--name") ?? $"{DateTime.UtcNow:yyyy-MM-dd}-{(only is null ? mode : only)}",
            Lifecycle: !tune && only is null or "lifecycle",
            LifecycleBaseline: Value(args, "--baseline"),
            StormSizes: only == "storm" || Value(args, "--storm-n") is not null
                ? [.. (Value(args, "--storm-n") ?? "1000").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
                : null,
            GrowthSizes: only == "growth" || Value(args, "--growth-n") is not null
                ? [.. (Value(args, "--growth-n") ?? "0,1000,5000").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
                : null,
            AzuriteProbeSizes: only == "azurite" || Value(args, "--azurite-n") is not null
                ? [.. (Value(args, "--azurite-n") ?? "0,10000,50000").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
                : null,
            StormParkRate: double.Parse(Value(args, "--storm-park-rate") ?? "7", CultureInfo.InvariantCulture),
            AzuriteStore: Value(args, "--azurite-store"),
            RateLogEvery: Value(args, "--rate-log") is { } seconds ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)) : null);
    }

    static string? Value(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    static IEnumerable<string> Values(string[] args, string name)
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

/// <summary>The timer-floor settings --tune tries, one change at a time from the current defaults.</summary>
public static class TuningGrid
{
    public static IReadOnlyList<EngineSettings> Settings { get; } =
    [
        EngineSettings.Before,
        EngineSettings.Current,
        Try("orch 32, act 32", "MaxConcurrentOrchestrations=32", "MaxConcurrentActivities=32"),
        Try("orch 300, act 300", "MaxConcurrentOrchestrations=300", "MaxConcurrentActivities=300"),
        Try("1 partition", "PartitionCount=1"),
        Try("2 partitions", "PartitionCount=2"),
        Try("8 partitions", "PartitionCount=8"),
        Try("buffer 256", "ControlQueueBufferThreshold=256"),
        Try("batch 16", "ControlQueueBatchSize=16"),
        Try("poll 250 ms", "MaxQueuePollingInterval=00:00:00.250"),
        Try("poll 5 s", "MaxQueuePollingInterval=00:00:05"),
        Try("extended sessions", "ExtendedSessionsEnabled=true"),
    ];

    static EngineSettings Try(string label, params string[] assignments) => EngineSettings.Parse(label, assignments);
}
