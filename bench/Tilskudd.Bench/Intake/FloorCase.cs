using Microsoft.DurableTask;

namespace Tilskudd.Bench.Intake;

/// <summary>
/// The intake floor's bare orchestration: the shape of the case orchestration at intake (custom
/// status, one activity, then wait for a command) with no mail and no storage of ours.
/// </summary>
public sealed class FloorCase : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string reference)
    {
        context.SetCustomStatus("Submitted");
        await context.CallActivityAsync<int>(nameof(FloorReceipt), 1);
        context.SetCustomStatus("Receipt sent");
        return await context.WaitForExternalEvent<string>("command");
    }
}

/// <summary>Stands in for SendMail: no I/O, only counted so the bench knows when the floor has drained.</summary>
public sealed class FloorReceipt : TaskActivity<int, int>
{
    static int count;

    public static int Count => Volatile.Read(ref count);

    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        Interlocked.Increment(ref count);
        return Task.FromResult(input);
    }
}
