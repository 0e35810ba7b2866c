// Builds the Dutch PDF indicator report, its charts as PNG and SVG, and the CSV of every printed figure.
using System.Globalization;
using Monitor.Domain;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Pdf;
using Monitor.Reporting.Sections;
using Monitor.Warehouse;
using SkiaSharp;

namespace Monitor.Reporting;

public static class ReportBuilder
{
    public const string Author = "Monitor Groene en Digitale Banen";

    static IReadOnlyList<IReportSection> Sections() =>
    [
        new SummarySection(),
        new OnCourseSection(),
        new ChangesSection(),
        new Pillar1Section(),
        new Pillar2Section(),
        new RegionSection(),
        new OutlookSection(),
        new Pillar3Section(),
        new Pillar4Section(),
        new SourcesSection(),
    ];

    public static ReportResult Build(WarehouseDb db, ReportOptions options)
    {
        var data = MartData.Load(db, options.AsOf, options.RunId, options.CompareWith);
        if (data.Values.Count == 0)
            throw new ReportException("mart.indicator_values is empty: run 'monitor run' with data to compute the indicators first");
        CheckAsOf(data, options.AsOf);
        var regions = RegionCatalog.Load(db);
        var region = SelectedRegion(options.Region, regions);
        var period = ReportingPeriod(data);

        var reports = Path.Combine(options.OutDir, "reports");
        Directory.CreateDirectory(reports);
        var stem = $"indicatorrapport-{period}" + (region is null ? "" : "-" + region.Code);

        // The sections write the document model once; the PDF lays it out twice: the first pass learns on
        // which page each section starts and how many pages there are, the second prints those numbers.
        var ctx = Compose(data, regions, region, options, period);
        var draft = RenderPdf(Stream.Null, ctx, contents: null, totalPages: null);
        var pdfPath = Path.Combine(reports, stem + ".pdf");
        PageWriter final = null!;
        WriteAtomically(pdfPath, stream => final = RenderPdf(stream, ctx, draft.Marks, draft.PageNumber));
        if (final.PageNumber != draft.PageNumber)
            throw new InvalidOperationException($"report layout is unstable: {draft.PageNumber} pages in the first pass, {final.PageNumber} in the second");

        var chartFiles = new List<string>();
        for (var i = 0; i < ctx.Charts.Count; i++)
        {
            var (spec, width) = ctx.Charts[i];
            var name = $"{stem}-fig{(i + 1).ToString("00", CultureInfo.InvariantCulture)}-{ChartExport.Slug(spec.Title)}";
            var png = Path.Combine(reports, name + ".png");
            var svg = Path.Combine(reports, name + ".svg");
            WriteAtomically(png, s => ChartExport.WritePng(spec, width, s));
            WriteAtomically(svg, s => ChartExport.WriteSvg(spec, width, s));
            chartFiles.Add(png);
            chartFiles.Add(svg);
        }
        RemoveStaleCharts(reports, stem, chartFiles);

        var csvPath = Path.Combine(reports, stem + "-cijfers.csv");
        WriteAtomically(csvPath, s => ctx.Figures.WriteCsv(s));
        return new ReportResult(pdfPath, chartFiles, csvPath, final.PageNumber) { Printed = ctx.Printed };
    }

    /// <summary>Runs every section over the data: the document model, its figures and its charts.</summary>
    public static ReportContext Compose(MartData data, RegionCatalog regions, ReportRegion? region, ReportOptions options, string period)
    {
        var ctx = new ReportContext
        {
            Data = data,
            Regions = regions,
            Selected = region,
            Options = options,
            Period = period,
        };
        foreach (var section in Sections())
            section.Write(ctx);
        return ctx;
    }

    public static string TitleOf(ReportContext ctx) =>
        $"Monitor Groene en Digitale Banen — Indicatorrapport {ctx.Period}" + (ctx.Selected is null ? "" : " — " + ctx.Selected.Naam);

    static PageWriter RenderPdf(Stream output, ReportContext ctx, IReadOnlyList<(string Title, int Page)>? contents, int? totalPages)
    {
        ChartFontResolver.Register();
        var (region, options, period) = (ctx.Selected, ctx.Options, ctx.Period);
        var title = TitleOf(ctx);
        var generated = options.GeneratedAt.UtcDateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Author = Author,
            Subject = $"Voortgang van het Actieplan Groene en Digitale Banen: indicatoren per pijler, verslagperiode {period}" +
                      (region is null ? "" : ", " + ctx.Regions.Describe(region.Code)),
            Keywords = "Actieplan Groene en Digitale Banen; indicatoren; koersoverleg; ICT; techniek",
            Creator = "monitor report",
            Producer = "Monitor.Reporting (SkiaSharp PDF, ScottPlot)",
            Creation = generated,
            Modified = generated,
            RasterDpi = 300,
            EncodingQuality = 101,
            PdfA = false,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        var page = new PageWriter(document);
        using var text = new TextPainter();
        var dataDate = CoverPage.DataDateShort(ctx);
        page.DecoratePage = p => DrawHeaderAndFooter(p, text, title, dataDate, totalPages, options.GeneratedAt);

        CoverPage.Write(ctx, page, text, contents, ctx.Document.Select(s => s.Title).ToList());
        var pdf = new PdfRenderer(page, text);
        foreach (var section in ctx.Document)
            pdf.Write(section);
        page.Close();
        return page;
    }

