using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Time;

namespace Tilskudd.Bench.Decider;

/// <summary>One command as the orchestration hands it to the decider: at this instant, against the state before it.</summary>
public sealed record Turn(DateTimeOffset Now, CaseCommand Command, CaseState Before, CaseResult Result)
{
    public string Name => Command.GetType().Name;
}

/// <summary>
/// Whole case lives as the orchestration drives them: each command at its instant, and before it every
/// <see cref="Tick"/> at <see cref="CaseDecider.NextDueAt"/> that falls due first. Invented organisations.
/// </summary>
public static class Lifecycles
{
    public static Round Alta2024 { get; } = RoundCatalog.ForYear("alta", 2024);
    public static Round Oslo2021 { get; } = RoundCatalog.ForYear("oslo", 2021);

    static readonly Actor Organisation = new(ActorRole.Organisation, "987654325");
    static readonly Actor Caseworker = new(ActorRole.Caseworker, "saksbehandler-1");
    static readonly Actor DecisionMaker = new(ActorRole.DecisionMaker, "beslutter-1");
    static readonly Actor Registers = Actor.System("registre");

    /// <summary>Alta 2024: granted 50 000, a mangelbrev, two tranches, report accepted: submit to closed.</summary>
    public static IReadOnlyList<Turn> AltaGranted() => Play(Alta2024, Oslo(2025, 6, 30), AltaUntilAccepted("ALT-2024-0042")
        .Append((Oslo(2025, 3, 5, 12), new SubmitReport(Organisation, 50_000, false, ReportFiles())))
        .Append((Oslo(2025, 3, 12, 9), new ReviewReport(Caseworker, 50_000, "Rapport og regnskap godkjent."))));

