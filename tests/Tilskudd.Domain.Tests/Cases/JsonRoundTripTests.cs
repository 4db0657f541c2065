using System.Text.Json;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>The state is the orchestration's input over ContinueAsNew; commands, events and effects cross activity boundaries.</summary>
public class JsonRoundTripTests
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);

    [Fact]
    public void State_events_and_effects_of_a_whole_year_round_trip_through_System_Text_Json()
    {
        var run = YearScenarios.Oslo2021PartlyGranted();

        var state = JsonSerializer.Deserialize<CaseState>(Json(run.Spec.State), Options)!;
        Assert.Equal(Json(run.Spec.State), Json(state));
        Assert.Equal(CaseDecider.NextDueAt(run.Spec.State), CaseDecider.NextDueAt(state));

        var events = JsonSerializer.Deserialize<List<CaseEvent>>(Json(run.Spec.History.ToList()), Options)!;
        Assert.Equal(Json(run.Spec.History.ToList()), Json(events));
        Assert.Equal(Json(run.Spec.State), Json(CaseDecider.Replay(events)));

        var effects = JsonSerializer.Deserialize<List<CaseEffect>>(Json(run.Spec.Effects), Options)!;
        Assert.Equal(Json(run.Spec.Effects), Json(effects));
    }

    [Fact]
    public void Commands_round_trip_with_their_type()
    {
        CaseCommand[] commands =
        [
            new MakeDecision(CaseSpec.DecisionMaker, DecisionOutcome.PartlyGranted, 40_000, ["Begrunnelse."]),
            new Assess(CaseSpec.Caseworker, [new("K1", 4, "")], ["investeringer"], 10_000, ""),
            new Tick(),
        ];

        var back = JsonSerializer.Deserialize<List<CaseCommand>>(Json(commands), Options)!;

        Assert.Equal(Json(commands), Json(back));
        Assert.IsType<Tick>(back[2]);
    }

    /// <summary>The JSON as a release before the property was added wrote it: without it.</summary>
    static string Without(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove(property), $"No «{property}» in {json}");
        return node.ToJsonString();
    }

    [Fact]
    public void A_report_stored_before_issue_26_reads_without_its_files()
    {
        string command = Without(Json<CaseCommand>(new SubmitReport(CaseSpec.Organisation, 45_000, false, CaseSpec.ReportFiles())), "files");
        string @event = Without(Json<CaseEvent>(new ReportSubmitted(CaseSpec.Organisation, CaseSpec.Oslo(2025, 3, 5), 45_000, false, CaseSpec.ReportFiles())), "files");

        var submit = Assert.IsType<SubmitReport>(JsonSerializer.Deserialize<CaseCommand>(command, Options));
        var submitted = Assert.IsType<ReportSubmitted>(JsonSerializer.Deserialize<CaseEvent>(@event, Options));

        Assert.Null(submit.Files);
        Assert.Null(submitted.Files);
        Assert.Equal(45_000, CaseDecider.Evolve(CaseState.Initial, submitted).Report!.AmountUsed);
    }

    [Fact]
    public void A_grant_letter_and_an_acceptance_stored_before_issue_26_read_without_a_terms_version()
    {
        var run = YearScenarios.Alta2024Granted();
        var letter = run.Spec.History.OfType<DecisionLetterSent>().Single();
        var accepted = run.Spec.History.OfType<TermsAccepted>().Single();
        Assert.NotNull(accepted.GrantTermsVersion);

        var oldLetter = Assert.IsType<DecisionLetterSent>(JsonSerializer.Deserialize<CaseEvent>(Without(Json<CaseEvent>(letter), "grantTermsVersion"), Options));
        var oldAcceptance = Assert.IsType<TermsAccepted>(JsonSerializer.Deserialize<CaseEvent>(Without(Json<CaseEvent>(accepted), "grantTermsVersion"), Options));
        var oldState = JsonSerializer.Deserialize<CaseState>(Without(Json(run.Spec.State), "grantTermsVersion"), Options)!;

        Assert.Null(oldLetter.GrantTermsVersion);
        Assert.Null(oldAcceptance.GrantTermsVersion);
        Assert.Equal(accepted.Tranches, oldAcceptance.Tranches);
        Assert.Null(oldState.GrantTermsVersion);
    }

    [Fact]
    public void A_state_stored_before_issue_26_reads_as_one_that_has_sent_no_interim_reply()
    {
        var run = YearScenarios.Oslo2021PartlyGranted();
        Assert.True(run.Spec.State.InterimReplySent);

        var old = JsonSerializer.Deserialize<CaseState>(Without(Json(run.Spec.State), "interimReplySent"), Options)!;

        Assert.False(old.InterimReplySent);
        Assert.Equal(run.Spec.State.Status, old.Status);
    }
}
