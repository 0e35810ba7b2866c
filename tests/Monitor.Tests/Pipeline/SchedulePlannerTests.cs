using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Scheduling;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class SchedulePlannerTests
{
    static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    static readonly ScheduleDefinition Nightly = new("0 0 2 * * ?", Amsterdam);
    static readonly TimeSpan Cet = TimeSpan.FromHours(1), Cest = TimeSpan.FromHours(2);

    static DateTimeOffset Local(int year, int month, int day, int hour, int minute, TimeSpan offset, int second = 0) =>
        new(year, month, day, hour, minute, second, offset);

    [Test]
    public void An_ordinary_night_fires_at_two_local_time()
    {
        var next = SchedulePlanner.NextFire(Nightly, Local(2026, 3, 25, 12, 0, Cet));
        Assert.That(next, Is.EqualTo(Local(2026, 3, 26, 2, 0, Cet)));
        Assert.That(next!.Value.Offset, Is.EqualTo(Cet), "given in the schedule's zone");
    }

    [Test]
    public void On_the_spring_forward_night_two_oclock_does_not_exist_and_the_run_fires_when_the_clocks_jump()
    {
        // Sunday 29 March 2026, 02:00 CET the clocks go to 03:00 CEST: 02:00 local is never shown. The run fires at the
        // jump, 03:00 CEST = 01:00 UTC, one hour of real time after 01:00 CET; it is not skipped for the night.
        var next = SchedulePlanner.NextFire(Nightly, Local(2026, 3, 28, 12, 0, Cet));
        Assert.That(next, Is.EqualTo(Local(2026, 3, 29, 3, 0, Cest)));
        Assert.That(next!.Value.UtcDateTime, Is.EqualTo(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));

        Assert.That(SchedulePlanner.NextFire(Nightly, next.Value), Is.EqualTo(Local(2026, 3, 30, 2, 0, Cest)), "the next night is 02:00 summer time");
    }

    [Test]
    public void On_the_fall_back_night_two_oclock_happens_twice_and_the_run_fires_once()
    {
        // Sunday 25 October 2026, 03:00 CEST the clocks go back to 02:00 CET: 02:00-03:00 local occurs twice.
        var first = SchedulePlanner.NextFire(Nightly, Local(2026, 10, 24, 12, 0, Cest));
        Assert.That(first, Is.EqualTo(Local(2026, 10, 25, 2, 0, Cest)));
        Assert.That(SchedulePlanner.NextFire(Nightly, first!.Value), Is.EqualTo(Local(2026, 10, 26, 2, 0, Cet)),
            "not again at 02:00 CET the same night");
    }

    [Test]
    public void Three_missed_nights_make_one_catch_up_run()
    {
        // Last scheduled run: Friday 27 March 02:00:05 CET. The scheduler comes back Monday 30 March 10:00 CEST.
        // Missed: Sat 28 02:00 CET, Sun 29 03:00 CEST (the spring-forward night), Mon 30 02:00 CEST.
        var decision = SchedulePlanner.DecideCatchUp(Nightly, catchUpEnabled: true,
            lastScheduledRun: Local(2026, 3, 27, 2, 0, Cet, second: 5), now: Local(2026, 3, 30, 10, 0, Cest));

        Assert.That(decision.RunNow, Is.True);
        Assert.That(decision.MissedCount, Is.EqualTo(3));
        Assert.That(decision.FirstMissed, Is.EqualTo(Local(2026, 3, 28, 2, 0, Cet)));
        Assert.That(decision.LastMissed, Is.EqualTo(Local(2026, 3, 30, 2, 0, Cest)));
        Assert.That(decision.Reason, Is.EqualTo(
            "3 fire time(s) were missed while the scheduler was not running (from 2026-03-28 02:00:00 +01:00 to 2026-03-30 02:00:00 +02:00); running once now to catch up"));
    }

    [Test]
    public void Nothing_missed_means_no_catch_up()
    {
        var decision = SchedulePlanner.DecideCatchUp(Nightly, true, Local(2026, 3, 30, 2, 0, Cest, second: 3), Local(2026, 3, 30, 10, 0, Cest));
        Assert.That(decision.RunNow, Is.False);
        Assert.That(decision.MissedCount, Is.EqualTo(0));
        Assert.That(decision.Reason, Is.EqualTo("no fire time was missed since the last scheduled run at 2026-03-30 02:00:03 +02:00"));
    }

    [Test]
    public void A_restart_just_before_the_fire_time_is_not_a_miss()
    {
        var decision = SchedulePlanner.DecideCatchUp(Nightly, true, Local(2026, 3, 30, 2, 0, Cest), Local(2026, 3, 31, 1, 59, Cest, second: 59));
        Assert.That(decision.RunNow, Is.False);
    }

    [Test]
    public void Exactly_one_night_missed_is_caught_up()
    {
        var decision = SchedulePlanner.DecideCatchUp(Nightly, true, Local(2026, 3, 30, 2, 0, Cest), Local(2026, 3, 31, 2, 0, Cest, second: 1));
        Assert.That((decision.RunNow, decision.MissedCount), Is.EqualTo((true, 1)));
        Assert.That(decision.Reason, Does.Contain("(at 2026-03-31 02:00:00 +02:00)"));
    }

    [Test]
    public void Catch_up_switched_off_only_reports_the_missed_nights()
    {
        var decision = SchedulePlanner.DecideCatchUp(Nightly, false, Local(2026, 3, 27, 2, 0, Cet), Local(2026, 3, 30, 10, 0, Cest));
        Assert.That((decision.RunNow, decision.MissedCount), Is.EqualTo((false, 3)));
        Assert.That(decision.Reason, Does.EndWith("but catch_up is off in the pipeline file"));
    }

    [Test]
    public void Without_any_recorded_scheduled_run_nothing_counts_as_missed()
    {
        var decision = SchedulePlanner.DecideCatchUp(Nightly, true, null, Local(2026, 3, 30, 10, 0, Cest));
        Assert.That(decision.RunNow, Is.False);
    }

    [Test]
    public void A_long_outage_is_counted_up_to_the_cap()
    {
        var everySecond = new ScheduleDefinition("* * * * * ?", TimeZoneInfo.Utc);
        var decision = SchedulePlanner.DecideCatchUp(everySecond, true, Local(2026, 1, 1, 0, 0, TimeSpan.Zero), Local(2026, 3, 1, 0, 0, TimeSpan.Zero));
        Assert.That((decision.RunNow, decision.MissedCount), Is.EqualTo((true, SchedulePlanner.MissedCountCap)));
        Assert.That(decision.Reason, Does.StartWith("more than 1000 fire time(s)"));
    }

    [Test]
    public void A_firing_that_came_due_during_the_previous_run_is_skipped()
    {
        var ended = Local(2026, 3, 30, 2, 40, Cest);
        Assert.That(SchedulePlanner.CameDueWhileBusy(Local(2026, 3, 30, 2, 0, Cest), ended), Is.True);
        Assert.That(SchedulePlanner.CameDueWhileBusy(Local(2026, 3, 31, 2, 0, Cest), ended), Is.False);
        Assert.That(SchedulePlanner.CameDueWhileBusy(Local(2026, 3, 31, 2, 0, Cest), null), Is.False);
    }
}
