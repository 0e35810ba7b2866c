using Monitor.Domain;
using Monitor.Pipeline;

namespace Monitor.Reporting.Data;

/// <summary>One row of mart.indicator_values (see the mart contract), with its period, region level and dates as their types.</summary>
public sealed class IndicatorValue
{
    public string Indicator { get; set; } = "";
    public string Domain { get; set; } = "";
    /// <summary>The period (period with period_type); its kind is the mart's period_type.</summary>
    public Period Period { get; set; }
    public int PeriodOrder { get; set; }
    public string Region { get; set; } = "";
    public RegionLevel RegionLevel { get; set; }
    public string? Category { get; set; }
    public double? Value { get; set; }
    public string Unit { get; set; } = "";
    public double? Target { get; set; }
    public string Status { get; set; } = "";
    public string? Label { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public string Source { get; set; } = "";
    /// <summary>The publication date of the newest input the value was computed from.</summary>
    public DateOnly? Vintage { get; set; }
    /// <summary>The as-of date the mart was built with; NULL: the latest vintages.</summary>
    public DateOnly? AsOf { get; set; }
    /// <summary>True for a provisional CBS year (voorlopig, nader voorlopig); the status stays the target status.</summary>
    public bool Provisional { get; set; }
}

/// <summary>A file from meta.extracts, as the sources section lists it.</summary>
public sealed class ExtractRecord
{
    public string FileName { get; set; } = "";
    public string? Source { get; set; }
    public string? Dataset { get; set; }
    public DateOnly? Vintage { get; set; }
    public long? RowsTotal { get; set; }
    public long? RowsLoaded { get; set; }
    public long? RowsQuarantined { get; set; }
    public string State { get; set; } = "";
    public string? Reason { get; set; }
    /// <summary>The run that first read this file content.</summary>
    public string? RunId { get; set; }
}

public sealed class QuarantineGroup
{
    public string FileName { get; set; } = "";
    public string Reason { get; set; } = "";
    public long Rows { get; set; }
}

public sealed class CheckRecord
{
    public string CheckName { get; set; } = "";
    public string Severity { get; set; } = "";
    public string Status { get; set; } = "";
    public long? FailingRows { get; set; }
    public string? Description { get; set; }
    /// <summary>The first failing rows as a JSON array of objects, as the check recorded them.</summary>
    public string? Sample { get; set; }
}

public sealed class RunRecord
{
    public string RunId { get; set; } = "";
    /// <summary>meta.runs.started_at, a TIMESTAMP in UTC.</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The run's state; NULL when meta.runs holds a word no state has (see <see cref="StatusWord"/>).</summary>
    public RunState? Status { get; set; }
    /// <summary>meta.runs.status as stored.</summary>
    public string StatusWord { get; set; } = "";
    public DateOnly? AsOf { get; set; }
}
