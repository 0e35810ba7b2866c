// The states a run and a step end in, and the one place that turns them into the words meta.runs.status,
// meta.run_steps.status and last-run.json store (scripts and older warehouses read those words, so they never change).
namespace Monitor.Pipeline;

/// <summary>How a run went (meta.runs.status, last-run.json status, <see cref="RunResult.State"/>).</summary>
public enum RunState
{
    /// <summary>Started and not finished yet; what a run that died leaves in meta.runs.</summary>
    Running,
    /// <summary>Every step succeeded and the run was published.</summary>
    Succeeded,
    /// <summary>Published, with rejected files, unreadable files or quarantined rows (exit code 3).</summary>
    SucceededWithDataProblems,
    /// <summary>A blocking data-quality check failed; nothing was published.</summary>
    Blocked,
    /// <summary>A step or the publish failed; nothing was published.</summary>
    Failed,
    /// <summary>Stopped from outside (Ctrl-C, the scheduler shutting down); nothing was published. In meta.runs it is failed.</summary>
    Cancelled,
    /// <summary>Another run held the output directory; this one did nothing.</summary>
    Busy,
    /// <summary>Wrong arguments (a data directory that does not exist); nothing was created.</summary>
    Usage,
    /// <summary>The input was the same as the last published run's; nothing to do.</summary>
    SkippedUnchanged,
}

/// <summary>How a step went (meta.run_steps.status, last-run.json steps[].status).</summary>
public enum StepState { Succeeded, Failed }

public static class LedgerValues
{
    static readonly (RunState State, string Value)[] RunValues =
    [
        (RunState.Running, "running"),
        (RunState.Succeeded, "succeeded"),
        (RunState.SucceededWithDataProblems, "succeeded_with_data_problems"),
        (RunState.Blocked, "blocked"),
        (RunState.Failed, "failed"),
        (RunState.Cancelled, "cancelled"),
        (RunState.Busy, "busy"),
        (RunState.Usage, "usage"),
        (RunState.SkippedUnchanged, "skipped_unchanged"),
    ];

    static readonly (StepState State, string Value)[] StepValues =
    [
        (StepState.Succeeded, "succeeded"),
        (StepState.Failed, "failed"),
    ];

    /// <summary>The word meta.runs.status and last-run.json use for this state.</summary>
    public static string ToLedgerValue(this RunState state) =>
        RunValues.FirstOrDefault(v => v.State == state).Value ?? throw new ArgumentOutOfRangeException(nameof(state), state, null);

    /// <summary>The word meta.run_steps.status and last-run.json use for this state.</summary>
    public static string ToLedgerValue(this StepState state) =>
        StepValues.FirstOrDefault(v => v.State == state).Value ?? throw new ArgumentOutOfRangeException(nameof(state), state, null);

    public static RunState RunStateFromLedgerValue(string value) =>
        TryRunStateFromLedgerValue(value, out var state) ? state : throw
            new ArgumentException($"'{value}' is not a run status ({string.Join(", ", RunValues.Select(v => v.Value))})", nameof(value));

    /// <summary>For readers of a warehouse that may hold a word no state has (an early one wrote succeeded_with_warnings).</summary>
    public static bool TryRunStateFromLedgerValue(string value, out RunState state)
    {
        foreach (var (s, word) in RunValues)
            if (word == value) { state = s; return true; }
        state = default;
        return false;
    }

    public static StepState StepStateFromLedgerValue(string value)
    {
        foreach (var (state, word) in StepValues)
            if (word == value) return state;
        throw new ArgumentException($"'{value}' is not a step status ({string.Join(", ", StepValues.Select(v => v.Value))})", nameof(value));
    }
}
