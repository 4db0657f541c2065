using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Applications;

/// <summary>
/// Hands out the next sequence number of a round's reference numbers. One Table row per round,
/// updated with its ETag: two submits racing for the same number both read it, one write wins
/// and the other reads again, so every number is given once, across processes too.
/// Within one process the submits of a round take turns and remember the row they last wrote,
/// so the common case is one conditional write instead of a read-retry storm (measured in the
/// intake benchmark: 26 requests per application at 32 clients without this).
/// </summary>
public sealed class ReferenceSequence(StorageClients storage)
{
    const string RowKey = "reference";

    readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    public async Task<int> NextAsync(string roundId, CancellationToken cancellationToken)
    {
        var counter = counters.GetOrAdd(roundId, _ => new Counter());
        await counter.Turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                counter.Last ??= await ReadAsync(roundId, cancellationToken);
                if (await TryWriteAsync(roundId, counter.Last, cancellationToken) is { } written)
                {
                    counter.Last = written;
                    return written.GetInt32("Last").GetValueOrDefault();
                }

                // Another process took the number first: what we remember is stale.
                counter.Last = null;
            }
        }
        finally
        {
            counter.Turn.Release();
        }
    }

    async Task<TableEntity?> ReadAsync(string roundId, CancellationToken cancellationToken)
    {
        var row = await storage.Table(StorageNames.SequencesTable).GetEntityIfExistsAsync<TableEntity>(roundId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Writes the next number after <paramref name="last"/> (none: the first); null when another write came first.</summary>
    async Task<TableEntity?> TryWriteAsync(string roundId, TableEntity? last, CancellationToken cancellationToken)
    {
        var table = storage.Table(StorageNames.SequencesTable);
        int next = (last?.GetInt32("Last") ?? 0) + 1;
        var row = new TableEntity(roundId, RowKey) { ["Last"] = next };
        try
        {
            var response = last is null
                ? await table.AddEntityAsync(row, cancellationToken)
                : await table.UpdateEntityAsync(row, last.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            return row;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>The round's counter row as this process last wrote it, and whose turn it is.</summary>
    sealed class Counter
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public TableEntity? Last { get; set; }
    }
}
