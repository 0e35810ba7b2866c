// `monitor report`: builds the Dutch PDF indicator report from an existing warehouse, opened read-only.
using System.CommandLine;
using System.Globalization;
using Monitor.Pipeline;
using Monitor.Reporting;
using Monitor.Warehouse;

namespace Monitor.Cli.Commands;

public static class ReportCommand
{
    public static Command Create()
    {
        var outOption = CommonOptions.Out();
        var asOf = CommonOptions.AsOf();
        var region = new Option<string?>("--region")
        {
            Description = "Make the regional edition for a province (PV20-PV31), labour-market region (AMxx) or Techniekpact region (TP1-TP5)",
        };
        var generatedAt = CommonOptions.GeneratedAt();
        var compareWith = CommonOptions.CompareWith();

        var command = new Command("report", "Build the PDF indicator report (with its charts and a CSV of every figure) from <out>/warehouse.duckdb");
        command.Options.Add(outOption);
        command.Options.Add(region);
        command.Options.Add(asOf);
        command.Options.Add(generatedAt);
        command.Options.Add(compareWith);
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(outOption)!;
            var when = parse.GetValue(generatedAt) ?? ReportOptions.GenerationTime(DateTimeOffset.UtcNow);
            try
            {
                Monitor.Domain.RegionResolver.Resolve(parse.GetValue(region), Monitor.Reporting.Data.RegionCatalog.Shared);
            }
            catch (Monitor.Domain.UnknownRegionException e)
            {
                Console.Error.WriteLine($"error: --region {e.Message}");
                return ExitCodes.Usage;
            }
            try
            {
                using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
                var result = ReportBuilder.Build(db, new ReportOptions
                {
                    OutDir = outDir,
                    Region = parse.GetValue(region),
                    AsOf = parse.GetValue(asOf),
                    GeneratedAt = when,
                    CompareWith = parse.GetValue(compareWith),
                });
                Console.WriteLine($"report: {result.PdfPath} ({result.Pages} pages)");
                Console.WriteLine($"figures: {result.CsvPath}");
                Console.WriteLine($"charts: {result.ChartFiles.Count} files in {Path.GetDirectoryName(result.PdfPath)}");
                return ExitCodes.Success;
            }
            catch (Monitor.Indicators.BaselineException e)
            {
                Console.Error.WriteLine($"error: --compare-with {e.Message}");
                return ExitCodes.Usage;
            }
            catch (FileNotFoundException e)
            {
                // No warehouse where --out points: a usage error, as for every command.
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (ReportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

}
