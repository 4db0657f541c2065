using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Cases;

public sealed class RetentionTests
{
    [Fact]
    public void A_case_is_erasable_from_1_January_five_years_after_its_report_year()
    {
        // Grant year 2027, report and accounts in 2028, kept five years after that (bokføringsloven § 13).
        Assert.Equal(new DateOnly(2034, 1, 1), Retention.ErasableFrom(RoundCatalog.ForYear("alta", 2027)));
        Assert.Equal(new DateOnly(2028, 1, 1), Retention.ErasableFrom(RoundCatalog.ForYear("oslo", 2021)));
    }

    [Theory]
    [InlineData(CaseStatus.Closed, true)]
    [InlineData(CaseStatus.Withdrawn, true)]
    [InlineData(CaseStatus.Declined, true)]
    [InlineData(CaseStatus.ReportDue, false)]
    [InlineData(CaseStatus.PayingOut, false)]
    public void Only_a_case_that_is_over_may_be_erased(CaseStatus status, bool over) =>
        Assert.Equal(over, Retention.IsOver(status));
}
