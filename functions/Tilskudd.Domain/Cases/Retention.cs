using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>When a case's personal data may be erased, leaving an anonymised record for the statistics.</summary>
public static class Retention
{
    /// <summary>Cases that are over: nothing more will be decided, paid or reported in them.</summary>
    static readonly CaseStatus[] Over = [CaseStatus.Closed, CaseStatus.Withdrawn, CaseStatus.Declined];

    /// <summary>
    /// The first day the application may be erased. Bokføringsloven § 13: accounting documentation is kept five
    /// years after the end of the financial year; the grant's report and accounts come in the year after the grant
    /// year, so five years after that year's end.
    /// </summary>
    public static DateOnly ErasableFrom(Round round) => new((round?.GrantYear ?? 0) + 7, 1, 1);

    public static bool IsOver(CaseStatus status) => Over.Contains(status);
}
