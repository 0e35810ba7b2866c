// The long-running scheduler behind `monitor schedule`: a Quartz cron trigger in the pipeline's time zone, one
// catch-up run after downtime, never two runs at once, and a graceful stop that lets the current run finish.
using Microsoft.Extensions.Logging;
using Monitor.Pipeline.Definition;
using Quartz;

namespace Monitor.Pipeline.Scheduling;

/// <summary>Runs the pipeline; returns the run's exit code (see ExitCodes). Must honour the token.</summary>
public delegate Task<int> ScheduledRun(RunTrigger trigger, CancellationToken cancellationToken);

public sealed class NightlyScheduler : IAsyncDisposable
{
    static readonly JobKey RunJobKey = new("run", "monitor");
    static readonly TriggerKey CronTriggerKey = new("nightly", "monitor");
    internal const string HostKey = "monitor.host";
    internal const string TriggerKindKey = "monitor.trigger";

    readonly ScheduleDefinition schedule;
    readonly bool catchUp;
    readonly ScheduledRun run;
    readonly Func<DateTimeOffset?> lastScheduledRun;
    readonly ILogger logger;
    readonly TimeProvider clock;
    readonly CancellationTokenSource stopping = new();
    readonly object gate = new();
    StandaloneSchedulerFactory? factory;
    IScheduler? scheduler;
    bool busy;
    DateTimeOffset? lastRunEnded;
    int runsStarted;

