using Microsoft.DurableTask;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Workflow.Cases;

/// <summary>
/// One instance per application, instance id = reference number. It reads like the process: open the
/// case, then again and again wait for the next command or the next thing that falls due, whichever
/// comes first, let the decider decide, and carry out what it decided. Deterministic: no clock, GUID,
/// I/O or configuration here; the decider is pure and every effect is an activity.
/// </summary>
public sealed class CaseOrchestrator : TaskOrchestrator<CaseInput, CaseSummary?>
{
    /// <summary>Turns before the history starts afresh (ContinueAsNew), so replay stays short on long-lived cases.</summary>
    public const int TurnsPerGeneration = 25;

    public override async Task<CaseSummary?> RunAsync(TaskOrchestrationContext context, CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = new CaseRun(context, input);
        run.Publish();

        if (run.State.Status == CaseStatus.New)
        {
            await run.HandleAsync(new CaseMessage($"{input.Start.Reference}/submit", input.Start.ToCommand()));
        }

        if (run.State is { Status: CaseStatus.Submitted, EligibilityFindings: null })
        {
            await run.CheckEligibilityAsync();
        }

        for (int turn = 0; turn < TurnsPerGeneration && !run.IsFinished; turn++)
        {
            var message = run.IsDue ? null : await run.NextMessageOrDueAsync();
            await run.HandleAsync(message ?? run.ClockTick());
        }

        if (run.IsFinished)
        {
            return run.Summary;
        }

        context.ContinueAsNew(run.ToInput(), preserveUnprocessedEvents: true);
        return null;
    }
}
