// One streaming pass over a detail extract's bytes, with its sha256 on a second thread: the facts the fast loader
// needs before it reads a single record (encoding, line ends, the header line, where the blocks start, what it cannot handle).
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Monitor.Sources.Detail;

/// <summary>What one pass over the bytes of a file found.</summary>
public sealed record DetailFileFacts(
    string Sha256,
    long Bytes,
    bool HasBom,
    /// <summary>True when every byte after an optional BOM is valid UTF-8; else the file is read as Windows-1252.</summary>
    bool ValidUtf8,
    long CrLf,
    long Lf,
    /// <summary>A carriage return not followed by a line feed: the generic reader takes it as a line break.</summary>
    bool HasBareCr,
    bool HasNul,
    bool EndsWithNewline,
    /// <summary>Line feeds in the file, for the number of the last line.</summary>
    long LineFeeds,
    /// <summary>The first line's bytes (BOM and line end removed), at most 64 KiB.</summary>
    byte[] FirstLine,
    /// <summary>The size of the blocks the file is validated in, in parallel (see <see cref="DetailValidator"/>).</summary>
    int BlockSize,
    /// <summary>For block k: the line feeds in the bytes before offset k × <see cref="BlockSize"/>.</summary>
    long[] LineFeedsBefore)
{
    public string Encoding => HasBom ? "utf-8-bom" : ValidUtf8 ? "utf-8" : "windows-1252";

    /// <summary>As <see cref="TextDecoding"/> reports it: crlf, lf, mixed or none.</summary>
    public string LineEnding => (CrLf, Lf) switch
    {
        (0, 0) => "none",
        (> 0, 0) => "crlf",
        (0, > 0) => "lf",
        _ => "mixed",
    };

    /// <summary>The number of the last line as the generic validator counts it (a final line end starts no new line).</summary>
    public long LastLine => EndsWithNewline ? LineFeeds : LineFeeds + 1;
}

public static class DetailFileScan
{
    const int ChunkSize = 1 << 22;
    const int FirstLineLimit = 1 << 16;

    /// <summary>Blocks of this size are the units of parallel validation: small enough to share out evenly, large enough to read at speed.</summary>
    public const int DefaultBlockSize = 1 << 22;

    /// <summary>The facts of the file at <paramref name="path"/>; without <paramref name="sha256"/> the hash is left empty (for a copy whose blocks alone are wanted).</summary>
    public static DetailFileFacts Scan(string path, int blockSize = DefaultBlockSize, bool sha256 = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        // The sha256 takes a core of its own: it reads the file a second time (from the page cache) while this thread
        // looks at the bytes.
        var hashing = !sha256 ? Task.FromResult("") : Task.Run(() =>
        {
            using var again = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(again));
        });
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        try
        {
            long bytes = 0, lineFeeds = 0, crlf = 0;
            bool bom = false, validUtf8 = true, bareCr = false, nul = false, pendingCr = false, firstLineDone = false;
            byte last = 0;
            var firstLine = new List<byte>();
            var lineFeedsBefore = new List<long>();
            var carry = 0; // bytes of an incomplete UTF-8 sequence kept at the start of the buffer
            int read;
            while ((read = stream.Read(buffer, carry, ChunkSize)) > 0)
            {
                var span = buffer.AsSpan(carry, read);
                // Line feeds before each block boundary in this chunk (offset 0 included).
                for (var boundary = (long)lineFeedsBefore.Count * blockSize; boundary < bytes + read; boundary = (long)lineFeedsBefore.Count * blockSize)
                    lineFeedsBefore.Add(lineFeeds + span[..(int)(boundary - bytes)].Count((byte)'\n'));
                var start = 0;
                if (bytes == 0 && span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) { bom = true; start = 3; }
                var content = span[start..];
                if (pendingCr && content.Length > 0) { if (content[0] == (byte)'\n') crlf++; else bareCr = true; pendingCr = false; }
                lineFeeds += content.Count((byte)'\n');
                if (!nul && content.Contains((byte)0)) nul = true;
                for (var i = content.IndexOf((byte)'\r'); i >= 0;)
                {
                    if (i + 1 < content.Length) { if (content[i + 1] == (byte)'\n') crlf++; else bareCr = true; }
                    else pendingCr = true;
                    var next = content[(i + 1)..].IndexOf((byte)'\r');
                    i = next < 0 ? -1 : i + 1 + next;
                }
                if (!firstLineDone)
                {
                    var end = content.IndexOf((byte)'\n');
                    var take = end < 0 ? content : content[..end];
                    firstLine.AddRange(take[..Math.Min(take.Length, FirstLineLimit - firstLine.Count)].ToArray());
                    firstLineDone = end >= 0 || firstLine.Count >= FirstLineLimit;
                }
                if (validUtf8)
                {
                    // Whole sequences only: an incomplete one at the end is carried to the next chunk.
                    var all = buffer.AsSpan(bom && bytes == 0 ? 3 : 0, carry + read - (bom && bytes == 0 ? 3 : 0));
                    var whole = WholeSequences(all);
                    if (!Utf8.IsValid(all[..whole])) validUtf8 = false;
                    var rest = all.Length - whole;
                    if (rest > 0 && validUtf8) all[whole..].CopyTo(buffer);
                    last = span[^1];
                    bytes += read;
                    carry = validUtf8 ? rest : 0;
                    continue;
                }
                last = span[^1];
                bytes += read;
                carry = 0;
            }
            if (carry > 0) validUtf8 = false; // the file ends inside a UTF-8 sequence
            if (pendingCr) bareCr = true;
            if (firstLine.Count > 0 && firstLine[^1] == (byte)'\r') firstLine.RemoveAt(firstLine.Count - 1);
            return new DetailFileFacts(hashing.GetAwaiter().GetResult(), bytes, bom, validUtf8, crlf, lineFeeds - crlf,
                bareCr, nul, bytes > 0 && last == (byte)'\n', lineFeeds, firstLine.ToArray(), blockSize, lineFeedsBefore.ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            // Not left running when this pass failed (its own failure, if any, is the same unreadable file).
            if (!hashing.IsCompleted) try { hashing.Wait(); } catch (AggregateException) { }
        }
    }

    /// <summary>
    /// The length of the longest prefix of <paramref name="bytes"/> that does not end inside a UTF-8 sequence: an
    /// incomplete sequence at the end is left for the next chunk. Invalid bytes are left in for the validity check.
    /// </summary>
    internal static int WholeSequences(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: its lead byte is further back
            var length = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            return length > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }

    /// <summary>A UTF-8 copy of a Windows-1252 file, line ends untouched, so the fast loader reads one encoding only.</summary>
    public static void TranscodeWindows1252(string source, string target)
    {
        using var reader = new StreamReader(source, TextDecoding.Windows1252, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 20);
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 20);
        var chars = new char[1 << 20];
        int read;
        while ((read = reader.Read(chars, 0, chars.Length)) > 0) writer.Write(chars, 0, read);
    }
}
