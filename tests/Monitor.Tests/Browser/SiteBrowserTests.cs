// The published web monitor in a real browser (Debian's Chromium): every page type loads without console errors
// or failed requests, from disk and from a static server; the region navigation reaches every region page; the
// figures a reader sees are the mart's; and axe-core finds no serious or critical accessibility violation.
using Dapper;
using Monitor.Reporting;
using Monitor.Serving;
using Monitor.Tests.Reporting;
using Monitor.Warehouse;

namespace Monitor.Tests.Browser;

public class SiteBrowserTests
{
    BrowserHarness harness = null!;
    StaticSiteServer server = null!;

    static readonly string[] PageTypes =
    [
        "index.html",
        "pijler-2-behoud-en-groei-van-technische-en-ict-werkenden.html",
        "regionale-verschillen.html",
        "bronnen-en-kwaliteit.html",
        "regio/index.html",
        "regio/AM18.html",
        "regio/PV27.html",
        "regio/TP3.html",
        "downloads.html",
    ];

    [OneTimeSetUp]
    public async Task Launch()
    {
        BrowserRequirements.RequireChromium();
        Assert.That(PublishedSample.Run.ExitCode, Is.EqualTo(Monitor.Pipeline.ExitCodes.Success), PublishedSample.Run.Message);
        harness = await BrowserHarness.LaunchAsync();
        server = harness.Serve(PublishedSample.Site);
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (harness is not null) await harness.DisposeAsync();
    }

    Uri At(string how, string page) => how == "file"
        ? new Uri(Path.Combine(PublishedSample.Site, page))
        : new Uri(server.Url, page);

    static IEnumerable<TestCaseData> EveryPageType() =>
        PageTypes.SelectMany(p => new[] { new TestCaseData("file", p), new TestCaseData("http", p) });

    [TestCaseSource(nameof(EveryPageType))]
    public async Task Every_page_type_loads_without_console_errors_or_failed_requests(string how, string page)
    {
        await using var visit = await harness.OpenAsync(At(how, page));
        visit.AssertNoErrors();
        if (how == "http") Assert.That(visit.Status, Is.EqualTo(200));
        Assert.That(await visit.Page.EvalOnSelectorAsync<string>("html", "h => h.lang"), Is.EqualTo("nl"));
        // The shipped font is the one the page is drawn in: nothing depends on an installed font.
        Assert.That(await visit.Page.EvaluateAsync<bool>("() => document.fonts.check('16px \"DejaVu Sans\"')"), Is.True);
    }

    [Test]
    public async Task The_region_navigation_reaches_every_region_page()
    {
        var crawl = await harness.CrawlAsync(At("http", "regio/index.html"), new Uri(server.Url, "/"), maxPages: 200);
        var regions = crawl.RelativePaths.Where(p => p.StartsWith("regio/", StringComparison.Ordinal) && p != "regio/index.html").ToList();
        // 12 provinces, 35 labour-market regions, 5 Techniekpact regions.
        Assert.That(regions.Count(p => p.StartsWith("regio/PV", StringComparison.Ordinal)), Is.EqualTo(12));
        Assert.That(regions.Count(p => p.StartsWith("regio/AM", StringComparison.Ordinal)), Is.EqualTo(35));
        Assert.That(regions.Count(p => p.StartsWith("regio/TP", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(crawl.BrokenLinks, Is.Empty);
        Assert.That(crawl.ExternalLinks, Is.Empty);
        crawl.AssertNoErrors();
    }

    [Test]
    public async Task A_reader_reaches_a_region_from_the_home_page_by_keyboard_and_link_names()
    {
        await using var visit = await harness.OpenAsync(At("http", "index.html"));
        // The first Tab lands on the skip link, which takes focus to the content.
        await visit.Page.Keyboard.PressAsync("Tab");
        Assert.That(await visit.Page.EvaluateAsync<string>("() => document.activeElement.textContent"), Is.EqualTo("Direct naar de inhoud"));
        await visit.Page.Keyboard.PressAsync("Enter");
        Assert.That(await visit.Page.EvaluateAsync<string>("() => document.activeElement.id"), Is.EqualTo("inhoud"));
        Assert.That((await visit.FollowAsync("Regio's")).AbsolutePath, Does.EndWith("/regio/index.html"));
        Assert.That((await visit.FollowAsync("Groot Amsterdam")).AbsolutePath, Does.EndWith("/regio/AM18.html"));
        Assert.That(await visit.Page.Locator("h1").InnerTextAsync(), Is.EqualTo("Arbeidsmarktregio Groot Amsterdam"));
        visit.AssertNoErrors();
    }

    [Test]
    public async Task A_kpi_value_the_reader_sees_equals_the_mart()
    {
        double value;
        using (var db = WarehouseDb.OpenReadOnly(PublishedSample.Out.Combine("warehouse.duckdb")))
            value = db.Connection.ExecuteScalar<double>(
                "SELECT value FROM mart.indicator_values WHERE indicator = 'werkzaam' AND domain = 'ict' AND region = 'NL' AND category IS NULL ORDER BY period_order DESC LIMIT 1");
        await using var visit = await harness.OpenAsync(At("file", "index.html"));
        var tile = visit.Page.Locator(".tegel").Filter(new() { Has = visit.Page.Locator(".tegel-label", new() { HasTextString = "ICT-werkzamen" }) }).First;
        Assert.That(await tile.Locator(".waarde").InnerTextAsync(), Is.EqualTo(DutchFormat.Integer(value)));
        Assert.That(DutchFormat.Integer(value), Is.EqualTo("681.000"), "the sample data's anchored 2024 ICT workforce");
    }

    static IEnumerable<TestCaseData> PageTypesOverHttp() => PageTypes.Select(p => new TestCaseData(p));

    [TestCaseSource(nameof(PageTypesOverHttp))]
    public async Task Axe_finds_no_serious_or_critical_violation(string page)
    {
        BrowserRequirements.RequireAxe();
        await using var visit = await harness.OpenAsync(At("http", page));
        var report = await visit.RunAxeAsync();
        var serious = report.AtLeast("serious");
        Assert.That(serious, Is.Empty, report.Describe(serious));
    }
}
