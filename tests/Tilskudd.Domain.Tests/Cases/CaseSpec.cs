using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>Given(events) / When(command) / Then(events): the decider's tests read like the lifecycle.</summary>
sealed class CaseSpec(Round round, long? potRemaining = null)
{
    public static Round Oslo2021 { get; } = RoundCatalog.ForYear("oslo", 2021);
    public static Round Alta2024 { get; } = RoundCatalog.ForYear("alta", 2024);

    public static Actor Organisation { get; } = new(ActorRole.Organisation, "987654325");
    public static Actor Caseworker { get; } = new(ActorRole.Caseworker, "saksbehandler-1");
    public static Actor DecisionMaker { get; } = new(ActorRole.DecisionMaker, "beslutter-1");
    public static Actor Registers { get; } = Actor.System("registre");

    readonly List<CaseEvent> history = [];

    public Round Round { get; } = round;

    public CaseContext Context => new(Round, potRemaining ?? Round.Pot);

    public CaseState State { get; private set; } = CaseState.Initial;

    public IReadOnlyList<CaseEvent> History => history;

    /// <summary>Every effect of every accepted command so far, in order.</summary>
    public List<CaseEffect> Effects { get; } = [];

    public CaseResult? Last { get; private set; }

    public static DateTimeOffset Oslo(int year, int month, int day, int hour = 10, int minute = 0) =>
        OsloTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    public CaseSpec Given(params CaseEvent[] events)
    {
        foreach (var e in events)
        {
            history.Add(e);
            State = CaseDecider.Evolve(State, e);
        }

        return this;
    }

    /// <summary>Decides and, when accepted, applies the events.</summary>
    public CaseResult When(CaseCommand command, DateTimeOffset now, long? potRemaining = null)
    {
        var context = potRemaining is { } p ? Context with { PotRemaining = p } : Context;
        Last = CaseDecider.Decide(State, command, context, now);
        if (Last.IsAccepted)
        {
            Given([.. Last.Events]);
            Effects.AddRange(Last.Effects);
        }

        return Last;
    }

    /// <summary>Like <see cref="When"/>, but the command must be accepted.</summary>
    public CaseSpec Do(CaseCommand command, DateTimeOffset now)
    {
        var result = When(command, now);
        Assert.True(result.IsAccepted, $"{command.GetType().Name} at {now:O} was refused: {result.Error}");
        return this;
    }

    /// <summary>Ticks at every due instant up to <paramref name="until"/>, as the orchestration's timer would.</summary>
    public CaseSpec RunClockUntil(DateTimeOffset until)
    {
        while (CaseDecider.NextDueAt(State) is { } due && due <= until)
        {
            Do(new Tick(), due);
        }

        return this;
    }

    public CaseSpec Submit(DateTimeOffset at, long amount = 50_000, bool atReception = false, string? receptionContact = null) =>
        Do(new SubmitApplication(Organisation, Round.ReferencePrefix + "-" + Round.GrantYear + "-0042", "987654325", "Flerkulturell testforening", ApplicationKind.Project, ["A"], amount, "leder@flerkulturell.example.org", atReception, receptionContact), at);

    public CaseSpec Eligible(DateTimeOffset at) => Do(new CheckEligibility(Registers, true, true, new DateOnly(2015, 3, 1), "FLI"), at);

    public IReadOnlyList<CriterionScore> AllCriteria(int score = 4) =>
        [.. Round.Criteria.Concat(State.AtAsylumReception ? Round.AsylumReceptionCriteria : []).Select(c => new CriterionScore(c.Code, score, "Godt beskrevet."))];

    /// <summary>Submitted, eligible, reviewed and assessed: ready for the decision maker.</summary>
    public CaseSpec Assessed(long amount = 50_000, long? recommended = null)
    {
        var deadline = Round.ApplicationDeadline;
        Submit(Oslo(deadline.Year, deadline.Month, deadline.Day, 9).AddDays(-5), amount);
        Eligible(Oslo(deadline.Year, deadline.Month, deadline.Day, 9).AddDays(-5).AddMinutes(1));
        var afterDeadline = Oslo(deadline.Year, deadline.Month, deadline.Day, 9).AddDays(1);
        Do(new StartReview(Caseworker), afterDeadline);
        return Do(new Assess(Caseworker, AllCriteria(), [], recommended ?? amount, "Anbefales."), afterDeadline.AddHours(1));
    }

    /// <summary>What every report sends (Oslo: "rapport og regnskap"), and the auditor's statement when it is audited.</summary>
    public static IReadOnlyList<AttachedFile> ReportFiles(bool audited = false) =>
    [
        new(Domain.Applications.AttachmentKind.Report, "rapport.pdf"),
        new(Domain.Applications.AttachmentKind.Accounts, "regnskap.pdf"),
        .. audited ? [new AttachedFile(Domain.Applications.AttachmentKind.AuditorsStatement, "revisorberetning.pdf")] : Array.Empty<AttachedFile>(),
    ];

    public IEnumerable<SendMail> Mails => Effects.OfType<SendMail>();

    public IEnumerable<T> Emitted<T>()
        where T : CaseEvent => Last is { } r ? r.Events.OfType<T>() : [];
}