    /// <summary>Oslo 2021: partly granted, appealed and upheld, report with auditor, part repaid: submit to closed.</summary>
    public static IReadOnlyList<Turn> OsloPartlyGranted() => Play(Oslo2021, Oslo(2022, 6, 30),
    [
        (Oslo(2020, 11, 20, 13), new SubmitApplication(Organisation, "OSL-2021-0007", "912345688", "Testbyen språkkafé", ApplicationKind.Project, ["A", "B"], 200_000, "kontakt@sprakkafe.example.org")),
        (Oslo(2020, 11, 20, 13, 1), new CheckEligibility(Registers, true, false, null)),
        (Oslo(2020, 12, 15, 9), new StartReview(Caseworker)),
        (Oslo(2020, 12, 16, 9), new Assess(Caseworker, [.. Oslo2021.Criteria.Select(c => new CriterionScore(c.Code, 3, "Oppfylt."))], [], 150_000, "Anbefales delvis.")),
        (Oslo(2021, 1, 14, 17), new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 150_000, ["Budsjettet for servering er høyere enn ordningen dekker."])),
        (Oslo(2021, 1, 20, 11), new Appeal(Organisation, "Serveringen er en del av møteplassen.")),
        (Oslo(2021, 1, 22, 10), new RecommendOnAppeal(Caseworker, true, "Opprettholdes.")),
        (Oslo(2021, 1, 25, 14), new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.PartlyGranted, 150_000, ["Klagen gir ikke grunn til å endre beløpet."])),
        (Oslo(2021, 2, 1, 12), new AcceptTerms(Organisation)),
        (Oslo(2022, 1, 28, 12), new SubmitReport(Organisation, 140_000, true, ReportFiles(audited: true))),
        (Oslo(2022, 2, 7, 10), new ReviewReport(Caseworker, 140_000, "Kr 10 000 ble ikke brukt i 2021.")),
        (Oslo(2022, 2, 20, 10), new RegisterRepayment(Caseworker, 10_000)),
    ]);

    /// <summary>
    /// An Alta case's events, at least <paramref name="count"/>: the granted case until its payouts, then
    /// change requests answered one at a time (each pair two events) until the history is that long.
    /// </summary>
    public static IReadOnlyList<CaseEvent> LongHistory(int count)
    {
        var steps = AltaUntilAccepted("ALT-2024-0099").ToList();
        var start = Oslo(2024, 6, 1);
        for (int i = 0; i < count / 2; i++)
        {
            var at = start.AddHours(i);
            steps.Add((at, new RequestChange(Organisation, $"Endring nummer {i + 1}: flytte middagen til en annen dag.")));
            steps.Add((at.AddMinutes(30), new AnswerChangeRequest(Caseworker, i % 2 == 0, "Vurdert.")));
        }

        var events = Play(Alta2024, start.AddHours(count / 2 + 1), steps).SelectMany(s => s.Result.Events).ToList();
        return events.Count >= count ? events[..count] : throw new InvalidOperationException($"Only {events.Count} events.");
    }

    /// <summary>The report and the accounts every report sends (both seeds: "rapport og regnskap"), and the auditor's statement when audited.</summary>
    static IReadOnlyList<AttachedFile> ReportFiles(bool audited = false) =>
    [
        new(AttachmentKind.Report, "rapport.pdf"),
        new(AttachmentKind.Accounts, "regnskap.pdf"),
        .. audited ? [new AttachedFile(AttachmentKind.AuditorsStatement, "revisorberetning.pdf")] : Array.Empty<AttachedFile>(),
    ];

    static IEnumerable<(DateTimeOffset, CaseCommand)> AltaUntilAccepted(string reference) =>
    [
        (Oslo(2024, 4, 2, 10), new SubmitApplication(Organisation, reference, "987654325", "Flerkulturell testforening", ApplicationKind.Project, ["A"], 50_000, "leder@flerkulturell.example.org")),
        (Oslo(2024, 4, 2, 10, 1), new CheckEligibility(Registers, true, true, new DateOnly(2015, 3, 1), "FLI")),
        (Oslo(2024, 4, 16, 9), new StartReview(Caseworker)),
        (Oslo(2024, 4, 17, 9), new RequestInformation(Caseworker, "Hvor mange deltakere regner dere med per middag?")),
        (Oslo(2024, 4, 22, 19), new SubmitInformation(Organisation, "Rundt 40 deltakere.")),
        (Oslo(2024, 4, 23, 9), new Assess(Caseworker, [.. Alta2024.Criteria.Select(c => new CriterionScore(c.Code, 4, "Godt beskrevet."))], [], 50_000, "Anbefales innvilget.")),
        (Oslo(2024, 4, 26, 10), new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, ["Tiltaket skaper møteplasser (delmål A)."])),
        (Oslo(2024, 5, 16, 10), new AcceptTerms(Organisation)),
    ];

    static List<Turn> Play(Round round, DateTimeOffset end, IEnumerable<(DateTimeOffset At, CaseCommand Command)> script)
    {
        var context = CaseContext.For(round);
        var state = CaseState.Initial;
        var steps = new List<Turn>();
        void Do(DateTimeOffset now, CaseCommand command)
        {
            var result = CaseDecider.Decide(state, command, context, now);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"{command.GetType().Name} at {now:O} was refused: {result.Error}");
            }

            steps.Add(new Turn(now, command, state, result));
            state = result.Events.Aggregate(state, CaseDecider.Evolve);
        }

        void TicksUntil(DateTimeOffset until)
        {
            var last = steps.Count > 0 ? steps[^1].Now : DateTimeOffset.MinValue;
            while (CaseDecider.NextDueAt(state) is { } due && due <= until)
            {
                last = due > last ? due : last;
                Do(last, new Tick());
            }
        }

        foreach (var (at, command) in script)
        {
            TicksUntil(at);
            Do(at, command);
        }

        TicksUntil(end);
        return steps;
    }

    static DateTimeOffset Oslo(int year, int month, int day, int hour = 10, int minute = 0) =>
        OsloTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
