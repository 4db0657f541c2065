using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.AzuriteProbe;

/// <summary>The mean answer time of each probed operation, in milliseconds, with so much stored.</summary>
public sealed record ProbeRow(int Stored, IReadOnlyDictionary<string, double> MeanMs, double FillSeconds);

/// <summary>
/// Why the engine's requests slow as the store fills (issue 18, item 5), measured without the engine: one fresh
/// in-memory Azurite is filled step by step with what parked cases leave there — history-like table rows (ten
/// per partition, as an orchestration's history) and messages hidden for an hour in a queue (as durable timers
/// in a control queue) — and at each size the storage operations the engine uses are timed one at a time, so
/// nothing waits behind anything else. An operation whose time grows with the store is one Azurite answers by
/// scanning; Azure Storage answers the same ones from an index.
/// </summary>
public static class AzuriteProbeScenario
{
    const int RowsPerPartition = 10;
    const int Repeats = 40;

    public static async Task<IReadOnlyList<ProbeRow>> RunAsync(IReadOnlyList<int> sizes)
    {
        Console.WriteLine($"  Azurite probe, stored rows and hidden messages {string.Join(", ", sizes)}; each operation {Repeats} times, one at a time");
        await using var azurite = await BenchAzurite.StartAsync();
        var tables = new TableServiceClient(azurite.ConnectionString);
        var history = tables.GetTableClient("ProbeHistory");
        await history.CreateIfNotExistsAsync();
        var other = tables.GetTableClient("ProbeOther");
        await other.CreateIfNotExistsAsync();
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var parked = queues.GetQueueClient("probe-parked");
        await parked.CreateIfNotExistsAsync();
        var hot = queues.GetQueueClient("probe-hot");
        await hot.CreateIfNotExistsAsync();

        var rows = new List<ProbeRow>();
        int stored = 0;
        foreach (int size in sizes.Order())
        {
            var fill = Stopwatch.StartNew();
            await FillAsync(history, parked, stored, size);
            stored = Math.Max(stored, size);
            double fillSeconds = fill.Elapsed.TotalSeconds;

            int partitions = Math.Max(stored / RowsPerPartition, 1);
            var means = new Dictionary<string, double>
            {
                ["table: point read (one row of the history)"] = await TimeAsync(i => history.GetEntityIfExistsAsync<TableEntity>(Partition(i * 7919 % partitions), Row(0))),
                ["table: partition query (one history, 10 rows)"] = await TimeAsync(async i =>
                    await ReadAllAsync(history.QueryAsync<TableEntity>($"PartitionKey eq '{Partition(i * 7919 % partitions)}'"))),
                ["table: partition query in another table"] = await TimeAsync(async i =>
                    await ReadAllAsync(other.QueryAsync<TableEntity>($"PartitionKey eq 'none-{i}'"))),
                ["table: insert (a new history row)"] = await TimeAsync(i => history.AddEntityAsync(new TableEntity($"probe-{size}-{i}", Row(0)) { ["Payload"] = "x" })),
                ["table: batch of 5 (an episode's history)"] = await TimeAsync(i => history.SubmitTransactionAsync(
                    Enumerable.Range(0, 5).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"batch-{size}-{i}", Row(r)) { ["Payload"] = "x" })))),
                ["queue: enqueue (to another queue)"] = await TimeAsync(i => hot.SendMessageAsync("probe")),
                ["queue: dequeue + delete (from another queue)"] = await TimeAsync(async _ =>
                {
                    var got = await hot.ReceiveMessagesAsync(1);
                    foreach (var m in got.Value)
                    {
                        await hot.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                    }
                }),
                ["queue: dequeue (the queue of hidden messages, none due)"] = await TimeAsync(_ => parked.ReceiveMessagesAsync(32)),
            };
            rows.Add(new ProbeRow(stored, means, fillSeconds));
            Console.WriteLine($"    {stored:N0} stored (filled in {fillSeconds:0} s): " + string.Join("; ", means.Select(kv => $"{kv.Key} {kv.Value:0.0} ms")));
        }

        return rows;
    }

    static async Task ReadAllAsync(Azure.AsyncPageable<TableEntity> query)
    {
        await foreach (var _ in query)
        {
        }
    }

    static string Partition(int i) => $"case-{i:D7}";

    static string Row(int r) => r.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>History rows (ten a partition, in batches) and hidden queue messages, from <paramref name="from"/> up to <paramref name="to"/>.</summary>
    static async Task FillAsync(TableClient history, QueueClient parked, int from, int to)
    {
        var partitions = Enumerable.Range(from / RowsPerPartition, Math.Max(0, (to - from) / RowsPerPartition));
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, ct) =>
            await history.SubmitTransactionAsync(
                Enumerable.Range(0, RowsPerPartition).Select(r => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace, new TableEntity(Partition(p), Row(r)) { ["Payload"] = new string('h', 400) })),
                ct));
        await Parallel.ForEachAsync(Enumerable.Range(from, Math.Max(0, to - from)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
            await parked.SendMessageAsync("timer", visibilityTimeout: TimeSpan.FromHours(1), cancellationToken: ct));
    }

    static async Task<double> TimeAsync(Func<int, Task> operation)
    {
        await operation(-1);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Repeats; i++)
        {
            await operation(i);
        }

        return clock.Elapsed.TotalMilliseconds / Repeats;
    }

    public static string Write(IReadOnlyList<ProbeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder();
        md.AppendLine("## Azurite alone: which operations slow as the store fills");
        md.AppendLine();
        md.AppendLine($"One fresh in-memory Azurite, no engine: filled step by step with history-like rows ({RowsPerPartition} a partition) and as many " +
            $"messages hidden for an hour in one queue (as parked durable timers), and at each size each operation timed {Repeats} times, one at " +
            "a time (mean ms). Stored = table rows = hidden messages.");
        md.AppendLine();
        if (rows.Count == 0)
        {
            return md.ToString();
        }

        md.AppendLine("| operation | " + string.Join(" | ", rows.Select(r => $"{r.Stored:N0}")) + " | last vs first |");
        md.AppendLine("|---|" + string.Concat(rows.Select(_ => "---:|")) + "---:|");
        foreach (string operation in rows[0].MeanMs.Keys)
        {
            double first = rows[0].MeanMs[operation];
            double last = rows[^1].MeanMs[operation];
            md.AppendLine($"| {operation} | {string.Join(" | ", rows.Select(r => $"{r.MeanMs[operation]:0.0}"))} | {(first > 0 ? last / first : 0):0.0} |");
        }

        md.AppendLine($"| (filling to this size took, s) | {string.Join(" | ", rows.Select(r => $"{r.FillSeconds:0}"))} | |");
        return md.ToString();
    }
}
