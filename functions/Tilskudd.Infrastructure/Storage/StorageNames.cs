namespace Tilskudd.Infrastructure.Storage;

/// <summary>Every table and blob container the product owns (the engine's task hub has its own).</summary>
public static class StorageNames
{
    public const string ApplicationsTable = "applications";
    public const string SequencesTable = "sequences";
    public const string IdempotencyTable = "idempotency";
    public const string RoundsTable = "rounds";
    public const string MailLedgerTable = "mailledger";
    public const string MailAttemptsTable = "mailattempts";
    public const string PotsTable = "pots";
    public const string CasesTable = "cases";
    public const string CaseEventsTable = "caseevents";
    public const string PayoutsTable = "payouts";
    public const string CaseworkerInboxTable = "caseworkerinbox";
    public const string CaseReadsTable = "casereads";

    public const string AttachmentsContainer = "attachments";
    public const string ApplicationsContainer = "applications";
    public const string LettersContainer = "letters";

    public static IReadOnlyList<string> Tables { get; } =
        [ApplicationsTable, SequencesTable, IdempotencyTable, RoundsTable, MailLedgerTable, MailAttemptsTable, PotsTable, CasesTable, CaseEventsTable, PayoutsTable, CaseworkerInboxTable, CaseReadsTable];

    public static IReadOnlyList<string> Containers { get; } = [AttachmentsContainer, ApplicationsContainer, LettersContainer];
}
