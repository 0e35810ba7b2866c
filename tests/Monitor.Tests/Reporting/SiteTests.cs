// The public web monitor built from a run on the bundled sample-data: its pages, that it asks for nothing
// from elsewhere, that a region page shows exactly the figures of that region's PDF edition, and that the
// figures on the pages are the mart's.
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Monitor.Pipeline;
using Monitor.Reporting;
using Monitor.Reporting.Site;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

/// <summary>One run on sample-data with the site step, shared by the site's tests (it takes a while to build).</summary>
public static class PublishedSample
{
    public static readonly DateTimeOffset FixedTime = new(2026, 1, 15, 6, 30, 0, TimeSpan.Zero);
    static readonly Lazy<(TempDir Dir, RunResult Run)> run = new(() =>
    {
        var temp = new TempDir();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => temp.Dispose();
        var result = StandardSteps.Runner().Run(new RunRequest
        {
            DataDir = Path.Combine(Fixtures.RepoRoot, "sample-data"), OutDir = temp.Path, GeneratedAt = FixedTime, StableFiles = Fixtures.NoWatch,
            ReportRegions = ["AM18"],
        });
        return (temp, result);
    });

    public static TempDir Out => run.Value.Dir;
    public static RunResult Run => run.Value.Run;
    public static string Site => Out.Combine("site");
}

[TestFixture]
public class SiteTests
{
    static readonly DateTimeOffset FixedTime = PublishedSample.FixedTime;
    TempDir temp = null!;
    string site = null!;
    readonly HtmlParser parser = new();

    [OneTimeSetUp]
    public void BuildOnSampleData()
    {
        temp = PublishedSample.Out;
        Assert.That(PublishedSample.Run.ExitCode, Is.EqualTo(ExitCodes.Success), PublishedSample.Run.Message);
        site = PublishedSample.Site;
    }

    IDocument Page(string relative) => parser.ParseDocument(File.ReadAllText(Path.Combine(site, relative)));

