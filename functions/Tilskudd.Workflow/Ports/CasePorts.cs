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

/// <summary>An event of a case with its place in the case's history (the state's version after it).</summary>
public sealed record NumberedEvent(int Version, CaseEvent Event);

/// <summary>
/// The case as listings, command checks and the audit trail read it, without asking the engine: its
/// summary and state, and every event with who, what and when, so the case can be rebuilt from them.
/// </summary>
public interface ICaseViews
{
    /// <summary>Appends the events (idempotent by version) and stores the state they lead to.</summary>
    Task SaveAsync(CaseSummary summary, CaseState state, IReadOnlyList<NumberedEvent> events, CancellationToken cancellationToken);

    Task<IReadOnlyList<NumberedEvent>> EventsAsync(string reference, CancellationToken cancellationToken);

    Task<(CaseSummary Summary, CaseState State)?> FindAsync(string roundId, string reference, CancellationToken cancellationToken);
}

/// <summary>The Brønnøysund registers (Enhetsregisteret, Frivillighetsregisteret).</summary>
public interface IOrganisationRegister
{
    /// <summary>The register's facts of the organisation; null when the register does not know it.</summary>
    Task<RegisterFacts?> FindAsync(string organisationNumber, CancellationToken cancellationToken);
}
