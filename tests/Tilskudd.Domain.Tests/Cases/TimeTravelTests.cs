using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Templates;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>A whole year per round on a fake clock: every mail, and when it went out (Oslo time).</summary>
public class TimeTravelTests
{
    static string[] Timeline(YearScenarios.Run run) => [.. run.Mails.Select(m => $"{m.Oslo} {m.Mail.TemplateId}")];

    [Fact]
    public void Alta_2024_year_of_a_granted_case_sends_every_mail_on_its_day()
    {
        var run = YearScenarios.Alta2024Granted();

        Assert.Equal(
            [
                "2024-04-02 10:00 kvittering",
                "2024-04-17 09:00 mangelbrev",
                "2024-04-26 10:00 vedtak-innvilget",
                "2024-04-26 10:00 tilskuddsbrev",
                "2024-05-14 08:00 paminnelse-aksept",
                "2024-05-16 10:00 utbetalingsmelding",
                "2024-09-16 08:00 utbetalingsmelding",
                "2025-01-02 08:00 rapportpaminnelse",
                "2025-01-24 08:00 rapportpaminnelse",
                "2025-02-03 08:00 purring",
                "2025-02-17 08:00 purring",
                "2025-03-03 08:00 purring",
            ],
            Timeline(run));
        Assert.Equal(CaseStatus.Closed, run.Spec.State.Status);
        Assert.Equal(50_000, run.Spec.State.PaidOut);
    }

    [Fact]
    public void Alta_2024_caseworkers_are_told_after_the_third_overdue_notice()
    {
        var run = YearScenarios.Alta2024Granted();

        var told = run.Notices.Where(n => n.Notice.Reason == ReminderReason.ReportOverdue).ToList();

        Assert.Single(told);
        Assert.Equal(run.Mails.Last(m => m.Mail.TemplateId == TemplateIds.Purring).At, told[0].At);
    }

    [Fact]
    public void Oslo_2021_year_of_a_partly_granted_appealed_case_sends_every_mail_on_its_day()
    {
        var run = YearScenarios.Oslo2021PartlyGranted();

        Assert.Equal(
            [
                "2020-11-20 13:00 kvittering",
                "2020-12-30 08:00 forelopig-svar",
                "2021-01-15 08:00 vedtak-delvis-innvilget",
                "2021-01-15 08:00 tilskuddsbrev",
                "2021-01-20 11:00 klage-mottatt",
                "2021-01-25 14:00 klagevedtak",
                "2021-02-01 12:00 utbetalingsmelding",
                "2021-03-12 10:00 klageinstans-vedtak",
                "2021-12-31 08:00 rapportpaminnelse",
                "2022-01-25 08:00 rapportpaminnelse",
                "2022-02-07 10:00 tilbakebetalingskrav",
            ],
            Timeline(run));
        Assert.Equal(CaseStatus.RepaymentClaimed, run.Spec.State.Status);
        Assert.Equal(10_000, run.Spec.State.RepaymentClaimed);
    }

    // Forvaltningsloven § 11 a: a foreløpig svar when an enkeltvedtak cannot be given within a month.
    [Fact]
    public void UndecidedCaseGetsAnInterimReplyOnceAMonthAfterTheDeadline()
    {
        var spec = new CaseSpec(CaseSpec.Oslo2021);
        spec.Submit(CaseSpec.Oslo(2020, 11, 20)).Eligible(CaseSpec.Oslo(2020, 11, 20, 11)).Do(new StartReview(CaseSpec.Caseworker), CaseSpec.Oslo(2020, 12, 1));

        spec.RunClockUntil(CaseSpec.Oslo(2020, 12, 29, 23));
        Assert.DoesNotContain(spec.Mails, m => m.TemplateId == TemplateIds.ForelopigSvar);
        spec.RunClockUntil(CaseSpec.Oslo(2021, 1, 12));
        spec.Do(new Assess(CaseSpec.Caseworker, spec.AllCriteria(), [], 50_000, "Anbefales."), CaseSpec.Oslo(2021, 1, 12));
        spec.RunClockUntil(CaseSpec.Oslo(2021, 1, 13));

        // Deadline Monday 30 November 2020: a month later is Wednesday 30 December, at the office's opening.
        var interim = Assert.Single(spec.History.OfType<InterimReplySent>());
        Assert.Equal(CaseSpec.Oslo(2020, 12, 30, 8), interim.At);
        Assert.Equal(new DateOnly(2021, 1, 31), interim.ExpectedDecisionBy);
        var mail = Assert.Single(spec.Mails, m => m.TemplateId == TemplateIds.ForelopigSvar);
        string text = TemplateRenderer.Render(mail.TemplateId, mail.Model).TextBody;
        Assert.Contains("forvaltningsloven § 11 a", text, StringComparison.Ordinal);
        Assert.Contains("innen 31. januar 2021", text, StringComparison.Ordinal);
        Assert.Contains("Byråden fatter vedtak om fordelingen.", text, StringComparison.Ordinal);
        Assert.Null(CaseRules.UndecidedCaseGetsAnInterimReplyOnceAMonthAfterTheDeadline(spec.State));
    }