    static void DrawHeaderAndFooter(PageWriter page, TextPainter text, string title, string dataDate, int? totalPages, DateTimeOffset generated)
    {
        var canvas = page.Canvas;
        var style = new TextStyle(7f, Color: Palette.Muted);
        var rightWidth = text.Measure(dataDate, style);
        var header = title;
        while (header.Length > 10 && text.Measure(header, style) > PageWriter.Width - rightWidth - 16f) header = header[..^2];
        if (header != title) header = header.TrimEnd() + "…";
        text.Draw(canvas, header, PageWriter.Left, 36f, style);
        text.Draw(canvas, dataDate, PageWriter.Right, 36f, style, TextAlign.Right);
        using var rule = new SKPaint { Color = Palette.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(PageWriter.Left, 48f, PageWriter.Right, 48f, rule);

        canvas.DrawLine(PageWriter.Left, PageWriter.PageHeight - 44f, PageWriter.Right, PageWriter.PageHeight - 44f, rule);
        var number = page.PageNumber.ToString(CultureInfo.InvariantCulture);
        var pageText = totalPages is { } total ? $"Pagina {number} van {total.ToString(CultureInfo.InvariantCulture)}" : $"Pagina {number}";
        text.Draw(canvas, pageText, PageWriter.Right, PageWriter.PageHeight - 38f, style, TextAlign.Right);
        text.Draw(canvas, $"Gemaakt op {DutchFormat.Date(DateOnly.FromDateTime(generated.DateTime))}", PageWriter.Left, PageWriter.PageHeight - 38f, style);
    }

    /// <summary>The latest year with figures in the mart: years, quarters and school years all count.</summary>
    /// <remarks>
    /// The programme office's register and meetings run up to the day of delivery; they do not make the statistics' year,
    /// so a report on 2024's figures is not called 2025 because the action register was delivered in 2025.
    /// </remarks>
    public static string ReportingPeriod(MartData data)
    {
        var programme = Monitor.Sources.Contracts.All.Where(c => c.Folder == "programma").Select(c => c.Supplier).ToHashSet();
        var years = data.Values
            .Where(v => v.Period.Kind is Monitor.Domain.PeriodKind.Year or Monitor.Domain.PeriodKind.Quarter && !programme.Contains(v.Source))
            .Select(v => v.Period.CalendarYear)
            .Where(y => y is not null)
            .Select(y => y!.Value)
            .ToList();
        if (years.Count == 0)
            years = data.Values.Select(v => v.Period.CalendarYear).Where(y => y is not null).Select(y => y!.Value).ToList();
        if (years.Count == 0)
            throw new ReportException("mart.indicator_values has no period the report can place in a year");
        return years.Max().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The region of a regional edition, as the warehouse's reference tables name it; null for the national report.</summary>
    static ReportRegion? SelectedRegion(string? text, RegionCatalog regions)
    {
        try
        {
            return RegionResolver.Resolve(text, regions) is { } code ? regions.Find(code) : null;
        }
        catch (UnknownRegionException e)
        {
            throw new ReportException($"region {e.Message}");
        }
    }

    /// <summary>
    /// The report cannot recompute the mart, so an --as-of date must be the one the mart was built with
    /// (or, for a mart built on the latest data, no extract may be newer than the date).
    /// </summary>
    static void CheckAsOf(MartData data, DateOnly? asOf)
    {
        if (asOf is not { } wanted) return;
        var text = DutchFormat.Iso(wanted);
        var built = data.MartAsOf;
        if (built == wanted) return;
        var newer = data.Values.Select(v => v.Vintage).Where(v => v > wanted).Max();
        if (built is null && newer is null) return;
        throw new ReportException(built is { } b
            ? $"the indicators in this warehouse were computed as of {DutchFormat.Iso(b)}, not {text}: run 'monitor run --as-of {text}' first"
            : $"the indicators in this warehouse include data published on {DutchFormat.Iso(newer!.Value)}, after --as-of {text}: run 'monitor run --as-of {text}' first");
    }

    /// <summary>
    /// Writes to a temporary file beside the target and moves it into place, so a crash never leaves half a file.
    /// The content is made in memory first: Skia writes its PDF and SVG streams from native code, where a write error
    /// such as a full disk cannot be thrown back and aborts the process; copied here, it is an ordinary IOException.
    /// </summary>
    static void WriteAtomically(string path, Action<Stream> write)
    {
        var temp = path + ".tmp";
        try
        {
            using var buffer = new MemoryStream();
            write(buffer);
            buffer.Position = 0;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                buffer.CopyTo(stream);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
    }

    /// <summary>Chart files of an earlier run of the same edition that this run did not write again.</summary>
    static void RemoveStaleCharts(string directory, string stem, IReadOnlyList<string> written)
    {
        var keep = new HashSet<string>(written.Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, stem + "-fig*.*"))
        {
            var ext = Path.GetExtension(file);
            if (ext is ".png" or ".svg" && !keep.Contains(Path.GetFullPath(file))) File.Delete(file);
        }
    }
}
