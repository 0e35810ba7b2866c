using System.CommandLine;
using System.Globalization;
using Dapper;
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Warehouse;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor indicators`: the indicator catalogue, with value counts when a warehouse has been built.</summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var outOption = CommonOptions.Out();
        var full = new Option<bool>("--full") { Description = "Print every field of every indicator (description, formula, definition, target rule)" };
        var command = new Command("indicators", "List the indicators: code, pillar, unit, source and target rule");
        command.Add(outOption);
        command.Add(full);
        command.SetAction(parseResult =>
        {
            var console = IndicatorConsole.Create();
            var catalogue = IndicatorCatalogue.Embedded();
            var warehouse = Path.Combine(parseResult.GetValue(outOption)!, "warehouse.duckdb");
            // The catalogue needs no warehouse; but one asked for with --out that is not there is a usage error.
            if (parseResult.GetResult(outOption) is { Implicit: false } && !File.Exists(warehouse))
            {
                Console.Error.WriteLine($"error: no warehouse at {warehouse}: run 'monitor run' first, or pass --out to the directory that holds warehouse.duckdb");
                return ExitCodes.Usage;
            }
            var stats = ReadStats(warehouse);
            if (parseResult.GetValue(full))
                PrintFull(console, catalogue, stats);
            else
                PrintTable(console, catalogue, stats);
            return ExitCodes.Success;
        });
        return command;
    }

    sealed record Stats(long Rows, string? Latest);

    /// <summary>Value counts and latest period per code from an existing warehouse; empty when there is none yet.</summary>
    static Dictionary<string, Stats> ReadStats(string warehousePath)
    {
        if (!File.Exists(warehousePath)) return [];
        try
        {
            using var db = WarehouseDb.OpenReadOnly(warehousePath);
            return db.Connection.Query<(string Indicator, long Rows, string? Latest)>("""
                SELECT indicator, count(*), arg_max(period, period_order)
                FROM mart.indicator_values
                GROUP BY indicator
                """).ToDictionary(r => r.Indicator, r => new Stats(r.Rows, r.Latest));
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return []; // a warehouse without a mart yet
        }
    }

    static void PrintTable(IAnsiConsole console, IReadOnlyList<CatalogueEntry> catalogue, Dictionary<string, Stats> stats)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("code", "pijler", "unit", "naam", "bron", "doelregel");
        if (stats.Count > 0) table.AddColumns("values", "latest");
        foreach (var c in catalogue)
        {
            var cells = new List<string> { c.Code, c.Pijler.ToString(CultureInfo.InvariantCulture), c.Unit, c.Naam, c.Bron, c.Doelregel ?? "-" };
            if (stats.Count > 0)
            {
                stats.TryGetValue(c.Code, out var s);
                cells.Add((s?.Rows ?? 0).ToString("N0", CultureInfo.InvariantCulture));
                cells.Add(s?.Latest ?? "-");
            }
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.WriteLine($"{catalogue.Count} indicators. 'monitor indicators --full' shows formulas and definitions; 'monitor explain CODE' traces a value to its extracts.");
    }

    static void PrintFull(IAnsiConsole console, IReadOnlyList<CatalogueEntry> catalogue, Dictionary<string, Stats> stats)
    {
        foreach (var c in catalogue)
        {
            console.WriteLine($"{c.Code} — {c.Naam} (pijler {c.Pijler}, {c.Unit})");
            console.WriteLine($"  beschrijving: {c.Beschrijving}");
            console.WriteLine($"  formule:      {c.Formule}");
            console.WriteLine($"  bron:         {c.Bron}");
            console.WriteLine($"  definitie:    {c.Definitie}");
            console.WriteLine($"  doelregel:    {c.Doelregel ?? "geen doel"}");
            if (stats.TryGetValue(c.Code, out var s))
                console.WriteLine($"  values:       {s.Rows.ToString("N0", CultureInfo.InvariantCulture)}, latest period {s.Latest}");
            console.WriteLine();
        }
    }
}

/// <summary>A Spectre console on the current Console.Out, wide enough that tables do not wrap in log files.</summary>
static class IndicatorConsole
{
    public static IAnsiConsole Create()
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected) console.Profile.Width = 200;
        return console;
    }
}
