using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Infrastructure.Exports;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Api.Exports;

/// <summary>
/// A round's exports (XLSX/CSV) and IMDi figures and statistics (JSON) for caseworkers and decision makers, and its
/// granted awards as open data (360Giving JSON/CSV) for anyone.
/// </summary>
public static class ExportsApi
{
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IResult> ExportRound(string id, string export, HttpRequest request, RoundSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sources);
        if (await sources.LoadAsync(id, cancellationToken) is not { } data)
        {
            return CaseReads.RoundNotFound(id);
        }

        if (RoundFigures.Export(export, data) is not { } table)
        {
            return Problems.NotFound($"Det finnes ingen eksport «{export}». Velg blant {string.Join(", ", RoundFigures.ExportNames)}.", "export-not-found");
        }

        string name = $"{data.Round.Id}-{export}";
        return string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.File(table.ToCsv(), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(table.ToXlsx(), Xlsx, name + ".xlsx");
    }

    public static async Task<IResult> GetImdiFigures(string id, RoundSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return await sources.LoadAsync(id, cancellationToken) is { } data ? TypedResults.Ok(RoundFigures.ImdiFigures(data)) : CaseReads.RoundNotFound(id);
    }

    public static async Task<IResult> GetRoundStatistics(string id, RoundSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return await sources.LoadAsync(id, cancellationToken) is { } data ? TypedResults.Ok(RoundFigures.Statistics(data)) : CaseReads.RoundNotFound(id);
    }

    /// <summary>Open data: anyone may read who got what (no personal data in it).</summary>
    public static async Task<IResult> GetOpenData(string id, HttpRequest request, RoundSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sources);
        if (await sources.LoadAsync(id, cancellationToken) is not { } data)
        {
            return CaseReads.RoundNotFound(id);
        }

        return string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.File(RoundFigures.OpenDataTable(data).ToCsv(), "text/csv; charset=utf-8", $"{data.Round.Id}-360giving.csv")
            : TypedResults.Ok(RoundFigures.OpenDataJson(data));
    }

}

/// <summary>Reads what a round's exports are made of: the round, its cases' views, their forms and its payouts.</summary>
public sealed class RoundSources(RoundDirectory rounds, TableCaseViews views, ApplicationStore applications, PaymentFiles payouts)
{
    public async Task<RoundData?> LoadAsync(string roundId, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(roundId, cancellationToken) is not { } round)
        {
            return null;
        }

        var cases = await views.ListRoundAsync(round.Id, cancellationToken);
        var forms = new Dictionary<string, ApplicationForm>(StringComparer.Ordinal);
        foreach (var state in cases)
        {
            if (await applications.FindAsync(state.Reference, cancellationToken) is { } application)
            {
                forms[state.Reference] = application.Form;
            }
        }

        return new RoundData(round, cases, forms, await payouts.ForRoundAsync(round.Id, cancellationToken));
    }
}
