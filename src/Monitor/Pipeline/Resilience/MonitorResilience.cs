// The resilience pipelines of a run, configured once from the pipeline file and applied at the boundaries:
// the file system ("file-io"), the DuckDB file lock ("warehouse-lock") and the time limit of each step.
// Every retry and every time limit reached is reported: during a run to that run's observer (its log), otherwise
// to the logger it was built with.
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Pipeline.Definition;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Monitor.Pipeline.Resilience;

public static class ResiliencePipelineNames
{
    public const string FileIo = "file-io";
    public const string WarehouseLock = "warehouse-lock";
    public static string StepTimeout(string step) => "step-timeout:" + step;
}

public sealed class MonitorResilience
{
    readonly IReadOnlyDictionary<string, TimeSpan> stepTimeouts;
    readonly ILogger log;
    // Per flow of execution, so one set of pipelines can serve runs that overlap (in tests) without mixing their logs.
    readonly AsyncLocal<IRunObserver?> currentRun = new();

    /// <param name="retry">Tries and first wait for file-io and warehouse-lock; waits double (2 s, 4 s, 8 s ...).</param>
    /// <param name="stepTimeouts">Time limit per step name; steps not listed run without one.</param>
    public MonitorResilience(RetryDefinition retry, IReadOnlyDictionary<string, TimeSpan> stepTimeouts, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        this.stepTimeouts = stepTimeouts;
        log = logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        Registry = new ResiliencePipelineRegistry<string>();

        Registry.TryAddBuilder(ResiliencePipelineNames.FileIo, (builder, _) =>
        {
            builder.TimeProvider = time;
            AddRetry(builder, retry, IsTransientIo, ResiliencePipelineNames.FileIo);
        });
        Registry.TryAddBuilder(ResiliencePipelineNames.WarehouseLock, (builder, _) =>
        {
            builder.TimeProvider = time;
            AddRetry(builder, retry, IsWarehouseLocked, ResiliencePipelineNames.WarehouseLock);
        });
        foreach (var (step, limit) in stepTimeouts)
        {
            Registry.TryAddBuilder(ResiliencePipelineNames.StepTimeout(step), (builder, _) =>
            {
                builder.TimeProvider = time;
                builder.AddTimeout(new TimeoutStrategyOptions
                {
                    Timeout = limit,
                    OnTimeout = args =>
                    {
                        ReportTimeout(step, args.Timeout);
                        return default;
                    },
                });
            });
        }
    }

    /// <summary>The pipelines of a pipeline file: its retry settings and its step time limits.</summary>
    public static MonitorResilience FromDefinition(PipelineDefinition definition, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        new(definition.Retry, definition.Timeouts, logger, timeProvider);

    /// <summary>The pipelines of a run request: its retry settings and its step time limits.</summary>
    public static MonitorResilience ForRequest(RunRequest request, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        new(request.Retry, request.Timeouts, logger, timeProvider);

    /// <summary>Default retries and no step time limits, for runs started without a pipeline file.</summary>
    public static MonitorResilience Default(ILogger? logger = null) =>
        new(RetryDefinition.Default, new Dictionary<string, TimeSpan>(), logger);

    public ResiliencePipelineRegistry<string> Registry { get; }

    /// <summary>
    /// Reports retries and time limits to the run's observer, instead of the logger, until the result is disposed.
    /// The runner calls it for the length of each run.
    /// </summary>
    public IDisposable ReportTo(IRunObserver observer)
    {
        var previous = currentRun.Value;
        currentRun.Value = observer;
        return new Restore(() => currentRun.Value = previous);
    }

    /// <summary>
    /// Reports a step stopped at its time limit. Called by the timeout pipeline, and by the runner when the limit
    /// interrupted a DuckDB statement (the step then fails with DuckDB's error, which the timeout pipeline does not see).
    /// </summary>
    public void ReportTimeout(string step, TimeSpan limit)
    {
        if (currentRun.Value is { } run)
            run.Warning($"step {step} stopped at its time limit of {Seconds(limit)} s (timeouts.{step} in the pipeline file)");
        else
            log.LogError("Step {Step} was stopped after its time limit of {Limit} (timeouts.{Step} in the pipeline file)", step, limit, step);
    }

    /// <summary>The time limit of a step, or null when it has none.</summary>
    public TimeSpan? TimeLimit(string step) => stepTimeouts.TryGetValue(step, out var limit) ? limit : null;

    /// <summary>A limit as the pipeline file writes it: seconds, up to three decimals.</summary>
    public static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Retries file-system operations that failed for a passing reason (file in use, busy, interrupted).</summary>
    public ResiliencePipeline FileIo => Registry.GetPipeline(ResiliencePipelineNames.FileIo);

    /// <summary>Retries opening a DuckDB file that another process holds locked.</summary>
    public ResiliencePipeline WarehouseLock => Registry.GetPipeline(ResiliencePipelineNames.WarehouseLock);

    /// <summary>
    /// The time limit of a step (a TimeoutRejectedException when it is exceeded), or a pipeline that adds nothing when
    /// the step has none. Polly cancels the token it passes in; the step must pass that token on to be stopped.
    /// </summary>
    public ResiliencePipeline ForStep(string step) =>
        stepTimeouts.ContainsKey(step) ? Registry.GetPipeline(ResiliencePipelineNames.StepTimeout(step)) : ResiliencePipeline.Empty;

    /// <summary>See <see cref="IoErrors.IsTransient"/>.</summary>
    public static bool IsTransientIo(Exception e) => IoErrors.IsTransient(e);

    /// <summary>DuckDB refused to open the file because another process has it open for writing.</summary>
    public static bool IsWarehouseLocked(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
            if (current is DuckDBException && (current.Message.Contains("Could not set lock on file", StringComparison.Ordinal)
                                               || current.Message.Contains("Conflicting lock", StringComparison.Ordinal)))
                return true;
        return false;
    }

    void AddRetry(ResiliencePipelineBuilder builder, RetryDefinition retry, Func<Exception, bool> handles, string name)
    {
        if (retry.Attempts <= 1) return;
        builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(handles),
            MaxRetryAttempts = retry.Attempts - 1,
            Delay = retry.Backoff,
            BackoffType = DelayBackoffType.Exponential,
            // One nightly process: nobody to spread out from, and fixed waits make the log easy to read.
            UseJitter = false,
            OnRetry = args =>
            {
                if (currentRun.Value is { } run)
                    run.Warning(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: try {args.AttemptNumber + 1} of {retry.Attempts} failed ({args.Outcome.Exception?.Message}); trying again in {args.RetryDelay.TotalSeconds:0.#} s"));
                else
                    log.LogWarning("{Pipeline}: try {Attempt} of {Attempts} failed ({Error}); trying again in {Delay:0.#} s",
                        name, args.AttemptNumber + 1, retry.Attempts, args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds);
                return default;
            },
        });
    }

    sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
