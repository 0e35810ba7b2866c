namespace Monitor.Pipeline;

/// <summary>The process exit codes of the monitor command, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Everything loaded and every step succeeded.</summary>
    public const int Success = 0;
    /// <summary>Something failed: a step threw, the warehouse could not be written, a bug.</summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong (unknown option, bad date, missing argument).</summary>
    public const int Usage = 2;
    /// <summary>The run completed, but rows were quarantined or files rejected: look at 'monitor status'.</summary>
    public const int DataProblems = 3;
    /// <summary>A blocking data-quality check failed: nothing was published.</summary>
    public const int Blocked = 4;
    /// <summary>Another run holds the lock on the output directory.</summary>
    public const int Busy = 5;
}
