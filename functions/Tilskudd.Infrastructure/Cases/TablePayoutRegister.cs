using Azure.Data.Tables;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>
/// Payment orders for the finance system, one row per tranche keyed by reference and tranche number,
/// so registering a tranche twice is one payment. The daily payment file reads these rows.
/// </summary>
public sealed class TablePayoutRegister(StorageClients storage) : IPayoutRegister
{
    public Task RegisterAsync(RegisterTranche tranche, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tranche);
        var row = new TableEntity(tranche.RoundId, $"{tranche.Reference}-{tranche.Number}")
        {
            ["Reference"] = tranche.Reference,
            ["Number"] = tranche.Number,
            ["Amount"] = tranche.Amount,
            ["DueOn"] = tranche.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        return storage.Table(StorageNames.PayoutsTable).UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
