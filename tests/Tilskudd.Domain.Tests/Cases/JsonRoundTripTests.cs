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
}
