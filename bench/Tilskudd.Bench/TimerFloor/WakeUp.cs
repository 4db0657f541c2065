using Microsoft.DurableTask;

namespace Tilskudd.Bench.TimerFloor;

/// <summary>
/// The floor of a reminder storm: a bare orchestration that waits on one durable timer and then
/// calls one activity. Nothing else, so its time and storage requests are the engine's alone.
/// </summary>
public sealed class WakeUp : TaskOrchestrator<DateTime, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, DateTime dueAt)
    {
        // Probes for the bench, not product code: counted only on first execution, never on replay.
        if (!context.IsReplaying)
        {
            WakeUpProbe.Parked();
        }

        await context.CreateTimer(dueAt, CancellationToken.None);
        int answer = await context.CallActivityAsync<int>(nameof(Touch), 1);
        if (!context.IsReplaying)
        {
            WakeUpProbe.Done();
        }

        return answer;
    }
}

/// <summary>The one activity: does no I/O, so the floor measures the engine's dispatch only.</summary>
public sealed class Touch : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        WakeUpProbe.Touched();
        return Task.FromResult(input + 1);
    }
}

/// <summary>Counts orchestrations parked on their timer, activities run and orchestrations done, in this process.</summary>
public static class WakeUpProbe
{
    static int parked;
    static int touched;
    static int done;
    static long firstDoneTicks;
    static long lastDoneTicks;

    public static int ParkedCount => Volatile.Read(ref parked);

    public static int TouchedCount => Volatile.Read(ref touched);

    public static int DoneCount => Volatile.Read(ref done);

    public static DateTime? FirstDoneAt => Volatile.Read(ref firstDoneTicks) is > 0 and var t ? new DateTime(t, DateTimeKind.Utc) : null;

    public static DateTime? LastDoneAt => Volatile.Read(ref lastDoneTicks) is > 0 and var t ? new DateTime(t, DateTimeKind.Utc) : null;

    public static void Reset()
    {
        Volatile.Write(ref parked, 0);
        Volatile.Write(ref touched, 0);
        Volatile.Write(ref done, 0);
        Volatile.Write(ref firstDoneTicks, 0);
        Volatile.Write(ref lastDoneTicks, 0);
    }

    public static void Parked() => Interlocked.Increment(ref parked);

    public static void Touched() => Interlocked.Increment(ref touched);

    public static void Done()
    {
        long now = DateTime.UtcNow.Ticks;
        Interlocked.CompareExchange(ref firstDoneTicks, now, 0);
        Interlocked.Exchange(ref lastDoneTicks, now);
        Interlocked.Increment(ref done);
    }
}
