using Monitor.Pipeline;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>Summaries printed at the end of commands.</summary>
public static class Printing
{
    public static void RunSummary(RunResult result)
    {
        if (result.Ingest is { } ingest)
        {
            var table = new Table().Border(TableBorder.Simple).Title("Extracts");
            table.AddColumns("folder", "file", "state", "rows loaded", "quarantined", "reason");
            foreach (var f in ingest.Files)
                table.AddRow(Markup.Escape(f.Folder), Markup.Escape(f.FileName), Markup.Escape(f.State.ToString().ToLowerInvariant() + (f.StoredState == "rejected" ? " (rejected)" : "")),
                    f.RowsLoaded.ToString(), f.RowsQuarantined.ToString(), Markup.Escape(f.Reason ?? ""));
            AnsiConsole.Write(table);
        }
        var colour = result.ExitCode switch { ExitCodes.Success => "green", ExitCodes.DataProblems => "yellow", _ => "red" };
        AnsiConsole.MarkupLine($"Run [bold]{Markup.Escape(result.RunId)}[/]: [{colour}]{Markup.Escape(result.Status)}[/] (exit code {result.ExitCode})");
        if (result.Message is not null) AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(result.Message)}[/]");
        if (result.ReportPath is not null) AnsiConsole.MarkupLine($"Report: {Markup.Escape(result.ReportPath)}");
        if (result.ExitCode == ExitCodes.DataProblems)
            AnsiConsole.MarkupLine("Some rows were quarantined or files rejected: see 'monitor status' and the table meta.quarantine.");
    }
}
