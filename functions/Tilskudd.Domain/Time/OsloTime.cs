namespace Tilskudd.Domain.Time;

/// <summary>
/// Calendar dates in the rounds are Norwegian dates: a deadline of 15 April ends at midnight in
/// Oslo, summer time or not. Instants (<see cref="DateTimeOffset"/>) are what the clock gives.
/// </summary>
public static class OsloTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The instant as Oslo wall-clock time, with Oslo's offset at that instant.</summary>
    public static DateTimeOffset ToOslo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Oslo calendar date the instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToOslo(instant).DateTime);

    /// <summary>Oslo wall-clock time on a date as an instant. A time skipped by the spring change counts from the hour after.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        // In the autumn's repeated hour the earlier (summer time) instant is meant.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Midnight at the start of the date in Oslo.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The last instant of the date in Oslo (one tick before the next day starts), so "on or before the deadline" is <c>now &lt;= EndOfDay(deadline)</c>.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => ToOslo(StartOfDay(date.AddDays(1)).AddTicks(-1));
}
