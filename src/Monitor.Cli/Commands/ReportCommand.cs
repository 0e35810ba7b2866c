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
        var generatedAt = new Option<DateTimeOffset?>("--generated-at")
        {
            Description = "The generation time printed in the report and its metadata (ISO 8601, e.g. 2024-07-01T10:00:00Z); fix it for byte-identical output",
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
                    return t;
                r.AddError($"--generated-at expects an ISO 8601 date and time such as 2024-07-01T10:00:00Z, got '{text}'");
                return null;
            },
        };

        var command = new Command("report", "Build the PDF indicator report (with its charts and a CSV of every figure) from <out>/warehouse.duckdb");
        command.Options.Add(outOption);
        command.Options.Add(region);
        command.Options.Add(asOf);
        command.Options.Add(generatedAt);
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(outOption)!;
            var when = parse.GetValue(generatedAt) ?? TruncateToSeconds(DateTimeOffset.UtcNow);
            try
            {
                ReportBuilder.ResolveRegion(parse.GetValue(region));
            }
            catch (ReportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
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
                });
                Console.WriteLine($"report: {result.PdfPath} ({result.Pages} pages)");
                Console.WriteLine($"figures: {result.CsvPath}");
                Console.WriteLine($"charts: {result.ChartFiles.Count} files in {Path.GetDirectoryName(result.PdfPath)}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is ReportException or FileNotFoundException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
