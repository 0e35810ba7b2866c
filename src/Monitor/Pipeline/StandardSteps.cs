// The implementations behind the step names of a pipeline, plugged into a runner in one place.
using Monitor.Indicators;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Resilience;
using Monitor.Pipeline.Scheduling;
using Monitor.Reporting;
using Monitor.Reporting.Site;

namespace Monitor.Pipeline;

public static class StandardSteps
{
    /// <summary>Every standard step, in the order a run takes them (see <see cref="PipelineSteps.All"/>).</summary>
    public static IReadOnlyList<(string Name, RunStep Step)> All { get; } =
    [
        (PipelineSteps.Ingest, IngestStep.RunInPipeline),
        (PipelineSteps.Indicators, Indicators),
        (PipelineSteps.Checks, Checks),
        (PipelineSteps.Report, Report),
        (PipelineSteps.Export, Export),
        (PipelineSteps.Site, Site),
    ];

    /// <summary>A runner with every standard step: ingest, indicators, checks, report, export, site.</summary>
    /// <param name="resilience">Pipelines shared by every run of this runner (the scheduler's); by default each run builds its own from its request.</param>
    public static PipelineRunner Runner(Func<DateTimeOffset>? clock = null, MonitorResilience? resilience = null)
    {
        var runner = new PipelineRunner(clock);
        foreach (var (name, step) in All) runner.WithStep(name, step);
        if (resilience is not null) runner.WithResilience(resilience);
        return runner;
    }

    static (long? Rows, string? Message) Indicators(RunContext ctx, CancellationToken _)
    {
        var r = IndicatorBuilder.Build(ctx.Db, ctx.Request.AsOf);
        return (r.TotalRows, $"{r.TotalRows} values, {r.IncompleteRows} incomplete");
    }

    static (long? Rows, string? Message) Checks(RunContext ctx, CancellationToken _)
    {
        // Freshness is judged at the as-of date when a run reproduces the past, else today.
        var today = ctx.Request.AsOf ?? DateOnly.FromDateTime(ctx.Clock().UtcDateTime);
        var results = CheckRunner.Run(ctx.Db, ctx.RunId, today);
        var failed = results.Where(r => !r.Passed).ToList();
        var blocking = failed.Where(r => ctx.Request.BlockingSeverities.Contains(r.Severity)).ToList();
        if (blocking.Count > 0)
            ctx.BlockReason = "blocking data-quality checks failed: " +
                string.Join("; ", blocking.Select(b => $"{b.Name} ({b.FailingRows} rows, e.g. {b.Sample})"));
        foreach (var f in failed.Except(blocking))
            ctx.Observer.Info($"check {f.Name} ({f.Severity}): {f.FailingRows} row(s) — {f.Description}");
        return (failed.Count, $"{results.Count - failed.Count} passed, {failed.Count} failed ({blocking.Count} blocking)");
    }

    static (long? Rows, string? Message) Report(RunContext ctx, CancellationToken ct)
    {
        // Built in the run's work directory; publishing moves reports/ into place with the warehouse.
        var generated = ctx.Request.GeneratedAt ?? ReportOptions.GenerationTime(ctx.Clock());
        var options = new ReportOptions { OutDir = ctx.WorkDir, AsOf = ctx.Request.AsOf, GeneratedAt = generated, RunId = ctx.RunId, CompareWith = ctx.Request.CompareWith };
        var report = ReportBuilder.Build(ctx.Db, options);
        ctx.ReportPath = report.PdfPath;
        // What the national report printed, recorded in the work warehouse so it is published with the report (meta.editions).
        Changes.Record(ctx.Db.Connection, new Edition
        {
            EditionId = Changes.DailyEditionId(ctx.RunId), Kind = "daily", AsOf = ctx.Request.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            GeneratedAt = generated.UtcDateTime, RunId = ctx.RunId,
        }, report.Printed.Select(v => (new ValueKey(v.Indicator, v.Domain, v.Period.ToString(), v.Region, v.Category), v.Value, v.Target, (string?)v.Status)));
        var pages = report.Pages;
        // Regional editions go into the same reports/ folder, so they are published (or kept back) with the national one.
        foreach (var region in ctx.Request.ReportRegions)
        {
            ct.ThrowIfCancellationRequested();
            var regional = ReportBuilder.Build(ctx.Db, options with { Region = region });
            pages += regional.Pages;
            ctx.Observer.Info($"regional edition {Path.GetFileName(regional.PdfPath)}: {regional.Pages} pages");
        }
        var editions = ctx.Request.ReportRegions.Count == 0 ? "" : $", plus {ctx.Request.ReportRegions.Count} regional edition(s)";
        return (pages, $"{Path.GetFileName(report.PdfPath)}: {report.Pages} pages, {report.ChartFiles.Count} chart files{editions}");
    }

    static (long? Rows, string? Message) Export(RunContext ctx, CancellationToken _)
    {
        var tables = MartExporter.Export(ctx.Db, ctx.WorkDir, ExportFormat.Parquet);
        return (tables.Count, $"{tables.Count} tables to exports/ as Parquet");
    }

    static (long? Rows, string? Message) Site(RunContext ctx, CancellationToken ct)
    {
        // Built in the work directory from the same document model as the PDF, and published with it (site/, site.previous/).
        var generated = ctx.Request.GeneratedAt ?? ReportOptions.GenerationTime(ctx.Clock());
        var options = new ReportOptions { OutDir = ctx.WorkDir, AsOf = ctx.Request.AsOf, GeneratedAt = generated, RunId = ctx.RunId, CompareWith = ctx.Request.CompareWith };
        var site = SiteBuilder.Build(ctx.Db, options, Path.Combine(ctx.WorkDir, "site"), Path.Combine(ctx.WorkDir, "reports"), ct);
        return (site.Pages, $"site/: {site.Pages} pages ({site.RegionPages} regions), {site.Charts} charts");
    }

    /// <summary>The run a pipeline file describes, for `monitor run --pipeline` and the scheduler.</summary>
    public static RunRequest RequestFor(PipelineDefinition p, RunTrigger trigger) => new()
    {
        DataDir = p.DataDir,
        OutDir = p.OutDir,
        BadRowThreshold = p.BadRowThreshold,
        Trigger = trigger.ToLedgerValue(),
        Steps = p.Steps,
        BlockingSeverities = p.BlockingSeverities,
        StableFiles = p.StableFiles,
        ReportRegions = p.ReportRegions,
        Retry = p.Retry,
        Timeouts = p.Timeouts,
        Meetings = p.Meetings.Meetings,
    };
}
