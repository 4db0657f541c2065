using System.Globalization;
using System.Text;
using System.Text.Json;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Bench.Report;

namespace Tilskudd.Bench.Lifecycle;

/// <summary>One path's own requests as stored beside the Markdown, so a later run can print before/after.</summary>
public sealed record StoredCounts(string Path, List<StoredCount> Counts);

public sealed record StoredCount(string Service, string Owner, string Resource, string Operation, long Requests);

/// <summary>The Markdown of the case-life run, and its counts as JSON for the next run's before/after.</summary>
public static class LifecycleReport
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IReadOnlyList<LifecycleResult> results, IReadOnlyList<StoredCounts>? baseline, string? baselineName)
    {
        var md = new StringBuilder();
        md.AppendLine("## Storage requests per case, submit to closed");
        md.AppendLine();
        md.AppendLine("Each path drives one case over HTTP on Tilskudd.Local (own process, engine defaults) with development sign-in tokens (/dev/token) and the " +
            "development clock (`POST /dev/clock {moveTo}` stands in for the timers: each move raises one event to the running case), on its own fresh Azurite. " +
            "**Own** = every request from the submit until closed, less the engine's idle polling for as long (measured on the same host just before) and " +
            "less the bench's own reads while it waited for a status (measured per read after). Engine = task hub queues, tables and blobs; ours = our tables and " +
            "blobs; sink = the development mail table (SendGrid's place on Azure, not billed as storage there).");
        md.AppendLine();
        md.AppendLine($"Prices: {AzurePrices.Source}: table ${AzurePrices.TablePer10k} per 10 000 transactions; queue ${AzurePrices.QueueWritePer10k} per 10 000 class 1 " +
            $"(put, get, update, delete message) and ${AzurePrices.QueueReadPer10k} class 2; blob ${AzurePrices.BlobWritePer10k} per 10 000 writes (put, lease, list) and ${AzurePrices.BlobReadPer10k} reads. " +
            "Storage capacity, the Function App's executions and SendGrid are not in these figures.");
        md.AppendLine();
        md.AppendLine("| path | case | life s | raw requests | idle polling taken out | bench reads taken out (status / outcome) | **own requests** | engine | ours | sink | table / blob / queue | USD per 1 000 cases | of which queue | load avg |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var own = r.Own;
            md.AppendLine($"| {r.Path} | {r.Reference} | {r.Duration.TotalSeconds:0} | {r.Raw.Total()} | {r.Idle.Total()} ({r.IdlePerMinute:0}/min idle) | {r.DriverReads.Total()} ({r.StatusReads} / {r.OutcomeReads}) | " +
                $"**{own.Total()}** | {own.Of(RequestOwner.Engine)} | {own.Of(RequestOwner.Ours)} | {own.Of(RequestOwner.Sink)} | " +
                $"{own.Total(k => k.Service == StorageService.Table)} / {own.Total(k => k.Service == StorageService.Blob)} / {own.Total(k => k.Service == StorageService.Queue)} | " +
                $"{AzurePrices.Usd(own, k => k.Owner != RequestOwner.Sink) * 1000:0.00} | {AzurePrices.Usd(own, k => k.Service == StorageService.Queue) * 1000:0.00} | {r.Load} |");
        }

        md.AppendLine();
        if (baseline is not null)
        {
            WriteBeforeAfter(md, results, baseline, baselineName ?? "baseline");
        }

        foreach (var r in results)
        {
            md.AppendLine($"### {r.Description}: own requests by resource and operation");
            md.AppendLine();
            var before = baseline?.FirstOrDefault(b => b.Path == r.Path);
            md.AppendLine(before is null ? "| owner | service | resource | operation | requests | entities in batches |" : $"| owner | service | resource | operation | requests | entities in batches | {baselineName} |");
            md.AppendLine(before is null ? "|---|---|---|---|---:|---:|" : "|---|---|---|---|---:|---:|---:|");
            var keys = r.Own.Requests.Keys.Select(Name)
                .Union(before?.Counts.Select(c => (c.Owner, c.Service, c.Resource, c.Operation)) ?? [])
                .OrderBy(k => k.Owner, StringComparer.Ordinal).ThenBy(k => k.Service, StringComparer.Ordinal).ThenBy(k => k.Resource, StringComparer.Ordinal).ThenBy(k => k.Operation, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                long now = r.Own.Requests.Where(kv => Name(kv.Key) == key).Sum(kv => kv.Value);
                long batch = r.Own.BatchOperations.Where(kv => Name(kv.Key) == key).Sum(kv => kv.Value);
                string was = before is null ? "" : $" {before.Counts.Where(c => (c.Owner, c.Service, c.Resource, c.Operation) == key).Sum(c => c.Requests)} |";
                md.AppendLine($"| {key.Owner} | {key.Service} | {key.Resource} | {key.Operation} | {now} | {(batch > 0 ? batch.ToString(CultureInfo.InvariantCulture) : "")} |{was}");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    static void WriteBeforeAfter(StringBuilder md, IReadOnlyList<LifecycleResult> results, IReadOnlyList<StoredCounts> baseline, string baselineName)
    {
        md.AppendLine($"Before/after: own requests per case in `{baselineName}` (an earlier run, stored beside its Markdown) and in this run.");
        md.AppendLine();
        md.AppendLine("| path | before: engine / ours / sink = all | after: engine / ours / sink = all | change |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var r in results)
        {
            if (baseline.FirstOrDefault(b => b.Path == r.Path) is not { } before)
            {
                continue;
            }

            long Was(string owner) => before.Counts.Where(c => c.Owner == owner).Sum(c => c.Requests);
            long wasAll = before.Counts.Sum(c => c.Requests);
            long all = r.Own.Total();
            md.AppendLine($"| {r.Path} | {Was("Engine")} / {Was("Ours")} / {Was("Sink")} = {wasAll} | " +
                $"{r.Own.Of(RequestOwner.Engine)} / {r.Own.Of(RequestOwner.Ours)} / {r.Own.Of(RequestOwner.Sink)} = {all} | {(all - wasAll) / (double)Math.Max(wasAll, 1):+0%;-0%;0%} |");
        }

        md.AppendLine();
    }

    static (string Owner, string Service, string Resource, string Operation) Name(RequestKey k) =>
        (k.Owner.ToString(), k.Service.ToString(), k.ResourceIn(LifecycleScenario.TaskHub), k.Operation);

    public static string ToJson(IReadOnlyList<LifecycleResult> results) => JsonSerializer.Serialize(
        results.Select(r => new StoredCounts(r.Path, [.. r.Own.Requests.Select(kv =>
        {
            var n = Name(kv.Key);
            return new StoredCount(n.Service, n.Owner, n.Resource, n.Operation, kv.Value);
        })])).ToList(),
        Indented);

    public static IReadOnlyList<StoredCounts>? ReadBaseline(string? name)
    {
        if (name is null)
        {
            return null;
        }

        string path = Path.Combine(RepoPaths.Results, name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json");
        return JsonSerializer.Deserialize<List<StoredCounts>>(File.ReadAllText(path));
    }
}
