using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Warehouse;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor changes`: what changed since an earlier edition of the report, the comparison the report's section prints.</summary>
public static class ChangesCommand
{
    static readonly string[] Header = ["change", "indicator", "domain", "period", "region", "category", "old", "new", "delivery"];

    public static Command Create()
    {
        var @out = CommonOptions.Out();
        var since = new Option<string?>("--since")
        {
            Description = "Compare with this edition (meta.editions.edition_id) or the latest edition generated on or before this date (YYYY-MM-DD); " +
                          "default: the latest meeting edition, else the report before the published one",
        };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("changes", "Show what changed since the previous edition: new periods, revised figures, status changes, rejected or overdue deliveries")
            { @out, since, format };
        command.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(@out)!, "warehouse.duckdb");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: no warehouse at {path}: run 'monitor run' first, or pass --out");
                return ExitCodes.Usage;
            }
            using var db = WarehouseDb.OpenReadOnly(path);
            ChangeReport? changes;
            try
            {
                changes = Changes.Compare(db.Connection, currentRun: null, since: parse.GetValue(since));
            }
            catch (BaselineException e)
            {
                Console.Error.WriteLine("error: --since " + e.Message);
                return ExitCodes.Usage;
            }
            if (changes is null)
            {
                Console.WriteLine("No previous edition to compare with: the published report is the first one recorded (meta.editions).");
                return ExitCodes.Success;
            }
            var rows = Rows(changes).ToList();
            switch (parse.GetValue(format))
            {
                case "csv": WriteCsv(Console.Out, rows); break;
                case "json": WriteJson(Console.Out, changes, rows); break;
                default: WriteTable(changes, rows); break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    static string Number(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>One row per change, in the report's order: new periods, revised figures, status changes, deliveries.</summary>
    public static IEnumerable<string[]> Rows(ChangeReport c)
    {
        foreach (var n in c.NewPeriods)
            yield return ["new_period", n.Key.Indicator, n.Key.Domain, n.Key.Period, n.Key.Region, n.Key.Category ?? "", "", Number(n.Value), ""];
        foreach (var r in c.Revised)
            yield return ["revised", r.Key.Indicator, r.Key.Domain, r.Key.Period, r.Key.Region, r.Key.Category ?? "", Number(r.OldValue), Number(r.NewValue), string.Join(" ", r.Files)];
        foreach (var s in c.StatusChanges)
            yield return ["status", s.Key.Indicator, s.Key.Domain, s.Key.Period, s.Key.Region, s.Key.Category ?? "", s.OldStatus, s.NewStatus, ""];
        foreach (var d in c.Deliveries)
            yield return [d.Kind, "", "", "", "", "", d.Vintage ?? "", "", d.Name + (d.Reason is null ? "" : ": " + d.Reason)];
    }

    static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    static void WriteCsv(TextWriter output, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Header))
            text.AppendJoin(';', row.Select(Quote)).Append('\n');
        output.Write(text);
    }

    static void WriteJson(TextWriter output, ChangeReport c, IEnumerable<string[]> rows)
    {
        var doc = new
        {
            since = new { edition_id = c.Baseline.EditionId, kind = c.Baseline.Kind, generated_at = c.Baseline.GeneratedAt, run_id = c.Baseline.RunId },
            nothing_changed = c.NothingChanged,
            changes = rows.Select(r => Header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList(),
        };
        output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
    }

    static void WriteTable(ChangeReport c, IReadOnlyList<string[]> rows)
    {
        var since = $"{c.Baseline.EditionId} ({c.Baseline.Kind}, generated {c.Baseline.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";
        if (c.NothingChanged)
        {
            AnsiConsole.WriteLine($"Nothing changed since {since}.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"Changes since {since}"));
        // The key in one column, so the table fits a terminal; csv and json keep the columns apart.
        table.AddColumns("change", "figure", "old", "new", "delivery");
        foreach (var r in rows)
        {
            var figure = string.Join(" ", r[1..6].Where(p => p.Length > 0));
            table.AddRow(Markup.Escape(r[0]), Markup.Escape(figure), Markup.Escape(r[6]), Markup.Escape(r[7]), Markup.Escape(r[8]));
        }
        AnsiConsole.Write(table);

    }
}