    /// <param name="run">The pipeline run; the lead's runner behind `monitor run`.</param>
    /// <param name="lastScheduledRun">When the last schedule or catch_up run started (from meta.runs), null if none.</param>
    /// <param name="clock">Time for the scheduler and its decisions; tests pass a clock set to a chosen date.</param>
    public NightlyScheduler(ScheduleDefinition schedule, bool catchUp, ScheduledRun run, Func<DateTimeOffset?> lastScheduledRun, ILogger logger, TimeProvider? clock = null)
    {
        this.schedule = schedule;
        this.catchUp = catchUp;
        this.run = run;
        this.lastScheduledRun = lastScheduledRun;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    public static NightlyScheduler ForPipeline(PipelineDefinition pipeline, ScheduledRun run, Func<DateTimeOffset?> lastScheduledRun, ILogger logger, TimeProvider? clock = null) =>
        new(pipeline.RequireSchedule(), pipeline.CatchUp, run, lastScheduledRun, logger, clock);

    /// <summary>What was decided about catching up when the scheduler started.</summary>
    public CatchUpDecision? CatchUpDecision { get; private set; }

    /// <summary>How many runs the scheduler has started (skipped firings not counted).</summary>
    public int RunsStarted => Volatile.Read(ref runsStarted);

    /// <summary>The next time the cron trigger fires, in the schedule's time zone.</summary>
    public async Task<DateTimeOffset?> NextFireTimeAsync()
    {
        if (scheduler is null) return null;
        var trigger = await scheduler.GetTrigger(CronTriggerKey);
        return trigger?.NextFireTimeUtc is { } next ? TimeZoneInfo.ConvertTime(next, schedule.TimeZone) : null;
    }

    /// <summary>Starts the Quartz scheduler with the cron trigger and, when fire times were missed, one catch-up run.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (scheduler is not null) throw new InvalidOperationException("the scheduler is already started");
        factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "monitor-" + Guid.NewGuid().ToString("N");
                // Runs are told to stop through their token when the scheduler shuts down, and are waited for.
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseInMemoryStore(_ => { });
            q.UseDefaultThreadPool(1);
            q.UseTimeProvider(clock);
        }).Build();
        scheduler = await factory.GetScheduler(cancellationToken);
        scheduler.ListenerManager.AddTriggerListener(new MisfireLogger(logger, schedule));

        var job = JobBuilder.Create<MonitorRunJob>()
            .WithIdentity(RunJobKey)
            .StoreDurably()
            .UsingJobData(HostKey, this)
            .Build();
        var cron = TriggerBuilder.Create(clock)
            .WithIdentity(CronTriggerKey)
            .ForJob(RunJobKey)
            .UsingJobData(TriggerKindKey, RunTrigger.Schedule.ToLedgerValue())
            .WithCronSchedule(schedule.Cron, c => c
                .InTimeZone(schedule.TimeZone)
                // A night missed while busy or suspended is not replayed by Quartz; catch-up at start-up covers downtime.
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.AddJob(job, cancellationToken: cancellationToken);
        await scheduler.ScheduleJob(cron, cancellationToken: cancellationToken);

        var now = clock.GetUtcNow();
        DateTimeOffset? last;
        try
        {
            last = lastScheduledRun();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not read when the last scheduled run started, so no catch-up is attempted: {Error}", e.Message);
            last = null;
        }
        CatchUpDecision = SchedulePlanner.DecideCatchUp(schedule, catchUp, last, now);
        logger.LogInformation("Catch-up: {Reason}", CatchUpDecision.Reason);

        await scheduler.Start(cancellationToken);
        var next = await NextFireTimeAsync();
        logger.LogInformation("Scheduler started: cron \"{Cron}\" in {TimeZone}; next run at {Next}",
            schedule.Cron, schedule.TimeZone.Id, next is { } n ? SchedulePlanner.Format(n, schedule) : "never");
        if (CatchUpDecision.RunNow)
            await TriggerNowAsync(RunTrigger.CatchUp, cancellationToken);
    }

    /// <summary>Fires one run now, outside the cron schedule (the catch-up run; also usable by an operator command).</summary>
    public async Task TriggerNowAsync(RunTrigger trigger, CancellationToken cancellationToken = default)
    {
        if (scheduler is null) throw new InvalidOperationException("start the scheduler first");
        var once = TriggerBuilder.Create(clock)
            .WithIdentity($"{trigger.ToLedgerValue()}-{Guid.NewGuid():N}", "monitor")
            .ForJob(RunJobKey)
            .UsingJobData(TriggerKindKey, trigger.ToLedgerValue())
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(once, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Stops firing, asks a running run to stop (its token is cancelled: it finishes its step or rolls back) and
    /// waits for it. A run is never cut off by the scheduler itself; systemd's TimeoutStopSec is the outer limit.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (scheduler is null || scheduler.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) return;
        bool running;
        lock (gate) running = busy;
        if (running)
            logger.LogWarning("Stopping: the current run is asked to stop and is waited for (it finishes or rolls back; nothing half-done is published)");
        else
            logger.LogInformation("Stopping: no run in progress");
        await stopping.CancelAsync();
        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        logger.LogInformation("Scheduler stopped");
    }

    /// <summary>Starts, waits for <paramref name="stop"/> (SIGTERM, Ctrl-C), then stops gracefully. Returns 0.</summary>
    public async Task<int> RunUntilStoppedAsync(CancellationToken stop)
    {
        await StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
        await StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>One firing, called by the job. Skips it when a run is busy or when it came due during the last one.</summary>
    internal async Task ExecuteAsync(RunTrigger trigger, DateTimeOffset scheduledFireTime, CancellationToken jobToken)
    {
        lock (gate)
        {
            if (busy)
            {
                logger.LogWarning("Skipped the {Trigger} run due at {Due}: another run of this scheduler is still busy",
                    trigger.ToLedgerValue(), SchedulePlanner.Format(scheduledFireTime, schedule));
                return;
            }
            if (SchedulePlanner.CameDueWhileBusy(scheduledFireTime, lastRunEnded))
            {
                logger.LogWarning("Skipped the {Trigger} run due at {Due}: it came due while the previous run was busy (that run ended at {Ended})",
                    trigger.ToLedgerValue(), SchedulePlanner.Format(scheduledFireTime, schedule), SchedulePlanner.Format(lastRunEnded!.Value, schedule));
                return;
            }
            busy = true;
        }

        Interlocked.Increment(ref runsStarted);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(jobToken, stopping.Token);
        logger.LogInformation("Starting a {Trigger} run (due at {Due})", trigger.ToLedgerValue(), SchedulePlanner.Format(scheduledFireTime, schedule));
        try
        {
            var exitCode = await run(trigger, linked.Token);
            if (stopping.IsCancellationRequested && exitCode != ExitCodes.Success)
                logger.LogWarning("The {Trigger} run was stopped because the scheduler is shutting down (exit code {ExitCode}); see its messages above",
                    trigger.ToLedgerValue(), exitCode);
            else
                LogOutcome(trigger, exitCode);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogWarning("The {Trigger} run was stopped because the scheduler is shutting down; nothing of it was published", trigger.ToLedgerValue());
        }
        catch (Exception e)
        {
            logger.LogError(e, "The {Trigger} run failed: {Error}", trigger.ToLedgerValue(), e.Message);
        }
        finally
        {
            lock (gate)
            {
                busy = false;
                lastRunEnded = clock.GetUtcNow();
            }
        }
    }

    void LogOutcome(RunTrigger trigger, int exitCode)
    {
        var name = trigger.ToLedgerValue();
        switch (exitCode)
        {
            case ExitCodes.Success:
                logger.LogInformation("The {Trigger} run succeeded", name);
                break;
            case ExitCodes.DataProblems:
                logger.LogWarning("The {Trigger} run finished with data problems (rejected files or quarantined rows); see 'monitor status'", name);
                break;
            case ExitCodes.Blocked:
                logger.LogWarning("The {Trigger} run was blocked by a data-quality check; nothing was published", name);
                break;
            case ExitCodes.Busy:
                logger.LogWarning("Skipped the {Trigger} run: another run holds the lock on the output directory", name);
                break;
            default:
                logger.LogError("The {Trigger} run failed with exit code {ExitCode}; see the messages above and 'monitor status'", name, exitCode);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (factory is not null) await factory.DisposeAsync();
        stopping.Dispose();
    }

    /// <summary>Logs the fire times Quartz dropped (the machine was suspended, or the thread was held too long).</summary>
    sealed class MisfireLogger(ILogger logger, ScheduleDefinition schedule) : ITriggerListener
    {
        public string Name => "monitor-misfires";

        public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
        {
            logger.LogWarning("Skipped a fire time of trigger {Trigger}: it was missed (the scheduler could not fire it on time); next run at {Next}",
                trigger.Key.Name, trigger.NextFireTimeUtc is { } next ? SchedulePlanner.Format(next, schedule) : "never");
            return default;
        }
    }
}

/// <summary>The Quartz job: hands each firing to its <see cref="NightlyScheduler"/>. One at a time, never in parallel.</summary>
[DisallowConcurrentExecution]
sealed class MonitorRunJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var host = (NightlyScheduler)context.MergedJobDataMap[NightlyScheduler.HostKey]!;
        var trigger = RunTriggers.FromLedgerValue((string)context.MergedJobDataMap[NightlyScheduler.TriggerKindKey]!);
        await host.ExecuteAsync(trigger, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }
}
