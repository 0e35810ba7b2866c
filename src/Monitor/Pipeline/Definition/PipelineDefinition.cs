// What runs when, as data: the pipeline file (pipelines/nightly.yaml) read into checked values.
using Quartz;

namespace Monitor.Pipeline.Definition;

/// <summary>A pipeline file, read and checked. Paths are absolute, resolved against the file's own folder.</summary>
public sealed record PipelineDefinition
{
    /// <summary>The steps a run can have, in the only order they can run in (data flows one way).</summary>
    public static readonly IReadOnlyList<string> KnownSteps = PipelineSteps.All;

    /// <summary>What <c>timeouts</c> may limit: every step, and the making of a meeting's edition (not a step one lists in <c>steps</c>).</summary>
    public static readonly IReadOnlyList<string> TimedSteps = [.. PipelineSteps.All, Editions.MeetingEditions.StepName];

    /// <summary>The severities a data-quality check can have; those listed in blocking_severities stop publishing.</summary>
    public static readonly IReadOnlyList<string> KnownSeverities = ["error", "warning"];

    /// <summary>The full path of the file this definition was read from, for messages.</summary>
    public required string SourcePath { get; init; }
    public required string Name { get; init; }
    /// <summary>When the scheduler runs the pipeline; null when the file has no schedule (fine for `monitor run`).</summary>
    public ScheduleDefinition? Schedule { get; init; }
    public required string DataDir { get; init; }
    public required string OutDir { get; init; }
    public IReadOnlyList<string> Steps { get; init; } = KnownSteps;
    public RetryDefinition Retry { get; init; } = RetryDefinition.Default;
    /// <summary>Per-step time limits; a step without an entry has none.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timeouts { get; init; } = new Dictionary<string, TimeSpan>();
    public double BadRowThreshold { get; init; } = 0.05;
    public IReadOnlyList<string> BlockingSeverities { get; init; } = ["error"];
    /// <summary>Whether the scheduler makes up once for fire times it missed while it was not running.</summary>
    public bool CatchUp { get; init; } = true;
    public StableFileSettings StableFiles { get; init; } = StableFileSettings.Default;
    /// <summary>Regions (PVxx, AMxx, TPn) whose regional edition of the report each run makes beside the national one.</summary>
    public IReadOnlyList<string> ReportRegions { get; init; } = [];
    /// <summary>The meeting calendar: each meeting gets an edition frozen some days before it (see Pipeline/Editions).</summary>
    public Editions.MeetingCalendar Meetings { get; init; } = Editions.MeetingCalendar.None;

    /// <summary>Reads and checks a pipeline file. Every problem found is reported at once, each with its line.</summary>
    /// <exception cref="PipelineDefinitionException">The file is missing, is not YAML, or a field is wrong.</exception>
    public static PipelineDefinition Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new PipelineDefinitionException(full, [new PipelineProblem(null, null, "", $"pipeline file not found (looked for {full}); pass --pipeline with the path of a pipeline YAML file such as pipelines/nightly.yaml")]);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineDefinitionException(full, [new PipelineProblem(null, null, "", $"cannot read the pipeline file: {e.Message}")]);
        }
        return Parse(text, full);
    }

    /// <summary>Reads a pipeline from YAML text; relative paths are resolved against the folder of <paramref name="sourcePath"/>.</summary>
    public static PipelineDefinition Parse(string yaml, string sourcePath) =>
        new PipelineDefinitionReader(Path.GetFullPath(sourcePath)).Read(yaml);

    /// <summary>The schedule, or a clear error for commands that cannot do without one.</summary>
    public ScheduleDefinition RequireSchedule() =>
        Schedule ?? throw new PipelineDefinitionException(SourcePath, [new PipelineProblem(null, null, "schedule",
            "this pipeline has no schedule; add one, e.g. schedule: { cron: \"0 0 2 * * ?\", time_zone: Europe/Amsterdam }")]);
}

/// <summary>A Quartz cron expression and the time zone its wall-clock times are read in.</summary>
public sealed record ScheduleDefinition(string Cron, TimeZoneInfo TimeZone)
{
    /// <summary>The parsed expression, bound to the time zone.</summary>
    public CronExpression Expression { get; } = new(Cron, TimeZone);
}

/// <summary>How often the boundary operations (file system, warehouse lock) are tried, and how long to wait in between.</summary>
/// <param name="Attempts">Tries in all, the first included; 1 means no retry.</param>
/// <param name="Backoff">The wait before the second try; each later wait doubles.</param>
public sealed record RetryDefinition(int Attempts, TimeSpan Backoff)
{
    public static readonly RetryDefinition Default = new(3, TimeSpan.FromSeconds(2));
}

/// <summary>When an extract counts as still being written and is left for the next run.</summary>
/// <param name="Window">How long a file's size and write time are watched for change; zero skips the watch.</param>
/// <param name="MinimumAge">A file written more recently than this is not read yet; zero disables the check.</param>
public sealed record StableFileSettings(TimeSpan Window, TimeSpan MinimumAge)
{
    public static readonly StableFileSettings Default = new(TimeSpan.FromSeconds(2), TimeSpan.Zero);
}

/// <summary>One thing wrong in a pipeline file, with where it is.</summary>
public sealed record PipelineProblem(int? Line, int? Column, string Field, string Message);

/// <summary>A pipeline file that cannot be used; the message lists every problem as file:line:column: field: what.</summary>
public sealed class PipelineDefinitionException(string file, IReadOnlyList<PipelineProblem> problems)
    : Exception(Format(file, problems))
{
    public string File { get; } = file;
    public IReadOnlyList<PipelineProblem> Problems { get; } = problems;

    static string Format(string file, IReadOnlyList<PipelineProblem> problems)
    {
        var lines = problems.Select(p =>
        {
            var where = p.Line is { } l ? $"{file}:{l}:{p.Column ?? 1}" : file;
            var field = p.Field.Length > 0 ? $" {p.Field}:" : "";
            return $"{where}:{field} {p.Message}";
        });
        var header = problems.Count == 1 ? "" : $"{problems.Count} problems in pipeline file {file}:{Environment.NewLine}";
        return header + string.Join(Environment.NewLine, lines);
    }
}
