using Azure.Data.Tables;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Exports;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Api.Cases;

/// <summary>One recommended case as the decision meeting sees it: the caseworker's latest recommendation.</summary>
public sealed record MeetingCase(
    string Reference,
    string OrganisationNumber,
    string OrganisationName,
    string ProjectTitle,
    IReadOnlyList<string> Delmål,
    long AmountAppliedFor,
    long RecommendedAmount,
    string Comment,
    int Version);

/// <summary>The decision meeting's cases and their sum against the pot.</summary>
public sealed record Meeting(
    string RoundId, string Title, long? Pot, long Granted, long? Left, long Recommended, long? LeftAfterRecommended, IReadOnlyList<MeetingCase> Cases);

/// <summary>
/// The decision meeting (vedtaksmøte): every assessed case of a round with the recommended amount, and their
/// sum against what is left of the pot; as JSON for the batch page, or as a spreadsheet for the meeting itself.
/// Caseworkers and decision makers only.
/// </summary>
public static class DecisionMeeting
{
    public const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IResult> GetDecisionMeeting(
        Admitted caller, HttpRequest request, StorageClients storage, ApplicationStore applications, ICaseViews views,
        PotLedger pots, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(pots);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(caller);
        var round = caller.Round!;
        var cases = await RecommendedAsync(round, storage, applications, views, cancellationToken);
        var balance = await pots.BalanceAsync(round, cancellationToken);
        long recommended = cases.Sum(c => c.RecommendedAmount);
        if (string.Equals(request.Query["format"].FirstOrDefault(), "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(Spreadsheet(round, cases, balance, time.GetUtcNow()), SpreadsheetType, $"vedtaksmote-{round.Id}.xlsx");
        }

        return TypedResults.Ok(new Meeting(round.Id, round.Title, balance.Pot, balance.Granted, balance.Left, recommended, balance.Left - recommended, cases));
    }

    static async Task<List<MeetingCase>> RecommendedAsync(
        Round round, StorageClients storage, ApplicationStore applications, ICaseViews views, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {round.Id} and Status eq {nameof(CaseStatus.Assessed)}");
        var found = new List<MeetingCase>();
        await foreach (var row in storage.Table(StorageNames.CasesTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var events = await views.EventsAsync(row.RowKey, cancellationToken);
            if (events.Select(e => e.Event).OfType<CaseAssessed>().LastOrDefault() is not { } assessed)
            {
                continue;
            }

            var application = await applications.FindAsync(row.RowKey, cancellationToken);
            found.Add(new MeetingCase(
                row.RowKey,
                row.GetString("OrganisationNumber") ?? "",
                application?.Form.Organisation?.Name ?? "",
                application?.Form.Project?.Title ?? "",
                application?.Form.Delmål ?? [],
                row.GetInt64("AmountAppliedFor") ?? 0,
                assessed.RecommendedAmount,
                assessed.Comment,
                row.GetInt32("Version") ?? 0));
        }

        return [.. found.OrderBy(c => c.Reference, StringComparer.Ordinal)];
    }

    static byte[] Spreadsheet(Round round, IReadOnlyList<MeetingCase> cases, PotBalance balance, DateTimeOffset now)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Vedtaksmøte");
        sheet.Cell(1, 1).Value = $"{round.Title} {round.GrantYear}: innstillinger til vedtaksmøtet";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = $"Laget {Domain.Text.NorwegianFormat.Date(Domain.Time.OsloTime.DateOf(now))}";

        string[] headings = ["Referanse", "Organisasjonsnummer", "Organisasjon", "Prosjekt", "Delmål", "Søkt beløp", "Innstilt beløp", "Begrunnelse"];
        for (int column = 0; column < headings.Length; column++)
        {
            sheet.Cell(4, column + 1).Value = headings[column];
            sheet.Cell(4, column + 1).Style.Font.Bold = true;
        }

        int rowNumber = 5;
        foreach (var c in cases)
        {
            sheet.Cell(rowNumber, 1).Value = c.Reference;
            sheet.Cell(rowNumber, 2).SetValue(c.OrganisationNumber);
            SpreadsheetCell.SetText(sheet.Cell(rowNumber, 3), c.OrganisationName);
            SpreadsheetCell.SetText(sheet.Cell(rowNumber, 4), c.ProjectTitle);
            sheet.Cell(rowNumber, 5).Value = string.Join(", ", c.Delmål);
            sheet.Cell(rowNumber, 6).Value = c.AmountAppliedFor;
            sheet.Cell(rowNumber, 7).Value = c.RecommendedAmount;
            SpreadsheetCell.SetText(sheet.Cell(rowNumber, 8), c.Comment);
            rowNumber++;
        }

        long recommended = cases.Sum(c => c.RecommendedAmount);
        (string Label, long? Amount)[] totals =
        [
            ("Sum innstilt", recommended),
            ("Ramme", balance.Pot),
            ("Innvilget før møtet", balance.Granted),
            ("Igjen etter innstillingene", balance.Left - recommended),
        ];
        rowNumber++;
        foreach (var (label, amount) in totals)
        {
            sheet.Cell(rowNumber, 6).Value = label;
            sheet.Cell(rowNumber, 6).Style.Font.Bold = true;
            if (amount is { } value)
            {
                sheet.Cell(rowNumber, 7).Value = value;
            }

            rowNumber++;
        }

        sheet.Range(5, 6, rowNumber, 7).Style.NumberFormat.Format = "# ##0";
        sheet.Column(1).Width = 16;
        sheet.Column(2).Width = 20;
        sheet.Column(3).Width = 36;
        sheet.Column(4).Width = 36;
        sheet.Column(5).Width = 10;
        sheet.Column(6).Width = 26;
        sheet.Column(7).Width = 16;
        sheet.Column(8).Width = 50;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
