// Drives the system Chromium from the tests: open pages from disk or from the preview server, collect what
// went wrong on them, run axe-core, take screenshots and follow links.
using System.Text.Json;
using Microsoft.Playwright;
using Monitor.Serving;

namespace Monitor.Tests.Browser;

/// <summary>A request of the page that did not succeed: failed to load, answered 400 or more, or would have left the machine.</summary>
public sealed record FailedRequest(string Url, string Reason, string OnPage);

/// <summary>A console error or an uncaught exception on the page.</summary>
public sealed record ConsoleError(string Text, string Location, string OnPage);

/// <summary>A link on a page: its text, its href as written and the absolute URL it resolves to (fragment removed).</summary>
public sealed record PageLink(string Text, string Href, Uri Url);

/// <summary>
/// One Chromium launched for a fixture (launch in [OneTimeSetUp], dispose in [OneTimeTearDown]); every page opens in
/// a fresh browser context. Nothing a page asks for leaves the machine: requests are allowed to file://, data:,
/// blob: and the harness's own <see cref="StaticSiteServer"/>s only; any other request is blocked before it is sent
/// and counted as a failed request. Host names do not resolve inside this browser, and anything that slipped past
/// the blocking would go to a dead proxy on 127.0.0.1, as a second line of defence.
/// </summary>
public sealed class BrowserHarness : IAsyncDisposable
{
    readonly IPlaywright playwright;
    readonly IBrowser browser;
    readonly List<StaticSiteServer> servers = [];
    readonly HashSet<string> localOrigins = new(StringComparer.OrdinalIgnoreCase);

    public string ChromiumPath { get; }
    public string BrowserVersion => browser.Version;

    BrowserHarness(IPlaywright playwright, IBrowser browser, string chromiumPath)
    {
        this.playwright = playwright;
        this.browser = browser;
        ChromiumPath = chromiumPath;
    }

