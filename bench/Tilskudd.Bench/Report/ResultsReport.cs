using System.Globalization;
using System.Text;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Bench.Intake;
using Tilskudd.Bench.TimerFloor;

namespace Tilskudd.Bench.Report;

/// <summary>The Markdown of one run: machine, settings, figures and the ratios measured side by side.</summary>
public static class ResultsReport
{
    public static string Write(BenchPlan plan, DateTime started, DateTime ended, IntakeRun? host, IntakeRun? floor, IntakeRun? floorEtag, IReadOnlyList<TimerFloorRow> timer)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Tilskudd bench — {plan.Mode} mode, {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine($"* Machine: {Machine.Describe()}");
        md.AppendLine($"* Load average (1 min) at the end: {Machine.LoadAverage()} — the machine is shared; rows measured while others built or tested are slower.");
        md.AppendLine($"* Run took {(ended - started).TotalMinutes:0.0} min. Each scenario had its own fresh Azurite; all storage traffic went through the bench's counting proxy on loopback (both sides of every ratio alike).");
        md.AppendLine("* CPU is in % of one core (this machine has " + Environment.ProcessorCount + "); \"requests\" are HTTP requests to Azure Storage (a table batch is one request), each a billed transaction on Azure.");
        md.AppendLine();
        if (host is not null && floor is not null)
        {
            WriteIntake(md, host, floor, floorEtag);
        }

        if (timer.Count > 0)
        {
            WriteTimer(md, plan, timer);
        }

        return md.ToString();
    }

