using System.CommandLine;
using System.Globalization;
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Warehouse;

namespace Monitor.Cli.Commands;

/// <summary>`monitor export`: every mart table to out/exports/ as Parquet or CSV, for researchers' own tools.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "parquet or csv",
            DefaultValueFactory = _ => "parquet",
        };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var outOption = CommonOptions.Out();
        var command = new Command("export", "Write every mart table (indicator values, catalogue) to <out>/exports/<table>.parquet|csv");
        command.Add(format);
        command.Add(outOption);
        command.SetAction(parseResult =>
        {
            var outDir = parseResult.GetValue(outOption)!;
            var fmt = parseResult.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.Parquet;
            try
            {
                var path = Path.Combine(outDir, "warehouse.duckdb");
                using var db = WarehouseDb.OpenReadOnly(path);
                var exported = MartExporter.Export(db, outDir, fmt);
                if (exported.Count == 0)
                {
                    Console.Error.WriteLine($"error: {path} has no mart tables yet; run 'monitor run' first");
                    return ExitCodes.Usage;
                }
                foreach (var t in exported)
                    Console.WriteLine($"{t.Table}: {t.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows -> {t.Path}");
                return ExitCodes.Success;
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
