using Azure;
using Azure.Data.Tables;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Rounds;

/// <summary>A round's pot: what it holds (null: the round sets no pot), and what is granted from it.</summary>
public sealed record PotBalance(string RoundId, long? Pot, long Granted)
{
    public long? Left => Pot - Granted;
}

public abstract record PotReservation
{
    private protected PotReservation(PotBalance balance) => Balance = balance;

    public PotBalance Balance { get; }

    public sealed record Reserved(PotBalance Balance) : PotReservation(Balance);

    /// <summary>The grant would take the round past its pot; nothing was changed.</summary>
    public sealed record Refused(PotBalance Balance, long Asked) : PotReservation(Balance);
}

/// <summary>
/// The ledger of a round's pot, shared by all of the round's cases. One Table partition per round:
/// a total row and a row per reference number, changed together in one entity-group transaction
/// that carries the rows' ETags. Of two cases racing for the last kroner one write wins and the
/// other reads again and is refused, so the grants never exceed the pot, under any concurrency.
/// Reserving the same amount for a reference again changes nothing (activities run at least once).
/// </summary>
public sealed class PotLedger(StorageClients storage) : IPotLedger
{
    const string TotalRow = "total";
    const string GrantPrefix = "grant-";

    TableClient Pots => storage.Table(StorageNames.PotsTable);

    public async Task<PotBalance> BalanceAsync(Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var total = await Pots.GetEntityIfExistsAsync<TableEntity>(round.Id, TotalRow, cancellationToken: cancellationToken);
        return new PotBalance(round.Id, round.Pot, GrantedIn(total));
    }

    /// <summary>Sets the reference's grant to <paramref name="amount"/> if the pot allows it.</summary>
    public async Task<PotReservation> ReserveAsync(Round round, string reference, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        while (true)
        {
            var (total, grant) = await ReadAsync(round.Id, reference, cancellationToken);
            long granted = GrantedIn(total);
            long current = grant.HasValue ? grant.Value!.GetInt64("Amount") ?? 0 : 0;
            var balance = new PotBalance(round.Id, round.Pot, granted);
            if (grant.HasValue && current == amount)
            {
                return new PotReservation.Reserved(balance);
            }

            long after = granted - current + amount;
            if (round.Pot is { } pot && after > pot)
            {
                return new PotReservation.Refused(balance, amount);
            }

            if (await TryWriteAsync(round.Id, reference, total, grant, after, amount, cancellationToken))
            {
                return new PotReservation.Reserved(balance with { Granted = after });
            }
        }
    }

    /// <summary>Gives the reference's grant back to the pot (a withdrawal, a changed decision to reject).</summary>
    public async Task<PotBalance> ReleaseAsync(Round round, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        while (true)
        {
            var (total, grant) = await ReadAsync(round.Id, reference, cancellationToken);
            long granted = GrantedIn(total);
            if (!grant.HasValue)
            {
                return new PotBalance(round.Id, round.Pot, granted);
            }

            long after = granted - (grant.Value!.GetInt64("Amount") ?? 0);
            if (await TryWriteAsync(round.Id, reference, total, grant, after, amount: null, cancellationToken))
            {
                return new PotBalance(round.Id, round.Pot, after);
            }
        }
    }

    async Task<PotPosition> IPotLedger.ReserveAsync(string roundId, string reference, long amount, CancellationToken cancellationToken) =>
        Position(await ReserveAsync(RoundOf(roundId), reference, amount, cancellationToken));

    async Task<PotPosition> IPotLedger.ReleaseAsync(string roundId, string reference, CancellationToken cancellationToken)
    {
        var balance = await ReleaseAsync(RoundOf(roundId), reference, cancellationToken);
        return new PotPosition(Reserved: true, balance.Left, balance.Granted);
    }

    static PotPosition Position(PotReservation reservation) =>
        new(reservation is PotReservation.Reserved, reservation.Balance.Left, reservation.Balance.Granted);

    static Round RoundOf(string roundId) =>
        RoundCatalog.ById(roundId) ?? throw new ArgumentException($"Unknown round '{roundId}'.", nameof(roundId));

    async Task<(NullableResponse<TableEntity> Total, NullableResponse<TableEntity> Grant)> ReadAsync(
        string roundId, string reference, CancellationToken cancellationToken)
    {
        var total = Pots.GetEntityIfExistsAsync<TableEntity>(roundId, TotalRow, cancellationToken: cancellationToken);
        var grant = Pots.GetEntityIfExistsAsync<TableEntity>(roundId, GrantPrefix + reference, cancellationToken: cancellationToken);
        return (await total, await grant);
    }

    /// <summary>Writes the new total and the reference's grant (or its removal) at once; false when another write came first.</summary>
    async Task<bool> TryWriteAsync(
        string roundId, string reference, NullableResponse<TableEntity> total, NullableResponse<TableEntity> grant,
        long granted, long? amount, CancellationToken cancellationToken)
    {
        var totalRow = new TableEntity(roundId, TotalRow) { ["Granted"] = granted };
        var grantRow = new TableEntity(roundId, GrantPrefix + reference) { ["Amount"] = amount };
        var actions = new List<TableTransactionAction>
        {
            total.HasValue
                ? new(TableTransactionActionType.UpdateReplace, totalRow, total.Value!.ETag)
                : new(TableTransactionActionType.Add, totalRow),
        };
        if (amount is null)
        {
            actions.Add(new(TableTransactionActionType.Delete, grantRow, grant.Value!.ETag));
        }
        else
        {
            actions.Add(grant.HasValue
                ? new(TableTransactionActionType.UpdateReplace, grantRow, grant.Value!.ETag)
                : new(TableTransactionActionType.Add, grantRow));
        }

        try
        {
            await Pots.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    static long GrantedIn(NullableResponse<TableEntity> total) =>
        total.HasValue ? total.Value!.GetInt64("Granted") ?? 0 : 0;
}
