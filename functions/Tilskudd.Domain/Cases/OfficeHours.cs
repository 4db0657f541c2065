using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Cases;

/// <summary>Mails by the clock go out on working days in office hours, Oslo time (issue 4).</summary>
public static class OfficeHours
{
    /// <summary>The instant itself when it is in office hours on a working day, else the next office opening.</summary>
    public static DateTimeOffset NextOpenAt(DateTimeOffset instant, CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var local = OsloTime.ToOslo(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (WorkingDays.IsWorkingDay(date) && time >= policy.OfficeOpens && time < policy.OfficeCloses)
        {
            return instant;
        }

        var day = WorkingDays.IsWorkingDay(date) && time < policy.OfficeOpens ? date : WorkingDays.NextOnOrAfter(date.AddDays(1));
        return OsloTime.At(day, policy.OfficeOpens);
    }

    /// <summary>Office opening on the date, or on the next working day when the date is not one.</summary>
    public static DateTimeOffset OnOrAfter(DateOnly date, CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return OsloTime.At(WorkingDays.NextOnOrAfter(date), policy.OfficeOpens);
    }

    /// <summary>
    /// Office opening on the date, or on the working day before when it is not one: a reminder
    /// "7 days before" a deadline then comes at least 7 days before it, never fewer.
    /// </summary>
    public static DateTimeOffset OnOrBefore(DateOnly date, CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        while (!WorkingDays.IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return OsloTime.At(date, policy.OfficeOpens);
    }
}
