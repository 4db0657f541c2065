using System.Text.Json;
using ClosedXML.Excel;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Exports;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Infrastructure.Tests.Exports;

/// <summary>A small Alta round (three applications: two granted, one rejected) through every export and figure.</summary>
public sealed class RoundFiguresTests
{
    static readonly Round Alta = RoundCatalog.ForYear("alta", 2027);
    static readonly Actor Beslutter = new(ActorRole.DecisionMaker, "beslutter");

    static readonly RoundData Data = new(
        Alta,
        [
            Case("ALT-2027-0001", "912345688", "Nordlys Flerkulturelle Forening", ["A"], DecisionOutcome.Granted, 50_000, new(2027, 4, 26, 10, 0, 0, TimeSpan.FromHours(2))) with
            {
                Tranches = [new(1, "vår", 25_000, new(2027, 5, 18), default, Paid: true), new(2, "høst", 25_000, new(2027, 9, 15), default)],
            },
            Case("ALT-2027-0002", "987654325", "Alta Språkvenner", ["A", "B"], DecisionOutcome.PartlyGranted, 20_000, new(2027, 4, 28, 10, 0, 0, TimeSpan.FromHours(2))),
            Case("ALT-2027-0003", "998877660", "Nordkapp Kulturlag", ["B"], DecisionOutcome.Rejected, 0, new(2027, 4, 28, 11, 0, 0, TimeSpan.FromHours(2))),
        ],
        new Dictionary<string, ApplicationForm>
        {
            ["ALT-2027-0001"] = Form("Fellesmiddager", "Voksne med innvandrerbakgrunn"),
            ["ALT-2027-0002"] = Form("Språkkafé", "Barn og unge"),
            ["ALT-2027-0003"] = Form("Kulturkveld", "Voksne med innvandrerbakgrunn"),
        },
        [new PaymentOrder("alta-2027", "ALT-2027-0001", 1, 25_000, new(2027, 5, 18), "ALT-2027-0001-1", "Nordlys Flerkulturelle Forening", "912345688", "15031234562", PayoutStatus.Paid)]);

    [Fact]
    public void Imdi_figures_count_applications_grants_per_delmål_amounts_and_target_groups_reached()
    {
        var figures = Json(RoundFigures.ImdiFigures(Data));

        Assert.Equal(3, figures.GetProperty("applications").GetInt32());
        Assert.Equal(2, figures.GetProperty("grants").GetInt32());
        Assert.Equal(70_000, figures.GetProperty("amountGranted").GetInt64());
        Assert.Equal(25_000, figures.GetProperty("amountPaidOut").GetInt64());
        Assert.Equal(1, figures.GetProperty("rejected").GetInt32());
        var delmålA = figures.GetProperty("perDelmål").EnumerateArray().Single(d => d.GetProperty("delmål").GetString() == "A");
        Assert.Equal((2, 70_000L), (delmålA.GetProperty("grants").GetInt32(), delmålA.GetProperty("amount").GetInt64()));
        var reached = figures.GetProperty("targetGroupsReached").EnumerateArray().ToDictionary(g => g.GetProperty("targetGroup").GetString()!, g => g.GetProperty("amount").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["Voksne med innvandrerbakgrunn"] = 50_000, ["Barn og unge"] = 20_000 }, reached);
    }

    [Fact]
    public void Statistics_show_the_pot_used_day_by_day()
    {
        var statistics = Json(RoundFigures.Statistics(Data));

        var days = statistics.GetProperty("potUse").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("grantedSoFar").GetInt64())).ToList();
        Assert.Equal([("2027-04-26", 50_000L), ("2027-04-28", 70_000L)], days);
        Assert.Equal(Alta.Pot - 70_000, statistics.GetProperty("left").GetInt64());
    }

    [Fact]
    public void Open_data_lists_granted_awards_in_360giving_fields_with_no_personal_data()
    {
        var grants = RoundFigures.OpenData(Data);
        string csv = System.Text.Encoding.UTF8.GetString(RoundFigures.OpenDataTable(Data).ToCsv());
        string json = JsonSerializer.Serialize(RoundFigures.OpenDataJson(Data));

        Assert.Equal(["ALT-2027-0001", "ALT-2027-0002"], grants.Select(g => g.Identifier.Replace("360G-tilskudd-", "", StringComparison.Ordinal)));
        Assert.Equal(("NO-BRC-912345688", 50_000L, "NOK"), (grants[0].RecipientOrgIdentifier, grants[0].AmountAwarded, grants[0].Currency));
        Assert.StartsWith("\uFEFFIdentifier;Title;Description;Currency;Amount Awarded;Award Date;Recipient Org:Identifier", csv, StringComparison.Ordinal);
        Assert.Contains("\"amountAwarded\":20000", json, StringComparison.Ordinal);
        foreach (string personal in new[] { "example.org", "Kari", "15031234562" })
        {
            Assert.DoesNotContain(personal, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_export_opens_as_a_spreadsheet_with_its_header_and_one_row_per_case()
    {
        foreach (var (name, rows) in new[] { ("applications", 3), ("grants", 3), ("payouts", 1), ("reports", 2) })
        {
            var table = RoundFigures.Export(name, Data)!;
            using var workbook = new XLWorkbook(new MemoryStream(table.ToXlsx()));
            var sheet = workbook.Worksheets.Single();

            Assert.Equal(table.Headers[0], sheet.Cell(1, 1).GetString());
            Assert.Equal(rows + 1, sheet.LastRowUsed().RowNumber());
            Assert.Equal(rows + 1, System.Text.Encoding.UTF8.GetString(table.ToCsv()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }

        using var grants = new XLWorkbook(new MemoryStream(RoundFigures.Export("grants", Data)!.ToXlsx()));
        Assert.Equal(50_000, grants.Worksheets.Single().Cell(2, 6).GetDouble());
        Assert.Null(RoundFigures.Export("kontoer", Data));
    }

    static CaseState Case(string reference, string orgnr, string name, IReadOnlyList<string> delmål, DecisionOutcome outcome, long amount, DateTimeOffset decidedAt) =>
        CaseState.Initial with
        {
            Reference = reference,
            RoundId = "alta-2027",
            OrganisationNumber = orgnr,
            OrganisationName = name,
            ContactEmail = "kari@nordlys.example.org",
            Delmål = delmål,
            AmountAppliedFor = 50_000,
            Status = outcome == DecisionOutcome.Rejected ? CaseStatus.Rejected : CaseStatus.PayingOut,
            SubmittedAt = new(2027, 4, 2, 10, 0, 0, TimeSpan.FromHours(2)),
            Decision = new DecisionState(outcome, amount, [], Beslutter, decidedAt),
        };

    static ApplicationForm Form(string title, string targetGroup) => new()
    {
        Organisation = new OrganisationDetails("912345688", "x", "post@nordlys.example.org", "15031234562"),
        Contact = new ContactPerson("Kari Eksempel", "kari@nordlys.example.org", null),
        TargetGroups = [targetGroup],
        Project = new ProjectDetails(title, "Beskrivelse", new(2027, 5, 1), new(2027, 12, 1), "Alta"),
    };

    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, Web);
}
