namespace Monitor.Reporting;

public sealed record ReportOptions
{
    /// <summary>The output directory; the report goes to &lt;OutDir&gt;/reports/.</summary>
    public required string OutDir { get; init; }
    /// <summary>PVxx, AMxx or TPn for a regional edition; NULL for the national report.</summary>
    public string? Region { get; init; }
    /// <summary>The as-of date the report should reflect; must match the date the mart was built with.</summary>
    public DateOnly? AsOf { get; init; }
    /// <summary>Printed on the cover and written into the PDF metadata: fix it to get byte-identical output.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The run building the report, whose own edition is never the one it is compared with; NULL: the run that published the warehouse.</summary>
    public string? RunId { get; init; }
    /// <summary>The edition (meta.editions id, or a date) "Wat is er veranderd" compares with; NULL: the default baseline (see Indicators.Changes).</summary>
    public string? CompareWith { get; init; }
    /// <summary>For a meeting's edition, the line the cover prints under the edition ("Editie voor het koersoverleg van ..."); NULL otherwise.</summary>
    public string? MeetingLine { get; init; }

    /// <summary>The generation time used when none is given: the clock's, in whole seconds as the report prints it.</summary>
    public static DateTimeOffset GenerationTime(DateTimeOffset now) => new(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset);
}

public sealed record ReportResult(string PdfPath, IReadOnlyList<string> ChartFiles, string CsvPath, int Pages)
{
    /// <summary>The mart values the report printed, once per key (see ReportContext.Printed).</summary>
    public IReadOnlyList<Data.IndicatorValue> Printed { get; init; } = [];
}
