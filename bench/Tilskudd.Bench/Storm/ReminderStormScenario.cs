using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Workflow.Cases;
using FreePorts = Tilskudd.Testing.FreePorts;

namespace Tilskudd.Bench.Storm;

/// <summary>One reminder storm: N running cases whose first report reminder falls due at one real instant.</summary>
public sealed record StormRow(
    int Cases,
    double ScheduleSeconds,
    double ParkSeconds,
    bool ParkedBeforeDue,
    double FirstMailAfterDueSeconds,
    double LastMailAfterDueSeconds,
    long Mails,
    Window Start,
    Window Wake,
    string LoadAverage)
{
    public double MailsPerSecond => Mails / Math.Max(LastMailAfterDueSeconds, 1e-3);

    public double RequestsPerCaseWaking => Wake.Requests.Total() / (double)Math.Max(Cases, 1);

    public double RequestsPerCaseStarting => Start.Requests.Total() / (double)Math.Max(Cases, 1);
}

/// <summary>
/// Issue 18 item 4, the case side: Tilskudd.Local (own process, engine defaults) with N Alta cases started
/// from the state just before their first report reminder, each with a development clock offset that puts
/// the reminder at one real instant, so the engine's own durable timers fire them all at once (as on Azure;
/// no dev clock fan-out). Time runs from that instant until the mail sink holds every reminder mail.
/// </summary>
public static class ReminderStormScenario
{
    public const string TaskHub = "BenchStorm";

    /// <param name="parkRate">Cases a second the host is expected to start and park; the due instant is set so that all have parked by then.</param>
    public static async Task<StormRow> RunAsync(int n, double parkRate, TimeSpan cap)
    {
        Console.WriteLine($"  reminder storm, {n} cases on Tilskudd.Local");
        int grpcPort = FreePorts.Next();
        await using var local = await LocalHostUnderTest.StartAsync(TaskHub, "2027-12-01T10:00:00+01:00", new Dictionary<string, string>
        {
            ["Tilskudd__Engine__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var timeline = local.Timeline;

        await using var client = HostEngineClient.For(grpcPort);
        var engine = client.Engine;

        // The engine's idle polling, to tell when the started cases have all parked on their timers.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleFrom = local.Counter.Snapshot();
        await Task.Delay(TimeSpan.FromSeconds(5));
        double idlePerSecond = local.Counter.Snapshot().Minus(idleFrom).Of(RequestOwner.Engine) / 5.0;

        var startedAt = DateTimeOffset.UtcNow;
        var dueAt = startedAt + TimeSpan.FromSeconds(Math.Max(30, 20 + (n / parkRate)));
        var offset = TimeSpan.FromSeconds(Math.Round((ReportDueCases.Template.ReminderDueAt - dueAt).TotalSeconds));
        dueAt = ReportDueCases.Template.ReminderDueAt - offset;
        timeline.Add("start");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var input = ReportDueCases.Input(i, offset);
            await engine.ScheduleNewOrchestrationInstanceAsync(nameof(CaseOrchestrator), input, new StartOrchestrationOptions(input.Start.Reference), ct);
        });
        double scheduleSeconds = clock.Elapsed.TotalSeconds;

        // Parked: two quiet seconds in a row (engine requests back near idle polling).
        int quiet = 0;
        var last = local.Counter.Snapshot();
        while (quiet < 2 && DateTimeOffset.UtcNow < dueAt - TimeSpan.FromSeconds(1))
        {
            await Task.Delay(1000);
            var now = local.Counter.Snapshot();
            quiet = now.Minus(last).Of(RequestOwner.Engine) <= (idlePerSecond * 1.5) + 3 ? quiet + 1 : 0;
            last = now;
        }

        bool parked = quiet >= 2;
        double parkSeconds = clock.Elapsed.TotalSeconds - (parked ? 2 : 0);
        timeline.Add("parked");
        Console.WriteLine($"    scheduled {n} in {scheduleSeconds:0.0} s; {(parked ? $"all parked after {parkSeconds:0.0} s" : "NOT quiet before the due instant")}; due in {(dueAt - DateTimeOffset.UtcNow).TotalSeconds:0} s");
        var untilDue = dueAt - DateTimeOffset.UtcNow;
        if (untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue);
        }

        var due = timeline.Add("due");
        static long Mails(RequestCounts c) => c.Total(k => k.Owner == RequestOwner.Sink && k.Operation == "insert");
        double? first = null;
        var deadline = DateTime.UtcNow + cap;
        long mails = 0;
        while (mails < n && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            mails = Mails(local.Counter.Snapshot().Minus(due.Requests));
            if (mails > 0 && first is null)
            {
                first = (DateTimeOffset.UtcNow - dueAt).TotalSeconds;
            }
        }

        timeline.Add("mails");
        double lastAfterDue = (DateTimeOffset.UtcNow - dueAt).TotalSeconds;

        // The turn goes on after its mail (case view, event log): requests count until the engine is quiet again.
        quiet = 0;
        last = local.Counter.Snapshot();
        var settleBy = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (quiet < 2 && DateTime.UtcNow < settleBy)
        {
            await Task.Delay(1000);
            var now = local.Counter.Snapshot();
            quiet = now.Minus(last).Of(RequestOwner.Engine) <= (idlePerSecond * 1.5) + 3 ? quiet + 1 : 0;
            last = now;
        }

        timeline.Add("done");
        var row = new StormRow(n, scheduleSeconds, parkSeconds, parked, first ?? double.NaN, lastAfterDue, mails,
            timeline.Between("start", "parked"), timeline.Between("due", "done"), Report.Machine.LoadAverage());
        Console.WriteLine(
            $"    {mails}/{n} reminder mails {lastAfterDue:0.0} s after due ({row.MailsPerSecond:0} /s, first after {row.FirstMailAfterDueSeconds:0.0} s); " +
            $"{row.RequestsPerCaseWaking:0.0} requests/case waking (engine {row.Wake.Requests.Of(RequestOwner.Engine) / (double)n:0.0}, ours {row.Wake.Requests.Of(RequestOwner.Ours) / (double)n:0.0}, sink {row.Wake.Requests.Of(RequestOwner.Sink) / (double)n:0.0}), " +
            $"{row.RequestsPerCaseStarting:0.0} starting; Azurite CPU {row.Wake.Cpu("azurite"):0} %, host CPU {row.Wake.Cpu("host"):0} %, host peak {row.Wake.MaxRss.GetValueOrDefault("host") / 1048576} MB; load {row.LoadAverage}");
        return row;
    }
}
