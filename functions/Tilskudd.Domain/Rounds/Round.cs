using Tilskudd.Domain.Applications;

namespace Tilskudd.Domain.Rounds;

/// <summary>
/// One grant scheme in one year (tilskuddsrunde). Everything that changes per year or per
/// kommune is data here; the rules that read it are code in Rules and Applications.
/// Dates are calendar dates in Europe/Oslo; see <see cref="Time.OsloTime"/>.
/// </summary>
public sealed record Round
{
    /// <summary>Stable id, scheme and grant year: "alta-2024", "oslo-2021".</summary>
    public required string Id { get; init; }

    /// <summary>The scheme this round is a year of: "alta", "oslo".</summary>
    public required string SchemeId { get; init; }

    /// <summary>The year the grant is for and must be used in (tildelingsåret).</summary>
    public required int GrantYear { get; init; }

    /// <summary>Prefix of reference numbers, read over the phone: "ALT" gives ALT-2024-0042.</summary>
    public required string ReferencePrefix { get; init; }

    public required string Title { get; init; }

    /// <summary>The scheme's main goal (hovedmål), shown on the round page.</summary>
    public required string Goal { get; init; }

    public required RoundOwner Owner { get; init; }

    public required IReadOnlyList<Delmål> Delmål { get; init; }

    /// <summary>Who may apply, as the seed says it.</summary>
    public required IReadOnlyList<string> WhoCanApply { get; init; }

    public required AmountLimits Amounts { get; init; }

    /// <summary>The money the round distributes; null where the seed gives no figure.</summary>
    public long? Pot { get; init; }

    /// <summary>Last day to apply; the form closes at the end of that day in Europe/Oslo.</summary>
    public required DateOnly ApplicationDeadline { get; init; }

    public required ReportRule Report { get; init; }

    public required TrancheRule Tranches { get; init; }

    public required AppealRule Appeal { get; init; }

    /// <summary>When the round's cases remind the organisation and the caseworkers.</summary>
    public required ReminderRule Reminders { get; init; }

    /// <summary>Working days after the application deadline before caseworkers are reminded of cases not assessed.</summary>
    public required int ReviewReminderWorkingDays { get; init; }

    /// <summary>Days the organisation has to accept the grant letter's terms.</summary>
    public required int AcceptanceDays { get; init; }

    /// <summary>Days the organisation has to answer a request for more information (mangelbrev).</summary>
    public required int InformationReplyDays { get; init; }

    /// <summary>What the foreløpig svar (forvaltningsloven § 11 a) to an undecided application says: why it takes time, and when to expect the answer.</summary>
    public required InterimReplyRule InterimReply { get; init; }

    public required EligibilityRule Eligibility { get; init; }

    public required IReadOnlyList<ApplicationKindRule> Kinds { get; init; }

    public required IReadOnlyList<BudgetCategory> BudgetCategories { get; init; }

    public required AttachmentRules Attachments { get; init; }

    /// <summary>What is weighed in the assessment (Alta's ten points); empty where the seed lists none.</summary>
    public required IReadOnlyList<Criterion> Criteria { get; init; }

    /// <summary>Extra criteria when the activity takes place at a state asylum reception centre.</summary>
    public required IReadOnlyList<Criterion> AsylumReceptionCriteria { get; init; }

    /// <summary>What the round does not support (det gis ikke støtte til).</summary>
    public required IReadOnlyList<Exclusion> NotSupported { get; init; }

    /// <summary>Values the seed does not give, chosen by us; each says what and why.</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    /// <summary>Switches for the intake checks that differ between rounds.</summary>
    public IntakeRule Intake { get; init; } = new();

    /// <summary>Terms that come with a grant (use in the grant year, written consent to changes, control), for the grant letter.</summary>
    public IReadOnlyList<string> GrantTerms { get; init; } = [];

