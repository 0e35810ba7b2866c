namespace Monitor.Reporting.Data;

/// <summary>One row of mart.indicator_values (see the mart contract).</summary>
public sealed class IndicatorValue
{
    public string Indicator { get; set; } = "";
    public string Domain { get; set; } = "";
    public string Period { get; set; } = "";
    public string PeriodType { get; set; } = "";
    public int PeriodOrder { get; set; }
    public string Region { get; set; } = "";
    public string RegionLevel { get; set; } = "";
    public string? Category { get; set; }
    public double? Value { get; set; }
    public string Unit { get; set; } = "";
    public double? Target { get; set; }
    public string Status { get; set; } = "";
    public string? Label { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public string Source { get; set; } = "";
    public string? Vintage { get; set; }
    public string? AsOf { get; set; }
    /// <summary>True for a provisional CBS year (voorlopig, nader voorlopig); the status stays the target status.</summary>
    public bool Provisional { get; set; }

    // Typed views of the columns above (the string properties are what the mart query fills).

    /// <summary>The period as its type: kind, order, first and last day, Dutch text.</summary>
    public Monitor.Domain.Period TypedPeriod => Monitor.Domain.Period.Parse(Period);

    /// <summary>The region level as its type.</summary>
    public Monitor.Domain.RegionLevel Level => Monitor.Domain.RegionLevels.FromSql(RegionLevel);

    /// <summary>The vintage as a date (the mart's vintage DATE, which the query hands over as text).</summary>
    public DateOnly? VintageDate => Vintage is null ? null : DateOnly.ParseExact(Vintage, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The as-of date of the build, as a date.</summary>
    public DateOnly? AsOfDate => AsOf is null ? null : DateOnly.ParseExact(AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A file from meta.extracts, as the sources section lists it.</summary>
public sealed class ExtractRecord
{
    public string FileName { get; set; } = "";
    public string? Source { get; set; }
    public string? Dataset { get; set; }
    public string? Vintage { get; set; }
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
    public string? StartedAt { get; set; }
    public string Status { get; set; } = "";
    public string? AsOf { get; set; }
}
