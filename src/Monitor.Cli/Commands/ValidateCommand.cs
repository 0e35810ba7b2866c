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
                var files = DryRun.Validate(dir, parse.GetValue(threshold));
                var report = files.Select(f => f.Validation).ToList();
                var show = parse.GetValue(showRows);
                foreach (var (v, valid) in files)
                {
                    var state = v.Rejected ? "[red]rejected[/]" : v.Quarantine.Count > 0 ? "[yellow]ok, with bad rows[/]" : "[green]ok[/]";
                    AnsiConsole.MarkupLine($"{state} {Markup.Escape(v.File.Folder + "/" + v.File.FileName)} [grey]{v.RowsTotal} rows, {valid} valid, {v.RowsQuarantined} bad{(v.Encoding is null ? "" : ", " + v.Encoding)}[/]");
                    if (v.FileError is not null) AnsiConsole.MarkupLine($"    [red]{Markup.Escape(v.FileError)}[/]");
                    foreach (var w in v.Warnings) AnsiConsole.MarkupLine($"    [yellow]warning:[/] {Markup.Escape(w)}");
                    foreach (var q in v.Quarantine.Take(show))
                        AnsiConsole.MarkupLine($"    line {q.LineNumber}{(q.Column is null ? "" : ", column " + Markup.Escape(q.Column))}{(q.RawValue is null ? "" : $", value '{Markup.Escape(q.RawValue)}'")}: {Markup.Escape(q.Reason)}");
                    if (v.Quarantine.Count > show) AnsiConsole.MarkupLine($"    … and {v.Quarantine.Count - show} more");
                }
                var problems = report.Any(v => v.Rejected || v.Quarantine.Count > 0);
                AnsiConsole.MarkupLine(problems
                    ? $"[yellow]{report.Count(v => v.Rejected)} file(s) would be rejected, {report.Sum(v => v.RowsQuarantined)} row(s) quarantined.[/]"
                    : $"[green]All {report.Count} file(s) follow the contracts.[/]");
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
}