    /// <summary>
    /// Which terms these are, as the grant letter states it and an acceptance records it: the round's id and the first eight
    /// hex digits of the SHA-256 of the terms' texts, one per line ("alta-2024-1a2b3c4d"). Computed, not kept in the data,
    /// so a changed text can never keep the version of the text it replaced, and the same texts always give the same one.
    /// </summary>
    public string GrantTermsVersion =>
        $"{Id}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', GrantTerms))))[..8]}";

    /// <summary>Other things the round page says (reservations, where activities may take place).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public Delmål? FindDelmål(string code) =>
        Delmål.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    public ApplicationKindRule? FindKind(ApplicationKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind);
}

public sealed record RoundOwner(
    string Kommune,
    string KommuneNumber,
    string Unit,
    string Email,
    /// <summary>Who decides (in Oslo the byråd on Velferdsetaten's recommendation).</summary>
    string DecisionMaker,
    /// <summary>The kommune's account grants are paid from (the debtor of the payment file); invented in the seed rounds.</summary>
    string? AccountNumber = null);

public sealed record Delmål(string Code, string Title, string Text, IReadOnlyList<string> Supports, IReadOnlyList<string> TargetGroups);

public sealed record AmountLimits(long Minimum, long Maximum);

/// <param name="FixedDeadline">A fixed date (Oslo: 1 February the year after the grant year).</param>
/// <param name="DaysAfterGrantLetter">Otherwise, days from the grant letter (Alta: set in the letter; default here).</param>
/// <param name="AuditThreshold">Grants at or above this need accounts audited by a state-authorised or registered auditor.</param>
/// <param name="RepaymentDays">Days the organisation has to pay back what a report review claims (to the next working day).</param>
/// <param name="RequiredFiles">
/// The files every report must have (Oslo: "levere rapport og regnskap"; Alta: "årsrapport og regnskap"): the report and
/// the accounts. The auditor's statement is required by <paramref name="AuditThreshold"/>, not here.
/// </param>
public sealed record ReportRule(DateOnly? FixedDeadline, int? DaysAfterGrantLetter, long AuditThreshold, int RepaymentDays, IReadOnlyList<AttachmentKind>? RequiredFiles = null)
{
    /// <summary>The kinds of <see cref="RequiredFiles"/> not among <paramref name="attached"/>, in the round's order.</summary>
    public IReadOnlyList<AttachmentKind> MissingFiles(IEnumerable<AttachmentKind> attached) =>
        [.. (RequiredFiles ?? []).Except(attached)];

    /// <summary>When the report and accounts are due for a grant letter sent on the given date.</summary>
    public DateOnly DeadlineFor(DateOnly grantLetterSent) =>
        FixedDeadline ?? grantLetterSent.AddDays(DaysAfterGrantLetter ?? throw new InvalidOperationException("The report rule sets no deadline."));

    public bool RequiresAuditedAccounts(long granted) => granted >= AuditThreshold;
}

/// <param name="SplitAbove">Grants above this are paid in two tranches (Alta: 30 000); null pays everything at once.</param>
public sealed record TrancheRule(long? SplitAbove, DateOnly SpringPayout, DateOnly AutumnPayout)
{
    public bool IsSplit(long granted) => SplitAbove is { } limit && granted > limit;
}

/// <param name="Weeks">Appeal window from the day the decision letter is sent (forvaltningsloven § 29: three weeks).</param>
/// <param name="Body">The appeal body (klageinstans) an upheld decision's appeal goes to, as the letter names it.</param>
public sealed record AppealRule(int Weeks, string Body)
{
    /// <summary>
    /// Last day to appeal a decision letter sent on the given date. Forvaltningsloven § 30: a time
    /// limit ending on a Saturday, Sunday or public holiday runs to the next working day.
    /// </summary>
    public DateOnly DeadlineFor(DateOnly decisionLetterSent) =>
        Time.WorkingDays.NextOnOrAfter(decisionLetterSent.AddDays(7 * Weeks));
}

