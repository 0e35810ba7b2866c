using System.CommandLine;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Scheduling;

namespace Monitor.Cli.Commands;

/// <summary>`monitor run`: the main job (ingest, indicators, checks, report, export, publish).</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var @out = CommonOptions.Out();
        var asOf = CommonOptions.AsOf();
        var threshold = CommonOptions.Threshold();
        var generatedAt = CommonOptions.GeneratedAt();
        var pipeline = new Option<string?>("--pipeline")
        {
            Description = "Run what this pipeline file describes (steps, paths, retry, timeouts, threshold, blocking checks), once, now; " +
                          "--data, --out and --bad-row-threshold given as well override the file",
        };
        var regions = new Option<string[]>("--region")
        {
            Description = "Also make the regional edition of the report for this region (PVxx, AMxx or TPn); repeat for more. " +
                          "Adds to the pipeline file's report_regions",
            AllowMultipleArgumentsPerToken = true,
        };
        var compareWith = CommonOptions.CompareWith();
        var force = new Option<bool>("--force") { Description = "Rebuild even when the input is unchanged since the last published run" };
        var command = new Command("run", "Run the pipeline once: load new extracts, compute indicators, check, report, publish")
        {
            data, @out, asOf, threshold, generatedAt, pipeline, regions, force, compareWith,
        };
        command.SetAction((parse, ct) =>
        {
            RunRequest request;
            try
            {
                request = BaseRequest(parse.GetValue(pipeline));
            }
            catch (PipelineDefinitionException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.Usage);
            }
            // The file gives the defaults; what is typed on the command line wins.
            request = request with
            {
                DataDir = Given(parse, data) ? parse.GetValue(data)! : request.DataDir,
                OutDir = Given(parse, @out) ? parse.GetValue(@out)! : request.OutDir,
                BadRowThreshold = Given(parse, threshold) ? parse.GetValue(threshold) : request.BadRowThreshold,
                AsOf = parse.GetValue(asOf),
                GeneratedAt = parse.GetValue(generatedAt),
                Force = parse.GetValue(force),
                CompareWith = parse.GetValue(compareWith),
            };
            if (request.CompareWith is { } baseline && CompareWithProblem(request.OutDir, baseline) is { } problem)
            {
                Console.Error.WriteLine($"error: --compare-with {problem}");
                return Task.FromResult(ExitCodes.Usage);
            }
            var extra = new List<string>();
            foreach (var code in parse.GetValue(regions) ?? [])
            {
                try
                {
                    if (Monitor.Domain.RegionResolver.Resolve(code, Monitor.Reporting.Data.RegionCatalog.Shared) is { } region) extra.Add(region);
                }
                catch (Monitor.Domain.UnknownRegionException e)
                {
                    Console.Error.WriteLine($"error: --region {e.Message}");
                    return Task.FromResult(ExitCodes.Usage);
                }
            }
            request = request with { ReportRegions = request.ReportRegions.Concat(extra).Distinct().ToList() };
            if (request.BadRowThreshold is < 0 or > 1)
            {
                Console.Error.WriteLine($"error: --bad-row-threshold must be between 0 and 1, got {request.BadRowThreshold}");
                return Task.FromResult(ExitCodes.Usage);
            }
            var runner = Steps.Runner();
            var result = runner.Run(request, new ConsoleRunObserver(), ct);
            if (result.ExitCode == ExitCodes.Usage)
            {
                Console.Error.WriteLine($"error: {result.Message}");
                return Task.FromResult(result.ExitCode);
            }
            Printing.RunSummary(result);
            if (result.ExitCode == ExitCodes.Failure) Console.Error.WriteLine($"error: run {result.RunId} failed: {result.Message}");
            return Task.FromResult(result.ExitCode);
        });
        return command;
    }

    /// <summary>Without a pipeline file: the command's defaults (sample-data, out, default retries, no time limits).</summary>
    static RunRequest BaseRequest(string? pipelineFile) =>
        pipelineFile is null ? new RunRequest() : StandardSteps.RequestFor(PipelineDefinition.Load(pipelineFile), RunTrigger.Manual);

    /// <summary>Why the published warehouse has no edition for --compare-with to name; NULL when it has one (this run's own cannot be named before it exists).</summary>
    static string? CompareWithProblem(string outDir, string baseline)
    {
        var published = Path.Combine(outDir, "warehouse.duckdb");
        if (!File.Exists(published)) return $"{baseline}: there is no published warehouse in {outDir} yet, so no edition to compare with";
        try
        {
            using var db = Monitor.Warehouse.WarehouseDb.OpenReadOnly(published);
            Monitor.Indicators.Changes.Baseline(db.Connection, currentRun: "", since: baseline);
            return null;
        }
        catch (Monitor.Indicators.BaselineException e)
        {
            return e.Message;
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            // Held by a running run: the run itself waits for the warehouse, and its report step says so if the edition is unknown.
            return null;
        }
    }

    /// <summary>True when the option was typed, not filled in from its default.</summary>
    static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
