// `monitor site`: (re)builds the public web monitor <out>/site/ from an existing warehouse, opened read-only.
using System.CommandLine;
using System.Diagnostics;
using Monitor.Pipeline;
using Monitor.Reporting;
using Monitor.Reporting.Site;
using Monitor.Warehouse;

namespace Monitor.Cli.Commands;

public static class SiteCommand
{
    public static Command Create()
    {
        var outOption = CommonOptions.Out();
        var asOf = CommonOptions.AsOf();
        var generatedAt = CommonOptions.GeneratedAt();

        var command = new Command("site", "Build the public web monitor (static HTML, SVG, CSV, Parquet) into <out>/site from <out>/warehouse.duckdb");
        command.Options.Add(outOption);
        command.Options.Add(asOf);
        command.Options.Add(generatedAt);
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(outOption)!;
            var warehouse = Path.Combine(outDir, "warehouse.duckdb");
            if (!File.Exists(warehouse))
            {
                Console.Error.WriteLine($"error: no warehouse at {warehouse}: run 'monitor run' first");
                return ExitCodes.Usage;
            }
            try
            {
                var clock = Stopwatch.StartNew();
                using var db = WarehouseDb.OpenReadOnly(warehouse);
                var result = SiteBuilder.BuildInPlace(db, new ReportOptions
                {
                    OutDir = outDir,
                    AsOf = parse.GetValue(asOf),
                    GeneratedAt = parse.GetValue(generatedAt) ?? ReportOptions.GenerationTime(DateTimeOffset.UtcNow),
                }, outDir);
                Console.WriteLine($"site: {result.SiteDir} ({result.Pages} pages, {result.RegionPages} of them regions, {result.Charts} charts) in {clock.Elapsed.TotalSeconds:0.0} s");
                Console.WriteLine($"open {Path.Combine(result.SiteDir, "index.html")} in a browser, or preview it with 'monitor serve'");
                return ExitCodes.Success;
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
