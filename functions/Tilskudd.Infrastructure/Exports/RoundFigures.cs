using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Time;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Infrastructure.Exports;

/// <summary>A round's cases with what their applications said, as the exports and figures read them.</summary>
/// <param name="Forms">The application form by reference (target groups and project title live only there).</param>
public sealed record RoundData(Round Round, IReadOnlyList<CaseState> Cases, IReadOnlyDictionary<string, ApplicationForm> Forms, IReadOnlyList<PaymentOrder> Payouts)
{
    public IEnumerable<CaseState> Granted => Cases.Where(c => c.Granted > 0 && c.Decision is not null).OrderBy(c => c.Decision!.At);

    public ApplicationForm? FormOf(CaseState state) => Forms.GetValueOrDefault(state.Reference);
}

/// <summary>
/// The round's exports, the figures IMDi asks the kommune for, open data of its awards (360Giving fields) and the
/// statistics the desk's chart reads: all computed from the same <see cref="RoundData"/>, so they agree.
/// </summary>
public static class RoundFigures
{
    public static IReadOnlyList<string> ExportNames { get; } = ["applications", "grants", "payouts", "reports"];

    public static ExportTable? Export(string name, RoundData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return name switch
        {
            "applications" => new ExportTable("Søknader",
                ["Referanse", "Organisasjonsnummer", "Organisasjon", "Type", "Delmål", "Målgrupper", "Prosjekt", "Søkt beløp", "Mottatt", "Status"],
                [.. data.Cases.OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c => Row(
                    c.Reference, c.OrganisationNumber, c.OrganisationName, c.Kind.ToString(), string.Join(", ", c.Delmål),
                    string.Join(", ", data.FormOf(c)?.TargetGroups ?? []), data.FormOf(c)?.Project?.Title, c.AmountAppliedFor,
                    OsloTime.DateOf(c.SubmittedAt), c.Status.ToString()))]),
            "grants" => new ExportTable("Tilskudd",
                ["Referanse", "Organisasjonsnummer", "Organisasjon", "Delmål", "Vedtak", "Innvilget", "Vedtaksdato", "Utbetalt", "Status"],
                [.. data.Cases.Where(c => c.Decision is not null).OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c => Row(
                    c.Reference, c.OrganisationNumber, c.OrganisationName, string.Join(", ", c.Delmål), c.Decision!.Outcome.ToString(),
                    c.Granted, OsloTime.DateOf(c.Decision.At), c.PaidOut, c.Status.ToString()))]),
            "payouts" => new ExportTable("Utbetalinger",
                ["Betalingsid", "Referanse", "Termin", "Beløp", "Forfallsdato", "Status"],
                [.. data.Payouts.OrderBy(p => p.EndToEndId, StringComparer.Ordinal).Select(p => Row(
                    p.EndToEndId, p.Reference, p.Tranche, p.Amount, p.DueOn, p.Status.ToString()))]),
            "reports" => new ExportTable("Rapporter",
                ["Referanse", "Organisasjon", "Innvilget", "Rapportfrist", "Rapport mottatt", "Brukt", "Revisorberetning", "Krav om tilbakebetaling"],
                [.. data.Cases.Where(c => c.Granted > 0).OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c => Row(
                    c.Reference, c.OrganisationName, c.Granted, c.ReportDeadline,
                    c.Report is { } r ? OsloTime.DateOf(r.SubmittedAt) : null, c.Report?.AmountUsed,
                    c.Report is null ? null : c.Report.AuditorsStatementAttached ? "ja" : "nei", c.RepaymentClaimed))]),
            _ => null,
        };
    }

    /// <summary>
    /// What IMDi asks municipalities to report for the scheme: number of applications and the amount applied for,
    /// grants and amounts per delmål, and the target groups the granted projects reach (as the applications state them).
    /// </summary>
    public static object ImdiFigures(RoundData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var submitted = data.Cases.Where(c => c.Status != CaseStatus.New).ToList();
        var granted = data.Granted.ToList();
        return new
        {
            Round = data.Round.Id,
            data.Round.Owner.Kommune,
            data.Round.GrantYear,
            Applications = submitted.Count,
            AmountAppliedFor = submitted.Sum(c => c.AmountAppliedFor),
            Grants = granted.Count,
            AmountGranted = granted.Sum(c => c.Granted),
            AmountPaidOut = granted.Sum(c => c.PaidOut),
            Rejected = data.Cases.Count(c => c.Decision?.Outcome == DecisionOutcome.Rejected),
            PerDelmål = PerDelmål(data),
            TargetGroupsReached = data.Round.Delmål.SelectMany(d => d.TargetGroups)
                .Concat(granted.SelectMany(c => data.FormOf(c)?.TargetGroups ?? []))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(group => new
                {
                    TargetGroup = group,
                    Grants = granted.Count(c => (data.FormOf(c)?.TargetGroups ?? []).Contains(group, StringComparer.OrdinalIgnoreCase)),
                    Amount = granted.Where(c => (data.FormOf(c)?.TargetGroups ?? []).Contains(group, StringComparer.OrdinalIgnoreCase)).Sum(c => c.Granted),
                })
                .Where(g => g.Grants > 0)
                .ToList(),
        };
    }

    /// <summary>Grants per delmål and the pot's use over time (cumulative granted by decision date), for the desk's chart.</summary>
    public static object Statistics(RoundData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long cumulative = 0;
        return new
        {
            Round = data.Round.Id,
            data.Round.Pot,
            Granted = data.Granted.Sum(c => c.Granted),
            Left = data.Round.Pot - data.Granted.Sum(c => c.Granted),
            PerDelmål = PerDelmål(data),
            PotUse = data.Granted
                .GroupBy(c => OsloTime.DateOf(c.Decision!.At))
                .OrderBy(g => g.Key)
                .Select(g => new { Date = g.Key, GrantedThatDay = g.Sum(c => c.Granted), GrantedSoFar = cumulative += g.Sum(c => c.Granted) })
                .ToList(),
        };
    }

    /// <summary>
    /// Granted awards in 360Giving's fields, organisations only: no contact person, e-mail, account or text the
    /// applicant wrote beyond the project title. Recipients are identified by org-id.guide's NO-BRC (Brønnøysund) scheme.
    /// </summary>
    public static IReadOnlyList<OpenGrant> OpenData(RoundData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var round = data.Round;
        return [.. data.Granted.Select(c => new OpenGrant(
            Identifier: $"360G-tilskudd-{c.Reference}",
            Title: data.FormOf(c)?.Project?.Title ?? round.Title,
            Description: $"{round.Title} {round.GrantYear}: {string.Join("; ", c.Delmål.Select(code => round.FindDelmål(code)?.Title ?? code))}",
            Currency: "NOK",
            AmountAwarded: c.Granted,
            AwardDate: OsloTime.DateOf(c.Decision!.At),
            RecipientOrgIdentifier: $"NO-BRC-{c.OrganisationNumber}",
            RecipientOrgName: c.OrganisationName,
            FundingOrgIdentifier: $"360G-kommune-{round.Owner.KommuneNumber}",
            FundingOrgName: round.Owner.Kommune,
            GrantProgrammeTitle: $"{round.Title} {round.GrantYear}"))];
    }

    /// <summary>The open data as 360Giving's flat CSV columns.</summary>
    public static ExportTable OpenDataTable(RoundData data) => new("360Giving",
        ["Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Recipient Org:Identifier", "Recipient Org:Name",
            "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Title"],
        [.. OpenData(data).Select(g => Row(g.Identifier, g.Title, g.Description, g.Currency, g.AmountAwarded, g.AwardDate, g.RecipientOrgIdentifier,
            g.RecipientOrgName, g.FundingOrgIdentifier, g.FundingOrgName, g.GrantProgrammeTitle))]);

    /// <summary>The open data as 360Giving's JSON shape ({"grants": [...]} with nested organisations).</summary>
    public static object OpenDataJson(RoundData data) => new
    {
        Grants = OpenData(data).Select(g => new Dictionary<string, object>
        {
            ["id"] = g.Identifier,
            ["title"] = g.Title,
            ["description"] = g.Description,
            ["currency"] = g.Currency,
            ["amountAwarded"] = g.AmountAwarded,
            ["awardDate"] = g.AwardDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["recipientOrganization"] = new[] { new Dictionary<string, string> { ["id"] = g.RecipientOrgIdentifier, ["name"] = g.RecipientOrgName } },
            ["fundingOrganization"] = new[] { new Dictionary<string, string> { ["id"] = g.FundingOrgIdentifier, ["name"] = g.FundingOrgName } },
            ["grantProgramme"] = new[] { new Dictionary<string, string> { ["title"] = g.GrantProgrammeTitle } },
        }),
    };

    static List<object> PerDelmål(RoundData data) =>
        [.. data.Round.Delmål.Select(d =>
        {
            var grants = data.Granted.Where(c => c.Delmål.Contains(d.Code, StringComparer.OrdinalIgnoreCase)).ToList();
            return (object)new
            {
                Delmål = d.Code,
                d.Title,
                Applications = data.Cases.Count(c => c.Delmål.Contains(d.Code, StringComparer.OrdinalIgnoreCase)),
                Grants = grants.Count,
                Amount = grants.Sum(c => c.Granted),
            };
        })];

    static object?[] Row(params object?[] cells) => cells;
}

/// <summary>One granted award as open data (360Giving's core fields).</summary>
public sealed record OpenGrant(
    string Identifier, string Title, string Description, string Currency, long AmountAwarded, DateOnly AwardDate,
    string RecipientOrgIdentifier, string RecipientOrgName, string FundingOrgIdentifier, string FundingOrgName, string GrantProgrammeTitle);
