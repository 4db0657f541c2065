using Azure.Data.Tables;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>The caseworkers' work list: one row per notice, keyed by its effect id so a retry adds nothing.</summary>
public sealed class TableCaseworkerInbox(StorageClients storage, TimeProvider time) : ICaseworkerInbox
{
    public Task NotifyAsync(NotifyCaseworkers notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var row = new TableEntity(notice.Reference, notice.EffectId.Replace('/', '|'))
        {
            ["Reason"] = notice.Reason?.ToString(),
            ["Message"] = notice.Message,
            ["NotifiedAt"] = time.GetUtcNow(),
        };
        return storage.Table(StorageNames.CaseworkerInboxTable).UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
