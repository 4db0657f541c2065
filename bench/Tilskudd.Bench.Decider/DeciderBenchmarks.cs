using BenchmarkDotNet.Attributes;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Bench.Decider;

/// <summary>
/// Whole lives through the decider as the orchestration does them: Decide each command against the
/// state, fold the events with Evolve, ask NextDueAt for the timer; and the replay of a long history.
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    static readonly CaseContext AltaContext = CaseContext.For(Lifecycles.Alta2024);
    static readonly CaseContext OsloContext = CaseContext.For(Lifecycles.Oslo2021);
    IReadOnlyList<Turn> alta = [];
    IReadOnlyList<Turn> oslo = [];
    IReadOnlyList<CaseEvent> history = [];

    [GlobalSetup]
    public void Setup()
    {
        alta = Lifecycles.AltaGranted();
        oslo = Lifecycles.OsloPartlyGranted();
        history = Lifecycles.LongHistory(1_000);
    }

    [Benchmark(Description = "Alta granted, submit to closed")]
    public CaseState AltaLifecycle() => Drive(alta, AltaContext);

    [Benchmark(Description = "Oslo appealed and repaid, submit to closed")]
    public CaseState OsloLifecycle() => Drive(oslo, OsloContext);

    [Benchmark(Description = "Replay 1 000 events")]
    public CaseState Replay1000() => CaseDecider.Replay(history);

    static CaseState Drive(IReadOnlyList<Turn> steps, CaseContext context)
    {
        var state = CaseState.Initial;
        foreach (var step in steps)
        {
            var result = CaseDecider.Decide(state, step.Command, context, step.Now);
            foreach (var e in result.Events)
            {
                state = CaseDecider.Evolve(state, e);
            }

            _ = CaseDecider.NextDueAt(state);
        }

        return state;
    }
}

/// <summary>One command of each kind met in the two lives, Decide plus Evolve of its events, against the state it met there.</summary>
[MemoryDiagnoser]
public class CommandBenchmarks
{
    static readonly Dictionary<string, (Turn Turn, CaseContext Context)> Steps = Collect();

    [ParamsSource(nameof(Names))]
    public string Command { get; set; } = "";

    public static IEnumerable<string> Names => Steps.Keys;

    [Benchmark(Description = "Decide + Evolve")]
    public CaseState DecideAndEvolve()
    {
        var (step, context) = Steps[Command];
        var result = CaseDecider.Decide(step.Before, step.Command, context, step.Now);
        var state = step.Before;
        foreach (var e in result.Events)
        {
            state = CaseDecider.Evolve(state, e);
        }

        return state;
    }

    static Dictionary<string, (Turn, CaseContext)> Collect()
    {
        var named = new Dictionary<string, (Turn, CaseContext)>(StringComparer.Ordinal);
        foreach (var (steps, context) in new[] { (Lifecycles.AltaGranted(), CaseContext.For(Lifecycles.Alta2024)), (Lifecycles.OsloPartlyGranted(), CaseContext.For(Lifecycles.Oslo2021)) })
        {
            foreach (var step in steps)
            {
                // A tick is named by what fell due: its first event.
                string name = step.Command is Tick && step.Result.Events.Count > 0 ? $"Tick: {step.Result.Events[0].GetType().Name}" : step.Name;
                named.TryAdd(name, (step, context));
            }
        }

        return named;
    }
}
