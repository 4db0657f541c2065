using Azure.Data.Tables;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Payouts;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>
/// Payment orders for the finance system, one row per tranche keyed by reference and tranche number,
/// so registering a tranche twice is one payment. The daily payment file (Payouts.PaymentFiles) reads these rows.
/// A grant changed on appeal registers its unpaid tranches again with their new amounts: a row not yet in a payment
/// file takes the new amount and date (amount 0 withdraws it); a row already ordered is left as it is and logged.
/// </summary>
public sealed partial class TablePayoutRegister(StorageClients storage, Microsoft.Extensions.Logging.ILogger<TablePayoutRegister> logger) : IPayoutRegister
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
            // Registered before: the activity ran again (same amount), or the grant was changed on appeal.
            await ChangeAsync(row, cancellationToken);
        }
    }

    async Task ChangeAsync(TableEntity wanted, CancellationToken cancellationToken)
    {
        var table = storage.Table(StorageNames.PayoutsTable);
        var stored = (await table.GetEntityAsync<TableEntity>(wanted.PartitionKey, wanted.RowKey, cancellationToken: cancellationToken)).Value;
        long amount = wanted.GetInt64("Amount") ?? 0;
        if (stored.GetInt64("Amount") == amount && stored.GetString("DueOn") == wanted.GetString("DueOn"))
        {
            return;
        }

        if (stored.GetString("Status") != nameof(PayoutStatus.Registered))
        {
            LogAlreadyOrdered(logger, wanted.RowKey, stored.GetString("Status") ?? "", amount);
            return;
        }

        stored["Amount"] = amount;
        stored["DueOn"] = wanted.GetString("DueOn");
        stored["Status"] = amount > 0 ? nameof(PayoutStatus.Registered) : nameof(PayoutStatus.Cancelled);
        try
        {
            await table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 412)
        {
            // The payment file took the row between the read and the write: the activity's retry reads it again.
            throw new InvalidOperationException($"Betalingsordren {wanted.RowKey} ble endret samtidig; prøver igjen.", e);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Payment order {RowKey} is {Status} and cannot take the changed amount {Amount}; a caseworker must settle the difference by hand.")]
    static partial void LogAlreadyOrdered(Microsoft.Extensions.Logging.ILogger logger, string rowKey, string status, long amount);
}
