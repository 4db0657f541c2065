using System.Diagnostics;

namespace Tilskudd.Bench.Intake;

/// <summary>What one concurrency level of submits measured.</summary>
public sealed record LevelResult(int Concurrency, int Submitted, int Failed, double Seconds, double P50Ms, double P95Ms, double P99Ms, string? FirstError)
{
    public double PerSecond => Submitted / Math.Max(Seconds, 1e-3);
}

/// <summary>
/// Runs <c>count</c> submits with <c>concurrency</c> clients, each client sending its next submit as
/// soon as its last was answered (closed loop); stops early at the time cap. Latency is per submit.
/// </summary>
public static class LoadLevel
{
    public static async Task<LevelResult> RunAsync(int concurrency, int count, TimeSpan cap, Func<int, CancellationToken, Task> submit)
    {
        var latencies = new List<double>(count);
        int next = -1, failed = 0;
        string? firstError = null;
        using var stop = new CancellationTokenSource(cap + TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow + cap;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && DateTime.UtcNow < deadline)
            {
                long started = Stopwatch.GetTimestamp();
                try
                {
                    await submit(i, stop.Token);
                    double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                }
            }
        })).ToList();
        await Task.WhenAll(clients);
        double seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new LevelResult(concurrency, latencies.Count, failed, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), firstError);
    }

    static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
