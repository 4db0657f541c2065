using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Payouts;

/// <summary>
/// The daily payment file for a kommune's finance system, and the import of its confirmation; each kommune's
/// file holds only the tranches of its own rounds, since it pays them from its own account.
/// The first request for a day's file makes it: every registered tranche of the kommune due on or before that day is claimed
/// for the file (a conditional update on its row, so a tranche is claimed once), and from then on the day's file
/// is exactly the tranches claimed for it. A tranche in a file is never claimed again, so it is never in the
/// next file: it is paid once. Tranches registered after the day's file was made go into the next day's file.
/// </summary>
public sealed class PaymentFiles(StorageClients storage, ApplicationStore applications, TimeProvider time)
{
    const string FilesPartition = "~files";

    TableClient Payouts => storage.Table(StorageNames.PayoutsTable);

    public static string FileIdOf(string kommuneNumber, DateOnly day) => $"TILSKUDD-{kommuneNumber}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>The kommune's file for the day, made on the first request for it.</summary>
    public async Task<PaymentFile> ForDayAsync(string kommuneNumber, DateOnly day, CancellationToken cancellationToken)
    {
        string fileId = FileIdOf(kommuneNumber, day);
        var createdAt = time.GetUtcNow();
        try
        {
            await Payouts.AddEntityAsync(new TableEntity(FilesPartition, fileId) { ["CreatedAt"] = createdAt }, cancellationToken);
            await ClaimDueTranchesAsync(kommuneNumber, day, fileId, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            createdAt = (await Payouts.GetEntityAsync<TableEntity>(FilesPartition, fileId, cancellationToken: cancellationToken)).Value.GetDateTimeOffset("CreatedAt") ?? createdAt;
        }

        var orders = new List<PaymentOrder>();
        await foreach (var row in Payouts.QueryAsync<TableEntity>(r => r.GetString("FileId") == fileId, cancellationToken: cancellationToken))
        {
            orders.Add(await OrderAsync(row, cancellationToken));
        }

        return new PaymentFile(fileId, day, createdAt, [.. orders.OrderBy(o => o.RoundId, StringComparer.Ordinal).ThenBy(o => o.EndToEndId, StringComparer.Ordinal)]);
    }

    /// <summary>Every tranche with its status, for a round's payout export and the desk.</summary>
    public async Task<IReadOnlyList<PaymentOrder>> ForRoundAsync(string roundId, CancellationToken cancellationToken)
    {
        var orders = new List<PaymentOrder>();
        await foreach (var row in Payouts.QueryAsync<TableEntity>(r => r.PartitionKey == roundId, cancellationToken: cancellationToken))
        {
            orders.Add(await OrderAsync(row, cancellationToken));
        }

        return orders;
    }

    /// <summary>
    /// Marks the tranches the kommune's finance system reports: paid (ACSC/ACCC, "betalt") or rejected (RJCT, "avvist").
    /// Only a tranche in one of the kommune's payment files can be confirmed (another kommune's is named unknown);
    /// importing the same confirmation again changes nothing.
    /// </summary>
    public async Task<ConfirmationResult> ImportAsync(string kommuneNumber, IReadOnlyList<PaymentConfirmation> confirmations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        int paid = 0, rejected = 0;
        var unknown = new List<string>();
        foreach (var confirmation in confirmations)
        {
            TableEntity? row = null;
            await foreach (var found in Payouts.QueryAsync<TableEntity>(r => r.RowKey == confirmation.EndToEndId, cancellationToken: cancellationToken))
            {
                row = found;
            }

            if (row is null || row.PartitionKey == FilesPartition || row.GetString("FileId") is null || !IsOf(kommuneNumber, row))
            {
                unknown.Add(confirmation.EndToEndId);
                continue;
            }

            row["Status"] = confirmation.Paid ? nameof(PayoutStatus.Paid) : nameof(PayoutStatus.Rejected);
            row["ConfirmedAt"] = time.GetUtcNow();
            await Payouts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
            _ = confirmation.Paid ? paid++ : rejected++;
        }

        return new ConfirmationResult(paid, rejected, unknown);
    }

    /// <summary>The payout row (partition: its round) is a tranche of one of the kommune's rounds.</summary>
    static bool IsOf(string kommuneNumber, TableEntity row) =>
        Domain.Rounds.RoundCatalog.ById(row.PartitionKey)?.Owner.KommuneNumber == kommuneNumber;

    async Task ClaimDueTranchesAsync(string kommuneNumber, DateOnly day, string fileId, CancellationToken cancellationToken)
    {
        string dueBy = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await foreach (var row in Payouts.QueryAsync<TableEntity>(r => r.GetString("Status") == nameof(PayoutStatus.Registered), cancellationToken: cancellationToken))
        {
            // Not due yet; or no valid account to pay to (an application from before the form asked for it):
            // it stays registered, in no file, until a caseworker has the account.
            if (!IsOf(kommuneNumber, row) || string.CompareOrdinal(row.GetString("DueOn"), dueBy) > 0 || !await HasAccountAsync(row.GetString("Reference"), cancellationToken))
            {
                continue;
            }

            row["Status"] = nameof(PayoutStatus.Ordered);
            row["FileId"] = fileId;
            try
            {
                await Payouts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Claimed by another file in the meantime: it is paid there.
            }
        }
    }

    async Task<bool> HasAccountAsync(string reference, CancellationToken cancellationToken) =>
        Domain.Applications.AccountNumber.TryParse((await applications.FindAsync(reference, cancellationToken))?.Form.Organisation?.AccountNumber, out _);

    async Task<PaymentOrder> OrderAsync(TableEntity row, CancellationToken cancellationToken)
    {
        string reference = row.GetString("Reference");
        var organisation = (await applications.FindAsync(reference, cancellationToken))?.Form.Organisation;
        return new PaymentOrder(
            row.PartitionKey,
            reference,
            row.GetInt32("Number") ?? 0,
            row.GetInt64("Amount") ?? 0,
            DateOnly.ParseExact(row.GetString("DueOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.RowKey,
            organisation?.Name ?? "",
            organisation?.Number ?? "",
            Domain.Applications.AccountNumber.TryParse(organisation?.AccountNumber, out var account) ? account.Digits : "",
            Enum.TryParse<PayoutStatus>(row.GetString("Status"), out var status) ? status : PayoutStatus.Registered);
    }
}

/// <summary>One line of the finance system's confirmation: which tranche, and whether it was paid.</summary>
public sealed record PaymentConfirmation(string EndToEndId, bool Paid);

/// <param name="Unknown">End-to-end ids that are in no payment file (mistyped, or never ordered).</param>
public sealed record ConfirmationResult(int Paid, int Rejected, IReadOnlyList<string> Unknown);
