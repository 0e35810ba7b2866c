// Maps a request path onto a file inside the site folder, and refuses everything that would leave it.
using System.Text;

namespace Monitor.Serving;

/// <summary>What a request path comes to: a file to send, a redirect, or a refusal with its status.</summary>
public abstract record SitePathResult
{
    public sealed record File(string FullPath) : SitePathResult;
    /// <summary>A folder asked for without its trailing slash: relative links only work from "folder/".</summary>
    public sealed record Redirect(string Location) : SitePathResult;
    public sealed record NotFound : SitePathResult;
    /// <summary>The path would leave the site folder, or names something no site file can be called.</summary>
    public sealed record Forbidden(string Reason) : SitePathResult;
    public sealed record BadRequest(string Reason) : SitePathResult;
}

/// <summary>
/// The site folder as the server sees it. Every path is decoded once, checked segment by segment, and then
/// followed through the file system with every symbolic link resolved: the file sent is one whose real
/// location lies inside the real site folder, whatever the request or the links say.
/// </summary>
public sealed class SitePaths
{
    const int MaxLinks = 40;
    static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The site folder with every link resolved.</summary>
    public string Root { get; }

    public SitePaths(string siteFolder)
    {
        var real = RealPath(Path.GetFullPath(siteFolder));
        if (real is null || !Directory.Exists(real))
            throw new DirectoryNotFoundException($"site folder {siteFolder} does not exist");
        Root = real;
    }

    /// <summary>Resolves the request target of an HTTP request line (origin form: "/path?query").</summary>
    public SitePathResult Resolve(string target)
    {
        if (target.Length == 0 || target[0] != '/')
            return new SitePathResult.BadRequest("the request target must be a path starting with '/'");
        var end = target.IndexOfAny(['?', '#']);
        var rawPath = end < 0 ? target : target[..end];
        var query = end < 0 ? "" : target[end..];

        if (!TryDecode(rawPath, out var path))
            return new SitePathResult.BadRequest("the path has an invalid percent-encoding or is not UTF-8");
        if (path.Contains('\0'))
            return new SitePathResult.BadRequest("the path contains a NUL character");
        // Backslashes and colons are separators or drive letters elsewhere; no site file has them in its name.
        if (path.Contains('\\') || path.Contains(':'))
            return new SitePathResult.Forbidden("the path contains '\\' or ':'");

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") return new SitePathResult.Forbidden("the path contains '..'");
            segments.Add(segment);
        }

        var candidate = Path.Join([Root, .. segments]);
        // Belt and braces: the lexical path must already lie inside before the file system is consulted.
        if (!IsInside(Path.GetFullPath(candidate)))
            return new SitePathResult.Forbidden("the path leaves the site folder");

        var real = RealPath(candidate);
        if (real is null) return new SitePathResult.NotFound();
        if (!IsInside(real)) return new SitePathResult.Forbidden("a link leads outside the site folder");

        if (Directory.Exists(real))
        {
            if (!rawPath.EndsWith('/')) return new SitePathResult.Redirect(rawPath + "/" + query);
            var index = RealPath(Path.Join(real, "index.html"));
            if (index is null || !System.IO.File.Exists(index)) return new SitePathResult.NotFound();
            if (!IsInside(index)) return new SitePathResult.Forbidden("a link leads outside the site folder");
            return new SitePathResult.File(index);
        }
        return System.IO.File.Exists(real) ? new SitePathResult.File(real) : new SitePathResult.NotFound();
    }

    bool IsInside(string fullPath) =>
        string.Equals(fullPath, Root, PathComparison)
        || fullPath.StartsWith(Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>Percent-decodes the whole path to bytes first, so that multi-byte UTF-8 and encoded separators decode alike.</summary>
    static bool TryDecode(string raw, out string decoded)
    {
        decoded = "";
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !Uri.IsHexDigit(raw[i + 1]) || !Uri.IsHexDigit(raw[i + 2])) return false;
                bytes.Add((byte)Convert.ToInt32(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c > 0x7f) return false; // a request line is ASCII; anything else was not encoded by a browser
            else bytes.Add((byte)c);
        }
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The path with every symbolic link along it followed, component by component (like realpath(3)), or null
    /// when some component does not exist, a link is broken, or links loop.
    /// </summary>
    public static string? RealPath(string absolutePath)
    {
        var root = Path.GetPathRoot(absolutePath);
        if (string.IsNullOrEmpty(root)) throw new ArgumentException($"not an absolute path: {absolutePath}", nameof(absolutePath));
        var pending = new Stack<string>();
        PushComponents(pending, absolutePath[root.Length..]);
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                if (!System.IO.File.Exists(next) && !Directory.Exists(next)) return null;
                current = next;
                continue;
            }
            if (++links > MaxLinks) return null;
            // A link's text is read relative to the folder it sits in, which `current` already is, resolved.
            var linkRoot = Path.GetPathRoot(link);
            if (!string.IsNullOrEmpty(linkRoot))
            {
                current = linkRoot;
                link = link[linkRoot.Length..];
            }
            PushComponents(pending, link);
        }
        return current;
    }

    static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
