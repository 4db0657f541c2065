using System.Text;

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

        return md.ToString();
    }
}
