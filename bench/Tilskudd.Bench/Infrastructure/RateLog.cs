using System.Globalization;
using System.Text;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// While a scenario runs, writes one line per interval: storage requests a second, each watched process's CPU,
/// and the request kinds that took most of the storage's time in that interval (count a second, mean answer time).
/// A run that stalls writes no results table; these lines say where it stood. Off unless <c>--rate-log SECONDS</c>.
/// </summary>
public sealed class RateLog : IAsyncDisposable
{
    readonly StorageRequestCounter counter;
    readonly ProcessSampler sampler;
    readonly string taskHub;
    readonly TimeSpan every;
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    RateLog(StorageRequestCounter counter, ProcessSampler sampler, string taskHub, TimeSpan every)
    {
        this.counter = counter;
        this.sampler = sampler;
        this.taskHub = taskHub;
        this.every = every;
        loop = Task.Run(LoopAsync);
    }

    /// <summary>The interval every scenario of this run logs at; null logs nothing.</summary>
    public static TimeSpan? Every { get; set; }

    public static IAsyncDisposable Start(StorageRequestCounter counter, ProcessSampler sampler, string taskHub) =>
        Every is { } every ? new RateLog(counter, sampler, taskHub, every) : NoLog.Instance;

    async Task LoopAsync()
    {
        var started = DateTime.UtcNow;
        var before = counter.Snapshot();
        var usageBefore = sampler.SampleNow();
        var at = DateTime.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = counter.Snapshot();
            var usage = sampler.SampleNow();
            var nowAt = DateTime.UtcNow;
            Console.WriteLine(Line(nowAt - started, nowAt - at, now.Minus(before), usageBefore, usage));
            (before, usageBefore, at) = (now, usage, nowAt);
        }
    }

    string Line(TimeSpan sinceStart, TimeSpan window, RequestCounts delta, IReadOnlyDictionary<string, ProcessUsage> a, IReadOnlyDictionary<string, ProcessUsage> b)
    {
        double seconds = Math.Max(window.TotalSeconds, 1e-3);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"    [rate +{sinceStart.TotalSeconds:0}s] {delta.Total() / seconds:0} req/s");
        foreach (var (name, usage) in b)
        {
            if (a.TryGetValue(name, out var earlier))
            {
                line.Append(CultureInfo.InvariantCulture, $", {name} {usage.CpuPercentSince(earlier, seconds):0}%");
            }
        }

        // The kinds that held the storage longest: where its time went in this interval (the control queues as one).
        var kinds = delta.Requests.Keys
            .GroupBy(k => $"{k.Service} {k.ResourceIn(taskHub)} {k.Operation}")
            .Select(g => (Kind: g.Key, Count: g.Sum(k => delta.Requests[k]), Wait: g.Sum(delta.WaitSeconds)))
            .OrderByDescending(k => k.Wait)
            .Take(6);
        foreach (var (kind, count, wait) in kinds)
        {
            line.Append(CultureInfo.InvariantCulture, $"; {kind} {count / seconds:0.0}/s {wait * 1000 / Math.Max(count, 1):0}ms");
        }

        return line.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    sealed class NoLog : IAsyncDisposable
    {
        public static NoLog Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
