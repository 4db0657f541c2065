using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Time;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Bench.Storm;

/// <summary>
/// Alta 2027 cases whose first report reminder is the next thing due: granted 45 000, accepted, both
/// tranches paid. Made by the decider itself (the same commands the HTTP path sends), then each case
/// given its own reference; started as orchestrations from that state, as after a ContinueAsNew.
/// </summary>
public static class ReportDueCases
{
    static readonly Round Round = RoundCatalog.ForYear("alta", 2027);

    /// <summary>The state before the reminder, and the instant the reminder falls due (on the case's clock).</summary>
    public static (CaseState State, DateTimeOffset ReminderDueAt) Template { get; } = Make();

    public static CaseInput Input(int i, TimeSpan clockOffset)
    {
        string reference = $"ALT-2027-{i + 1:D5}";
        var state = Template.State with { Reference = reference };
        var start = new CaseStart(reference, Round.Id, state.OrganisationNumber, state.OrganisationName, state.AmountAppliedFor, state.SubmittedAt,
            [state.ContactEmail], [], ApplicationKind.Project, state.Delmål);
        return new CaseInput(start, state, [], clockOffset);
    }

    static (CaseState, DateTimeOffset) Make()
    {
        var organisation = new Actor(ActorRole.Organisation, "912345688");
        var caseworker = new Actor(ActorRole.Caseworker, "saksbehandler-1");
        var context = CaseContext.For(Round);
        var state = CaseState.Initial;
        void Do(DateTimeOffset at, CaseCommand command)
        {
            // Whatever fell due before the command first, as the orchestration does.
            while (CaseDecider.NextDueAt(state) is { } due && due <= at)
            {
                Apply(CaseDecider.Decide(state, new Tick(), context, due));
            }

            Apply(CaseDecider.Decide(state, command, context, at));
        }

        void Apply(CaseResult result)
        {
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"The template case was refused: {result.Error}");
            }

            state = result.Events.Aggregate(state, CaseDecider.Evolve);
        }

        Do(Oslo(2027, 4, 2), new SubmitApplication(organisation, "ALT-2027-00000", "912345688", "Nordlys Flerkulturelle Forening", ApplicationKind.Project, ["A"], 45_000, "kari@nordlys.example.org"));
        Do(Oslo(2027, 4, 2, 11), new CheckEligibility(Actor.System("registre"), true, true, new DateOnly(2015, 3, 1), "FLI"));
        Do(Oslo(2027, 4, 20), new StartReview(caseworker));
        Do(Oslo(2027, 4, 20, 11), new Assess(caseworker, [.. Round.Criteria.Select(c => new CriterionScore(c.Code, 4, "God"))], [], 45_000, "Godt prosjekt."));
        Do(Oslo(2027, 4, 21), new MakeDecision(new Actor(ActorRole.DecisionMaker, "beslutter-1"), DecisionOutcome.Granted, 45_000, ["Tiltaket skaper møteplasser."]));
        Do(Oslo(2027, 4, 26), new AcceptTerms(organisation));
        while (state.Status == CaseStatus.PayingOut && CaseDecider.NextDueAt(state) is { } payout)
        {
            Apply(CaseDecider.Decide(state, new Tick(), context, payout));
        }

        var reminderAt = CaseDecider.NextDueAt(state) ?? throw new InvalidOperationException("Nothing due after the payouts.");
        var reminder = CaseDecider.Decide(state, new Tick(), context, reminderAt);
        if (state.Status != CaseStatus.ReportDue || !reminder.Events.Any(e => e is ReportReminderSent) || !reminder.Effects.Any(e => e is SendMail))
        {
            throw new InvalidOperationException($"The template case is {state.Status}; its next tick gives {string.Join(", ", reminder.Events.Select(e => e.GetType().Name))}, not a report reminder mail.");
        }

        return (state, reminderAt);
    }

    static DateTimeOffset Oslo(int year, int month, int day, int hour = 10) => OsloTime.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));
}
