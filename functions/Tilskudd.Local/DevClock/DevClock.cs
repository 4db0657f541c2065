namespace Tilskudd.Local.DevClock;

/// <summary>
/// Development only: real time moved by an offset that a person (or a test) sets, to try the product on
/// a date of one's choosing or to watch a year pass in a minute. Production uses system time.
/// Running cases are told each new offset as a message, so their durable timers follow the same clock.
/// </summary>
public sealed class DevClock(TimeSpan initialOffset) : TimeProvider
{
    long offsetTicks = initialOffset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock to <paramref name="now"/>; it may only go forward, as time does for the cases.</summary>
    public bool TryMoveTo(DateTimeOffset now)
    {
        var offset = now - System.GetUtcNow();
        if (offset < Offset)
        {
            return false;
        }

        Interlocked.Exchange(ref offsetTicks, offset.Ticks);
        return true;
    }
}
