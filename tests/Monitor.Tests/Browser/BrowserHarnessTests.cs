using System.Buffers.Binary;
using Monitor.Serving;
using Monitor.Tests.Support;
using NUnit.Framework.Internal;

namespace Monitor.Tests.Browser;

/// <summary>
/// The harness on the hand-written fixture site (fixtures/site/): clean pages come out clean, and each deliberate
/// fault (an image without alt, a stylesheet from elsewhere, a console error and a missing file) is caught.
/// Every case runs from disk (file://) and from the preview server (http://).
/// </summary>
public class BrowserHarnessTests
{
    BrowserHarness harness = null!;
    StaticSiteServer server = null!;
    static string Site => Fixtures.Dir("site");

    [OneTimeSetUp]
    public async Task Launch()
    {
        harness = await BrowserHarness.LaunchAsync();
        server = harness.Serve(Site);
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (harness is not null) await harness.DisposeAsync();
    }

    Uri At(string how, string page) => how switch
    {
        "file" => new Uri(Path.Combine(Site, page)),
        "http" => new Uri(server.Url, page),
        _ => throw new ArgumentException(how),
    };

    [Test]
    public void The_browser_is_the_system_chromium()
    {
        Assert.That(harness.ChromiumPath, Is.EqualTo(BrowserRequirements.ChromiumPath));
        Assert.That(harness.BrowserVersion, Does.Match(@"^\d+\.\d+"));
    }

    [TestCase("file", "index.html")]
    [TestCase("http", "index.html")]
    [TestCase("file", "regio/PV20.html")]
    [TestCase("http", "regio/PV20.html")]
    public async Task A_clean_page_loads_without_console_errors_or_failed_requests(string how, string page)
    {
        await using var visit = await harness.OpenAsync(At(how, page));
        Assert.That(visit.ConsoleErrors, Is.Empty);
        Assert.That(visit.FailedRequests, Is.Empty);
        if (how == "http") Assert.That(visit.Status, Is.EqualTo(200));
        // The stylesheet really applied: the harness sees the page as a reader does.
        Assert.That(await visit.Page.EvalOnSelectorAsync<string>("body", "b => getComputedStyle(b).fontFamily"), Is.EqualTo("sans-serif"));
    }

    [TestCase("file")]
    [TestCase("http")]
    public async Task A_figure_on_the_page_can_be_read_as_the_reader_sees_it(string how)
    {
        await using var visit = await harness.OpenAsync(At(how, "index.html"));
        Assert.That(await visit.Page.Locator("#kpi-vacatures").InnerTextAsync(), Is.EqualTo("86.250"));
    }

    [TestCase("file")]
    [TestCase("http")]
    public async Task A_request_that_would_leave_the_machine_is_blocked_and_counted_as_failed(string how)
    {
        await using var visit = await harness.OpenAsync(At(how, "extern.html"));
        Assert.That(visit.FailedRequests.Select(f => (f.Url, f.Reason)), Is.EqualTo(new[]
        {
            ("https://cdn.example.org/lettertype.css", "request would leave the machine (blocked)"),
        }));
        Assert.That(visit.FailedRequests.Single().OnPage, Is.EqualTo(At(how, "extern.html").ToString()));
    }

    [Test]
    public void Only_file_data_and_the_harness_servers_count_as_local()
    {
        Assert.That(harness.IsLocal(new Uri(server.Url, "regio/PV20.html").ToString()), Is.True);
        Assert.That(harness.IsLocal(new Uri(Path.Combine(Site, "index.html")).ToString()), Is.True);
        Assert.That(harness.IsLocal("data:image/png;base64,AAAA"), Is.True);
        Assert.That(harness.IsLocal("https://cdn.example.org/lettertype.css"), Is.False);
        Assert.That(harness.IsLocal($"http://127.0.0.1:{(server.Endpoint.Port == 1 ? 2 : 1)}/"), Is.False, "another port on this machine is not the site");
        Assert.That(harness.IsLocal($"https://127.0.0.1:{server.Endpoint.Port}/"), Is.False, "nor another scheme");
    }

    [TestCase("file", "net::ERR_FILE_NOT_FOUND")]
    [TestCase("http", "HTTP 404")]
    public async Task Console_errors_and_missing_files_are_collected(string how, string missingReason)
    {
        await using var visit = await harness.OpenAsync(At(how, "kapot.html"));
        Assert.That(visit.ConsoleErrors.Select(e => e.Text), Does.Contain("bewuste fout voor de test"));
        Assert.That(visit.FailedRequests.Select(f => (f.Url, f.Reason)),
            Does.Contain((At(how, "assets/bestaat-niet.png").ToString(), missingReason)));
        var failure = Assert.Throws<AssertionException>(() =>
        {
            using (new TestExecutionContext.IsolatedContext()) visit.AssertNoErrors();
        });
        Assert.That(failure!.Message, Does.Contain("bewuste fout voor de test").And.Contain("bestaat-niet.png"));
    }

    [TestCase("file")]
    [TestCase("http")]
    public async Task Axe_finds_the_image_without_alt_and_rates_it_critical(string how)
    {
        await using var visit = await harness.OpenAsync(At(how, "ontoegankelijk.html"));
        var axe = await visit.RunAxeAsync();
        Assert.That(axe.Violations.Select(v => v.Id), Is.EqualTo(new[] { "image-alt" }), axe.Describe());
        var imageAlt = axe.Violations.Single();
        Assert.That(imageAlt.Impact, Is.EqualTo("critical"));
        Assert.That(imageAlt.Nodes.Select(n => n.Target), Is.EqualTo(new[] { "img" }));
        Assert.That(imageAlt.Nodes.Single().Html, Does.StartWith("<img src=\"assets/kaart.svg\""));
        Assert.That(axe.ByImpact["critical"], Is.EqualTo(new[] { imageAlt }));
        Assert.That(axe.ByImpact["serious"], Is.Empty);
        Assert.That(axe.AtLeast("serious"), Is.EqualTo(new[] { imageAlt }));
        Assert.That(axe.AxeVersion, Is.EqualTo("4.14.1"), "the version pinned in tests/browser/package-lock.json");
    }

