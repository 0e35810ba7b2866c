using System.Net.Sockets;
using System.Text;
using Monitor.Tests.Support;

namespace Monitor.Tests.Serving;

/// <summary>
/// A small published output folder made for one test: out/site/ with pages and one file of every kind the site
/// publishes, and beside it out/outside/ with a secret that must never be served, reached from inside the site
/// by symbolic links.
/// </summary>
public sealed class TestSite : IDisposable
{
    readonly TempDir dir = new();

    public string Out => dir.Combine("out");
    public string Site => dir.Combine("out", "site");
    /// <summary>The bytes of every file outside the site contain this; no response may.</summary>
    public string Secret { get; } = "OUTSIDE-SECRET-" + Guid.NewGuid().ToString("N");

    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];

    public TestSite()
    {
        Write("index.html", "<!doctype html><html lang=\"nl\"><title>Start</title><p>Startpagina</p></html>");
        Write("pijler/1.html", "<!doctype html><html lang=\"nl\"><title>Pijler 1</title><p>Pijler 1</p></html>");
        Write("regio/index.html", "<!doctype html><html lang=\"nl\"><title>Regio's</title><p>Alle regio's</p></html>");
        Write("assets/site.css", "body { color: #111; }\n");
        Write("assets/site.js", "document.documentElement.dataset.js = 'ja';\n");
        Write("assets/kaart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>");
        File.WriteAllBytes(Path.Combine(Site, "assets", "logo.png"), Png);
        Write("assets/font.ttf", "ttf");
        Write("assets/font.woff2", "wOF2");
        Write("data/cijfers.csv", "indicator;waarde\nvacatures;86250\n");
        Write("data/cijfers.json", "{\"vacatures\": 86250}");
        Write("data/indicator_values.parquet", "PAR1");
        Write("rapport.pdf", "%PDF-1.7\n");
        Write("LEESMIJ", "geen extensie");

        Directory.CreateDirectory(Path.Combine(Out, "outside"));
        File.WriteAllText(Path.Combine(Out, "outside", "secret.txt"), Secret);
        // A sibling whose name starts like the site folder: a prefix test without a separator would let it through.
        Directory.CreateDirectory(Path.Combine(Out, "site-other"));
        File.WriteAllText(Path.Combine(Out, "site-other", "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Out, "secret.txt"), Secret);

        File.CreateSymbolicLink(Path.Combine(Site, "link-out.txt"), "../outside/secret.txt");
        File.CreateSymbolicLink(Path.Combine(Site, "link-absolute.txt"), Path.Combine(Out, "outside", "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Site, "link-sibling.txt"), "../site-other/secret.txt");
        Directory.CreateSymbolicLink(Path.Combine(Site, "dir-out"), "../outside");
        File.CreateSymbolicLink(Path.Combine(Site, "assets", "link-in.css"), "site.css");
        File.CreateSymbolicLink(Path.Combine(Site, "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(Site, "loop-b"), "loop-a");
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Site, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => dir.Dispose();

    /// <summary>
    /// Sends one request line exactly as written, for paths HttpClient would normalise before sending
    /// ("/../", "%2e%2e"), and returns the status code and the raw bytes of the whole response.
    /// </summary>
    public static async Task<(int Status, byte[] Response)> RawRequestAsync(Uri server, string requestLine)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n"));
        using var response = new MemoryStream();
        await stream.CopyToAsync(response);
        var bytes = response.ToArray();
        var statusLine = Encoding.ASCII.GetString(bytes).Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ');
        return (parts.Length >= 2 && int.TryParse(parts[1], out var status) ? status : -1, bytes);
    }
}
