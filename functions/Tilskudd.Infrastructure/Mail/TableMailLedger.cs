using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Mail;

/// <summary>
/// One Table row per mail sent, keyed by mail id ("{reference}/{purpose}"), and one per send begun in a table of its
/// own: a release that knows no attempts reads the sent rows as before, and never takes an attempt for a sent mail.
/// </summary>
public sealed class TableMailLedger(StorageClients storage, TimeProvider time) : IMailLedger
{
    public async Task<MailLedgerEntry?> FindAsync(string mailId, CancellationToken cancellationToken)
    {
        var (partition, row) = KeysOf(mailId);
        var sent = await storage.Table(StorageNames.MailLedgerTable).GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        if (sent.HasValue)
        {
            return new MailLedgerEntry(Sent: true, SinceAttempt: null);
        }

        var attempt = await storage.Table(StorageNames.MailAttemptsTable).GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return attempt.HasValue && attempt.Value!.GetDateTimeOffset("AttemptedAt") is { } attemptedAt
            ? new MailLedgerEntry(Sent: false, time.GetUtcNow() - attemptedAt)
            : null;
    }

    public async Task RecordAttemptAsync(string mailId, CancellationToken cancellationToken)
    {
        var (partition, row) = KeysOf(mailId);
        try
        {
            await storage.Table(StorageNames.MailAttemptsTable).AddEntityAsync(new TableEntity(partition, row) { ["AttemptedAt"] = time.GetUtcNow() }, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // An earlier attempt's time stands.
        }
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