    [TestCase("file", "index.html")]
    [TestCase("http", "index.html")]
    [TestCase("http", "regio/PV20.html")]
    public async Task Axe_finds_nothing_on_the_clean_pages(string how, string page)
    {
        await using var visit = await harness.OpenAsync(At(how, page));
        var axe = await visit.RunAxeAsync();
        Assert.That(axe.Violations, Is.Empty, axe.Describe());
        // Running it twice on a page injects axe once and gives the same answer.
        Assert.That((await visit.RunAxeAsync()).Violations, Is.Empty);
    }

    [Test]
    public async Task A_screenshot_is_a_png_of_the_page_at_the_viewport_width()
    {
        using var t = new TempDir();
        await using var visit = await harness.OpenAsync(At("http", "index.html"));
        var shot = await visit.ScreenshotAsync(t.Combine("shots", "index.png"));
        var bytes = await File.ReadAllBytesAsync(shot.FullName);
        Assert.That(bytes[..8], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a }));
        // The IHDR chunk follows the signature: width and height, big-endian, at bytes 16 and 20.
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), Is.EqualTo(1280));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)), Is.GreaterThan(0));
    }

    [TestCase("file")]
    [TestCase("http")]
    public async Task Links_are_listed_and_followed_like_a_reader_would(string how)
    {
        await using var visit = await harness.OpenAsync(At(how, "index.html"));
        var links = await visit.LinksAsync();
        Assert.That(links.Select(l => (l.Text, l.Href, l.Url)), Is.EqualTo(new[]
        {
            ("Start", "index.html", At(how, "index.html")),
            ("Groningen", "regio/PV20.html", At(how, "regio/PV20.html")),
        }));

        Assert.That(await visit.FollowAsync("Groningen"), Is.EqualTo(At(how, "regio/PV20.html")));
        Assert.That(await visit.Page.Locator("h1").InnerTextAsync(), Is.EqualTo("Groningen"));
        Assert.That(await visit.FollowAsync("Start"), Is.EqualTo(At(how, "index.html")));
        Assert.That(await visit.Page.Locator("h1").InnerTextAsync(), Is.EqualTo("Testmonitor"));
        visit.AssertNoErrors();
    }

    [TestCase("file")]
    [TestCase("http")]
    public async Task A_crawl_reaches_every_linked_page_and_reports_none_broken(string how)
    {
        var crawl = await harness.CrawlAsync(At(how, "index.html"));
        Assert.That(crawl.RelativePaths, Is.EqualTo(new[] { "index.html", "regio/PV20.html" }));
        Assert.That(crawl.Pages.Select(p => p.Links.Count), Is.EqualTo(new[] { 2, 2 }));
        Assert.That(crawl.BrokenLinks, Is.Empty);
        Assert.That(crawl.ExternalLinks, Is.Empty);
        crawl.AssertNoErrors();
    }

    [TestCase("file")]
    [TestCase("http")]
    public async Task A_crawl_reports_the_broken_link_and_the_errors_of_each_page(string how)
    {
        var crawl = await harness.CrawlAsync(At(how, "kapot.html"));
        Assert.That(crawl.RelativePaths, Is.EqualTo(new[] { "kapot.html", "index.html", "regio/PV20.html" }));
        Assert.That(crawl.BrokenLinks.Select(b => (b.Page, b.Link.Href)), Is.EqualTo(new[] { (At(how, "kapot.html"), "data/ontbreekt.csv") }));
        var broken = crawl.Pages[0];
        Assert.That(broken.ConsoleErrors.Select(e => e.Text), Does.Contain("bewuste fout voor de test"));
        Assert.That(broken.FailedRequests.Select(f => f.Url), Does.Contain(At(how, "assets/bestaat-niet.png").ToString()));
        Assert.That(crawl.Pages[1].ConsoleErrors, Is.Empty, "each page's errors are its own");
        Assert.That(crawl.Pages[1].FailedRequests, Is.Empty);
    }
}

public class BrowserRequirementsTests
{
    [Test]
    public void Missing_is_a_skip_on_a_developer_machine_and_a_failure_in_ci()
    {
        Assert.That(BrowserRequirements.Judge(present: true, inCi: false), Is.EqualTo(BrowserRequirements.Verdict.Present));
        Assert.That(BrowserRequirements.Judge(present: true, inCi: true), Is.EqualTo(BrowserRequirements.Verdict.Present));
        Assert.That(BrowserRequirements.Judge(present: false, inCi: false), Is.EqualTo(BrowserRequirements.Verdict.Skip));
        Assert.That(BrowserRequirements.Judge(present: false, inCi: true), Is.EqualTo(BrowserRequirements.Verdict.Fail));
    }

    [Test]
    public void Axe_is_looked_for_in_the_npm_project_of_the_browser_tests()
    {
        Assert.That(BrowserRequirements.AxePath, Is.EqualTo(Path.Combine(Fixtures.RepoRoot, "tests", "browser", "node_modules", "axe-core", "axe.min.js")));
        var lockFile = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "tests", "browser", "package-lock.json"));
        Assert.That(lockFile, Does.Contain("\"node_modules/axe-core\": {\n      \"version\": \"4.14.1\""));
    }
}
