using System.Collections.Concurrent;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>One named moment of a run: when, the storage request counters, and each process's CPU time.</summary>
public sealed record Mark(string Name, DateTime At, RequestCounts Requests, IReadOnlyDictionary<string, ProcessUsage> Usage);

/// <summary>What happened between two marks.</summary>
public sealed record Window(TimeSpan Duration, RequestCounts Requests, IReadOnlyDictionary<string, double> CpuPercent, IReadOnlyDictionary<string, long> MaxRss)
{
    /// <summary>CPU of a process in percent of one core (200 % is both cores of this machine).</summary>
    public double Cpu(string process) => CpuPercent.GetValueOrDefault(process);
}

/// <summary>
/// The marks of one scenario: the bench marks moments itself, and a child process marks them by
/// printing "##MARK name". Figures are always read between two marks of the same run.
/// </summary>
public sealed class Timeline(StorageRequestCounter counter, ProcessSampler sampler)
{
    readonly ConcurrentDictionary<string, Mark> marks = new();

    public Mark Add(string name)
    {
        var mark = new Mark(name, DateTime.UtcNow, counter.Snapshot(), sampler.SampleNow());
        marks[name] = mark;
        return mark;
    }

    public bool Has(string name) => marks.ContainsKey(name);

    public Mark this[string name] => marks[name];

    public async Task<Mark> WaitForAsync(string name, TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!marks.ContainsKey(name))
        {
            if (DateTime.UtcNow > deadline || giveUp?.Invoke() == true)
            {
                throw new TimeoutException($"Mark {name} did not come within {timeout}.");
            }

            await Task.Delay(50);
        }

        return marks[name];
    }

    public Window Between(string from, string to)
    {
        var a = marks[from];
        var b = marks[to];
        var duration = b.At - a.At;
        var cpu = new Dictionary<string, double>();
        var rss = new Dictionary<string, long>();
        foreach (var (name, usage) in b.Usage)
        {
            if (a.Usage.TryGetValue(name, out var before))
            {
                cpu[name] = usage.CpuPercentSince(before, duration.TotalSeconds);
            }

            rss[name] = Math.Max(sampler.MaxRss(name, a.At, b.At), usage.RssBytes);
        }

        return new Window(duration, b.Requests.Minus(a.Requests), cpu, rss);
    }
}
