using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// A case's timing: office hours, and the reminder days of its round's data (<see cref="Round.Reminders"/>).
/// Copied into the case when it is submitted, so a running case keeps the policy it started with.
/// </summary>
/// <param name="OfficeOpens">Mails by the clock go out on working days from this Oslo time.</param>
/// <param name="OfficeCloses">... and before this one.</param>
/// <param name="AcceptanceReminderDaysBefore">One reminder to accept the grant letter's terms this many days before the acceptance deadline.</param>
/// <param name="ReportReminderDaysBefore">Report reminders this many days before the report deadline (issue 4: 30 and 7).</param>
/// <param name="OverdueRepeatDays">An overdue notice the day after the report deadline, repeated every this many days.</param>
/// <param name="CaseworkersToldAfterOverdueNotices">Caseworkers are told once this many overdue notices have gone out.</param>
public sealed record CasePolicy(
    TimeOnly OfficeOpens,
    TimeOnly OfficeCloses,
    int AcceptanceReminderDaysBefore,
    IReadOnlyList<int> ReportReminderDaysBefore,
    int OverdueRepeatDays,
    int CaseworkersToldAfterOverdueNotices)
{
    /// <summary>Mails by the clock go out from 08:00 to 16:00 Oslo time, for every round.</summary>
    static readonly (TimeOnly Opens, TimeOnly Closes) OfficeHours = (new TimeOnly(8, 0), new TimeOnly(16, 0));

    /// <summary>
    /// The policy of a state that has none: both seeds' reminder days (Alta 2024's round data), for cases
    /// submitted before the policy was copied into the case.
    /// </summary>
    public static CasePolicy Default { get; } = For(RoundCatalog.ForYear("alta", 2024));

    /// <summary>The policy for a round's cases: its reminder days, and the office hours.</summary>
    public static CasePolicy For(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var reminders = round.Reminders;
        return new(OfficeHours.Opens, OfficeHours.Closes, reminders.AcceptanceDaysBefore, reminders.ReportDaysBefore, reminders.OverdueRepeatDays, reminders.CaseworkersToldAfterOverdueNotices);
    }
}
