using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Rounds;

/// <summary>The per-scheme numbers are round data, not code: reminder days, the repayment limit and the appeal body.</summary>
public sealed class RoundNumbersTests
{
    [Theory]
    [InlineData("alta", 2024)]
    [InlineData("oslo", 2021)]
    public void Both_seeds_remind_7_days_before_acceptance_30_and_7_before_the_report_and_give_30_days_to_repay(string scheme, int year)
    {
        var round = RoundCatalog.ForYear(scheme, year);
        Assert.Equal(7, round.Reminders.AcceptanceDaysBefore);
        Assert.Equal([30, 7], round.Reminders.ReportDaysBefore);
        Assert.Equal(14, round.Reminders.OverdueRepeatDays);
        Assert.Equal(3, round.Reminders.CaseworkersToldAfterOverdueNotices);
        Assert.Equal(30, round.Report.RepaymentDays);
        Assert.Equal("kommunens klagenemnd", round.Appeal.Body);
    }

    [Fact]
    public void A_cases_policy_takes_its_reminder_days_from_its_round()
    {
        var round = RoundCatalog.ForYear("alta", 2027);
        var policy = CasePolicy.For(round with { Reminders = round.Reminders with { AcceptanceDaysBefore = 3, ReportDaysBefore = [14] } });
        Assert.Equal(3, policy.AcceptanceReminderDaysBefore);
        Assert.Equal([14], policy.ReportReminderDaysBefore);
        Assert.Equal(CasePolicy.Default.OfficeOpens, policy.OfficeOpens);
    }
}
