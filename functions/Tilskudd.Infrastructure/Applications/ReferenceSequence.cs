using Azure;
using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Applications;

/// <summary>
/// Hands out the next sequence number of a round's reference numbers. One Table row per round,
/// updated with its ETag: two submits racing for the same number both read it, one write wins
/// and the other reads again, so every number is given once.
/// </summary>
public sealed class ReferenceSequence(StorageClients storage)
{
    const string RowKey = "reference";

    public async Task<int> NextAsync(string roundId, CancellationToken cancellationToken)
    {
        var table = storage.Table(StorageNames.SequencesTable);
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(roundId, RowKey, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue || current.Value is null)
                {
                    await table.AddEntityAsync(new TableEntity(roundId, RowKey) { ["Last"] = 1 }, cancellationToken);
                    return 1;
                }

                var row = current.Value;
                int next = row.GetInt32("Last").GetValueOrDefault() + 1;
                row["Last"] = next;
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else took this number first; read again.
            }
        }
    }
}