    [Fact]
    public void UndecidedCaseGetsAnInterimReplyOnceAMonthAfterTheDeadline_a_case_decided_within_the_month_gets_none()
    {
        var run = YearScenarios.Alta2024Granted();

        Assert.DoesNotContain(run.Mails, m => m.Mail.TemplateId == TemplateIds.ForelopigSvar);
        Assert.False(run.Spec.State.InterimReplySent);
    }

    [Fact]
    public void UndecidedCaseGetsAnInterimReplyOnceAMonthAfterTheDeadline_the_promised_date_lies_after_the_month_in_every_year()
    {
        foreach (var round in new[] { CaseSpec.Oslo2021, CaseSpec.Alta2024, Domain.Rounds.RoundCatalog.ForYear("oslo", 2027), Domain.Rounds.RoundCatalog.ForYear("alta", 2027) })
        {
            Assert.True(round.InterimReply.ExpectedDecisionBy > round.ApplicationDeadline.AddMonths(1), round.Id);
            Assert.False(string.IsNullOrWhiteSpace(round.InterimReply.Reason), round.Id);
        }
    }

    [Fact]
    public void Oslo_2021_caseworkers_are_reminded_of_a_case_not_assessed_ten_working_days_after_the_deadline()
    {
        var run = YearScenarios.Oslo2021PartlyGranted();

        var reminder = run.Notices.Single(n => n.Notice.Reason == ReminderReason.ReviewNotAssessed);

        // Deadline Monday 30 November 2020; ten working days later is Monday 14 December.
        Assert.Equal(CaseSpec.Oslo(2020, 12, 14, 8), reminder.At);
    }

    [Fact]
    public void Decision_after_office_hours_is_mailed_the_next_working_morning()
    {
        var run = YearScenarios.Oslo2021PartlyGranted();

        Assert.Equal(new DateOnly(2021, 1, 15), run.Spec.State.LetterSentOn);
    }

    [Fact]
    public void Alta_2024_rejected_case_closes_when_the_appeal_window_is_over()
    {
        var run = YearScenarios.Alta2024Rejected();

        Assert.Equal(["2024-04-03 10:00 kvittering", "2024-05-02 10:00 vedtak-avslag"], Timeline(run));
        Assert.Equal(CaseStatus.Closed, run.Spec.State.Status);
        Assert.Equal(new DateOnly(2024, 5, 23), run.Spec.State.AppealDeadline);
    }

    [Fact]
    public void Every_mail_by_the_clock_goes_out_on_a_working_day_in_office_hours()
    {
        foreach (var run in new[] { YearScenarios.Alta2024Granted(), YearScenarios.Oslo2021PartlyGranted(), YearScenarios.Alta2024Rejected() })
        {
            foreach (var mail in run.Mails)
            {
                var local = Domain.Time.OsloTime.ToOslo(mail.At);
                Assert.True(Domain.Time.WorkingDays.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)), mail.Oslo);
                Assert.InRange(local.Hour, 8, 15);
            }
        }
    }

    [Fact]
    public void Grant_lapses_when_the_terms_are_not_accepted_in_time_and_the_money_goes_back_to_the_pot()
    {
        var spec = new CaseSpec(CaseSpec.Alta2024).Assessed(50_000);
        spec.Do(new MakeDecision(CaseSpec.DecisionMaker, DecisionOutcome.Granted, 50_000, []), CaseSpec.Oslo(2024, 4, 26));

        spec.RunClockUntil(CaseSpec.Oslo(2024, 6, 1));

        Assert.Equal(CaseStatus.Lapsed, spec.State.Status);
        Assert.Equal(new DateOnly(2024, 5, 21), spec.State.AcceptanceDeadline);
        Assert.Equal(50_000, spec.Effects.OfType<ReleaseGrant>().Single().Amount);
        Assert.Single(spec.Mails, m => m.TemplateId == TemplateIds.PaminnelseAksept);
    }

    [Fact]
    public void Unanswered_information_request_returns_the_case_to_review_after_the_reply_deadline()
    {
        var spec = new CaseSpec(CaseSpec.Alta2024);
        spec.Submit(CaseSpec.Oslo(2024, 4, 2)).Eligible(CaseSpec.Oslo(2024, 4, 2, 11)).Do(new StartReview(CaseSpec.Caseworker), CaseSpec.Oslo(2024, 4, 16));
        spec.Do(new RequestInformation(CaseSpec.Caseworker, "Budsjett?", new DateOnly(2024, 4, 24)), CaseSpec.Oslo(2024, 4, 17));

        spec.RunClockUntil(CaseSpec.Oslo(2024, 4, 25, 9));

        Assert.Equal(CaseStatus.UnderReview, spec.State.Status);
        Assert.Contains(spec.History, e => e is InformationReplyMissed);
    }
}
