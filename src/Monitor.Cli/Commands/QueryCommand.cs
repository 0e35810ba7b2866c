using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Monitor.Pipeline;
using Monitor.Warehouse;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor query "SQL"`: read-only SQL on the published warehouse.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The SQL to run (read-only)" };
        var @out = CommonOptions.Out();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("query", "Run read-only SQL on the warehouse") { sql, @out, format };
        command.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(@out)!, "warehouse.duckdb");
            try
            {
                using var db = WarehouseDb.OpenReadOnly(path);
                var result = ReadOnlyQuery.Run(db, parse.GetValue(sql)!);
                Console.Write(Format(result, parse.GetValue(format)!));
                return ExitCodes.Success;
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (ReadOnlyViolationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (DuckDBException e)
            {
                Console.Error.WriteLine($"error: the query failed: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    public static string Format(QueryResult result, string format)
    {
        switch (format)
        {
            case "csv":
            {
                var sb = new StringBuilder();
                sb.AppendLine(string.Join(';', result.Columns.Select(Quote)));
                foreach (var row in result.Rows) sb.AppendLine(string.Join(';', row.Select(v => Quote(Text(v)))));
                return sb.ToString();
            }
            case "json":
            {
                var list = result.Rows.Select(r => result.Columns.Select((c, i) => (c, v: Json(r[i]))).ToDictionary(x => x.c, x => x.v)).ToList();
                return JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;
            }
            default:
            {
                var table = new Table().Border(TableBorder.Simple);
                foreach (var c in result.Columns) table.AddColumn(Markup.Escape(c));
                foreach (var row in result.Rows) table.AddRow(row.Select(v => Markup.Escape(Text(v))).ToArray());
                var writer = new StringWriter();
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
                console.Profile.Width = 200;
                console.Write(table);
                writer.WriteLine($"({result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")})");
                return writer.ToString();
            }
        }
    }

    static string Text(object? v) => v switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    static object? Json(object? v) => v switch
    {
        DateTime or DateOnly => Text(v),
        System.Numerics.BigInteger b => (decimal)b,
        _ => v,
    };

    static string Quote(string s) => s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
