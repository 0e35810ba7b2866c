// Walks the YAML node tree of a pipeline file by hand, so that every error can point at its line and field.
using System.Globalization;
using Quartz;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitor.Pipeline.Definition;

sealed partial class PipelineDefinitionReader(string sourcePath)
{
    static readonly string[] TopLevelFields =
        ["name", "schedule", "data_dir", "out_dir", "steps", "retry", "timeouts", "bad_row_threshold", "blocking_severities", "catch_up", "stable_files", "report_regions", "meetings"];

    const string DefaultTimeZone = "Europe/Amsterdam";

    readonly List<PipelineProblem> problems = [];
    readonly string baseDir = Path.GetDirectoryName(sourcePath)!;

    public PipelineDefinition Read(string yaml)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new PipelineDefinitionException(sourcePath, [new PipelineProblem((int)e.Start.Line, (int)e.Start.Column, "", $"not valid YAML: {e.Message}")]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet gives up on some malformed input without a position; the last event it read is close by.
            var at = parser.LastGood;
            throw new PipelineDefinitionException(sourcePath, [new PipelineProblem((int)at.Line, (int)at.Column, "",
                $"not valid YAML after this point (check for an unclosed bracket or quote): {e.Message}")]);
        }
        if (stream.Documents.Count == 0)
            throw new PipelineDefinitionException(sourcePath, [new PipelineProblem(null, null, "", "the pipeline file is empty; it needs at least name, data_dir and out_dir")]);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            throw new PipelineDefinitionException(sourcePath, [Problem(node, "", "expected a mapping of fields (name: ..., data_dir: ...) at the top of the file")]);
        }

        var fields = Fields(root, "", TopLevelFields);
        var name = RequiredString(fields, root, "name");
        var dataDir = RequiredString(fields, root, "data_dir");
        var outDir = RequiredString(fields, root, "out_dir");
        var schedule = fields.TryGetValue("schedule", out var s) ? ReadSchedule(s) : null;
        var steps = fields.TryGetValue("steps", out var st) ? ReadSteps(st) : PipelineDefinition.KnownSteps;
        var retry = fields.TryGetValue("retry", out var r) ? ReadRetry(r) : RetryDefinition.Default;
        var timeouts = fields.TryGetValue("timeouts", out var t) ? ReadTimeouts(t) : new Dictionary<string, TimeSpan>();
        var threshold = fields.TryGetValue("bad_row_threshold", out var b) ? ReadThreshold(b) : 0.05;
        var severities = fields.TryGetValue("blocking_severities", out var bs) ? ReadSeverities(bs) : ["error"];
        var catchUp = fields.TryGetValue("catch_up", out var c) ? ReadBool(c, "catch_up") ?? true : true;
        var stable = fields.TryGetValue("stable_files", out var sf) ? ReadStableFiles(sf) : StableFileSettings.Default;
        var regions = fields.TryGetValue("report_regions", out var rr) ? ReadRegions(rr) : [];
        var meetings = fields.TryGetValue("meetings", out var mt) ? ReadMeetings(mt) : Editions.MeetingCalendar.None;

        if (problems.Count > 0)
            throw new PipelineDefinitionException(sourcePath, problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());
        return new PipelineDefinition
        {
            SourcePath = sourcePath,
            Name = name!,
            Schedule = schedule,
            DataDir = Path.GetFullPath(Path.Combine(baseDir, dataDir!)),
            OutDir = Path.GetFullPath(Path.Combine(baseDir, outDir!)),
            Steps = steps,
            Retry = retry,
            Timeouts = timeouts,
            BadRowThreshold = threshold,
            BlockingSeverities = severities,
            CatchUp = catchUp,
            StableFiles = stable,
            ReportRegions = regions,
            Meetings = meetings,
        };
    }

    IReadOnlyList<string> ReadRegions(YamlNode node)
    {
        var items = StringList(node, "report_regions");
        if (items is null) return [];
        var result = new List<string>();
        foreach (var (value, itemNode) in items)
        {
            try
            {
                if (Monitor.Domain.RegionResolver.Resolve(value, Monitor.Reporting.Data.RegionCatalog.Shared) is { } code && !result.Contains(code))
                    result.Add(code);
            }
            catch (Monitor.Domain.UnknownRegionException e)
            {
                problems.Add(Problem(itemNode, "report_regions", $"region {e.Message}"));
            }
        }
        return result;
    }

    ScheduleDefinition? ReadSchedule(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(node, "schedule", "expected a mapping with cron and time_zone, e.g. schedule: { cron: \"0 0 2 * * ?\", time_zone: Europe/Amsterdam }"));
            return null;
        }
        var fields = Fields(map, "schedule.", ["cron", "time_zone"]);
        var cron = RequiredString(fields, map, "cron", "schedule.");
        TimeZoneInfo? zone = null;
        if (fields.TryGetValue("time_zone", out var z))
        {
            if (Scalar(z, "schedule.time_zone") is { } zoneName)
            {
                zone = FindZone(zoneName);
                if (zone is null)
                    problems.Add(Problem(z, "schedule.time_zone", $"unknown time zone '{zoneName}'; use an IANA name such as Europe/Amsterdam or UTC"));
            }
        }
        else
        {
            zone = FindZone(DefaultTimeZone);
            if (zone is null)
                problems.Add(Problem(map, "schedule.time_zone",
                    $"the default time zone {DefaultTimeZone} is not known on this machine; install the tzdata package or set schedule.time_zone"));
        }
        if (cron is null) return null;
        try
        {
            CronExpression.Parse(cron);
        }
        catch (FormatException e)
        {
            problems.Add(Problem(fields["cron"], "schedule.cron",
                $"'{cron}' is not a Quartz cron expression: {e.Message} (Quartz cron has seconds first: \"0 0 2 * * ?\" is 02:00 every day)"));
            return null;
        }
        return zone is null ? null : new ScheduleDefinition(cron, zone);
    }

    IReadOnlyList<string> ReadSteps(YamlNode node)
    {
        var items = StringList(node, "steps");
        if (items is null) return PipelineDefinition.KnownSteps;
        if (items.Count == 0)
        {
            problems.Add(Problem(node, "steps", $"needs at least one step out of {string.Join(", ", PipelineDefinition.KnownSteps)}"));
            return PipelineDefinition.KnownSteps;
        }
        var result = new List<string>();
        var lastIndex = -1;
        foreach (var (value, itemNode) in items)
        {
            var index = IndexOf(PipelineDefinition.KnownSteps, value);
            if (index < 0)
            {
                problems.Add(Problem(itemNode, "steps", $"unknown step '{value}'; the steps are {string.Join(", ", PipelineDefinition.KnownSteps)}"));
                continue;
            }
            if (result.Contains(value))
            {
                problems.Add(Problem(itemNode, "steps", $"step '{value}' is listed twice"));
                continue;
            }
            if (index < lastIndex)
            {
                problems.Add(Problem(itemNode, "steps",
                    $"step '{value}' comes after '{PipelineDefinition.KnownSteps[lastIndex]}', but steps run in the order {string.Join(" → ", PipelineDefinition.KnownSteps)}"));
                continue;
            }
            lastIndex = index;
            result.Add(value);
        }
        return result;
    }

    RetryDefinition ReadRetry(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(node, "retry", "expected a mapping, e.g. retry: { attempts: 3, backoff_seconds: 2 }"));
            return RetryDefinition.Default;
        }
        var fields = Fields(map, "retry.", ["attempts", "backoff_seconds"]);
        var attempts = fields.TryGetValue("attempts", out var a) ? ReadInt(a, "retry.attempts", 1, 20, "a whole number of tries from 1 (no retry) to 20") : null;
        var backoff = fields.TryGetValue("backoff_seconds", out var b) ? ReadNumber(b, "retry.backoff_seconds", 0, 3600, "seconds from 0 to 3600") : null;
        return new RetryDefinition(attempts ?? RetryDefinition.Default.Attempts,
            backoff is { } s ? TimeSpan.FromSeconds(s) : RetryDefinition.Default.Backoff);
    }

    Dictionary<string, TimeSpan> ReadTimeouts(YamlNode node)
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(node, "timeouts", "expected a mapping of step to seconds, e.g. timeouts: { ingest: 1800, report: 600 }"));
            return result;
        }
        foreach (var (step, value) in Fields(map, "timeouts.", PipelineDefinition.TimedSteps))
        {
            // Polly's timeout strategy takes at most a day; a nightly step that needs longer is a bug anyway.
            if (ReadInt(value, $"timeouts.{step}", 1, 86_399, "a whole number of seconds from 1 to 86399") is { } seconds)
                result[step] = TimeSpan.FromSeconds(seconds);
        }
        return result;
    }

    double ReadThreshold(YamlNode node)
    {
        var value = ReadNumber(node, "bad_row_threshold", 0, 1, "a share between 0 and 1 with a decimal point, e.g. 0.05 for 5%");
        return value ?? 0.05;
    }

    IReadOnlyList<string> ReadSeverities(YamlNode node)
    {
        var items = StringList(node, "blocking_severities");
        if (items is null) return ["error"];
        var result = new List<string>();
        foreach (var (value, itemNode) in items)
        {
            if (!PipelineDefinition.KnownSeverities.Contains(value))
                problems.Add(Problem(itemNode, "blocking_severities",
                    $"unknown severity '{value}'; the check severities are {string.Join(", ", PipelineDefinition.KnownSeverities)}"));
            else if (!result.Contains(value))
                result.Add(value);
        }
        return result;
    }

    StableFileSettings ReadStableFiles(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(node, "stable_files", "expected a mapping, e.g. stable_files: { window_seconds: 2, min_age_seconds: 0 }"));
            return StableFileSettings.Default;
        }
        var fields = Fields(map, "stable_files.", ["window_seconds", "min_age_seconds"]);
        var window = fields.TryGetValue("window_seconds", out var w) ? ReadNumber(w, "stable_files.window_seconds", 0, 600, "seconds from 0 to 600") : null;
        var age = fields.TryGetValue("min_age_seconds", out var a) ? ReadNumber(a, "stable_files.min_age_seconds", 0, 86_400, "seconds from 0 to 86400") : null;
        return new StableFileSettings(
            window is { } ws ? TimeSpan.FromSeconds(ws) : StableFileSettings.Default.Window,
            age is { } ags ? TimeSpan.FromSeconds(ags) : StableFileSettings.Default.MinimumAge);
    }

    /// <summary>The fields of a mapping by name; unknown names are reported with the list of known ones.</summary>
    Dictionary<string, YamlNode> Fields(YamlMappingNode map, string prefix, IReadOnlyList<string> known)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null)
            {
                problems.Add(Problem(keyNode, prefix.TrimEnd('.'), "field names must be plain words"));
                continue;
            }
            if (!known.Contains(key))
            {
                var hint = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || string.Equals(k, key.Replace('-', '_'), StringComparison.Ordinal));
                problems.Add(Problem(keyNode, prefix + key,
                    hint is not null ? $"unknown field; did you mean '{hint}'?" : $"unknown field; expected one of {string.Join(", ", known)}"));
                continue;
            }
            result[key] = value;
        }
        return result;
    }

    string? RequiredString(Dictionary<string, YamlNode> fields, YamlNode parent, string name, string prefix = "")
    {
        if (!fields.TryGetValue(name, out var node))
        {
            problems.Add(Problem(parent, prefix + name, "is required but missing"));
            return null;
        }
        var value = Scalar(node, prefix + name);
        if (value is not null && value.Trim().Length == 0)
        {
            problems.Add(Problem(node, prefix + name, "must not be empty"));
            return null;
        }
        return value;
    }

    /// <summary>A scalar's text; null (with a problem) for a list, a mapping, or an empty/~ value.</summary>
    string? Scalar(YamlNode node, string field)
    {
        if (node is not YamlScalarNode scalar)
        {
            problems.Add(Problem(node, field, "expected a single value, not a list or mapping"));
            return null;
        }
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null"))
        {
            problems.Add(Problem(node, field, "has no value"));
            return null;
        }
        return scalar.Value ?? "";
    }

    List<(string Value, YamlNode Node)>? StringList(YamlNode node, string field)
    {
        if (node is not YamlSequenceNode seq)
        {
            problems.Add(Problem(node, field, "expected a list, e.g. [ingest, indicators]"));
            return null;
        }
        var result = new List<(string, YamlNode)>();
        foreach (var item in seq.Children)
            if (Scalar(item, field) is { } v)
                result.Add((v.Trim(), item));
        return result;
    }

    int? ReadInt(YamlNode node, string field, int min, int max, string expected)
    {
        var text = Scalar(node, field);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add(Problem(node, field, $"expected {expected}, got '{text}'"));
        return null;
    }

    double? ReadNumber(YamlNode node, string field, double min, double max, string expected)
    {
        var text = Scalar(node, field);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add(Problem(node, field, $"expected {expected}, got '{text}'"));
        return null;
    }

    bool? ReadBool(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        switch (text)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                problems.Add(Problem(node, field, $"expected true or false, got '{text}'"));
                return null;
        }
    }

    static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }

    static PipelineProblem Problem(YamlNode node, string field, string message) =>
        new((int)node.Start.Line, (int)node.Start.Column, field, message);

    /// <summary>Remembers where the last event that parsed ended.</summary>
    sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;
        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var more = inner.MoveNext();
            if (inner.Current is { } current) LastGood = current.End;
            return more;
        }
    }
}
