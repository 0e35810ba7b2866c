// A small static file server for previewing the published site on this machine (`monitor serve`).
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Serving;

/// <summary>One answered request, for the console log of `monitor serve`.</summary>
public readonly record struct ServedRequest(string Method, string Target, int Status, long Bytes);

/// <summary>
/// Serves the files of one site folder over HTTP/1.1 on 127.0.0.1 only: GET and HEAD, one request per
/// connection, no directory listings, nothing outside the folder (see <see cref="SitePaths"/>).
/// It is a preview, not a production web server: the site is a static folder any web server can host.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    const int MaxHeadBytes = 16 * 1024;
    static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(10);

    readonly SitePaths paths;
    readonly TcpListener listener;
    readonly Action<ServedRequest>? log;
    readonly CancellationTokenSource stopping = new();
    readonly ConcurrentDictionary<Task, byte> connections = new();
    readonly Task acceptLoop;

    /// <summary>The address the server listens on; always the IPv4 loopback address.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The site's root URL, e.g. http://127.0.0.1:8080/.</summary>
    public Uri Url => new($"http://{Endpoint.Address}:{Endpoint.Port}/");

    /// <summary>The site folder with every link resolved.</summary>
    public string Root => paths.Root;

    StaticSiteServer(SitePaths paths, TcpListener listener, Action<ServedRequest>? log)
    {
        this.paths = paths;
        this.listener = listener;
        this.log = log;
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        acceptLoop = AcceptAsync();
    }

    /// <summary>
    /// Starts serving <paramref name="siteFolder"/> on 127.0.0.1:<paramref name="port"/> (0 picks a free port;
    /// see <see cref="Endpoint"/>). Throws <see cref="DirectoryNotFoundException"/> when the folder is missing and
    /// <see cref="SocketException"/> (AddressAlreadyInUse) when the port is taken.
    /// </summary>
    public static StaticSiteServer Start(string siteFolder, int port = 8080, Action<ServedRequest>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var paths = new SitePaths(siteFolder);
        // Loopback only, on purpose: a preview must not be reachable from the network.
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return new StaticSiteServer(paths, listener, log);
    }

    /// <summary>Stops accepting, ends the connections in progress and waits for them.</summary>
    public async Task StopAsync()
    {
        if (stopping.IsCancellationRequested) return;
        stopping.Cancel();
        listener.Stop();
        try { await acceptLoop.ConfigureAwait(false); } catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
        await Task.WhenAll(connections.Keys).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // a client that gave up between connect and accept
            }
            var task = Task.Run(() => ServeConnectionAsync(client));
            connections.TryAdd(task, 0);
            _ = task.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    async Task ServeConnectionAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        try
        {
            var stream = client.GetStream();
            timeout.CancelAfter(HeadTimeout);
            var head = await ReadHeadAsync(stream, timeout.Token).ConfigureAwait(false);
            if (head is null) return; // closed, timed out or stopped before a whole request arrived
            timeout.CancelAfter(Timeout.InfiniteTimeSpan);
            var served = await RespondAsync(stream, head, stopping.Token).ConfigureAwait(false);
            log?.Invoke(served);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
    }

    /// <summary>The request line and headers (Oversized when they do not fit in 16 KiB), or null when the connection ended first.</summary>
    static async Task<RequestHead?> ReadHeadAsync(NetworkStream stream, CancellationToken cancel)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancel).ConfigureAwait(false);
            if (read == 0) return null;
            length += read;
            var text = Encoding.Latin1.GetString(buffer, 0, length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0) return new RequestHead(text[..end], Oversized: false);
        }
        return new RequestHead(Encoding.Latin1.GetString(buffer, 0, length), Oversized: true);
    }

    sealed record RequestHead(string Text, bool Oversized);

    async Task<ServedRequest> RespondAsync(NetworkStream stream, RequestHead head, CancellationToken cancel)
    {
        var requestLine = head.Text.Split('\n', 2)[0].TrimEnd('\r');
        var parts = requestLine.Split(' ');
        var method = parts.Length > 0 ? parts[0] : "";
        var target = parts.Length > 1 ? parts[1] : "";

        if (head.Oversized)
            return await SendErrorAsync(stream, method, target, 431, "Request Header Fields Too Large", "The request head is larger than 16 KiB.", cancel).ConfigureAwait(false);
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || method.Length == 0)
            return await SendErrorAsync(stream, method, target, 400, "Bad Request", "Not an HTTP/1.x request line.", cancel).ConfigureAwait(false);
        if (method is not ("GET" or "HEAD"))
            return await SendErrorAsync(stream, method, target, 405, "Method Not Allowed", "Only GET and HEAD are served.", cancel, extra: "Allow: GET, HEAD\r\n").ConfigureAwait(false);

        switch (paths.Resolve(target))
        {
            case SitePathResult.File file:
                return await SendFileAsync(stream, method, target, file.FullPath, cancel).ConfigureAwait(false);
            case SitePathResult.Redirect redirect:
                return await SendErrorAsync(stream, method, target, 301, "Moved Permanently", $"See {redirect.Location}", cancel,
                    extra: $"Location: {redirect.Location}\r\n").ConfigureAwait(false);
            case SitePathResult.Forbidden forbidden:
                return await SendErrorAsync(stream, method, target, 403, "Forbidden", $"Refused: {forbidden.Reason}.", cancel).ConfigureAwait(false);
            case SitePathResult.BadRequest bad:
                return await SendErrorAsync(stream, method, target, 400, "Bad Request", $"Refused: {bad.Reason}.", cancel).ConfigureAwait(false);
            default:
                return await SendErrorAsync(stream, method, target, 404, "Not Found", "No such page in the site.", cancel).ConfigureAwait(false);
        }
    }

    static async Task<ServedRequest> SendFileAsync(NetworkStream stream, string method, string target, string path, CancellationToken cancel)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await SendErrorAsync(stream, method, target, 404, "Not Found", "The file cannot be read.", cancel).ConfigureAwait(false);
        }
        await using (file.ConfigureAwait(false))
        {
            var length = file.Length;
            await WriteHeadAsync(stream, 200, "OK", ContentTypes.For(path), length, "", cancel).ConfigureAwait(false);
            if (method == "GET") await CopyBodyAsync(file, stream, length, cancel).ConfigureAwait(false);
            return new ServedRequest(method, target, 200, method == "GET" ? length : 0);
        }
    }

    /// <summary>
    /// Sends exactly <paramref name="length"/> bytes of the file. Only the writes to the client observe a stop: once the
    /// last byte is written the request counts as answered (and is logged), even if a stop comes in the same moment.
    /// Stream.CopyToAsync would make one more read with the token after the last byte and so lose an answered request.
    /// </summary>
    static async Task CopyBodyAsync(FileStream file, NetworkStream stream, long length, CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        for (var left = length; left > 0;)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), CancellationToken.None).ConfigureAwait(false);
            if (read == 0) throw new IOException($"{file.Name} became shorter while it was sent");
            await stream.WriteAsync(buffer.AsMemory(0, read), cancel).ConfigureAwait(false);
            left -= read;
        }
    }

    static async Task<ServedRequest> SendErrorAsync(NetworkStream stream, string method, string target, int status, string reason, string message,
        CancellationToken cancel, string extra = "")
    {
        var body = Encoding.UTF8.GetBytes($"{status} {reason}\n{message}\n");
        await WriteHeadAsync(stream, status, reason, "text/plain; charset=utf-8", body.Length, extra, cancel).ConfigureAwait(false);
        if (method != "HEAD") await stream.WriteAsync(body, cancel).ConfigureAwait(false);
        return new ServedRequest(method, target, status, method == "HEAD" ? 0 : body.Length);
    }

    static async Task WriteHeadAsync(NetworkStream stream, int status, string reason, string contentType, long length, string extra, CancellationToken cancel)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:R}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n")
            // A preview shows the site as it is now: a rebuilt site must not come from the browser's cache.
            .Append("Cache-Control: no-cache\r\n")
            .Append(extra)
            .Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancel).ConfigureAwait(false);
    }
}

/// <summary>The Content-Type of each kind of file the site publishes.</summary>
public static class ContentTypes
{
    static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".csv"] = "text/csv; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".xml"] = "application/xml",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
        [".parquet"] = "application/vnd.apache.parquet",
        [".zip"] = "application/zip",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
    };

    /// <summary>The Content-Type for a file name; application/octet-stream for anything not listed.</summary>
    public static string For(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";
}
