using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Applications;

/// <summary>Invented organisations with valid test organisation numbers, and applications that pass.</summary>
static class Samples
{
    /// <summary>Check digits computed with the mod-11 rule: 9123456 8|8, 9876543 2|5, 8123456 7|2.</summary>
    public const string OsloOrganisationNumber = "912345688";
    public const string AltaOrganisationNumber = "987654325";
    public const string OtherOrganisationNumber = "812345672";

    public static Round Oslo2021 { get; } = RoundCatalog.ForYear("oslo", 2021);
    public static Round Alta2024 { get; } = RoundCatalog.ForYear("alta", 2024);

    public static DateTimeOffset BeforeOsloDeadline { get; } = new(2020, 11, 20, 10, 0, 0, TimeSpan.FromHours(1));
    public static DateTimeOffset BeforeAltaDeadline { get; } = new(2024, 4, 2, 10, 0, 0, TimeSpan.FromHours(2));

    public static ApplicationForm OsloProject { get; } = new()
    {
        Organisation = new(OsloOrganisationNumber, "Testbyen språkkafé", "post@sprakkafe.example.org", "1234 56 78903"),
        Contact = new("Testperson Eksempel", "kontakt@sprakkafe.example.org", null),
        SubmittedAs = SubmittedAs.Organisation,
        Kind = ApplicationKind.Project,
        Delmål = ["A", "B"],
        TargetGroups = ["Innvandrere og deres barn"],
        Project = new("Språkkafé i bydelen", "Ukentlig norsktrening og møteplass ledet av frivillige.", new(2021, 2, 1), new(2021, 11, 30), "Oslo"),
        Budget =
        [
            new("lokaler", "Leie av rom", 20_000),
            new("servering", "Kaffe og mat", 15_000),
            new("lonn", "Honorar til koordinator", 40_000),
        ],
        AmountAppliedFor = 60_000,
        NumberOfEmployees = 0,
        Declarations = new(NoImdiFundingForSameActivity: true, InformationIsCorrect: true),
    };

    public static ApplicationForm AltaProject { get; } = new()
    {
        Organisation = new(AltaOrganisationNumber, "Flerkulturell testforening", "post@flerkulturell.example.org", "15031234562"),
        Contact = new("Testperson Eksempel", "leder@flerkulturell.example.org", null),
        Kind = ApplicationKind.Project,
        Delmål = ["A"],
        Project = new("Fellesmiddager", "Månedlige fellesmiddager for nye og gamle innbyggere.", new(2024, 5, 1), new(2025, 4, 30), "Alta"),
        AmountAppliedFor = 50_000,
        NumberOfEmployees = 1,
        Declarations = new(NoImdiFundingForSameActivity: true, InformationIsCorrect: true, ApprovedByLeader: true),
    };

    public static IReadOnlyList<AttachmentDescriptor> AltaProjectFiles { get; } =
    [
        Pdf(AttachmentKind.Budget, "budsjett.pdf"),
        Pdf(AttachmentKind.Skatteattest, "skatteattest.pdf"),
    ];

    public static ApplicationForm AltaOperating { get; } = AltaProject with
    {
        Kind = ApplicationKind.Operating,
        Project = new("Drift av foreningen", "Medlemsmøter, kontor og aktiviteter for medlemmene.", new(2024, 1, 1), new(2024, 12, 31), "Alta"),
        Budget = [new("drift", "Husleie og strøm", 30_000), new("aktiviteter", "Medlemsmøter", 10_000)],
        AmountAppliedFor = 25_000,
        NumberOfEmployees = 0,
        PayingMembers = 35,
    };

    public static IReadOnlyList<AttachmentDescriptor> AltaOperatingFiles { get; } = [Xlsx(AttachmentKind.MembershipList, "medlemsliste.xlsx")];

    public static AttachmentDescriptor Pdf(AttachmentKind kind, string name, long length = 120_000) => new(kind, name, length, FileType.Pdf);

    public static AttachmentDescriptor Xlsx(AttachmentKind kind, string name) => new(kind, name, 40_000, FileType.Xlsx);

    public static ValidationResult Oslo(ApplicationForm form, IReadOnlyList<AttachmentDescriptor>? files = null) =>
        ApplicationRules.Validate(Oslo2021, form, files ?? [], BeforeOsloDeadline);

    public static ValidationResult Alta(ApplicationForm form, IReadOnlyList<AttachmentDescriptor>? files = null) =>
        ApplicationRules.Validate(Alta2024, form, files ?? AltaProjectFiles, BeforeAltaDeadline);
}
