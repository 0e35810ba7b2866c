namespace Monitor.Pipeline;

/// <summary>
/// The process exit codes of every monitor command, one table (documented in the README and docs/operations.md):
/// <list type="table">
/// <item><term>0</term><description>success</description></item>
/// <item><term>1</term><description>failure: a step or the command failed (disk full, permission denied, a bug); nothing was published</description></item>
/// <item><term>2</term><description>usage: a bad option or pipeline file, a data directory or warehouse that does not exist, a query that
/// writes; nothing is created</description></item>
/// <item><term>3</term><description>data problems: rows quarantined, files rejected or unreadable (run, validate)</description></item>
/// <item><term>4</term><description>a blocking data-quality check failed; nothing was published</description></item>
/// <item><term>5</term><description>locked: another run holds the output directory</description></item>
/// <item><term>6</term><description>the edition exists: `monitor edition` never replaces a meeting's edition</description></item>
/// </list>
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything loaded and every step succeeded.</summary>
    public const int Success = 0;
    /// <summary>Something failed: a step threw, the warehouse could not be written, the disk is full, a bug.</summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong: unknown option, bad value, missing data directory or warehouse, a query that writes.</summary>
    public const int Usage = 2;
    /// <summary>The run completed, but rows were quarantined or files rejected: look at 'monitor status'.</summary>
    public const int DataProblems = 3;
    /// <summary>A blocking data-quality check failed: nothing was published.</summary>
    public const int Blocked = 4;
    /// <summary>Another run holds the lock on the output directory.</summary>
    public const int Busy = 5;
    /// <summary>Same as <see cref="Busy"/>: the output directory is locked by another run.</summary>
    public const int Locked = Busy;
    /// <summary>`monitor edition`: the meeting's edition exists already (an edition is made once and never replaced); nothing was run.</summary>
    public const int EditionExists = 6;
}
