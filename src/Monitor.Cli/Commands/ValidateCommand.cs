using System.CommandLine;
using Monitor.Pipeline;
using Monitor.Sources;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor validate`: every contract check on a delivery, writing nothing.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var threshold = CommonOptions.Threshold();
        var showRows = new Option<int>("--show") { Description = "How many quarantined rows to print per file", DefaultValueFactory = _ => 20 };
        var command = new Command("validate", "Check a data directory against the contracts without writing anything") { data, threshold, showRows };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            try
            {
                // The day a run started now would have: a vintage after it would be rejected, so validate says so too.
                var dry = DryRun.ValidateAll(dir, parse.GetValue(threshold), PipelineRunner.RunDay(DateTimeOffset.UtcNow));
                var report = dry.Files.Select(f => f.Validation).ToList();
                var show = parse.GetValue(showRows);
                foreach (var (v, valid) in dry.Files)
                {
                    var state = v.Rejected ? "[red]rejected[/]" : v.Quarantine.Count > 0 ? "[yellow]ok, with bad rows[/]" : "[green]ok[/]";
                    AnsiConsole.MarkupLine($"{state} {Markup.Escape(v.File.Folder + "/" + v.File.FileName)} [grey]{v.RowsTotal} rows, {valid} valid, {v.RowsQuarantined} bad{(v.Encoding is null ? "" : ", " + v.Encoding)}[/]");
                    if (v.FileError is not null) AnsiConsole.MarkupLine($"    [red]{Markup.Escape(v.FileError)}[/]");
                    foreach (var w in v.Warnings) AnsiConsole.MarkupLine($"    [yellow]warning:[/] {Markup.Escape(w)}");
                    PrintRows(v.Quarantine, show);
                }
                foreach (var entry in dry.Ignored)
                {
                    var name = entry.Folder.Length == 0 ? entry.Name : entry.Folder + "/" + entry.Name;
                    AnsiConsole.MarkupLine($"[yellow]ignored[/] {Markup.Escape(name)}");
                    AnsiConsole.MarkupLine($"    [grey]{Markup.Escape(entry.Reason)}[/]");
                }
                var register = dry.ReferenceFiles.Single(f => f.FileName == ReferenceLoader.RegisterFile);
                if (dry.RegisterErrors.Count > 0)
                {
                    AnsiConsole.MarkupLine($"[yellow]target register, with bad rows[/] {Markup.Escape(register.Origin)} [grey]{dry.RegisterErrors.Count} row(s) would be quarantined, the rest applies[/]");
                    PrintRows(dry.RegisterErrors, show);
                }
                foreach (var shipped in dry.ReferenceFiles.Where(f => f.Shipped))
                    AnsiConsole.MarkupLine($"[grey]reference/{Markup.Escape(shipped.FileName)} is missing: the copy shipped with the monitor would be used[/]");
                var problems = dry.HasProblems;
                var rejected = report.Count(v => v.Rejected);
                var quarantined = report.Sum(v => v.RowsQuarantined) + dry.RegisterErrors.Count;
                var ignoredNote = dry.Ignored.Count == 0 ? "" : $" {dry.Ignored.Count} entr{(dry.Ignored.Count == 1 ? "y" : "ies")} of the data directory would be ignored.";
                AnsiConsole.MarkupLine(problems
                    ? $"[yellow]{rejected} file(s) would be rejected, {quarantined} row(s) quarantined.{ignoredNote}[/]"
                    : $"[green]All {report.Count} file(s) follow the contracts.{ignoredNote}[/]");
                return problems ? ExitCodes.DataProblems : ExitCodes.Success;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never a stack trace: what went wrong, in one line (file outcomes are caught per file by DryRun).
                Console.Error.WriteLine($"error: validate failed: {ControlText.Escape(e.Message)}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    static void PrintRows(IReadOnlyList<QuarantinedRow> rows, int show)
    {
        foreach (var q in rows.Take(show))
            AnsiConsole.MarkupLine($"    line {q.LineNumber}{(q.Column is null ? "" : ", column " + Markup.Escape(q.Column))}{(q.RawValue is null ? "" : $", value '{Markup.Escape(q.RawValue)}'")}: {Markup.Escape(q.Reason)}");
        if (rows.Count > show) AnsiConsole.MarkupLine($"    … and {rows.Count - show} more");
    }
}
