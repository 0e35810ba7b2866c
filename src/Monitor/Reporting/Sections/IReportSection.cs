namespace Monitor.Reporting.Sections;

/// <summary>One chapter of the report.</summary>
public interface IReportSection
{
    /// <summary>The heading, also used in the table of contents.</summary>
    string Title { get; }
    void Write(ReportContext ctx);
}
