using Tilskudd.Domain.Cases;

namespace Tilskudd.Workflow.Ports;

/// <summary>Where a case stands on its round's pot after a reservation: whether it got it, and what is left.</summary>
/// <param name="Left">Null when the round has no pot.</param>
public sealed record PotPosition(bool Reserved, long? Left, long Granted);

/// <summary>The round's pot, shared by all its cases; idempotent by reference.</summary>
public interface IPotLedger
{
    /// <summary>Sets the case's reservation to <paramref name="amount"/> when the pot allows it.</summary>
    Task<PotPosition> ReserveAsync(string roundId, string reference, long amount, CancellationToken cancellationToken);

    Task<PotPosition> ReleaseAsync(string roundId, string reference, CancellationToken cancellationToken);
}

/// <summary>A rendered letter for the case's archive.</summary>
public sealed record ArchivedLetter(string Reference, string LetterId, string TemplateId, string Subject, string Text);

public interface ILetterArchive
{
    /// <summary>Stores the letter under its id; storing the same id again replaces it with the same text.</summary>
    Task StoreAsync(ArchivedLetter letter, CancellationToken cancellationToken);
}

/// <summary>Payouts registered for the kommune's finance system, once per tranche.</summary>
public interface IPayoutRegister
{
    Task RegisterAsync(RegisterTranche tranche, CancellationToken cancellationToken);
}

/// <summary>The caseworkers' work list: what a case needs of them.</summary>
public interface ICaseworkerInbox
{
    Task NotifyAsync(NotifyCaseworkers notice, CancellationToken cancellationToken);
}

/// <summary>The case as listings and command checks read it, without asking the engine.</summary>
public interface ICaseViews
{
    Task SaveAsync(CaseSummary summary, CaseState state, CancellationToken cancellationToken);

    Task<(CaseSummary Summary, CaseState State)?> FindAsync(string roundId, string reference, CancellationToken cancellationToken);
}
