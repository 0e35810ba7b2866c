using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Resilience;
using Monitor.Pipeline.Scheduling;
using Monitor.Sources;

namespace Monitor.Cli.Commands;

/// <summary>`monitor schedule`: runs the pipeline on its cron schedule until SIGTERM or Ctrl-C (for systemd).</summary>
public static class ScheduleCommand
{
    public static Command Create()
    {
        var pipeline = new Option<string>("--pipeline")
        {
            Description = "Pipeline file with the schedule, paths and steps (see docs/pipelines.md)",
            DefaultValueFactory = _ => "pipelines/nightly.yaml",
        };
        var logDir = new Option<string?>("--log-dir")
        {
            Description = "Folder for the daily log files monitor-YYYYMMDD.log, kept 14 days (default: <out_dir>/logs)",
        };
        var command = new Command("schedule", "Run the pipeline on its schedule until stopped with SIGTERM or Ctrl-C; a run in progress is let finish or roll back")
        {
            pipeline, logDir,
        };
        // A synchronous action on purpose: System.CommandLine gives async actions only two seconds after SIGTERM,
        // and a run that is rolling back needs longer. The signals are handled below instead.
        command.SetAction(parse => Run(parse.GetValue(pipeline)!, parse.GetValue(logDir)));
        return command;
    }

    static int Run(string pipelinePath, string? logDir)
    {
        PipelineDefinition definition;
        try
        {
            definition = PipelineDefinition.Load(pipelinePath);
            definition.RequireSchedule();
        }
        catch (PipelineDefinitionException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        using var fileLog = new RollingFileLoggerProvider(logDir ?? Path.Combine(definition.OutDir, "logs"));
        using var loggers = LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Quartz", LogLevel.Warning)
            .AddProvider(fileLog)
            .AddProvider(new TextWriterLoggerProvider(Console.Error)));
        // Quartz's own warnings and errors (a trigger it could not fire, a job store problem) go to the same log.
        Quartz.Diagnostics.LogProvider.SetLogProvider(loggers);
        var logger = loggers.CreateLogger("Monitor.Scheduler");

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // Cancel the default (immediate exit) and stop gracefully instead; a second signal does the same, harmlessly.
            context.Cancel = true;
            logger.LogInformation("{Signal} received: stopping", context.Signal);
            stop.Cancel();
        }
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        // Built once: the runs report their retries and time limits through their observer (the run's lines in this log),
        // the scheduler's own reads of the warehouse through the Resilience logger.
        var resilience = MonitorResilience.FromDefinition(definition, loggers.CreateLogger("Monitor.Resilience"));
        var runner = Steps.Runner(resilience);
        var runLogger = loggers.CreateLogger("Monitor.Run");
        logger.LogInformation("Pipeline {Name} from {File}: data {DataDir}, output {OutDir}, steps {Steps}; log files in {LogDir}",
            definition.Name, definition.SourcePath, definition.DataDir, definition.OutDir, string.Join(", ", definition.Steps), Path.GetDirectoryName(fileLog.CurrentPath));

        var scheduler = NightlyScheduler.ForPipeline(definition,
            (trigger, ct) => RunOnce(runner, definition, trigger, runLogger, ct),
            () => RunHistory.LastScheduledRunStart(definition.OutDir, resilience.WarehouseLock),
            logger);
        try
        {
            return scheduler.RunUntilStoppedAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "The scheduler failed: {Error}", e.Message);
            return ExitCodes.Failure;
        }
        finally
        {
            scheduler.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One run of the pipeline, as `monitor run` does it, with its progress going to the log.</summary>
    static Task<int> RunOnce(PipelineRunner runner, PipelineDefinition p, RunTrigger trigger, ILogger logger, CancellationToken ct) =>
        Task.Run(() =>
        {
            var request = StandardSteps.RequestFor(p, trigger);
            var result = runner.Run(request, new LoggingRunObserver(logger), ct);
            logger.LogInformation("Run {RunId}: {Status} (exit code {ExitCode}){Message}",
                result.RunId, result.Status, result.ExitCode, result.Message is null ? "" : ": " + result.Message);
            return result.ExitCode;
        }, CancellationToken.None);

    /// <summary>A run's progress as log lines: steps, and every file that did not simply load or stay unchanged.</summary>
    sealed class LoggingRunObserver(ILogger logger) : IRunObserver
    {
        public void StepStarted(string step) => logger.LogInformation("Step {Step} started", step);

        public void StepFinished(StepRecord step)
        {
            var level = step.State == StepState.Succeeded ? LogLevel.Information : LogLevel.Error;
            logger.Log(level, "Step {Step} {Status} in {Seconds:0.0} s{Message}",
                step.Name, step.Status, step.Duration?.TotalSeconds ?? 0, step.Message is null ? "" : ": " + step.Message);
        }

        public void FileProcessed(FileOutcome f)
        {
            if (f.HasProblems || f.State is FileState.Deferred or FileState.Ignored)
                logger.LogWarning("{Folder}/{File}: {State}{Quarantined}{Reason}", f.Folder, f.FileName, f.State.ToString().ToLowerInvariant(),
                    f.RowsQuarantined > 0 ? $", {f.RowsQuarantined} rows quarantined" : "", f.Reason is null ? "" : " — " + f.Reason);
            else if (f.State == FileState.Loaded)
                logger.LogInformation("{Folder}/{File}: loaded {Rows} rows", f.Folder, f.FileName, f.RowsLoaded);
        }

        public void Info(string message) => logger.LogInformation("{Message}", message);

        public void Warning(string message) => logger.LogWarning("{Message}", message);
    }
}
