using System.CommandLine;
using System.Globalization;
using Monitor.Pipeline;
using Monitor.Warehouse;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor status`: the last runs and the state of every extract.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var @out = CommonOptions.Out();
        var runs = new Option<int>("--runs") { Description = "How many recent runs to show", DefaultValueFactory = _ => 10 };
        var command = new Command("status", "Show the last runs and, per extract file, what became of it") { @out, runs };
        command.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(@out)!, "warehouse.duckdb");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: no warehouse at {path}: run 'monitor run' first, or pass --out");
                return ExitCodes.Usage;
            }
            // status only reads; a publish cut off by a crash is completed by the next run, under the run lock.
            var journal = Path.Combine(parse.GetValue(@out)!, Monitor.Pipeline.Publishing.Publisher.PublishFolder, Monitor.Pipeline.Publishing.Publisher.JournalFile);
            if (File.Exists(journal))
                Console.Error.WriteLine($"warning: a publish was interrupted ({journal} exists); the next 'monitor run' completes it before anything else");
            using var db = WarehouseDb.OpenReadOnly(path);
            Print(db, parse.GetValue(runs));
            return ExitCodes.Success;
        });
        return command;
    }

    static void Print(WarehouseDb db, int runCount)
    {
        var runs = new Table().Border(TableBorder.Simple).Title("Last runs");
        runs.AddColumns("run", "trigger", "started (UTC)", "seconds", "status", "as of", "files", "loaded", "rejected", "rows", "quarantined", "message");
        foreach (var r in StatusQueries.LastRuns(db, runCount))
            runs.AddRow(Markup.Escape(r.RunId), r.Trigger, r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.EndedAt is { } e ? (e - r.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "",
                Markup.Escape(r.Status), r.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "latest",
                $"{r.FilesSeen}", $"{r.FilesLoaded}", $"{r.FilesRejected}", $"{r.RowsLoaded}", $"{r.RowsQuarantined}", Markup.Escape(r.Message ?? ""));
        AnsiConsole.Write(runs);

        if (StatusQueries.LastRuns(db, 1).FirstOrDefault() is { } last)
        {
            var steps = new Table().Border(TableBorder.Simple).Title($"Steps of run {Markup.Escape(last.RunId)}");
            steps.AddColumns("step", "status", "seconds", "rows", "message");
            foreach (var s in StatusQueries.Steps(db, last.RunId))
                steps.AddRow(Markup.Escape(s.Step), Markup.Escape(s.Status),
                    s.EndedAt is { } end ? (end - s.StartedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "",
                    s.Rows?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(s.Message ?? ""));
            AnsiConsole.Write(steps);
        }

        if (StatusQueries.LastRuns(db, 1).FirstOrDefault() is { } latest)
        {
            // Everything but the plain successes: ignored entries, unreadable, deferred and rejected files; for a run that
            // published nothing, also what it loaded, and the rows it quarantined (kept in meta.unpublished_quarantine).
            var unpublished = LedgerValues.TryRunStateFromLedgerValue(latest.Status, out var state)
                              && state is RunState.Failed or RunState.Blocked or RunState.Cancelled;
            var files = StatusQueries.RunFiles(db, latest.RunId).Where(f => unpublished || f.Outcome is not ("loaded" or "unchanged")).ToList();
            if (files.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple)
                    .Title($"Files of run {Markup.Escape(latest.RunId)}{(unpublished ? " (not published)" : "")}");
                table.AddColumns("file", "outcome", "quarantined", "reason");
                foreach (var f in files)
                {
                    var colour = f.Outcome switch { "ignored" or "deferred" => "yellow", "rejected" or "unreadable" => "red", _ => "grey" };
                    table.AddRow(Markup.Escape(f.Folder.Length == 0 ? f.FileName : f.Folder + "/" + f.FileName), $"[{colour}]{Markup.Escape(f.Outcome)}[/]",
                        unpublished ? $"{f.UnpublishedQuarantined}" : "", Markup.Escape(f.Reason ?? ""));
                }
                AnsiConsole.Write(table);
            }
        }

        var checkRows = StatusQueries.LatestChecks(db);
        if (checkRows.Count > 0)
        {
            var checks = new Table().Border(TableBorder.Simple).Title($"Data-quality checks of run {Markup.Escape(checkRows[0].RunId)}");
            checks.AddColumns("check", "severity", "status", "failing rows", "first failing rows");
            foreach (var c in checkRows)
            {
                var colour = c.Status == "passed" ? "green" : c.Severity == "error" ? "red" : "yellow";
                var sample = c.FailingRows == 0 ? "" : c.Sample ?? "";
                if (sample.Length > 120) sample = sample[..117] + "...";
                checks.AddRow(Markup.Escape(c.CheckName), c.Severity, $"[{colour}]{c.Status}[/]", $"{c.FailingRows}", Markup.Escape(sample));
            }
            AnsiConsole.Write(checks);
        }

        var extracts = new Table().Border(TableBorder.Simple).Title("Extracts");
        extracts.AddColumns("id", "source", "dataset", "vintage", "file", "encoding", "rows", "loaded", "quarantined", "state", "in force", "reason");
        foreach (var x in StatusQueries.Extracts(db))
        {
            var state = x.State;
            var colour = state switch { "loaded" => "green", "rejected" => "red", _ => "grey" };
            extracts.AddRow($"{x.ExtractId}", Markup.Escape(x.Source ?? "?"), Markup.Escape(x.Dataset ?? "?"),
                x.Vintage?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(x.Folder + "/" + x.FileName), Markup.Escape(x.Encoding ?? ""),
                $"{x.RowsTotal}", $"{x.RowsLoaded}", $"{x.RowsQuarantined}", $"[{colour}]{Markup.Escape(state)}[/]", Markup.Escape(x.InForce), Markup.Escape(x.Reason ?? ""));
        }
        AnsiConsole.Write(extracts);
    }
}
