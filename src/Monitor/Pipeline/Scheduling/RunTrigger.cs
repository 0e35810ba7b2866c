namespace Monitor.Pipeline.Scheduling;

/// <summary>What started a run; recorded in meta.runs.trigger.</summary>
public enum RunTrigger
{
    /// <summary>Someone ran `monitor run` (by hand or from cron).</summary>
    Manual,
    /// <summary>The scheduler's cron trigger fired.</summary>
    Schedule,
    /// <summary>The scheduler started after missing one or more fire times, and makes up for them once.</summary>
    CatchUp,
}

public static class RunTriggers
{
    /// <summary>The value meta.runs.trigger and RunRequest.Trigger use: manual, schedule, catch_up.</summary>
    public static string ToLedgerValue(this RunTrigger trigger) => trigger switch
    {
        RunTrigger.Manual => "manual",
        RunTrigger.Schedule => "schedule",
        RunTrigger.CatchUp => "catch_up",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    public static RunTrigger FromLedgerValue(string value) => value switch
    {
        "manual" => RunTrigger.Manual,
        "schedule" => RunTrigger.Schedule,
        "catch_up" => RunTrigger.CatchUp,
        _ => throw new ArgumentException($"'{value}' is not a run trigger (manual, schedule, catch_up)", nameof(value)),
    };
}
