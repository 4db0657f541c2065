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
/// <param name="LetterId">"{reference}/{version}/brev-{template}", as the decider's RenderLetter effect names it.</param>
public sealed record ArchivedLetter(string Reference, string LetterId, string TemplateId, string Subject, string Text)
{
    /// <summary>The letter's file beside its case: "{template}-{version}.pdf" ("vedtak-innvilget-12.pdf").</summary>
    public string FileName => $"{TemplateId}-{LetterId.Split('/')[1]}.pdf";

    /// <summary>
    /// The letter a case mail carries, when its template is a letter: the decider sends mail "{reference}/{version}/{template}"
    /// and renders letter "{reference}/{version}/brev-{template}" in the same turn, so both name the same file.
    /// </summary>
    public static ArchivedLetter? ForMail(string mailId, string templateId, string subject, string text)
    {
        ArgumentNullException.ThrowIfNull(mailId);
        string[] parts = mailId.Split('/');
        return Domain.Templates.TemplateIds.Letters.Contains(templateId) && parts.Length == 3
            ? new ArchivedLetter(parts[0], $"{parts[0]}/{parts[1]}/brev-{templateId}", templateId, subject, text)
            : null;
    }
}

/// <summary>A letter as a file: its name beside the case, and the PDF.</summary>
public sealed record LetterFile(string FileName, byte[] Content);

public interface ILetterArchive
{
    /// <summary>Renders the letter to PDF and stores it beside its case; storing the same letter again replaces it.</summary>
    Task<LetterFile> StoreAsync(ArchivedLetter letter, CancellationToken cancellationToken);
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
/// <summary>The people Enhetsregisteret names in an organisation's roles, for the desk's habilitet warning.</summary>
public interface IOrganisationRoles
{
    /// <summary>The current (not resigned) role holders who are persons; empty when the register knows none.</summary>
    Task<IReadOnlyList<Domain.People.RegisterRole>> FindRolesAsync(string organisationNumber, CancellationToken cancellationToken);
}

public interface IOrganisationRegister
{
    /// <summary>The register's facts of the organisation; null when the register does not know it.</summary>
    Task<RegisterFacts?> FindAsync(string organisationNumber, CancellationToken cancellationToken);
}
