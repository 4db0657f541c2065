using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Bench.Decider;

/// <summary>
/// bench/run.sh --decider: BenchmarkDotNet's short run (1 launch, 3 warm-ups, 3 iterations) in this process
/// (no generated project to build), with allocations; the table goes to bench/results/{date}-decider.md.
/// </summary>
public static class DeciderMain
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string root = FindRoot();
        string loadBefore = LoadAverage();
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(root, "bench", "Tilskudd.Bench.Decider", "obj", "artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = args.Contains("--commands-only")
            ? [BenchmarkRunner.Run<CommandBenchmarks>(config)]
            : new[] { BenchmarkRunner.Run<LifecycleBenchmarks>(config), BenchmarkRunner.Run<CommandBenchmarks>(config) };
        string markdown = Report(summaries, loadBefore, LoadAverage());
        string path = Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-decider.md");
        File.WriteAllText(path, markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.GetRelativePath(root, path)}");
        return summaries.All(s => s.Reports.All(r => r.Success)) ? 0 : 1;
    }

    static string Report(IEnumerable<Summary> summaries, string loadBefore, string loadAfter)
    {
        var alta = Lifecycles.AltaGranted();
        var oslo = Lifecycles.OsloPartlyGranted();
        var md = new StringBuilder();
        md.AppendLine($"# Tilskudd bench — case decider, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine($"* Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average (1 min) {loadBefore} before, {loadAfter} after — shared machine; the times are the noisy part, allocations are exact.");
        md.AppendLine("* BenchmarkDotNet short run in process (1 launch, 3 warm-ups, 3 iterations), Release; `bench/run.sh --decider`.");
        md.AppendLine($"* Alta granted (mangelbrev, two tranches, report): {alta.Count} commands ({alta.Count(s => s.Command is Tick)} of them ticks), {alta.Sum(s => s.Result.Events.Count)} events. " +
            $"Oslo (partly granted, appeal upheld, report with auditor, repayment): {oslo.Count} commands ({oslo.Count(s => s.Command is Tick)} ticks), {oslo.Sum(s => s.Result.Events.Count)} events.");
        md.AppendLine();
        md.AppendLine("| benchmark | parameter | mean | error | allocated | per command / event |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var bench = report.BenchmarkCase;
            double mean = report.ResultStatistics?.Mean ?? double.NaN;
            double error = report.ResultStatistics?.ConfidenceInterval.Margin ?? double.NaN;
            long bytes = report.GcStats.GetBytesAllocatedPerOperation(bench) ?? 0;
            string parameter = string.Join(", ", bench.Parameters.Items.Select(p => p.Value));
            string per = bench.Descriptor.WorkloadMethod.Name switch
            {
                nameof(LifecycleBenchmarks.AltaLifecycle) => PerUnit(mean, bytes, alta.Count, "command"),
                nameof(LifecycleBenchmarks.OsloLifecycle) => PerUnit(mean, bytes, oslo.Count, "command"),
                nameof(LifecycleBenchmarks.Replay1000) => PerUnit(mean, bytes, 1_000, "event"),
                _ => "",
            };
            md.AppendLine($"| {bench.Descriptor.WorkloadMethodDisplayInfo} | {parameter} | {Time(mean)} | ±{Time(error)} | {Bytes(bytes)} | {per} |");
        }

        md.AppendLine();
        md.AppendLine("Allocations per command are what one orchestration turn costs the decider; a case's state is a record rebuilt by `with` on each event, so Evolve allocates one state per event.");
        return md.ToString();
    }

    static string PerUnit(double meanNs, long bytes, int count, string unit) =>
        $"{Time(meanNs / count)}, {Bytes(bytes / count)} per {unit}";

    static string Time(double ns) => ns switch
    {
        double.NaN => "?",
        >= 1_000_000 => $"{ns / 1_000_000:0.00} ms",
        >= 1_000 => $"{ns / 1_000:0.0} µs",
        _ => $"{ns:0} ns",
    };

    static string Bytes(long bytes) => bytes >= 1024 ? $"{bytes / 1024.0:0.0} KB" : $"{bytes} B";

    static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tilskudd.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tilskudd.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
