using System.Text;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Bench.TimerFloor;

namespace Tilskudd.Bench.Storm;

/// <summary>The reminder storm beside its floor, per N, measured one after the other in the same run.</summary>
public static class StormReport
{
    public static string Write(IReadOnlyList<(StormRow Storm, TimerFloorRow? Floor)> rows)
    {
        var md = new StringBuilder();
        md.AppendLine("## Reminder storm: N cases whose first report reminder falls due at one instant");
        md.AppendLine();
        md.AppendLine("Cases: Tilskudd.Local (own process, engine defaults of `EngineOptions`), N Alta 2027 cases started from the decider's state " +
            "just before their first report reminder (granted, accepted, both tranches paid), each case's clock offset set so the reminder falls due at one real " +
            "instant: the engine's own durable timers fire them (no dev clock fan-out). Done when the mail sink holds N reminder mails. Floor: N bare orchestrations " +
            "waking on one timer and calling one activity, engine in process with the same settings, on its own fresh Azurite, right after. " +
            "Goals: the storm within 1.5× the floor's time and requests.");
        md.AppendLine();
        md.AppendLine("| N | storm: last mail after due s | mails/s | floor: last done after due s | floor wakes/s | **time storm/floor** | storm requests/case waking (engine + ours + sink) | floor requests/orch waking | **requests storm/floor** | storm start: parked /s, requests/case | Azurite CPU storm / floor | host / floor peak MB | load avg storm / floor |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (s, f) in rows)
        {
            double n = s.Cases;
            string floorTime = f is null ? "–" : $"{f.WakeSeconds:0.0}";
            string timeRatio = f is null ? "–" : $"**{s.LastMailAfterDueSeconds / f.WakeSeconds:0.00}**";
            string reqRatio = f is null ? "–" : $"**{s.RequestsPerCaseWaking / f.RequestsPerOrchestrationWake:0.00}**";
            md.AppendLine($"| {s.Cases:N0} | {s.LastMailAfterDueSeconds:0.0}{(s.Mails < s.Cases ? $" (only {s.Mails} mails)" : "")} | {s.MailsPerSecond:0} | {floorTime} | {(f is null ? "–" : $"{f.WakeRate:0}")} | {timeRatio} | " +
                $"{s.RequestsPerCaseWaking:0.0} ({s.Wake.Requests.Of(RequestOwner.Engine) / n:0.0} + {s.Wake.Requests.Of(RequestOwner.Ours) / n:0.0} + {s.Wake.Requests.Of(RequestOwner.Sink) / n:0.0}) | " +
                $"{(f is null ? "–" : $"{f.RequestsPerOrchestrationWake:0.0}")} | {reqRatio} | " +
                $"{(s.ParkedBeforeDue ? $"{n / Math.Max(s.ParkSeconds, 1e-3):0}" : "not all before due")}, {s.RequestsPerCaseStarting:0.0} | " +
                $"{s.Wake.Cpu("azurite"):0} % / {(f is null ? "–" : $"{f.AzuriteCpuDuringWake:0} %")} | {s.Wake.MaxRss.GetValueOrDefault("host") / 1048576} / {(f is null ? "–" : $"{f.Result.PeakRssBytes / 1048576}")} | {s.LoadAverage} / {f?.LoadAverage ?? "–"} |");
        }

        md.AppendLine();
        var largest = rows.MaxBy(r => r.Storm.Cases);
        if (largest.Storm is { } big && big.Mails > 0)
        {
            md.AppendLine($"Extrapolated to 10 000 cases at the rate measured at N = {big.Cases:N0} ({big.MailsPerSecond:0} mails a second, linear, Azurite bound): " +
                $"about {10_000 / big.MailsPerSecond:0} s for the storm" +
                (largest.Floor is { } lf ? $", {10_000 / lf.WakeRate:0} s for the floor" : "") + ".");
            md.AppendLine();
            md.AppendLine($"### Storm requests per case while waking, N = {big.Cases:N0}");
            md.AppendLine();
            md.AppendLine("| owner | service | resource | operation | requests/case |");
            md.AppendLine("|---|---|---|---|---:|");
            var perKey = big.Wake.Requests.Requests
                .Select(kv => (Key: $"| {kv.Key.Owner} | {kv.Key.Service} | {kv.Key.ResourceIn(ReminderStormScenario.TaskHub)} | {kv.Key.Operation} |", kv.Value))
                .GroupBy(x => x.Key, x => x.Value)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var g in perKey)
            {
                md.AppendLine($"{g.Key} {g.Sum() / (double)big.Cases:0.00} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }
}
