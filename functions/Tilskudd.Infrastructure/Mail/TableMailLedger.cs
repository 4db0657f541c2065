using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Mail;

/// <summary>One Table row per mail sent, keyed by mail id ("{reference}/{purpose}").</summary>
public sealed class TableMailLedger(StorageClients storage, TimeProvider time) : IMailLedger
{
    public async Task<bool> WasSentAsync(string mailId, CancellationToken cancellationToken)
    {
        var (partition, row) = KeysOf(mailId);
        var entity = await storage.Table(StorageNames.MailLedgerTable).GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.HasValue;
    }

    public Task RecordSentAsync(string mailId, CancellationToken cancellationToken)
    {
        var (partition, row) = KeysOf(mailId);
        var entity = new TableEntity(partition, row) { ["SentAt"] = time.GetUtcNow() };
        return storage.Table(StorageNames.MailLedgerTable).UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    // Table keys may not hold '/', so the case part becomes the partition and the rest the row.
    static (string Partition, string Row) KeysOf(string mailId)
    {
        var parts = mailId.Split('/', 2);
        return parts.Length == 2 ? (parts[0], parts[1].Replace('/', '|')) : (mailId, "-");
    }
}
