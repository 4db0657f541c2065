using System.Text;
using ClosedXML.Excel;
using Tilskudd.Infrastructure.Exports;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Infrastructure.Tests.Exports;

/// <summary>Whatever a stored value holds, every export opens and shows it as text: no formula runs, no cell overflows.</summary>
public sealed class HostileValuesTests
{
    const string Link = "=HYPERLINK(\"http://angriper.example.org\",\"Klikk\")";

    static readonly string[] Hostile =
    [
        Link, "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", new string('x', 40_000),
        "semikolon; og \"sitat\"\nog linjeskift", "\u202eevil", string.Concat(Enumerable.Repeat("😀", 20_000)),
    ];

    static ExportTable Table() => new("soknader", ["Referanse", "Prosjekt", "Beløp"], [.. Hostile.Select((text, i) => (IReadOnlyList<object?>)[$"ALT-2027-{i + 1:0000}", text, -5L])]);

    [Fact]
    public void A_csv_cell_that_would_start_a_formula_is_shown_as_text()
    {
        string csv = Encoding.UTF8.GetString(Table().ToCsv());

        Assert.Contains("'=HYPERLINK(", csv, StringComparison.Ordinal);
        foreach (string line in csv.Split('\n').Skip(1).Where(l => l.StartsWith("ALT-", StringComparison.Ordinal)))
        {
            string project = line.Split(';')[1].TrimStart('"');
            Assert.False(project.Length > 0 && project[0] is '=' or '+' or '@' or '\t' or '\r', $"A cell starts a formula: {project[..Math.Min(40, project.Length)]}");
        }

        Assert.Contains(";-5", csv, StringComparison.Ordinal); // a number stays a number
    }

    [Fact]
    public void An_xlsx_export_of_any_stored_text_opens_with_the_text_as_text_and_no_cell_over_the_limit()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Table().ToXlsx()));
        var sheet = workbook.Worksheets.Single();

        for (int row = 2; row <= Hostile.Length + 1; row++)
        {
            var cell = sheet.Cell(row, 2);
            Assert.False(cell.HasFormula);
            Assert.InRange(cell.GetString().Length, 1, SpreadsheetCell.MaxText);
        }

        Assert.Equal(Link, sheet.Cell(2, 2).GetString());
        Assert.True(sheet.Cell(2, 2).Style.IncludeQuotePrefix);
        Assert.EndsWith("[…]", sheet.Cell(9, 2).GetString(), StringComparison.Ordinal);
        Assert.Equal(-5, sheet.Cell(2, 3).GetDouble());
    }

    [Fact]
    public void A_payment_csv_shows_an_organisation_named_like_a_formula_as_text()
    {
        var file = new PaymentFile("fil-1", new DateOnly(2027, 5, 18), new DateTimeOffset(2027, 5, 18, 8, 0, 0, TimeSpan.FromHours(2)),
            [new PaymentOrder("alta-2027", "ALT-2027-0001", 1, 25_000, new(2027, 5, 18), "ALT-2027-0001-1", "=1+1 Forening", "912345688", "15031234562", PayoutStatus.Registered)]);

        string csv = PaymentCsv.Write(file, _ => new Debtor("Alta kommune", "40001234562"));

        Assert.Contains(";'=1+1 Forening;", csv, StringComparison.Ordinal);
    }
}
