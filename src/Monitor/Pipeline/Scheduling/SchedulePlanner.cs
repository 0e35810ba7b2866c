// The decisions of the scheduler as pure functions of a schedule and a clock reading, so tests need no waiting.
using System.Globalization;
using Monitor.Pipeline.Definition;

namespace Monitor.Pipeline.Scheduling;

/// <summary>Whether the scheduler should run once right away to make up for fire times it missed.</summary>
/// <param name="MissedCount">Fire times between the last scheduled run and now (capped at <see cref="SchedulePlanner.MissedCountCap"/>).</param>
public sealed record CatchUpDecision(bool RunNow, int MissedCount, DateTimeOffset? FirstMissed, DateTimeOffset? LastMissed, string Reason);

public static class SchedulePlanner
{
    /// <summary>Counting missed fire times stops here: after a long outage "more than 1000" says enough.</summary>
    public const int MissedCountCap = 1000;

    /// <summary>
    /// The first fire time strictly after <paramref name="after"/>, as a local time of the schedule's zone.
    /// A wall-clock time that a spring-forward skips (02:30 on the last Sunday of March in Amsterdam) fires at the
    /// moment the clocks jump; a time that occurs twice in autumn fires once, at its first occurrence.
    /// </summary>
    public static DateTimeOffset? NextFire(ScheduleDefinition schedule, DateTimeOffset after) =>
        schedule.Expression.GetNextValidTimeAfter(after) is { } next ? TimeZoneInfo.ConvertTime(next, schedule.TimeZone) : null;

    /// <summary>The fire times in (<paramref name="since"/>, <paramref name="now"/>], oldest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> FireTimesBetween(ScheduleDefinition schedule, DateTimeOffset since, DateTimeOffset now, int limit = MissedCountCap)
    {
        var result = new List<DateTimeOffset>();
        var cursor = since;
        while (result.Count < limit && NextFire(schedule, cursor) is { } next && next <= now)
        {
            result.Add(next);
            cursor = next;
        }
        return result;
    }

    /// <summary>
    /// Decides the catch-up at start-up. <paramref name="lastScheduledRun"/> is when the last run started by the
    /// scheduler (trigger schedule or catch_up) began. One catch-up run covers any number of missed fire times:
    /// a run always works on all data there is, so running it once per missed night would only repeat the work.
    /// </summary>
    public static CatchUpDecision DecideCatchUp(ScheduleDefinition schedule, bool catchUpEnabled, DateTimeOffset? lastScheduledRun, DateTimeOffset now)
    {
        if (lastScheduledRun is not { } last)
            return new(false, 0, null, null, "no earlier scheduled run is recorded, so nothing counts as missed; waiting for the first fire time");
        var missed = FireTimesBetween(schedule, last, now);
        if (missed.Count == 0)
            return new(false, 0, null, null, $"no fire time was missed since the last scheduled run at {Format(last, schedule)}");
        var count = missed.Count >= MissedCountCap ? $"more than {MissedCountCap}" : missed.Count.ToString(CultureInfo.InvariantCulture);
        var span = missed.Count == 1 ? $"at {Format(missed[0], schedule)}" : $"from {Format(missed[0], schedule)} to {Format(missed[^1], schedule)}";
        if (!catchUpEnabled)
            return new(false, missed.Count, missed[0], missed[^1], $"{count} fire time(s) were missed ({span}), but catch_up is off in the pipeline file");
        return new(true, missed.Count, missed[0], missed[^1], $"{count} fire time(s) were missed while the scheduler was not running ({span}); running once now to catch up");
    }

    /// <summary>
    /// A firing that came due before the previous run ended waited for it (runs never overlap) and is skipped:
    /// the run that just ended already worked on the data as it was then, and the next fire time comes soon enough.
    /// </summary>
    public static bool CameDueWhileBusy(DateTimeOffset scheduledFireTime, DateTimeOffset? previousRunEnded) =>
        previousRunEnded is { } ended && scheduledFireTime < ended;

    public static string Format(DateTimeOffset time, ScheduleDefinition schedule) =>
        TimeZoneInfo.ConvertTime(time, schedule.TimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
