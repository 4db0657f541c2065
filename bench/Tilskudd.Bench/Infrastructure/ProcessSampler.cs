using System.Globalization;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>CPU time and resident memory of one process, read from /proc (Linux).</summary>
public readonly record struct ProcessUsage(TimeSpan Cpu, long RssBytes, long PeakRssBytes)
{
    // Kernel clock ticks per second (USER_HZ); 100 on every Linux the bench runs on.
    const double TicksPerSecond = 100;

    public static ProcessUsage? Read(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces: fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = KiloBytes(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = KiloBytes(line) * 1024;
                }
            }

            return new ProcessUsage(TimeSpan.FromSeconds(ticks / TicksPerSecond), rss, hwm);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>CPU used since <paramref name="earlier"/>, in percent of one core over <paramref name="seconds"/> of wall time.</summary>
    public double CpuPercentSince(ProcessUsage earlier, double seconds) =>
        (Cpu - earlier.Cpu).TotalSeconds / Math.Max(seconds, 1e-3) * 100;

    static long KiloBytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

/// <summary>
/// Samples the processes of a run (Azurite, the host or floor process, the bench itself) every
/// 250 ms, so a window between two marks has its CPU use and its highest resident memory.
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    readonly Dictionary<string, int> processes = [];
    readonly List<(DateTime At, Dictionary<string, ProcessUsage> Usage)> samples = [];
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public ProcessSampler()
    {
        loop = Task.Run(LoopAsync);
    }

    public void Watch(string name, int pid)
    {
        lock (samples)
        {
            processes[name] = pid;
        }
    }

    public IReadOnlyDictionary<string, ProcessUsage> SampleNow()
    {
        lock (samples)
        {
            var now = new Dictionary<string, ProcessUsage>();
            foreach (var (name, pid) in processes)
            {
                if (ProcessUsage.Read(pid) is { } usage)
                {
                    now[name] = usage;
                }
            }

            samples.Add((DateTime.UtcNow, now));
            return now;
        }
    }

    /// <summary>Highest resident memory of a process seen between two moments.</summary>
    public long MaxRss(string name, DateTime from, DateTime to)
    {
        lock (samples)
        {
            return samples.Where(s => s.At >= from && s.At <= to && s.Usage.ContainsKey(name))
                .Select(s => s.Usage[name].RssBytes)
                .DefaultIfEmpty(0)
                .Max();
        }
    }

    async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            SampleNow();
            try
            {
                await Task.Delay(250, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
