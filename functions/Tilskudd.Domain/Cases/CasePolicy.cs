using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// Case timing that the seeds and issue fix for both rounds but <see cref="Round"/> does not (yet) hold.
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
    public static CasePolicy Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(16, 0), 7, [30, 7], 14, 3);

    /// <summary>The policy for a round's cases: today the same for every round.</summary>
    public static CasePolicy For(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return Default;
    }
}