    IEnumerable<string> Pages() => Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(site, p).Replace('\\', '/'));

    [Test]
    public void Has_a_home_page_a_page_per_section_a_page_per_region_and_downloads()
    {
        var pages = Pages().ToHashSet();
        Assert.That(pages, Does.Contain("index.html").And.Contain("downloads.html").And.Contain("regio/index.html"));
        Assert.That(pages, Does.Contain("pijler-1-meer-jongeren-in-betatechnisch-onderwijs.html"));
        Assert.That(pages, Does.Contain("regionale-verschillen.html").And.Contain("bronnen-en-kwaliteit.html"));
        // 12 provinces, 35 labour-market regions and 5 Techniekpact regions.
        var regions = pages.Where(p => p.StartsWith("regio/", StringComparison.Ordinal) && p != "regio/index.html").ToList();
        Assert.That(regions, Has.Count.EqualTo(52));
        Assert.That(regions, Does.Contain("regio/PV20.html").And.Contain("regio/AM38.html").And.Contain("regio/TP5.html"));
        Assert.That(PublishedSample.Run.Steps.Select(st => st.Name), Does.Contain("site"));
        Assert.That(File.Exists(Path.Combine(site, "assets", "site.css")));
        Assert.That(File.Exists(Path.Combine(site, "assets", "fonts", "DejaVuSans.ttf")));
    }

    [Test]
    public void The_region_index_links_to_every_region_page()
    {
        var links = Page("regio/index.html").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToHashSet();
        var regionPages = Pages().Where(p => p.StartsWith("regio/", StringComparison.Ordinal) && p != "regio/index.html")
            .Select(p => p["regio/".Length..]);
        Assert.That(links, Is.SupersetOf(regionPages));
    }

    [Test]
    public void Every_page_is_dutch_titled_and_refers_only_to_files_inside_the_site()
    {
        foreach (var relative in Pages())
        {
            var doc = Page(relative);
            Assert.That(doc.DocumentElement.GetAttribute("lang"), Is.EqualTo("nl"), relative);
            Assert.That(doc.Title, Is.Not.Empty, relative);
            Assert.That(doc.QuerySelectorAll("h1"), Has.Length.EqualTo(1), relative);
            Assert.That(doc.QuerySelector("a.overslaan")?.GetAttribute("href"), Is.EqualTo("#inhoud"), relative);
            var dir = Path.GetDirectoryName(Path.Combine(site, relative))!;
            foreach (var element in doc.QuerySelectorAll("[href], [src]"))
            {
                var target = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (target.StartsWith('#')) continue;
                Assert.That(target, Does.Not.Contain("://").And.Not.StartWith("//"), $"{relative}: {target} leaves the site");
                var file = Path.GetFullPath(Path.Combine(dir, target.Split('#')[0]));
                Assert.That(file, Does.StartWith(Path.GetFullPath(site)), $"{relative}: {target}");
                Assert.That(File.Exists(file), $"{relative}: {target} does not exist");
            }
        }
        Assert.That(File.ReadAllText(Path.Combine(site, "assets", "site.css")), Does.Not.Contain("://"));
    }

    [Test]
    public void Every_chart_has_a_text_alternative_and_the_table_of_its_figures()
    {
        var doc = Page("pijler-2-behoud-en-groei-van-technische-en-ict-werkenden.html");
        var charts = doc.QuerySelectorAll("figure.grafiek");
        Assert.That(charts, Is.Not.Empty);
        foreach (var chart in charts)
        {
            var image = chart.QuerySelector("[role=img]")!;
            Assert.That(image.GetAttribute("aria-label"), Does.Contain("De cijfers staan in de tabel"));
            Assert.That(chart.QuerySelector("details table tbody tr"), Is.Not.Null);
            Assert.That(chart.QuerySelector("a[download]")!.GetAttribute("href"), Does.EndWith(".csv"));
        }
    }

    [Test]
    public void A_region_page_shows_exactly_the_figures_of_that_regions_pdf_edition()
    {
        // Both come from one document model: the page's figures CSV is the regional report's, byte for byte.
        var page = File.ReadAllBytes(Path.Combine(site, "regio", "cijfers", "AM18.csv"));
        var pdf = File.ReadAllBytes(temp.Combine("reports", "indicatorrapport-2024-AM18-cijfers.csv"));
        Assert.That(page, Is.EqualTo(pdf));
        // And the page prints them: the spanningsindicator of Groot Amsterdam in its summary tile.
        var tile = Page("regio/AM18.html").QuerySelectorAll(".tegel")
            .First(t => t.QuerySelector(".tegel-label")!.TextContent == "Spanningsindicator technische beroepen");
        Assert.That(tile.QuerySelector(".periode")!.TextContent, Does.Contain("Groot Amsterdam"));
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        var value = db.Connection.ExecuteScalar<double>(
            "SELECT value FROM mart.indicator_values WHERE indicator = 'spanningsindicator' AND domain = 'techniek' AND region = 'AM18' AND category IS NULL ORDER BY period_order DESC LIMIT 1");
        Assert.That(tile.QuerySelector(".waarde")!.TextContent, Is.EqualTo(DutchFormat.Number(value, 2)));
    }

    [Test]
    public void The_kpi_tiles_on_the_home_page_show_the_mart_values()
    {
        var tiles = Page("index.html").QuerySelectorAll(".tegel");
        string Value(string label) => tiles.First(t => t.QuerySelector(".tegel-label")!.TextContent == label).QuerySelector(".waarde")!.TextContent;
        // The sample data is anchored on the published ICT workforce; 2024 is the generator's 681.000.
        Assert.That(Value("ICT-werkzamen"), Is.EqualTo("681.000"));
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        var hybride = db.Connection.ExecuteScalar<double>(
            "SELECT value FROM mart.indicator_values WHERE indicator = 'hybride_docenten' AND region = 'NL' AND category IS NULL ORDER BY period_order DESC LIMIT 1");
        Assert.That(Value("Hybride docenten"), Is.EqualTo(DutchFormat.Integer(hybride)));
        var status = tiles.First(t => t.QuerySelector(".tegel-label")!.TextContent == "Hybride docenten");
        Assert.That(status.ClassList, Does.Contain("status-achter"));
        Assert.That(status.QuerySelector(".badge")!.TextContent, Is.EqualTo("achter"));
    }

    [Test]
    public void The_map_of_vacancies_colours_each_region_by_its_mart_value_and_carries_the_attribution()
    {
        var doc = Page("regionale-verschillen.html");
        var path = doc.QuerySelector("#kaart-vacatures-techniek-AM18")!;
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        var value = db.Connection.ExecuteScalar<double>(
            "SELECT value FROM mart.indicator_values WHERE indicator = 'openstaande_vacatures' AND domain = 'techniek' AND region = 'AM18' AND category IS NULL ORDER BY period_order DESC LIMIT 1");
        Assert.That(double.Parse(path.GetAttribute("data-waarde")!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(value));
        Assert.That(path.QuerySelector("title")!.TextContent, Is.EqualTo($"Groot Amsterdam: {DutchFormat.Integer(value)}"));
        // The table of the same figures sits in the same figure as the maps.
        var block = path.Closest("figure.kaartblok")!;
        Assert.That(block.QuerySelector("table caption")!.TextContent, Does.StartWith("Vacatures en spanningsindicator per arbeidsmarktregio"));
        Assert.That(block.QuerySelectorAll("svg.kaart"), Has.Length.EqualTo(4));
        Assert.That(block.QuerySelectorAll("svg.kaart").All(s => s.TextContent.Contains("Kaartgrenzen: CBS / Kadaster (PDOK)")));
    }

    [Test]
    public void Downloads_hold_the_pdf_and_the_marts_as_parquet_that_duckdb_reads()
    {
        var downloads = Path.Combine(site, "downloads");
        Assert.That(File.Exists(Path.Combine(downloads, "indicatorrapport-2024.pdf")));
        Assert.That(File.ReadAllBytes(Path.Combine(downloads, "indicatorrapport-2024.pdf")),
            Is.EqualTo(File.ReadAllBytes(temp.Combine("reports", "indicatorrapport-2024.pdf"))));
        var parquet = Path.Combine(downloads, "exports", "indicator_values.parquet");
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        var mart = db.Connection.ExecuteScalar<long>("SELECT count(*) FROM mart.indicator_values");
        var read = db.Connection.ExecuteScalar<long>($"SELECT count(*) FROM read_parquet('{parquet.Replace("'", "''")}')");
        Assert.That(read, Is.EqualTo(mart));
        // The vacancy-level records stay in exports/, not on the public site.
        Assert.That(Directory.Exists(Path.Combine(downloads, "exports", "uwv_vacatures_detail")), Is.False);
    }

    [Test]
    public void Building_again_keeps_the_replaced_site_as_previous()
    {
        using var copy = new TempDir();
        File.Copy(temp.Combine("warehouse.duckdb"), copy.Combine("warehouse.duckdb"));
        using var db = WarehouseDb.OpenReadOnly(copy.Combine("warehouse.duckdb"));
        var first = SiteBuilder.BuildInPlace(db, new ReportOptions { OutDir = copy.Path, GeneratedAt = FixedTime }, copy.Path);
        var index = File.ReadAllText(Path.Combine(first.SiteDir, "index.html"));
        SiteBuilder.BuildInPlace(db, new ReportOptions { OutDir = copy.Path, GeneratedAt = FixedTime.AddDays(1) }, copy.Path);
        Assert.That(File.ReadAllText(copy.Combine("site.previous", "index.html")), Is.EqualTo(index));
        Assert.That(File.ReadAllText(copy.Combine("site", "index.html")), Does.Contain("16 januari 2026"));
        Assert.That(Directory.GetDirectories(copy.Path, ".site-*"), Is.Empty);
    }
}