/// <param name="ExpectedDecisionBy">When the round's applications are expected to be decided, as the foreløpig svar promises it.</param>
/// <param name="Reason">Why the answer takes time (forvaltningsloven § 11 a: "gjøres rede for grunnen"), in the kommune's words.</param>
public sealed record InterimReplyRule(DateOnly ExpectedDecisionBy, string Reason);

/// <param name="MinimumAgeYears">How long the organisation must have existed; null where the seed sets no age.</param>
/// <param name="OrganisationForms">Enhetsregisteret's organisasjonsform codes that may get a grant; null or empty where the seed names none.</param>
public sealed record EligibilityRule(
    bool RequiresFrivillighetsregisteret,
    bool RequiresRegisteredInKommune,
    int? MinimumAgeYears,
    string ActivityMustTakePlaceIn,
    IReadOnlyList<string>? OrganisationForms = null);

public enum ApplicationKind
{
    /// <summary>Prosjekt- og tiltaksstøtte.</summary>
    Project,

    /// <summary>Driftsstøtte to local immigrant organisations (Alta).</summary>
    Operating,
}

/// <param name="MinimumPayingMembers">Guideline number of paying members (Alta: 20); null where none.</param>
/// <param name="RequiresMembershipList">Whether a membership list must be attached.</param>
/// <param name="ExcludesFaithCommunitiesWithOtherStateSupport">Faith communities that receive other state support cannot get this kind (Alta's operating support).</param>
public sealed record ApplicationKindRule(
    ApplicationKind Kind,
    string Title,
    IReadOnlyList<string> Conditions,
    int? MinimumPayingMembers,
    bool RequiresMembershipList,
    bool ExcludesFaithCommunitiesWithOtherStateSupport = false);

/// <param name="OperatingSupportOnly">
/// Only an application for operating support (driftsstøtte) may budget this category: Alta's "drift", since
/// "prosjekt/tiltaksstøtte kan ikke benyttes til generell drift av organisasjon".
/// </param>
public sealed record BudgetCategory(string Code, string Title, bool OperatingSupportOnly = false);

/// <param name="MaxFileBytes">At most this many bytes per file.</param>
/// <param name="MaxTotalBytes">At most this many bytes in all.</param>
/// <param name="SkatteattestWhenEmployees">A tax certificate is required when the organisation has employees.</param>
/// <param name="MaxFiles">At most this many files.</param>
public sealed record AttachmentRules(long MaxFileBytes, long MaxTotalBytes, bool SkatteattestWhenEmployees, IReadOnlyList<string> Guidance, int MaxFiles = 20);

/// <param name="PeriodWithinGrantYear">The activity must start and end in the grant year (Oslo: "må gjennomføres i Oslo i 2021"); otherwise it must at least overlap it.</param>
/// <param name="RequiresLeaderApproval">The applicant must declare that the organisation's leader (or someone with delegated authority) approved the application (Alta).</param>
/// <param name="ReceptionContactRequired">An activity at an asylum reception centre must name the centre's contact person (Alta).</param>
public sealed record IntakeRule(
    bool PeriodWithinGrantYear = false,
    bool RequiresLeaderApproval = false,
    bool ReceptionContactRequired = false);

public sealed record Criterion(string Code, string Text);

public sealed record Exclusion(string Code, string Text);

/// <param name="AcceptanceDaysBefore">One reminder to accept the grant letter's terms this many days before the acceptance deadline.</param>
/// <param name="ReportDaysBefore">Report reminders this many days before the report deadline.</param>
/// <param name="OverdueRepeatDays">An overdue notice the day after the report deadline, repeated every this many days.</param>
/// <param name="CaseworkersToldAfterOverdueNotices">Caseworkers are told once this many overdue notices have gone out.</param>
public sealed record ReminderRule(int AcceptanceDaysBefore, IReadOnlyList<int> ReportDaysBefore, int OverdueRepeatDays, int CaseworkersToldAfterOverdueNotices);
