// The public web monitor: a static folder of Dutch HTML pages rendered from the same document model as
// the PDF (the national edition for the home and pillar pages, each region's edition for its region page),
// with the charts as SVG, every figure as CSV, the marts as Parquet and the PDF itself to download.
// Nothing on a page is fetched from elsewhere: the fonts and the style sheet are in the folder.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Monitor.Indicators;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Document;
using Monitor.Reporting.Sections;
using Monitor.Warehouse;

namespace Monitor.Reporting.Site;

public sealed record SiteResult(string SiteDir, int Pages, int RegionPages, int Charts);

public static partial class SiteBuilder
{
    public const string Name = "Monitor Groene en Digitale Banen";
    const string HomeTitle = "Stand van zaken";

    /// <summary>
    /// Writes the site into <paramref name="siteDir"/>, which must not exist yet (the caller moves it into place).
    /// <paramref name="reportsDir"/> holds the PDFs to offer for download (may be NULL or missing).
    /// </summary>
    public static SiteResult Build(WarehouseDb db, ReportOptions options, string siteDir, string? reportsDir, CancellationToken ct = default)
    {
        var data = MartData.Load(db, options.AsOf, options.RunId, options.CompareWith);
        if (data.Values.Count == 0)
            throw new ReportException("mart.indicator_values is empty: run 'monitor run' with data to compute the indicators first");
        var period = ReportBuilder.ReportingPeriod(data);
        if (Directory.Exists(siteDir)) throw new IOException($"{siteDir} exists already: the site is written into a new folder");
        Directory.CreateDirectory(siteDir);

        var regions = RegionCatalog.Load(db);
        var national = ReportBuilder.Compose(data, regions, null, options, period);
        var site = new SiteWriter(siteDir, national, options);
        site.WriteAssets();

        var sections = national.Document;
        var pages = new List<(string File, string Title)> { ("index.html", HomeTitle) };
        // The menu names a section by what precedes its colon: "Pijler 1", "Regionale verschillen".
        pages.AddRange(sections.Skip(1).Select(s => ($"{s.Slug}.html", s.Title.Split(':')[0])));
        pages.Add(("regio/index.html", "Regio's"));
        pages.Add(("downloads.html", "Downloads"));
        site.Navigation = pages;

        site.WriteHome(sections[0], sections.Skip(1).ToList());
        foreach (var section in sections.Skip(1))
        {
            ct.ThrowIfCancellationRequested();
            site.WriteSectionPage(section);
        }

        var all = regions.Provincies.Concat(regions.Arbeidsmarktregios).Concat(regions.Techniekpactregios).ToList();
        // Each region page is its own edition of the report: composed and rendered independently, on every core.
        try
        {
            Parallel.ForEach(all, new ParallelOptions { CancellationToken = ct }, region =>
                site.WriteRegionPage(ReportBuilder.Compose(data, regions, region, options, period)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // One cause (a full disk, say) reported once, as the other steps report theirs.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        site.WriteRegionIndex(regions);
        site.WriteDownloads(db, reportsDir);
        return new SiteResult(siteDir, site.PagesWritten, all.Count, site.ChartsWritten);
    }

    /// <summary>
    /// Replaces <c>&lt;out&gt;/site</c> with a freshly built folder: the new one is complete before the switch,
    /// and the replaced one is kept as <c>site.previous</c>, as the warehouse and the reports are.
    /// </summary>
    public static SiteResult BuildInPlace(WarehouseDb db, ReportOptions options, string outDir)
    {
        var target = Path.Combine(outDir, "site");
        var fresh = Path.Combine(outDir, $".site-{Guid.NewGuid():N}");
        try
        {
            var result = Build(db, options, fresh, Path.Combine(outDir, "reports"));
            var previous = target + ".previous";
            if (Directory.Exists(target))
            {
                if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
                Directory.Move(target, previous);
            }
            Directory.Move(fresh, target);
            return result with { SiteDir = target };
        }
        finally
        {
            if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        }
    }

    sealed partial class SiteWriter(string root, ReportContext national, ReportOptions options)
    {
        public IReadOnlyList<(string File, string Title)> Navigation { get; set; } = [];
        public ReportContext National => national;
        int pagesWritten, chartsWritten;
        public int PagesWritten => pagesWritten;
        public int ChartsWritten => chartsWritten;
        readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> chartByHash = new(StringComparer.Ordinal);
        readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> svgByContent = new(StringComparer.Ordinal);

        /// <summary>Everything a chart's drawing depends on, as one string: equal keys draw equal SVG.</summary>
        static string ContentKey(ChartSpec spec, float width)
        {
            var m = spec.Model;
            var key = new StringBuilder()
                .Append(width).Append('|').Append(spec.Title).Append('|').Append(spec.Subtitle).Append('|').Append(spec.Source)
                .Append('|').Append(spec.Note).Append('|').Append(spec.PlotHeight).Append('|').Append(m.Kind).Append('|').Append(m.Unit)
                .Append('|').Append(m.Decimals).Append('|').Append(m.ValueLabels).Append('|')
                .AppendJoin(',', m.Categories).Append('|').AppendJoin(',', m.HighlightCategories ?? []).Append('|');
            foreach (var r in m.References) key.Append(r.Value).Append(':').Append(r.Label).Append(',');
            foreach (var series in m.Series)
                key.Append('|').Append(series.Name).Append(':').Append(series.Style).Append(':').Append(series.Emphasis).Append(':')
                   .AppendJoin(',', series.Values.Select(v => v?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
            return key.ToString();
        }

        public void WriteAssets()
        {
            var assets = Path.Combine(root, "assets");
            Directory.CreateDirectory(Path.Combine(assets, "fonts"));
            File.WriteAllText(Path.Combine(assets, "site.css"), SqlResources.Read("site/site.css"), Utf8);
            foreach (var font in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
            {
                using var source = SqlResources.Open($"fonts/{font}");
                using var target = File.Create(Path.Combine(assets, "fonts", font));
                source.CopyTo(target);
            }
        }

        public void WriteHome(DocumentSection summary, IReadOnlyList<DocumentSection> others)
        {
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(Name)}</h1>\n");
            html.Append("<p class=\"inleiding\">Voortgang van het Actieplan Groene en Digitale Banen, voor het koersoverleg en voor iedereen die wil weten hoe het plan ervoor staat.</p>\n");
            if (options.MeetingLine is { } meeting)
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"editie\"><strong>{Html.Text(meeting)}</strong></p>\n");
            Facts(html, national);
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Text(summary.Title)}</h2>\n");
            Renderer("").Write(html, summary, 3);
            html.Append("<h2>Alle onderdelen</h2>\n<ul class=\"onderdelen\">\n");
            foreach (var s in others)
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{s.Slug}.html\">{Html.Text(s.Title)}</a></li>\n");
            html.Append("<li><a href=\"regio/index.html\">Cijfers per regio: provincies, arbeidsmarktregio's en Techniekpactregio's</a></li>\n");
            html.Append("<li><a href=\"downloads.html\">Downloads: het rapport als PDF, alle cijfers als CSV en de tabellen als Parquet</a></li>\n");
            html.Append("</ul>\n");
            WritePage("index.html", HomeTitle, html.ToString());
        }

        public void WriteSectionPage(DocumentSection section)
        {
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(section.Title)}</h1>\n");
            Renderer("").Write(html, section, 2);
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"klein\"><a href=\"cijfers/{section.Slug}.csv\" download>Alle cijfers op deze pagina (CSV)</a></p>\n");
            WriteFigures($"cijfers/{section.Slug}.csv", national.Figures.Figures.Where(f => f.Section == section.Title));
            WritePage($"{section.Slug}.html", section.Title, html.ToString());
        }

        public void WriteRegionPage(ReportContext regional)
        {
            var region = regional.Selected!;
            var describe = regional.Regions.Describe(region.Code);
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(char.ToUpperInvariant(describe[0]) + describe[1..])}</h1>\n");
            html.Append("<p class=\"inleiding\">De cijfers van het indicatorrapport voor dit gebied: waar een bron cijfers voor dit gebied heeft, ")
                .Append("staan die hier, met de plaats tussen vergelijkbare gebieden; waar een bron alleen cijfers voor een groter gebied of ")
                .Append("voor heel Nederland levert, staat dat erbij. Dezelfde cijfers staan in de regionale editie van het rapport.</p>\n");
            Facts(html, regional);
            html.Append("<nav aria-label=\"Op deze pagina\" class=\"paginainhoud\"><h2>Op deze pagina</h2><ul>\n");
            foreach (var s in regional.Document) html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{s.Slug}\">{Html.Text(s.Title)}</a></li>\n");
            html.Append("</ul></nav>\n");
            var renderer = Renderer(region.Code);
            foreach (var s in regional.Document)
            {
                html.Append(CultureInfo.InvariantCulture, $"<section id=\"{s.Slug}\" aria-labelledby=\"{s.Slug}-kop\">\n<h2 id=\"{s.Slug}-kop\">{Html.Text(s.Title)}</h2>\n");
                renderer.Write(html, s, 3, regional);
                html.Append("</section>\n");
            }
            var csv = $"cijfers/{region.Code}.csv";
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"klein\"><a href=\"{csv}\" download>Alle cijfers op deze pagina (CSV)</a></p>\n");
            WriteFigures($"regio/{csv}", regional.Figures.Figures);
            WritePage($"regio/{region.Code}.html", region.Naam, html.ToString());
        }

        public void WriteRegionIndex(RegionCatalog catalog)
        {
            var html = new StringBuilder();
            html.Append("<h1>Regio's</h1>\n<p class=\"inleiding\">Kies een gebied. Elke pagina toont de cijfers van dat gebied en zegt het ")
                .Append("wanneer een bron alleen cijfers voor een groter gebied levert.</p>\n");
            foreach (var (title, list) in new[]
                     {
                         ("Provincies", catalog.Provincies),
                         ("Arbeidsmarktregio's", catalog.Arbeidsmarktregios),
                         ("Techniekpactregio's", catalog.Techniekpactregios),
                     })
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2>{title}</h2>\n<ul class=\"regio-lijst\">\n");
                foreach (var r in list.OrderBy(r => r.Naam, StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), false)))
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{r.Code}.html\">{Html.Text(r.Naam)}</a> <span class=\"code\">({r.Code})</span></li>\n");
                html.Append("</ul>\n");
            }
            WritePage("regio/index.html", "Regio's", html.ToString());
        }

        public void WriteDownloads(WarehouseDb db, string? reportsDir)
        {
            var downloads = Path.Combine(root, "downloads");
            Directory.CreateDirectory(downloads);
            var html = new StringBuilder();
            html.Append("<h1>Downloads</h1>\n");
            html.Append("<h2>Het indicatorrapport</h2>\n<ul>\n");
            var pdfs = reportsDir is not null && Directory.Exists(reportsDir)
                ? Directory.GetFiles(reportsDir, "indicatorrapport-*.pdf").Order(StringComparer.Ordinal).ToList()
                : [];
            foreach (var pdf in pdfs)
            {
                var name = Path.GetFileName(pdf);
                File.Copy(pdf, Path.Combine(downloads, name));
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"downloads/{Html.Attr(name)}\" download>{Html.Text(name)}</a> (PDF, {Size(pdf)})</li>\n");
            }
            if (pdfs.Count == 0) html.Append("<li>Bij deze publicatie is geen PDF gemaakt.</li>\n");
            html.Append("</ul>\n");

            WriteFigures("downloads/cijfers-rapport.csv", national.Figures.Figures);
            html.Append("<h2>Cijfers</h2>\n<ul>\n")
                .Append("<li><a href=\"downloads/cijfers-rapport.csv\" download>Alle cijfers van het landelijke rapport</a> (CSV)</li>\n")
                .Append("<li>Elke pagina en elke grafiek heeft daarnaast een CSV-bestand met de cijfers die zij toont.</li>\n</ul>\n");
            html.Append("<p class=\"klein\">De CSV-bestanden zijn UTF-8 met puntkomma als scheidingsteken, zodat Excel ze direct goed opent. ")
                .Append("De kolommen zijn: section (onderdeel), label (wat het cijfer is), period, region (code), value (het getal met een punt als ")
                .Append("decimaalteken, voor scripts), unit en text (het cijfer zoals het op de pagina staat).</p>\n");

            var exported = MartExporter.Export(db, downloads, ExportFormat.Parquet, includeDetail: false);
            html.Append("<h2>Tabellen van de monitor (Parquet)</h2>\n<ul>\n");
            foreach (var t in exported)
            {
                var relative = Path.GetRelativePath(root, t.Path).Replace('\\', '/');
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Html.Attr(relative)}\" download>{Html.Text(t.Table)}</a> ({DutchFormat.Integer(t.Rows)} rijen)</li>\n");
            }
            html.Append("</ul>\n<p class=\"klein\">Parquet opent in onder meer R, Python (pandas, polars), DuckDB en Spark. ")
                .Append("De kolommen zijn beschreven in de documentatie van het datawarehouse.</p>\n");
            WritePage("downloads.html", "Downloads", html.ToString());
        }

        void Facts(StringBuilder html, ReportContext ctx)
        {
            html.Append("<dl class=\"feiten\">\n")
                .Append(CultureInfo.InvariantCulture, $"<dt>Verslagperiode</dt><dd>{Html.Text(ctx.Period)}</dd>\n")
                .Append(CultureInfo.InvariantCulture, $"<dt>Stand van de gegevens</dt><dd>{Html.Text(CoverPage.DataDateLong(ctx))}</dd>\n")
                .Append(CultureInfo.InvariantCulture, $"<dt>Gemaakt op</dt><dd>{Html.Text(DutchFormat.DateTime(options.GeneratedAt))}</dd>\n")
                .Append("</dl>\n");
        }

        PageRenderer Renderer(string regionCode) => new(this, regionCode);

        /// <summary>Renders a section's blocks and writes the charts they show, once per distinct chart.</summary>
        public sealed class PageRenderer(SiteWriter site, string regionCode)
        {
            public void Write(StringBuilder html, DocumentSection section, int level, ReportContext? ctx = null)
            {
                var from = ctx ?? site.National;
                var folder = regionCode.Length == 0 ? "grafieken" : "regio/grafieken";
                new HtmlRenderer(chart => site.Chart(from, chart, section.Title, folder, regionCode)).Write(html, section, level);
            }
        }

        (string Svg, string Csv) Chart(ReportContext ctx, ChartBlock chart, string section, string folder, string regionCode)
        {
            var (spec, width) = ctx.Charts[chart.Number - 1];
            // A regional edition repeats many national charts unchanged: each distinct chart is drawn once.
            var key = ContentKey(spec, width);
            var svg = svgByContent.GetOrAdd(key, _ => new Lazy<string>(() =>
            {
                using var buffer = new MemoryStream();
                ChartExport.WriteSvg(spec, width, buffer);
                return Encoding.UTF8.GetString(buffer.ToArray());
            })).Value;
            // ... and its figures are written once per folder, under a name that depends on the chart alone (not on which
            // region page happened to draw it first), so the same data gives the same files.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
            var name = regionCode.Length == 0 ? $"fig{chart.Number:00}-{ChartExport.Slug(spec.Title)}" : $"{ChartExport.Slug(spec.Title)}-{hash}";
            var stem = chartByHash.GetOrAdd($"{folder}|{name}", _ => new Lazy<string>(() =>
            {
                WriteFigures($"{folder}/{name}.csv", ReportContext.ChartFigures(spec, section));
                Interlocked.Increment(ref chartsWritten);
                return name;
            })).Value;
            // The prefix depends only on the page and the chart's place in its edition, so the same data gives the same page.
            return (InlineSvg(svg, $"{(regionCode.Length == 0 ? "nl" : regionCode)}-f{chart.Number}"), $"grafieken/{stem}.csv");
        }

        /// <summary>
        /// Skia's SVG as markup for inside a page: without the XML declaration, scalable, and with its clip-path ids
        /// made unique on the page (every chart numbers its clips from the start).
        /// </summary>
        static string InlineSvg(string svg, string prefix)
        {
            var start = svg.IndexOf("<svg", StringComparison.Ordinal);
            var body = svg[start..];
            // Skia numbers its clip paths across the whole process; renumber them in order of appearance.
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            body = ClipId().Replace(body, m =>
            {
                if (!ids.TryGetValue(m.Groups[2].Value, out var n)) ids[m.Groups[2].Value] = n = ids.Count + 1;
                return $"{m.Groups[1].Value}{prefix}-c{n}";
            });
            var open = ViewBox().Match(body);
            if (open.Success)
                body = body[..open.Index] + $"<svg{open.Groups[1].Value} viewBox=\"0 0 {open.Groups[2].Value} {open.Groups[3].Value}\" " +
                       $"width=\"{open.Groups[2].Value}\" height=\"{open.Groups[3].Value}\" focusable=\"false\" aria-hidden=\"true\">" +
                       body[(open.Index + open.Length)..];
            return body.TrimEnd();
        }

        [System.Text.RegularExpressions.GeneratedRegex("(id=\"|url\\(#)(cl_[0-9a-f]+)")]
        private static partial System.Text.RegularExpressions.Regex ClipId();

        [System.Text.RegularExpressions.GeneratedRegex("<svg([^>]*?) width=\"([0-9.]+)\" height=\"([0-9.]+)\">")]
        private static partial System.Text.RegularExpressions.Regex ViewBox();

        void WriteFigures(string relative, IEnumerable<Figure> figures)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = File.Create(path);
            FigureLog.WriteCsv(stream, figures);
        }

        void WritePage(string relative, string title, string content)
        {
            var depth = relative.Count(c => c == '/');
            var up = string.Concat(Enumerable.Repeat("../", depth));
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append(CultureInfo.InvariantCulture, $"<title>{Html.Text(title)} — {Html.Text(Name)}</title>\n")
                .Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{up}assets/site.css\">\n</head>\n<body>\n")
                .Append("<a class=\"overslaan\" href=\"#inhoud\">Direct naar de inhoud</a>\n")
                .Append("<header class=\"kop\"><div class=\"binnen\">\n")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"merk\"><a href=\"{up}index.html\">{Html.Text(Name)}</a></p>\n")
                .Append("<nav aria-label=\"Hoofdmenu\"><ul>\n");
            foreach (var (file, label) in Navigation)
            {
                var current = file == relative || (file == "regio/index.html" && relative.StartsWith("regio/", StringComparison.Ordinal));
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{up}{file}\"{(current ? " aria-current=\"page\"" : "")}>{Html.Text(label)}</a></li>\n");
            }
            html.Append("</ul></nav>\n</div></header>\n")
                .Append("<main id=\"inhoud\" class=\"binnen\" tabindex=\"-1\">\n").Append(content).Append("</main>\n")
                .Append("<footer class=\"voet\"><div class=\"binnen\">\n")
                .Append(CultureInfo.InvariantCulture, $"<p>{Html.Text(Name)} · {(options.MeetingLine is { } m ? Html.Text(m) + " · " : "")}verslagperiode {Html.Text(national.Period)} · {Html.Text(CoverPage.DataDateLong(national))} · ")
                .Append(CultureInfo.InvariantCulture, $"gemaakt op {Html.Text(DutchFormat.DateTime(options.GeneratedAt))}.</p>\n")
                .Append(CultureInfo.InvariantCulture, $"<p>Bronnen: {Html.Text(Suppliers)}. Definities en kwaliteitscontroles staan bij ")
                .Append(CultureInfo.InvariantCulture, $"<a href=\"{up}{SourcesPage()}\">Bronnen en kwaliteit</a>.</p>\n")
                .Append("</div></footer>\n</body>\n</html>\n");
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, html.ToString(), Utf8);
            Interlocked.Increment(ref pagesWritten);
        }

        string SourcesPage() =>
            Navigation.Select(n => n.File).FirstOrDefault(f => f.StartsWith("bronnen", StringComparison.Ordinal)) ?? "downloads.html";

        static string Size(string path)
        {
            var kb = new FileInfo(path).Length / 1024.0;
            return kb < 1024 ? $"{Math.Ceiling(kb):0} kB" : DutchFormat.Number(kb / 1024, 1) + " MB";
        }
    }

    /// <summary>"Techniekpactmonitor, pr-eDICT, UWV en ROA": the suppliers as the contracts declare them.</summary>
    static string Suppliers
    {
        get
        {
            var names = Monitor.Sources.Contracts.All.Select(c => c.Supplier).Distinct().ToList();
            return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " en " + names[^1];
        }
    }

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