    static void WriteIntake(StringBuilder md, IntakeRun host, IntakeRun floor, IntakeRun? floorEtag)
    {
        md.AppendLine("## Intake: submit with a 200 KB budget and a 100 KB skatteattest");
        md.AppendLine();
        md.AppendLine("Host: `POST /api/rounds/alta-2027/applications` on Tilskudd.Local (own process, engine defaults). " +
            "Floor: the same writes (claim, reference counter, 3 blobs, listing row, claim done) and one orchestration start with the SDKs, no host " +
            "(bench process, same engine settings). Closed loop: each client sends its next submit when the last is answered. Goal: host/floor ≥ 0.5 at 32 clients.");
        md.AppendLine();
        md.AppendLine("| clients | host apps/s | floor apps/s | host/floor | host p50 / p95 / p99 ms | floor p50 / p95 / p99 ms | host requests/app (engine + ours + sink) | floor requests/app (engine + ours) | CPU host: Azurite / host / bench | CPU floor: Azurite / floor |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var h in host.Result.Levels)
        {
            var f = floor.Result.Levels.FirstOrDefault(l => l.Concurrency == h.Concurrency);
            if (f is null)
            {
                continue;
            }

            int c = h.Concurrency;
            var hw = host.Submitting[c];
            var fw = floor.Submitting[c];
            md.AppendLine(
                $"| {c} | {h.PerSecond:0.0} | {f.PerSecond:0.0} | **{h.PerSecond / f.PerSecond:0.00}** | {h.P50Ms:0} / {h.P95Ms:0} / {h.P99Ms:0} | {f.P50Ms:0} / {f.P95Ms:0} / {f.P99Ms:0} | " +
                $"{host.RequestsPerApplication(c):0.0} ({PerApp(host, c, RequestOwner.Engine):0.0} + {PerApp(host, c, RequestOwner.Ours):0.0} + {PerApp(host, c, RequestOwner.Sink):0.0}) | " +
                $"{floor.RequestsPerApplication(c):0.0} ({PerApp(floor, c, RequestOwner.Engine):0.0} + {PerApp(floor, c, RequestOwner.Ours):0.0}) | " +
                $"{hw.Cpu("azurite"):0} / {hw.Cpu("host"):0} / {hw.Cpu("bench"):0} | {fw.Cpu("azurite"):0} / {fw.Cpu("floor"):0} |");
        }

        md.AppendLine();
        if (floorEtag is not null)
        {
            md.AppendLine("What-if, same run: the floor taking its reference numbers as the host's ReferenceSequence does (read the round's one row, write it back If-Match its ETag, retry on a lost race):");
            md.AppendLine();
            md.AppendLine("| clients | floor apps/s | floor + ETag counter apps/s | ratio | p99 ms | sequence requests/app | all requests/app |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var e in floorEtag.Result.Levels)
            {
                var f = floor.Result.Levels.First(l => l.Concurrency == e.Concurrency);
                md.AppendLine(
                    $"| {e.Concurrency} | {f.PerSecond:0.0} | {e.PerSecond:0.0} | {e.PerSecond / f.PerSecond:0.00} | {e.P99Ms:0} | " +
                    $"{floorEtag.RequestsPerApplication(e.Concurrency, k => k.Resource == "sequences"):0.0} | {floorEtag.RequestsPerApplication(e.Concurrency):0.0} |");
            }

            md.AppendLine();
        }

        int failedHost = host.Result.Levels.Sum(l => l.Failed), failedFloor = floor.Result.Levels.Sum(l => l.Failed);
        md.AppendLine(
            $"Failed submits: host {failedHost}, floor {failedFloor}. Peak memory: host process {host.Result.PeakRssBytes / 1048576} MB, floor process {floor.Result.PeakRssBytes / 1048576} MB. " +
            "Requests per application count from a level's first submit until every case has run its first activity (receipt mail on the host), so they include the engine's work for intake and its polling meanwhile.");
        md.AppendLine();

        int top = host.Result.Levels.Max(l => l.Concurrency);
        md.AppendLine($"### Storage requests per application at {top} clients, by resource and operation");
        md.AppendLine();
        md.AppendLine("| owner | service | resource | operation | host | floor |");
        md.AppendLine("|---|---|---|---|---:|---:|");
        var hostRequests = Normalise(host.ToDrained[top].Requests, IntakeScenario.HostTaskHub);
        var floorRequests = Normalise(floor.ToDrained[top].Requests, IntakeFloorChild.TaskHub);
        int hostApps = host.Level(top).Submitted, floorApps = floor.Level(top).Submitted;
        foreach (var key in hostRequests.Keys.Union(floorRequests.Keys).OrderBy(k => k.Owner).ThenBy(k => k.Service).ThenBy(k => k.Resource, StringComparer.Ordinal).ThenBy(k => k.Operation, StringComparer.Ordinal))
        {
            double h = hostRequests.GetValueOrDefault(key) / (double)Math.Max(hostApps, 1);
            double f = floorRequests.GetValueOrDefault(key) / (double)Math.Max(floorApps, 1);
            if (h < 0.05 && f < 0.05)
            {
                continue;
            }

            md.AppendLine($"| {key.Owner} | {key.Service} | {key.Resource} | {key.Operation} | {h:0.00} | {f:0.00} |");
        }

        md.AppendLine();
    }

    static void WriteTimer(StringBuilder md, BenchPlan plan, IReadOnlyList<TimerFloorRow> rows)
    {
        int n = plan.TimerOrchestrations;
        md.AppendLine($"## Timer floor: {n:N0} bare orchestrations waking on one timer instant, each calling one activity");
        md.AppendLine();
        md.AppendLine("Engine in process (EngineSidecar + Microsoft.DurableTask worker and client over gRPC, as in Tilskudd.Local), one fresh Azurite and task hub per row. " +
            "Wake time: from the timer instant until the last orchestration completed. Start: from the first start until every orchestration had set its timer. Goal: 10 000 in under 3 minutes.");
        md.AppendLine();
        md.AppendLine("| settings | engine settings | parked before due | start rate /s | wake time s | wake rate /s | first done after due s | requests/orch waking | requests/orch starting | Azurite CPU waking | engine CPU waking | engine peak MB | completed (checked) | load avg |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            md.AppendLine(
                $"| {r.Settings.Label} | `{r.Settings.Describe()}` | {r.Result.ParkedBeforeDue:N0}/{r.Result.Orchestrations:N0} | {r.ParkRate:0} | " +
                $"{(r.Result.TimedOut ? "> " : "")}{r.WakeSeconds:0.0} | {r.WakeRate:0} | {r.Result.FirstDoneAfterDueSeconds:0.0} | {r.RequestsPerOrchestrationWake:0.0} | {r.RequestsPerOrchestrationStart:0.0} | " +
                $"{r.AzuriteCpuDuringWake:0} % | {r.EngineCpuDuringWake:0} % | {r.Result.PeakRssBytes / 1048576} | {r.Result.VerifiedCompleted:N0} | {r.LoadAverage} |");
        }

        md.AppendLine();
        var before = rows.FirstOrDefault(r => r.Settings == EngineSettings.Before);
        var current = rows.FirstOrDefault(r => r.Settings == EngineSettings.Current);
        if (before is not null && current is not null)
        {
            md.AppendLine(
                $"Current defaults vs before tuning, same run: wake time × {current.WakeSeconds / before.WakeSeconds:0.00}, " +
                $"wake rate × {current.WakeRate / before.WakeRate:0.00}, start rate × {current.ParkRate / before.ParkRate:0.00}, " +
                $"requests/orchestration waking × {current.RequestsPerOrchestrationWake / before.RequestsPerOrchestrationWake:0.00}.");
            md.AppendLine();
        }

        var shown = current ?? rows[^1];
        md.AppendLine($"### Storage requests per orchestration while waking ({shown.Settings.Label})");
        md.AppendLine();
        md.AppendLine("| service | resource | operation | requests/orch | entities per batch |");
        md.AppendLine("|---|---|---|---:|---:|");
        var requests = Normalise(shown.Wake.Requests, TimerFloorChild.TaskHub);
        var batches = shown.Wake.Requests.BatchOperations;
        foreach (var (key, count) in requests.OrderBy(kv => kv.Key.Service).ThenByDescending(kv => kv.Value))
        {
            double per = count / (double)Math.Max(shown.Result.Done, 1);
            if (per < 0.01)
            {
                continue;
            }

            long entities = batches.Where(b => Normalise(b.Key, TimerFloorChild.TaskHub) == key).Sum(b => b.Value);
            string perBatch = entities > 0 ? (entities / (double)count).ToString("0.0", CultureInfo.InvariantCulture) : "";
            md.AppendLine($"| {key.Service} | {key.Resource} | {key.Operation} | {per:0.00} | {perBatch} |");
        }

        md.AppendLine();
    }

    static double PerApp(IntakeRun run, int concurrency, RequestOwner owner) =>
        run.RequestsPerApplication(concurrency, k => k.Owner == owner);

    /// <summary>Folds the engine's per-partition queues into one row each and names the hub generically, so host and floor rows line up.</summary>
    static Dictionary<RequestKey, long> Normalise(RequestCounts counts, string hub) =>
        counts.Requests.GroupBy(kv => Normalise(kv.Key, hub)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));

    static RequestKey Normalise(RequestKey key, string hub)
    {
        if (key.Owner != RequestOwner.Engine)
        {
            return key;
        }

        string resource = key.Resource;
        if (resource.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
        {
            resource = "{hub}" + resource[hub.Length..];
        }

        int control = resource.IndexOf("-control-", StringComparison.Ordinal);
        if (control >= 0)
        {
            resource = resource[..(control + "-control-".Length)] + "*";
        }

        return key with { Resource = resource };
    }
}
