using Monitor.Pipeline;
using Monitor.Sources;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>Prints a run's progress as it goes: one line per step and per file.</summary>
public sealed class ConsoleRunObserver : IRunObserver
{
    public void StepStarted(string step) => AnsiConsole.MarkupLine($"[bold]▶ {Markup.Escape(step)}[/]");

    public void StepFinished(StepRecord step)
    {
        var colour = step.State == StepState.Succeeded ? "green" : "red";
        var seconds = step.Duration?.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine($"  [{colour}]{Markup.Escape(step.Status)}[/] in {seconds}s{(step.Message is null ? "" : " — " + Markup.Escape(step.Message))}");
    }

    public void FileProcessed(FileOutcome f)
    {
        var (colour, word) = f.State switch
        {
            FileState.Loaded when f.RowsQuarantined > 0 => ("yellow", "loaded"),
            FileState.Loaded => ("green", "loaded"),
            FileState.Unchanged when f.StoredState == "rejected" => ("red", "unchanged (rejected)"),
            FileState.Unchanged => ("grey", "unchanged"),
            FileState.Deferred => ("yellow", "deferred"),
            FileState.Ignored => ("yellow", "ignored"),
            _ => ("red", f.State.ToString().ToLowerInvariant()),
        };
        var detail = f.State switch
        {
            FileState.Loaded or FileState.Unchanged when f.StoredState != "rejected" =>
                $"{f.RowsLoaded} rows{(f.RowsQuarantined > 0 ? $", {f.RowsQuarantined} quarantined" : "")}{(f.Encoding is null ? "" : $", {f.Encoding}")}",
            _ => f.Reason ?? "",
        };
        AnsiConsole.MarkupLine($"  [{colour}]{Markup.Escape(word),-10}[/] {Markup.Escape(f.Folder.Length == 0 ? f.FileName : f.Folder + "/" + f.FileName)}  [grey]{Markup.Escape(detail)}[/]");
        foreach (var w in f.Warnings) AnsiConsole.MarkupLine($"             [yellow]warning:[/] {Markup.Escape(w)}");
    }

    public void Info(string message) => AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(message)}[/]");

    public void Warning(string message) => AnsiConsole.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(message)}");
}
