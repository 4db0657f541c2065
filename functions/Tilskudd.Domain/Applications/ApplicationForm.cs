using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Applications;

/// <summary>What an organisation submits (søknad), as the JSON part of the multipart form.</summary>
public sealed record ApplicationForm
{
    public OrganisationDetails? Organisation { get; init; }
    public ContactPerson? Contact { get; init; }
    public SubmittedAs SubmittedAs { get; init; } = SubmittedAs.Organisation;
    public ApplicationKind Kind { get; init; } = ApplicationKind.Project;
    public IReadOnlyList<string> Delmål { get; init; } = [];
    public IReadOnlyList<string> TargetGroups { get; init; } = [];
    public ProjectDetails? Project { get; init; }
    public IReadOnlyList<BudgetLine> Budget { get; init; } = [];
    public long AmountAppliedFor { get; init; }
    public int NumberOfEmployees { get; init; }
    public int? PayingMembers { get; init; }
    public Declarations Declarations { get; init; } = new();

    /// <summary>
    /// Who gets a copy of the receipt besides the contact person: the organisation's own address when a
    /// private person applied on its behalf. Oslo: "Når søknaden er sendt inn sendes det en kopi til
    /// organisasjonens meldingsboks."
    /// </summary>
    public IReadOnlyList<string> ReceiptCopyTo() =>
        SubmittedAs == SubmittedAs.PrivatePerson && Organisation?.Email is { Length: > 0 } copy ? [copy] : [];
}

/// <param name="Number">Organisasjonsnummer, nine digits.</param>
/// <param name="Email">The organisation's own address; it gets a copy when a private person applies.</param>
/// <param name="AccountNumber">The organisation's bank account (kontonummer, eleven digits) the grant is paid to.</param>
public sealed record OrganisationDetails(string Number, string Name, string? Email, string? AccountNumber = null);

public sealed record ContactPerson(string Name, string Email, string? Phone);

/// <summary>The seed's two login paths: on behalf of the organisation, or as a private person who typed the org number.</summary>
public enum SubmittedAs
{
    Organisation,
    PrivatePerson,
}

/// <param name="AtAsylumReception">The activity takes place at a state asylum reception centre.</param>
/// <param name="ReceptionContact">The contact person at the reception centre (required then, Alta).</param>
public sealed record ProjectDetails(
    string Title,
    string Description,
    DateOnly Start,
    DateOnly End,
    string Place,
    bool AtAsylumReception = false,
    string? ReceptionContact = null);

public sealed record BudgetLine(string Category, string Description, long Amount);

/// <param name="NoImdiFundingForSameActivity">The same activity is not funded by IMDi (directly or through a central body).</param>
/// <param name="InformationIsCorrect">The applicant confirms the information given is correct.</param>
/// <param name="ApprovedByLeader">Approved by the organisation's leader or someone with delegated authority (Alta).</param>
/// <param name="FaithCommunityWithOtherStateSupport">For operating support: the organisation is a faith community receiving other state support.</param>
public sealed record Declarations(
    bool NoImdiFundingForSameActivity = false,
    bool InformationIsCorrect = false,
    bool ApprovedByLeader = false,
    bool FaithCommunityWithOtherStateSupport = false);

public enum AttachmentKind
{
    Budget,
    Skatteattest,
    MembershipList,
    Other,

    // Sent with case commands after the application, not with it.
    Report,
    Accounts,
    AuditorsStatement,
    InformationReply,
}

/// <summary>The file types accepted, as found from the file's content (not its name).</summary>
public enum FileType
{
    Unknown,
    Pdf,
    Docx,
    Xlsx,
    Odt,
    Png,
    Jpeg,
}

/// <summary>An attached file as the intake rules see it: what it is said to be, and what it is.</summary>
public sealed record AttachmentDescriptor(AttachmentKind Kind, string FileName, long Length, FileType DetectedType);
