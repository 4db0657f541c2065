using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>One read of a case's data: who (sign-in id and role), what, when.</summary>
public sealed record CaseRead(string Reference, string Who, string Role, string What, DateTimeOffset At);

/// <summary>
/// Who read what of a case, beside the case events (which record every command with who and when): a row per
/// read in the "casereads" table, partitioned by reference, newest first. The attachment download records here too.
/// </summary>
public sealed class ReadLog(StorageClients storage)
{
    public async Task RecordAsync(CaseRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        // Newest first within the reference; the random tail keeps two reads in the same tick apart.
        string rowKey = $"{DateTimeOffset.MaxValue.Ticks - read.At.UtcTicks:D19}-{Guid.NewGuid():N}";
        await storage.Table(StorageNames.CaseReadsTable).AddEntityAsync(new TableEntity(read.Reference.ToUpperInvariant(), rowKey)
        {
            ["Who"] = read.Who,
            ["Role"] = read.Role,
            ["What"] = read.What,
            ["At"] = read.At,
        }, cancellationToken);
    }

    /// <summary>Deletes the case's read log (who read it is personal data too) once the case's personal data is erased.</summary>
    public async Task EraseAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var table = storage.Table(StorageNames.CaseReadsTable);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {reference.ToUpperInvariant()}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<CaseRead>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var reads = new List<CaseRead>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {reference.ToUpperInvariant()}");
        await foreach (var row in storage.Table(StorageNames.CaseReadsTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reads.Add(new CaseRead(row.PartitionKey, row.GetString("Who"), row.GetString("Role"), row.GetString("What"), row.GetDateTimeOffset("At") ?? default));
        }

        return reads;
    }
}
