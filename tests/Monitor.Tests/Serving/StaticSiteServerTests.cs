using System.Net;
using System.Net.Sockets;
using System.Text;
using Monitor.Serving;

namespace Monitor.Tests.Serving;

public class StaticSiteServerTests
{
    TestSite site = null!;
    StaticSiteServer server = null!;
    HttpClient http = null!;

    [SetUp]
    public void Start()
    {
        site = new TestSite();
        server = StaticSiteServer.Start(site.Site, port: 0);
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url };
    }

    [TearDown]
    public async Task Stop()
    {
        http.Dispose();
        await server.DisposeAsync();
        site.Dispose();
    }

    [Test]
    public async Task Root_serves_index_html()
    {
        using var response = await http.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<p>Startpagina</p>"));
    }

    [Test]
    public async Task A_nested_page_is_served_byte_for_byte()
    {
        var bytes = await http.GetByteArrayAsync("/pijler/1.html");
        Assert.That(bytes, Is.EqualTo(File.ReadAllBytes(Path.Combine(site.Site, "pijler", "1.html"))));
    }

    [Test]
    public async Task A_folder_with_a_slash_serves_its_index_and_without_one_redirects_to_it()
    {
        Assert.That(await http.GetStringAsync("/regio/"), Does.Contain("Alle regio's"));

        using var redirect = await http.GetAsync("/regio?x=1");
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(redirect.Headers.Location!.OriginalString, Is.EqualTo("/regio/?x=1"));

        using var following = new HttpClient { BaseAddress = server.Url };
        Assert.That(await following.GetStringAsync("/regio"), Does.Contain("Alle regio's"));
    }

    [Test]
    public async Task A_folder_without_index_html_is_not_listed()
    {
        using var response = await http.GetAsync("/assets/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("site.css"));
    }

    [TestCase("/index.html", "text/html; charset=utf-8")]
    [TestCase("/assets/site.css", "text/css; charset=utf-8")]
    [TestCase("/assets/site.js", "text/javascript; charset=utf-8")]
    [TestCase("/assets/kaart.svg", "image/svg+xml")]
    [TestCase("/assets/logo.png", "image/png")]
    [TestCase("/assets/font.ttf", "font/ttf")]
    [TestCase("/assets/font.woff2", "font/woff2")]
    [TestCase("/data/cijfers.csv", "text/csv; charset=utf-8")]
    [TestCase("/data/cijfers.json", "application/json")]
    [TestCase("/data/indicator_values.parquet", "application/vnd.apache.parquet")]
    [TestCase("/rapport.pdf", "application/pdf")]
    [TestCase("/LEESMIJ", "application/octet-stream")]
    public async Task Each_kind_of_file_has_its_content_type(string path, string expected)
    {
        using var response = await http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo(expected));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task Binary_files_arrive_unchanged()
    {
        Assert.That(await http.GetByteArrayAsync("/assets/logo.png"), Is.EqualTo(TestSite.Png));
    }

    [Test]
    public async Task Percent_encoded_names_are_decoded_as_utf8()
    {
        site.Write("regio/Fryslân.html", "<p>Fryslân</p>");
        Assert.That(await http.GetStringAsync("/regio/Frysl%C3%A2n.html"), Is.EqualTo("<p>Fryslân</p>"));
    }

    [Test]
    public async Task A_missing_page_is_404()
    {
        using var response = await http.GetAsync("/regio/PV99.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Head_sends_the_headers_of_get_without_a_body()
    {
        var expected = new FileInfo(Path.Combine(site.Site, "pijler", "1.html")).Length;
        using var request = new HttpRequestMessage(HttpMethod.Head, "/pijler/1.html");
        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));

        var (status, raw) = await TestSite.RawRequestAsync(server.Url, "HEAD /pijler/1.html HTTP/1.1");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(Encoding.ASCII.GetString(raw), Does.EndWith("\r\n\r\n"), "nothing after the head");
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("OPTIONS")]
    public async Task Methods_other_than_get_and_head_are_405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/index.html") { Content = method is "POST" or "PUT" ? new StringContent("x") : null };
        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD" }));
        Assert.That(File.ReadAllText(Path.Combine(site.Site, "index.html")), Does.Contain("Startpagina"), "and nothing was written");
    }

    // Raw request lines: HttpClient would resolve the dots before sending them.
    [TestCase("/../secret.txt")]
    [TestCase("/../outside/secret.txt")]
    [TestCase("/pijler/../../outside/secret.txt")]
    [TestCase("/%2e%2e/outside/secret.txt")]
    [TestCase("/%2E%2E/outside/secret.txt")]
    [TestCase("/..%2foutside/secret.txt")]
    [TestCase("/..%2Foutside%2Fsecret.txt")]
    [TestCase("/%2e%2e%2f%2e%2e%2foutside/secret.txt")]
    [TestCase("/..\\outside\\secret.txt")]
    [TestCase("/..%5coutside%5csecret.txt")]
    [TestCase("//etc/passwd")]
    [TestCase("/%2Fetc%2Fpasswd")]
    [TestCase("/../site-other/secret.txt")]
    [TestCase("/link-out.txt")]
    [TestCase("/link-absolute.txt")]
    [TestCase("/link-sibling.txt")]
    [TestCase("/dir-out/secret.txt")]
    [TestCase("/dir-out/")]
    [TestCase("/loop-a")]
    [TestCase("/%00/index.html")]
    [TestCase("/%zz")]
    [TestCase("http://127.0.0.1/../outside/secret.txt")]
    [TestCase("C:/outside/secret.txt")]
    public async Task Nothing_outside_the_site_folder_is_ever_served(string target)
    {
        var (status, raw) = await TestSite.RawRequestAsync(server.Url, $"GET {target} HTTP/1.1");
        Assert.That(status, Is.AnyOf(400, 403, 404), Encoding.UTF8.GetString(raw));
        Assert.That(Encoding.UTF8.GetString(raw), Does.Not.Contain(site.Secret));
        Assert.That(Encoding.UTF8.GetString(raw), Does.Not.Contain("root:"), "not /etc/passwd either");
    }

    [Test]
    public async Task A_link_that_stays_inside_the_site_is_followed()
    {
        Assert.That(await http.GetStringAsync("/assets/link-in.css"), Is.EqualTo("body { color: #111; }\n"));
    }

    [Test]
    public async Task The_outside_file_itself_is_readable_so_the_refusals_above_are_the_servers_doing()
    {
        // Guards the traversal test against passing only because the secret could not be read at all.
        Assert.That(await File.ReadAllTextAsync(Path.Combine(site.Site, "link-out.txt")), Is.EqualTo(site.Secret));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(site.Site, "dir-out", "secret.txt")), Is.EqualTo(site.Secret));
    }

    [Test]
    public async Task It_listens_on_the_loopback_address_only()
    {
        Assert.That(server.Endpoint.Address, Is.EqualTo(IPAddress.Loopback));
        Assert.That(server.Url.ToString(), Is.EqualTo($"http://127.0.0.1:{server.Endpoint.Port}/"));
        // 127.0.0.2 is this machine too: a server bound to 0.0.0.0 would accept it, one bound to 127.0.0.1 refuses.
        using var other = new TcpClient();
        var refused = Assert.ThrowsAsync<SocketException>(async () => await other.ConnectAsync(IPAddress.Parse("127.0.0.2"), server.Endpoint.Port));
        Assert.That(refused!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
    }

    [Test]
    public void Port_zero_picks_a_free_port_and_a_taken_port_is_an_error()
    {
        Assert.That(server.Endpoint.Port, Is.GreaterThan(0));
        var taken = Assert.Throws<SocketException>(() => StaticSiteServer.Start(site.Site, server.Endpoint.Port));
        Assert.That(taken!.SocketErrorCode, Is.EqualTo(SocketError.AddressAlreadyInUse));
    }

    [Test]
    public void A_missing_site_folder_is_an_error_at_start()
    {
        Assert.Throws<DirectoryNotFoundException>(() => StaticSiteServer.Start(Path.Combine(site.Out, "nope"), 0));
    }

    [Test]
    public async Task An_unparseable_request_line_is_400()
    {
        var (status, _) = await TestSite.RawRequestAsync(server.Url, "GARBAGE");
        Assert.That(status, Is.EqualTo(400));
    }

    [Test]
    public async Task Every_answer_is_logged_with_its_status()
    {
        var logged = new List<ServedRequest>();
        await using var logging = StaticSiteServer.Start(site.Site, 0, r => { lock (logged) logged.Add(r); });
        using var client = new HttpClient { BaseAddress = logging.Url };
        await client.GetStringAsync("/pijler/1.html");
        using (await client.GetAsync("/nope.html")) { }
        await logging.StopAsync();
        var expectedBytes = new FileInfo(Path.Combine(site.Site, "pijler", "1.html")).Length;
        Assert.That(logged, Is.EqualTo(new[]
        {
            new ServedRequest("GET", "/pijler/1.html", 200, expectedBytes),
            new ServedRequest("GET", "/nope.html", 404, "404 Not Found\nNo such page in the site.\n".Length),
        }));
    }

    [Test]
    public async Task Stop_closes_the_port()
    {
        var port = server.Endpoint.Port;
        await server.StopAsync();
        using var client = new TcpClient();
        Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port));
    }
}
