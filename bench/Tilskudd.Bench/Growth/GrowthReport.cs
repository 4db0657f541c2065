using System.Text;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Growth;

/// <summary>Intake and a small storm at each size of the store, measured one after the other on one host.</summary>
public static class GrowthReport
{
    public static string Write(IReadOnlyList<GrowthRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder();
        md.AppendLine("## Growth: intake and a reminder storm as the store fills");
        md.AppendLine();
        md.AppendLine("One Tilskudd.Local on one in-memory Azurite. The store grows step by step with running Alta cases parked on their report " +
            "reminder a day ahead (timers in the control queues, rows in the instance and history tables); at each size the same intake " +
            "(closed loop, 8 clients, the 200 KB + 100 KB submit) and the same small storm (cases started among the parked ones, due at one " +
            "instant) are measured. Flat is the goal. Ratios are against the first row.");
        md.AppendLine();
        md.AppendLine("| stored cases | seeded in s | intake apps/s | p50 / p95 ms | requests/app | storm cases | last mail after due s | requests/case | intake p50 vs first | storm time vs first | load |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var first = rows.Count > 0 ? rows[0] : null;
        foreach (var r in rows)
        {
            md.AppendLine($"| {r.StoredCases:N0} | {r.SeedSeconds:0} | {r.Intake.PerSecond:0.0} | {r.Intake.P50Ms:0} / {r.Intake.P95Ms:0} | {r.IntakeRequestsPerApplication:0.0} | " +
                $"{r.StormCases} | {r.StormLastMailAfterDueSeconds:0.0} | {r.StormRequestsPerCase:0.0} | " +
                $"{r.Intake.P50Ms / first!.Intake.P50Ms:0.00} | {r.StormLastMailAfterDueSeconds / first.StormLastMailAfterDueSeconds:0.00} | {r.LoadAverage} |");
        }

        if (rows.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### Where the storage's time goes");
            md.AppendLine();
            md.AppendLine("Each storage request timed at the counting proxy, from its head's arrival to the first byte of its answer. For each " +
                "stretch, the operations that took most of the storage's time at the largest size: requests per unit (seeded case, " +
                "application, storm case) and mean answer time at each size. An operation whose count stays and whose time grows is " +
                "one whose cost grows with what is stored.");
            Window(md, rows, "Seeding (per seeded case)", r => r.Storage.Seed, r => r.Storage.SeededCases);
            Window(md, rows, "Intake (per application)", r => r.Storage.Intake, r => r.Intake.Submitted);
            Window(md, rows, "Storm (per storm case)", r => r.Storage.Storm, r => r.StormCases);
        }

        return md.ToString();
    }

    static void Window(StringBuilder md, IReadOnlyList<GrowthRow> rows, string title, Func<GrowthRow, RequestCounts> window, Func<GrowthRow, int> units)
    {
        var grouped = rows.Select(r => Group(window(r))).ToList();
        var largest = grouped[^1];
        var top = largest.OrderByDescending(kv => kv.Value.Seconds).Take(6).Select(kv => kv.Key).ToList();
        if (top.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine($"**{title}**");
        md.AppendLine();
        md.AppendLine("| operation | " + string.Join(" | ", rows.Select(r => $"{r.StoredCases:N0}: requests / mean ms")) + " | mean vs first |");
        md.AppendLine("|---|" + string.Concat(rows.Select(_ => "---:|")) + "---:|");
        foreach (var operation in top)
        {
            var cells = rows.Select((r, i) => grouped[i].TryGetValue(operation, out var g) && units(r) > 0
                ? $"{g.Count / (double)units(r):0.0} / {g.MeanMs:0.0}"
                : "–");
            var firstMean = grouped.Select(g => g.TryGetValue(operation, out var x) ? x.MeanMs : 0).FirstOrDefault(m => m > 0);
            string ratio = firstMean > 0 ? $"{largest[operation].MeanMs / firstMean:0.0}" : "–";
            md.AppendLine($"| {operation} | {string.Join(" | ", cells)} | {ratio} |");
        }
    }

    readonly record struct Waits(long Count, double Seconds)
    {
        public double MeanMs => Count > 0 ? Seconds * 1000 / Count : 0;
    }

    /// <summary>Requests of one kind (service, resource with the hub's name folded, operation), their number and total wait.</summary>
    static Dictionary<string, Waits> Group(RequestCounts counts) =>
        counts.Requests.Keys
            .GroupBy(k => $"{k.Service} {k.ResourceIn(GrowthScenario.TaskHub)} {k.Operation}")
            .ToDictionary(g => g.Key, g => new Waits(g.Sum(k => counts.Requests[k]), g.Sum(counts.WaitSeconds)));
}
