namespace Monitor.Reporting;

/// <summary>A problem the user can fix (no mart yet, unknown region, mismatching as-of date); the message says how.</summary>
public sealed class ReportException(string message) : Exception(message);