    /// <summary>Starts headless Chromium; skips (developer machine) or fails (CI=true) the test when it is not installed.</summary>
    public static async Task<BrowserHarness> LaunchAsync()
    {
        var chromium = BrowserRequirements.RequireChromium();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args =
                [
                    // No DNS from this browser: a host name that is not loopback cannot be reached even if a request escaped the route below.
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                    // Whatever is not loopback goes to a port nothing listens on (Chromium never proxies loopback).
                    "--proxy-server=http://127.0.0.1:9",
                    "--no-first-run",
                    "--disable-component-update",
                    "--disable-domain-reliability",
                ],
            });
            return new BrowserHarness(playwright, browser, chromium);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Starts a <see cref="StaticSiteServer"/> on a free loopback port for this folder; its origin counts as local.</summary>
    public StaticSiteServer Serve(string siteFolder)
    {
        var server = StaticSiteServer.Start(siteFolder, port: 0);
        servers.Add(server);
        localOrigins.Add(server.Url.GetLeftPart(UriPartial.Authority));
        return server;
    }

    /// <summary>Whether a request to this URL stays on the machine: file:, data:, blob:, about:, or one of the harness's servers.</summary>
    public bool IsLocal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        return uri.Scheme is "file" or "data" or "blob" or "about"
               || localOrigins.Contains(uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Opens a page (file:// or http:// of a harness server) in a new context and waits for its load event.</summary>
    public async Task<PageVisit> OpenAsync(Uri url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        try
        {
            var visit = new PageVisit(this, context, await context.NewPageAsync());
            await visit.AttachAsync();
            await visit.GotoAsync(url);
            return visit;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>Opens a file from disk as file://.</summary>
    public Task<PageVisit> OpenFileAsync(string path) => OpenAsync(new Uri(Path.GetFullPath(path)));

    /// <summary>
    /// Visits every page of a site reachable by links from <paramref name="start"/>, breadth first, in one tab.
    /// Pages are links ending in .html/.htm or '/'; other links within the site (CSV, PDF, Parquet, …) are checked
    /// to exist without being opened; links out of the site are listed, not followed.
    /// The site is <paramref name="siteRoot"/> (default: the folder of the start page).
    /// </summary>
    public async Task<CrawlReport> CrawlAsync(Uri start, Uri? siteRoot = null, int maxPages = 2000)
    {
        var root = siteRoot ?? new Uri(start, "./");
        bool InSite(Uri u) => root.IsBaseOf(u);
        var report = new CrawlReport(root);
        var queue = new Queue<Uri>([start]);
        var seen = new HashSet<Uri> { start };
        await using var visit = await OpenAsync(start);
        var first = true;
        while (queue.Count > 0)
        {
            if (report.Pages.Count >= maxPages)
                throw new InvalidOperationException($"more than {maxPages} pages under {root}: raise maxPages or check for a link loop");
            var url = queue.Dequeue();
            if (!first)
            {
                visit.ClearLogs();
                await visit.GotoAsync(url);
            }
            first = false;
            var status = visit.Status;
            var links = await visit.LinksAsync();
            report.Pages.Add(new CrawledPage(url, status, visit.ConsoleErrors.ToList(), visit.FailedRequests.ToList(), links));
            foreach (var link in links)
            {
                if (!InSite(link.Url))
                {
                    report.ExternalLinks.Add((url, link));
                    continue;
                }
                if (!seen.Add(link.Url)) continue;
                if (IsPage(link.Url)) queue.Enqueue(link.Url);
                else if (!await ExistsAsync(visit, link.Url)) report.BrokenLinks.Add((url, link));
            }
        }
        return report;
    }

    static bool IsPage(Uri url) =>
        url.AbsolutePath.EndsWith('/') || url.AbsolutePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                                       || url.AbsolutePath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    static async Task<bool> ExistsAsync(PageVisit visit, Uri url)
    {
        if (url.IsFile) return File.Exists(url.LocalPath);
        var response = await visit.Page.APIRequest.HeadAsync(url.ToString());
        return response.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
        foreach (var server in servers) await server.DisposeAsync();
    }
}

/// <summary>
/// One open tab. <see cref="ConsoleErrors"/> and <see cref="FailedRequests"/> collect from the moment it opened
/// (across navigations, each entry naming the page it happened on) until <see cref="ClearLogs"/>.
/// </summary>
public sealed class PageVisit : IAsyncDisposable
{
    readonly BrowserHarness harness;
    readonly IBrowserContext context;
    readonly List<ConsoleError> consoleErrors = [];
    readonly List<FailedRequest> failedRequests = [];
    readonly HashSet<string> blocked = [];
    readonly object gate = new();

    /// <summary>The Playwright page, for anything the harness does not wrap (locators, text, clicks).</summary>
    public IPage Page { get; }

    /// <summary>The HTTP status of the last navigation's document; null where there is none (file:// gives 0 or null).</summary>
    public int? Status
    {
        get { lock (gate) return status; }
        private set { lock (gate) status = value; }
    }
    int? status;

    public Uri Url => new(Page.Url);

    public IReadOnlyList<ConsoleError> ConsoleErrors { get { lock (gate) return [.. consoleErrors]; } }
    public IReadOnlyList<FailedRequest> FailedRequests { get { lock (gate) return [.. failedRequests]; } }

    internal PageVisit(BrowserHarness harness, IBrowserContext context, IPage page)
    {
        this.harness = harness;
        this.context = context;
        Page = page;
    }

    internal async Task AttachAsync()
    {
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") Add(consoleErrors, new ConsoleError(message.Text, message.Location, Page.Url));
        };
        Page.PageError += (_, error) => Add(consoleErrors, new ConsoleError("uncaught: " + error, "", Page.Url));
        Page.RequestFailed += (_, request) =>
        {
            lock (gate) if (blocked.Contains(request.Url)) return; // already counted as leaving the machine
            Add(failedRequests, new FailedRequest(request.Url, request.Failure ?? "failed", Page.Url));
        };
        Page.Response += (_, response) =>
        {
            // The document of a navigation, however it was started (goto, a click, a redirect).
            if (response.Request.IsNavigationRequest && response.Frame == Page.MainFrame) Status = response.Status;
            if (response.Status >= 400) Add(failedRequests, new FailedRequest(response.Url, $"HTTP {response.Status}", Page.Url));
        };
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (harness.IsLocal(url))
            {
                await route.ContinueAsync();
                return;
            }
            lock (gate) blocked.Add(url);
            Add(failedRequests, new FailedRequest(url, "request would leave the machine (blocked)", Page.Url));
            await route.AbortAsync("blockedbyclient");
        });
        await context.RouteWebSocketAsync(_ => true, socket =>
        {
            if (harness.IsLocal(socket.Url.Replace("ws://", "http://").Replace("wss://", "https://")))
            {
                socket.ConnectToServer();
                return;
            }
            Add(failedRequests, new FailedRequest(socket.Url, "web socket would leave the machine (blocked)", Page.Url));
            _ = socket.CloseAsync();
        });
    }

    void Add<T>(List<T> list, T item)
    {
        lock (gate) list.Add(item);
    }

    /// <summary>Navigates this tab and waits for the load event; returns the document's HTTP status (see <see cref="Status"/>).</summary>
    public async Task<int?> GotoAsync(Uri url)
    {
        Status = null;
        var response = await Page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Status = response?.Status;
        return Status;
    }

    /// <summary>Forgets the console errors and failed requests collected so far.</summary>
    public void ClearLogs()
    {
        lock (gate)
        {
            consoleErrors.Clear();
            failedRequests.Clear();
            blocked.Clear();
        }
    }

    /// <summary>Fails the test, listing them, when the page had console errors or failed requests.</summary>
    public void AssertNoErrors()
    {
        var errors = ConsoleErrors;
        var failed = FailedRequests;
        Assert.That(errors.Count + failed.Count, Is.Zero,
            $"{Url}:\n" + string.Join("\n", errors.Select(e => $"  console: {e.Text} ({e.Location})")
                                             .Concat(failed.Select(f => $"  request: {f.Url}: {f.Reason}"))));
    }

    /// <summary>Every a[href] on the page, in document order.</summary>
    public async Task<IReadOnlyList<PageLink>> LinksAsync()
    {
        var links = await Page.EvaluateAsync<JsonElement>(
            "() => Array.from(document.querySelectorAll('a[href]'), a => ({ text: (a.innerText || a.textContent || '').trim(), href: a.getAttribute('href'), url: a.href }))");
        return links.EnumerateArray().Select(l =>
        {
            var absolute = new UriBuilder(l.GetProperty("url").GetString()!) { Fragment = "" }.Uri;
            return new PageLink(l.GetProperty("text").GetString() ?? "", l.GetProperty("href").GetString() ?? "", absolute);
        }).ToList();
    }

    /// <summary>
    /// Clicks the link with this accessible name (exact match; the first when several have it) and waits for the
    /// new page to load, as a keyboard or mouse user would get there. Returns the URL it arrived at.
    /// </summary>
    public async Task<Uri> FollowAsync(string linkName)
    {
        var link = Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = linkName, Exact = true });
        if (await link.CountAsync() == 0)
            Assert.Fail($"no link named '{linkName}' on {Url}; links there: {string.Join(", ", (await LinksAsync()).Select(l => $"'{l.Text}'"))}");
        var before = Page.Url;
        await link.First.ClickAsync();
        try
        {
            await Page.WaitForURLAsync(url => url != before, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"following '{linkName}' on {before} did not lead to another page");
        }
        return Url;
    }

    /// <summary>Injects axe-core (tests/browser/node_modules) and runs it on the page: WCAG 2.1 A and AA rules unless other tags are given.</summary>
    public async Task<AxeReport> RunAxeAsync(params string[] tags)
    {
        var axe = BrowserRequirements.RequireAxe();
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var result = await Page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const options = { resultTypes: ['violations'] };
              if (tags.length > 0) options.runOnly = { type: 'tag', values: tags };
              const r = await axe.run(document, options);
              return {
                version: axe.version,
                violations: r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({ target: n.target.map(String).join(' '), html: n.html }))
                }))
              };
            }
            """, tags.Length > 0 ? tags : AxeReport.Wcag21AA);
        return AxeReport.FromJson(Page.Url, result);
    }

    /// <summary>Saves a PNG of the page (the whole page unless fullPage is false) and returns the file.</summary>
    public async Task<FileInfo> ScreenshotAsync(string file, bool fullPage = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage, Type = ScreenshotType.Png });
        return new FileInfo(file);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>One page of a crawl: its status, what went wrong on it and the links it has.</summary>
public sealed record CrawledPage(Uri Url, int? Status, IReadOnlyList<ConsoleError> ConsoleErrors, IReadOnlyList<FailedRequest> FailedRequests, IReadOnlyList<PageLink> Links);

/// <summary>What <see cref="BrowserHarness.CrawlAsync"/> found.</summary>
public sealed class CrawlReport(Uri siteRoot)
{
    public Uri SiteRoot { get; } = siteRoot;
    public List<CrawledPage> Pages { get; } = [];
    /// <summary>Links within the site to a file that does not exist (page, link).</summary>
    public List<(Uri Page, PageLink Link)> BrokenLinks { get; } = [];
    /// <summary>Links that leave the site (page, link); listed, never followed.</summary>
    public List<(Uri Page, PageLink Link)> ExternalLinks { get; } = [];

    /// <summary>The pages' paths relative to the site root ("index.html", "regio/PV20.html"), in the order visited.</summary>
    public IEnumerable<string> RelativePaths => Pages.Select(p => Uri.UnescapeDataString(SiteRoot.MakeRelativeUri(p.Url).ToString()));

    /// <summary>Fails the test, listing them, on any console error, failed request or broken link on any page.</summary>
    public void AssertNoErrors()
    {
        var problems = Pages.SelectMany(p =>
                p.ConsoleErrors.Select(e => $"{p.Url}: console: {e.Text}")
                    .Concat(p.FailedRequests.Select(f => $"{p.Url}: request {f.Url}: {f.Reason}")))
            .Concat(BrokenLinks.Select(b => $"{b.Page}: broken link '{b.Link.Text}' -> {b.Link.Href}"))
            .ToList();
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }
}
