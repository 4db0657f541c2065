using Microsoft.Extensions.Time.Testing;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Time;
using static Tilskudd.Domain.Tests.Cases.CaseSpec;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>
/// A whole year of one case per round, driven by a fake clock the way the orchestration drives it:
/// wait for the next command or the timer at <see cref="CaseDecider.NextDueAt"/>, whichever comes first.
/// </summary>
static class YearScenarios
{
    public sealed record SentMail(DateTimeOffset At, SendMail Mail)
    {
        public string Oslo => OsloTime.ToOslo(At).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Run(CaseSpec Spec, IReadOnlyList<SentMail> Mails, IReadOnlyList<(DateTimeOffset At, NotifyCaseworkers Notice)> Notices);

    public static Run Play(CaseSpec spec, DateTimeOffset start, DateTimeOffset end, params (DateTimeOffset At, CaseCommand Command)[] script)
    {
        var clock = new FakeTimeProvider(start);
        var mails = new List<SentMail>();
        var notices = new List<(DateTimeOffset, NotifyCaseworkers)>();

        void Record(CaseResult result)
        {
            mails.AddRange(result.Effects.OfType<SendMail>().Select(m => new SentMail(clock.GetUtcNow(), m)));
            notices.AddRange(result.Effects.OfType<NotifyCaseworkers>().Select(n => (clock.GetUtcNow(), n)));
        }

        void TimersUntil(DateTimeOffset until)
        {
            while (CaseDecider.NextDueAt(spec.State) is { } due && due <= until)
            {
                clock.AdjustTime(due > clock.GetUtcNow() ? due : clock.GetUtcNow());
                var result = spec.When(new Tick(), clock.GetUtcNow());
                Assert.True(result.IsAccepted, $"Tick at {due:O}: {result.Error}");
                Record(result);
            }
        }

        foreach (var (at, command) in script)
        {
            TimersUntil(at);
            clock.AdjustTime(at);
            var result = spec.When(command, clock.GetUtcNow());
            Assert.True(result.IsAccepted, $"{command.GetType().Name} at {at:O}: {result.Error}");
            Record(result);
        }

        TimersUntil(end);
        return new(spec, mails, notices);
    }

    /// <summary>Alta 2024: 50 000 granted, a mangelbrev, late acceptance, two tranches, a late report.</summary>
    public static Run Alta2024Granted() => Play(
        new CaseSpec(Alta2024),
        Oslo(2024, 4, 1),
        Oslo(2025, 6, 30),
        (Oslo(2024, 4, 2, 10), new SubmitApplication(Organisation, "ALT-2024-0042", "987654325", "Flerkulturell testforening", Domain.Rounds.ApplicationKind.Project, ["A"], 50_000, "leder@flerkulturell.example.org")),
        (Oslo(2024, 4, 2, 10, 1), new CheckEligibility(Registers, true, true, new DateOnly(2015, 3, 1), "FLI")),
        (Oslo(2024, 4, 16, 9), new StartReview(Caseworker)),
        (Oslo(2024, 4, 17, 9), new RequestInformation(Caseworker, "Hvor mange deltakere regner dere med per middag?")),
        (Oslo(2024, 4, 22, 19), new SubmitInformation(Organisation, "Rundt 40 deltakere, halvparten nye i Alta.")),
        (Oslo(2024, 4, 23, 9), new Assess(Caseworker, [.. Alta2024.Criteria.Select(c => new CriterionScore(c.Code, 4, "Godt beskrevet."))], [], 50_000, "Anbefales innvilget.")),
        (Oslo(2024, 4, 26, 10), new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, ["Tiltaket skaper møteplasser mellom nye og gamle innbyggere (delmål A)."])),
        (Oslo(2024, 5, 16, 10), new AcceptTerms(Organisation)),
        (Oslo(2025, 3, 5, 12), new SubmitReport(Organisation, 50_000, false, ReportFiles())),
        (Oslo(2025, 3, 12, 9), new ReviewReport(Caseworker, 50_000, "Rapport og regnskap godkjent.")));

    /// <summary>
    /// Oslo 2021: 150 000 of 200 000 granted late in the day, appealed; the caseworker recommends, the byråd upholds and
    /// sends it to the klagenemnd, the organisation accepts meanwhile and is paid, the klagenemnd upholds; report with
    /// auditor, part repaid.
    /// </summary>
    public static Run Oslo2021PartlyGranted() => Play(
        new CaseSpec(Oslo2021),
        Oslo(2020, 11, 1),
        Oslo(2022, 6, 30),
        (Oslo(2020, 11, 20, 13), new SubmitApplication(Organisation, "OSL-2021-0007", "912345688", "Testbyen språkkafé", Domain.Rounds.ApplicationKind.Project, ["A", "B"], 200_000, "kontakt@sprakkafe.example.org")),
        (Oslo(2020, 11, 20, 13, 1), new CheckEligibility(Registers, true, false, null)),
        (Oslo(2020, 12, 15, 9), new StartReview(Caseworker)),
        (Oslo(2020, 12, 16, 9), new Assess(Caseworker, [.. Oslo2021.Criteria.Select(c => new CriterionScore(c.Code, 3, "Oppfylt."))], [], 150_000, "Anbefales delvis: budsjettet for servering er høyt.")),
        (Oslo(2021, 1, 14, 17), new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 150_000, ["Budsjettet for servering er høyere enn ordningen dekker."])),
        (Oslo(2021, 1, 20, 11), new Appeal(Organisation, "Serveringen er en del av møteplassen.")),
        (Oslo(2021, 1, 22, 10), new RecommendOnAppeal(Caseworker, true, "Serveringen er fortsatt høyere enn ordningen dekker; innstiller på å opprettholde.")),
        (Oslo(2021, 1, 25, 14), new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.PartlyGranted, 150_000, ["Klagen gir ikke grunn til å endre beløpet."])),
        (Oslo(2021, 2, 1, 12), new AcceptTerms(Organisation)),
        (Oslo(2021, 3, 12, 10), new RegisterAppealBodyDecision(Caseworker, new DateOnly(2021, 3, 10), "KN 2021/14", true, DecisionOutcome.PartlyGranted, 150_000, [])),
        (Oslo(2022, 1, 28, 12), new SubmitReport(Organisation, 140_000, true, ReportFiles(audited: true))),
        (Oslo(2022, 2, 7, 10), new ReviewReport(Caseworker, 140_000, "Kr 10 000 ble ikke brukt i 2021.")));

    /// <summary>Alta 2024: rejected, a change of mind never comes; the appeal window closes the case.</summary>
    public static Run Alta2024Rejected() => Play(
        new CaseSpec(Alta2024),
        Oslo(2024, 4, 1),
        Oslo(2024, 12, 31),
        (Oslo(2024, 4, 3, 10), new SubmitApplication(Organisation, "ALT-2024-0043", "812345672", "Oppdiktet vennelag", Domain.Rounds.ApplicationKind.Project, ["B"], 80_000, "post@vennelag.example.org")),
        (Oslo(2024, 4, 3, 10, 1), new CheckEligibility(Registers, true, true, new DateOnly(2023, 9, 1), "FLI")),
        (Oslo(2024, 4, 30, 9), new StartReview(Caseworker)),
        (Oslo(2024, 4, 30, 10), new Assess(Caseworker, [.. Alta2024.Criteria.Select(c => new CriterionScore(c.Code, 2, "Svakt."))], [], 0, "Organisasjonen er yngre enn ett år.")),
        (Oslo(2024, 5, 2, 10), new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Organisasjonen må ha eksistert i minst 1 år da søknaden ble sendt."])));
}
