// Lines of a detail file read back by number, for the few keys DetailValidator must compare.
using System.Text;

namespace Monitor.Sources.Detail;

/// <summary>
/// Reads lines back by number: the cursors note the byte offset of every 64th line they read (and of line 1), so a
/// line is found by reading forward from the nearest of those. Only the few lines whose keys must be compared are
/// read back.
/// </summary>
sealed class LineAnchors
{
    internal const int Every = 64;
    readonly string path;
    readonly long[] lines;
    readonly long[] offsets;

    public LineAnchors(string path, IEnumerable<(long Line, long Offset)> anchors)
    {
        this.path = path;
        var sorted = anchors.Append((Line: 1L, Offset: 0L)).Distinct().OrderBy(a => a.Line).ToArray();
        lines = sorted.Select(a => a.Line).ToArray();
        offsets = sorted.Select(a => a.Offset).ToArray();
    }

    /// <summary>The text of line <paramref name="line"/>, line end removed (as the generic reader's raw record).</summary>
    public string LineAt(long line)
    {
        var i = Array.BinarySearch(lines, line);
        if (i < 0) i = ~i - 1;
        var skip = line - lines[i];
        using var handle = File.OpenHandle(path);
        var bytes = new List<byte>();
        var chunk = new byte[8192];
        for (var offset = offsets[i]; ;)
        {
            var n = RandomAccess.Read(handle, chunk, offset);
            if (n == 0) break;
            offset += n;
            var span = chunk.AsSpan(0, n);
            for (; skip > 0; skip--)
            {
                var nl = span.IndexOf((byte)'\n');
                if (nl < 0) break;
                span = span[(nl + 1)..];
            }
            if (skip > 0) continue; // still passing the lines before it
            var end = span.IndexOf((byte)'\n');
            bytes.AddRange((end < 0 ? span : span[..end]).ToArray());
            if (end >= 0) break;
        }
        if (bytes.Count > 0 && bytes[^1] == (byte)'\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
