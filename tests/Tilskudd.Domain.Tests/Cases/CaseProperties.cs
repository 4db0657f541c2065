using System.Text.Json;
using FsCheck.Xunit;
using Tilskudd.Domain.Cases;
using static Tilskudd.Domain.Tests.Cases.CaseSpec;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>
/// For any sequence of commands and clock ticks (each byte: a command and how far the clock moves first):
/// no illegal transition is accepted, every accepted command yields an event, tranches sum to the grant,
/// the pot is never exceeded, and replaying the events gives the same state.
/// </summary>
public class CaseProperties
{
    static readonly TimeSpan[] Steps =
        [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(20), TimeSpan.FromDays(60)];

    static CaseCommand Command(int code, CaseState state) => (code % 30) switch
    {
        0 => new SubmitApplication(Organisation, "ALT-2024-0099", "987654325", "Egenskapstestforeningen", Domain.Rounds.ApplicationKind.Project, ["A"], 50_000, "test@egenskap.example.org"),
        1 => new CheckEligibility(Registers, true, true, new DateOnly(2010, 1, 1), "FLI"),
        2 => new CheckEligibility(Registers, true, true, new DateOnly(2024, 1, 1), "FLI"),
        3 => new StartReview(Caseworker),
        4 => new RequestInformation(Caseworker, "Mer om budsjettet?"),
        5 => new SubmitInformation(Organisation, "Her er budsjettet."),
        6 => new Assess(Caseworker, [.. Alta2024.Criteria.Select(c => new CriterionScore(c.Code, 3, ""))], [], 40_000, ""),
        7 => new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []),
        8 => new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 31_001, ["Begrenset ramme."]),
        9 => new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Svakt begrunnet."]),
        10 => new AcceptTerms(Organisation),
        11 => new DeclineTerms(Organisation, "Trenger det ikke."),
        12 => new Withdraw(Organisation, "Trekker søknaden."),
        13 => new RequestChange(Organisation, "Nytt lokale."),
        14 => new AnswerChangeRequest(Caseworker, true, "Greit."),
        15 => new SubmitReport(Organisation, 30_000, false, ReportFiles()),
        16 => new ReviewReport(Caseworker, 29_000, "Delvis brukt."),
        17 => new RegisterRepayment(Caseworker, state.RepaymentClaimed),
        18 => new Appeal(Organisation, "Vi klager."),
        19 => new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.Rejected, 0, ["Opprettholdt."]),
        20 => new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.Granted, 50_000, ["Endret."]),
        21 => new MakeDecision(Caseworker, DecisionOutcome.Granted, 50_000, []),
        22 => new RecommendOnAppeal(Caseworker, state.Appeal?.Grounds.Length % 2 == 0, "Innstilling."),
        23 => new RegisterAppealBodyDecision(Caseworker, new DateOnly(2024, 4, 1), "KN 1/24", true, DecisionOutcome.Rejected, 0, []),
        24 => new RegisterAppealBodyDecision(Caseworker, new DateOnly(2024, 4, 1), "KN 2/24", false, DecisionOutcome.PartlyGranted, 40_000, ["Endret av klagenemnda."]),
        25 => new AdmitLateAppeal(Caseworker, "Vi klager for sent.", "Brevet kom i retur."),
        26 => new DeclareImpartiality(new Actor(ActorRole.Caseworker, "saksbehandler-2"), true, "Styremedlem i foreningen."),
        27 => new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.PartlyGranted, 45_000, ["Endret."]),
        _ => new Tick(),
    };

    [Property(MaxTest = 300)]
    public bool Any_sequence_of_commands_and_ticks_keeps_every_invariant(byte[] script, bool tightPot)
    {
        long pot = tightPot ? 45_000 : Alta2024.Pot!.Value;
        long ledger = 0;
        var state = CaseState.Initial;
        var history = new List<CaseEvent>();
        var now = Oslo(2024, 4, 2, 9);

        foreach (byte b in (byte[])[0, 1, .. script ?? []])
        {
            now += Steps[b >> 5];
            var command = Command(b & 31, state);
            var result = CaseDecider.Decide(state, command, new CaseContext(Alta2024, pot - ledger), now);
            if (!result.IsAccepted)
            {
                continue;
            }

            Assert.NotEmpty(result.Events);
            // The table names a command's move from the status before it to the status after all its events: a changed
            // decision after an appeal is two events (the reconsideration, then the new vedtak), and only the pair moves it.
            var before = state.Status;
            foreach (var e in result.Events)
            {
                state = CaseDecider.Evolve(state, e);
                history.Add(e);
                Assert.True(e.At == now && e.By == command.By, "Every event carries who and when.");
            }

            Assert.True(CaseTransitions.Allows(before, command.GetType().Name, state.Status), $"{before} --{command.GetType().Name}--> {state.Status} is not in the table.");

            foreach (var effect in result.Effects)
            {
                ledger = effect switch
                {
                    ReserveGrant r => r.Amount,
                    ReleaseGrant => 0,
                    _ => ledger,
                };
            }

            Assert.InRange(ledger, 0, pot);
            Assert.Equal(state.Reserved, ledger);
            Assert.True(state.Granted <= state.AmountAppliedFor);
            if (state.Tranches.Count > 0)
            {
                Assert.Equal(state.Granted, state.Tranches.Sum(t => t.Amount));
            }

            Assert.Equal(result.Effects.Count, result.Effects.Select(x => x.EffectId).Distinct().Count());
        }

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(CaseDecider.Replay(history)));
        return true;
    }

    [Property]
    public bool Tranches_always_sum_to_the_grant_in_whole_kroner(ushort thousands, byte kroner, bool lateAcceptance)
    {
        long granted = 1 + (thousands * 10L) + kroner;
        var acceptedOn = lateAcceptance ? new DateOnly(2024, 10, 1) : new DateOnly(2024, 5, 2);

        var tranches = TranchePlan.For(Alta2024, granted, acceptedOn, CasePolicy.Default);

        return tranches.Sum(t => t.Amount) == granted
            && tranches.All(t => t.Amount > 0)
            && tranches.Count == (granted > 30_000 ? 2 : 1)
            && (tranches.Count == 1 || tranches[0].Amount - tranches[1].Amount is 0 or 1);
    }
}
