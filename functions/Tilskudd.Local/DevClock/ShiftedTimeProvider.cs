namespace Tilskudd.Local.DevClock;

/// <summary>
/// Development only: real time moved so that the host starts at a chosen instant, to try the
/// product on a date of one's choosing (a round's last day, say). Production uses system time.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset startAt) : TimeProvider
{
    readonly TimeSpan offset = startAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
