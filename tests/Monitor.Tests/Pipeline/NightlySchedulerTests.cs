using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Scheduling;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

/// <summary>The real Quartz scheduler, with a clock set to a chosen date; runs are fired at once, never waited for.</summary>
[NonParallelizable] // waits on the scheduler's threads: runs alone, so that no parallel fixture slows them
public class NightlySchedulerTests
{
    static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    static readonly ScheduleDefinition Nightly = new("0 0 2 * * ?", Amsterdam);
    // Monday 30 March 2026, 10:00 CEST.
    static readonly DateTimeOffset MondayMorning = new(2026, 3, 30, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task After_three_missed_nights_it_runs_once_with_trigger_catch_up()
    {
        var log = new RecordingLogger();
        var runs = new List<RunTrigger>();
        var ran = new TaskCompletionSource<RunTrigger>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scheduler = new NightlyScheduler(Nightly, catchUp: true, (trigger, _) =>
            {
                lock (runs) runs.Add(trigger);
                ran.TrySetResult(trigger);
                return Task.FromResult(ExitCodes.Success);
            },
            lastScheduledRun: () => new DateTimeOffset(2026, 3, 27, 1, 0, 5, TimeSpan.Zero),
            log, new ShiftedClock(MondayMorning));

        await scheduler.StartAsync();
        Assert.That(await Wait.For(ran.Task, "the catch-up run"), Is.EqualTo(RunTrigger.CatchUp));
        Wait.Until(() => log.Contains("The catch_up run succeeded"), "the run to be logged");
        await scheduler.StopAsync();

        Assert.That(runs, Is.EqualTo(new[] { RunTrigger.CatchUp }));
        Assert.That(scheduler.CatchUpDecision!.MissedCount, Is.EqualTo(3));
        Assert.That(log.Messages, Has.Some.StartsWith("Starting a catch_up run (due at 2026-03-30 10:00:"), "now, by the scheduler's clock");
    }

    [Test]
    public async Task When_nothing_was_missed_it_waits_for_the_next_fire_time()
    {
        var log = new RecordingLogger();
        await using var scheduler = new NightlyScheduler(Nightly, true, (_, _) => Task.FromResult(0),
            lastScheduledRun: () => new DateTimeOffset(2026, 3, 30, 0, 0, 3, TimeSpan.Zero), log, new ShiftedClock(MondayMorning));

        await scheduler.StartAsync();
        var next = await scheduler.NextFireTimeAsync();
        await scheduler.StopAsync();

        Assert.That(scheduler.CatchUpDecision!.RunNow, Is.False);
        Assert.That(scheduler.RunsStarted, Is.EqualTo(0));
        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 3, 31, 2, 0, 0, TimeSpan.FromHours(2))));
        Assert.That(log.Messages, Does.Contain("Scheduler started: cron \"0 0 2 * * ?\" in Europe/Amsterdam; next run at 2026-03-31 02:00:00 +02:00"));
    }

    [Test]
    public async Task A_trigger_that_comes_due_while_a_run_is_busy_is_skipped_with_a_log_line()
    {
        var log = new RecordingLogger();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var scheduler = new NightlyScheduler(Nightly, true, async (_, _) =>
            {
                Interlocked.Increment(ref calls);
                started.TrySetResult();
                await release.Task;
                return ExitCodes.Success;
            },
            lastScheduledRun: () => null, log, new ShiftedClock(MondayMorning));
        await scheduler.StartAsync();

        await scheduler.TriggerNowAsync(RunTrigger.Schedule);
        await Wait.For(started.Task.ContinueWith(_ => true), "the first run to start");
        await scheduler.TriggerNowAsync(RunTrigger.Schedule);   // Quartz holds this one back: the job allows no concurrency
        release.SetResult();
        Wait.Until(() => log.Contains("Skipped the schedule run due at"), "the second firing to be handled");
        await scheduler.StopAsync();

        Assert.That(calls, Is.EqualTo(1));
        Assert.That(scheduler.RunsStarted, Is.EqualTo(1));
        Assert.That(log.Messages.Single(m => m.StartsWith("Skipped", StringComparison.Ordinal)), Does.Contain("it came due while the previous run was busy"));
    }

    [Test]
    public async Task Stopping_asks_the_running_run_to_stop_and_waits_for_it()
    {
        var log = new RecordingLogger();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rolledBack = false;
        await using var scheduler = new NightlyScheduler(Nightly, true, async (_, token) =>
            {
                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                    return ExitCodes.Success;
                }
                catch (OperationCanceledException)
                {
                    rolledBack = true;   // a real run discards its work directory here
                    throw;
                }
            },
            lastScheduledRun: () => null, log, new ShiftedClock(MondayMorning));
        await scheduler.StartAsync();
        await scheduler.TriggerNowAsync(RunTrigger.Schedule);
        await Wait.For(started.Task.ContinueWith(_ => true), "the run to start");

        await scheduler.StopAsync();

        Assert.That(rolledBack, Is.True, "StopAsync returned only after the run had reacted to the stop");
        Assert.That(log.Messages, Does.Contain("The schedule run was stopped because the scheduler is shutting down; nothing of it was published"));
        Assert.That(log.Messages.Last(), Is.EqualTo("Scheduler stopped"));
    }

    [Test]
    public async Task A_run_that_finds_another_run_busy_is_logged_as_skipped()
    {
        var log = new RecordingLogger();
        await using var scheduler = new NightlyScheduler(Nightly, true, (_, _) => Task.FromResult(ExitCodes.Busy),
            lastScheduledRun: () => null, log, new ShiftedClock(MondayMorning));
        await scheduler.StartAsync();
        await scheduler.TriggerNowAsync(RunTrigger.Schedule);
        Wait.Until(() => log.Contains("Skipped the schedule run: another run holds the lock on the output directory"), "the busy run to be logged");
        await scheduler.StopAsync();
    }

    [Test]
    public void A_pipeline_without_a_schedule_cannot_be_scheduled()
    {
        var pipeline = PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\n", "/etc/monitor/adhoc.yaml");
        var e = Assert.Throws<PipelineDefinitionException>(() => NightlyScheduler.ForPipeline(pipeline, (_, _) => Task.FromResult(0), () => null, new RecordingLogger()))!;
        Assert.That(e.Message, Does.StartWith("/etc/monitor/adhoc.yaml: schedule: this pipeline has no schedule"));
    }
}
