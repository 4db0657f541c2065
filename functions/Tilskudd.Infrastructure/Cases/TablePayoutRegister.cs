using Azure.Data.Tables;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Payouts;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>
/// Payment orders for the finance system, one row per tranche keyed by reference and tranche number,
/// so registering a tranche twice is one payment. The daily payment file (Payouts.PaymentFiles) reads these rows.
/// </summary>
public sealed class TablePayoutRegister(StorageClients storage) : IPayoutRegister
{
    public async Task RegisterAsync(RegisterTranche tranche, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tranche);
        var row = new TableEntity(tranche.RoundId, $"{tranche.Reference}-{tranche.Number}")
        {
            ["Reference"] = tranche.Reference,
            ["Number"] = tranche.Number,
            ["Amount"] = tranche.Amount,
            ["DueOn"] = tranche.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Status"] = nameof(PayoutStatus.Registered),
        };
        try
        {
            await storage.Table(StorageNames.PayoutsTable).AddEntityAsync(row, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // Registered before (the activity ran again): the row may be in a payment file by now and must stay as it is.
        }
    }
}
