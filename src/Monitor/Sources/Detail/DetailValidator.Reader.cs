// One thread's cursor over the blocks of a detail file: the byte-level checks of a record, and the cell parser's way
// for any record that is not in canonical form.
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Monitor.Sources.Detail;

public sealed partial class DetailValidator
{
    /// <summary>
    /// One thread's pass over the blocks it takes. Block k holds the lines that start in bytes
    /// [k × block size, (k + 1) × block size); a line that starts in a block is read to its end, past the block if need be.
    /// </summary>
    public sealed class Reader
    {
        readonly DetailValidator owner;
        readonly int fieldCount;
        readonly int[] index;
        readonly int[] starts;
        readonly int[] ends;
        readonly Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        byte[] buffer;
        int pos, filled;
        /// <summary>Lines that start at or after this buffer position belong to the next block.</summary>
        int limit;
        long bufferOffset;
        long line;
        bool done;
        IDetailRowWriter? writer;

        internal KeyLog Keys { get; }
        /// <summary>(line, byte offset) of every <see cref="LineAnchors.Every"/>th line this cursor read.</summary>
        internal List<(long Line, long Offset)> Anchors { get; } = [];
        internal List<QuarantinedRow> Quarantine { get; } = [];
        internal long RowsTotal { get; private set; }
        internal long RowsWritten { get; private set; }
        internal long SlowRecords { get; private set; }
        /// <summary>The line at which this cursor had to stop, with why: the file goes elsewhere, or it is rejected.</summary>
        internal long? StopLine { get; private set; }
        internal string? StopFallback { get; private set; }
        internal string? StopError { get; private set; }

        internal Reader(DetailValidator owner)
        {
            this.owner = owner;
            fieldCount = owner.fieldCount;
            index = owner.index;
            starts = new int[fieldCount];
            ends = new int[fieldCount];
            Keys = new KeyLog(owner.facts.LineFeeds + 16);
            handle = File.OpenHandle(owner.sourcePath);
            buffer = new byte[Math.Min(owner.facts.BlockSize, (int)Math.Min(owner.sourceLength, int.MaxValue / 2)) + 4096];
        }

        /// <summary>
        /// Reads lines until <paramref name="max"/> rows were written to <paramref name="rows"/> or no block is left;
        /// returns the rows written (0: this cursor is done). The file handle is closed when it is done.
        /// </summary>
        public int Fill(IDetailRowWriter rows, int max)
        {
            writer = rows;
            var before = RowsWritten;
            while (!done && RowsWritten - before < max)
            {
                if (pos >= limit && !NextBlock()) break;
                var nl = buffer.AsSpan(pos, filled - pos).IndexOf((byte)'\n');
                if (nl < 0 && ReadRestOfLine()) continue; // the line runs past the bytes read: read on, look again
                var length = nl < 0 ? filled - pos : nl;
                line++;
                if (line >= owner.StopLineNow) { pos = limit; continue; } // an earlier line already decided the outcome
                if (line % LineAnchors.Every == 0) Anchors.Add((line, bufferOffset + pos));
                var keep = Line(line, buffer.AsSpan(pos, length), buffer.AsSpan(pos));
                pos += nl < 0 ? length : nl + 1;
                if (!keep) { owner.StopAt(line); pos = limit; }
            }
            if (done) handle.Dispose();
            return (int)(RowsWritten - before);
        }

        internal void Close() => handle.Dispose();

        /// <summary>Loads the next block's bytes; false (and done) when none is left.</summary>
        bool NextBlock()
        {
            while (true)
            {
                var k = owner.TakeBlock();
                if (k < 0) { done = true; return false; }
                var blockSize = (long)owner.facts.BlockSize;
                var from = k * blockSize;
                var to = Math.Min(from + blockSize, owner.sourceLength);
                // The first line of the block: at its start if a line feed precedes it, else after the next line feed.
                var lines = owner.lineFeedsBefore[k];
                var start = from;
                if (from > 0)
                {
                    Span<byte> previous = stackalloc byte[1];
                    RandomAccess.Read(handle, previous, from - 1);
                    if (previous[0] != (byte)'\n')
                    {
                        var nl = FindLineFeed(from, to);
                        if (nl < 0) continue; // no line starts in this block
                        start = nl + 1;
                        lines++;
                    }
                }
                if (start >= to) continue;
                // Lines before this block's first line all start before it: the earliest stop may be before this block.
                if (lines + 1 >= owner.StopLineNow) continue;
                var size = (int)(to - start);
                if (buffer.Length < size + 1) buffer = new byte[size + 4096];
                filled = ReadAt(start, buffer.AsSpan(0, size));
                bufferOffset = start;
                pos = 0;
                limit = filled;
                line = lines; // the number of the line before the first
                return true;
            }
        }

        /// <summary>The offset of the first line feed in [from, to), or -1.</summary>
        long FindLineFeed(long from, long to)
        {
            Span<byte> chunk = stackalloc byte[4096];
            for (var at = from; at < to;)
            {
                var n = RandomAccess.Read(handle, chunk[..(int)Math.Min(chunk.Length, to - at)], at);
                if (n == 0) break;
                var nl = chunk[..n].IndexOf((byte)'\n');
                if (nl >= 0) return at + nl;
                at += n;
            }
            return -1;
        }

        int ReadAt(long offset, Span<byte> into)
        {
            var got = 0;
            while (got < into.Length)
            {
                var n = RandomAccess.Read(handle, into[got..], offset + got);
                if (n == 0) break;
                got += n;
            }
            return got;
        }

        /// <summary>The line at <see cref="pos"/> runs past the bytes read: reads on up to its line feed. False at the end of the file.</summary>
        bool ReadRestOfLine()
        {
            var added = false;
            while (bufferOffset + filled < owner.sourceLength)
            {
                if (filled + 4096 > buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var n = ReadAt(bufferOffset + filled, buffer.AsSpan(filled, Math.Min(buffer.Length - filled, 1 << 16)));
                if (n == 0) break;
                var nl = buffer.AsSpan(filled, n).IndexOf((byte)'\n');
                filled += n;
                added = true;
                if (nl >= 0) break;
            }
            return added;
        }

        /// <summary>Handles one physical line; false stops reading (file rejected or handed to the generic reader).</summary>
        bool Line(long line, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> window)
        {
            if (line == 1) return true; // the header, already read
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            RowsTotal++;
            if (bytes.Length == 0)
            {
                Quarantine.Add(new(line, null, null, "empty line; every line after the header must hold a record", ""));
                return true;
            }

            // A short line whose bytes are all printable ASCII (no quote, no control character, nothing at or above
            // DEL) is split by one look at all its bytes; any other line byte by byte, where a quote sends it to the
            // contract's line splitter (CsvLine). The checks below are the same for both.
            var printable = PrintableFields(bytes, window);
            if (!printable)
            {
                var f = 0;
                var start = 0;
                while (true)
                {
                    var rel = bytes[start..].IndexOfAny((byte)';', (byte)'"');
                    if (rel < 0) break;
                    var at = start + rel;
                    if (bytes[at] == (byte)'"') return QuotedLine(line, bytes);
                    if (f == fieldCount - 1)
                    {
                        if (bytes[at..].Contains((byte)'"')) return QuotedLine(line, bytes);
                        return WrongFieldCount(line, bytes.Count((byte)';') + 1, bytes);
                    }
                    starts[f] = start; ends[f] = at; f++;
                    start = at + 1;
                }
                starts[f] = start; ends[f] = bytes.Length;
                if (f != fieldCount - 1) return WrongFieldCount(line, f + 1, bytes);
            }

            var id = Field(bytes, Id);
            var filledOn = Field(bytes, Filled);
            var klasse = Field(bytes, Klasse);
            var regio = Field(bytes, Regio);
            var filled = NoDate;
            if ((printable ? PrintableId(id) : PlainId(id)) && Day(Field(bytes, Arisen)) is var arisen && arisen != NoDate
                && (filledOn.Length == 0 || ((filled = Day(filledOn)) != NoDate && filled >= arisen))
                && KlasseCode(klasse) is { } k && RegionCode(regio) is { } r && Count(Field(bytes, Posities)) is var posities and >= 0)
            {
                Span<byte> codes = stackalloc byte[6];
                BinaryPrimitives.WriteUInt16BigEndian(codes, k);
                BinaryPrimitives.WriteUInt32LittleEndian(codes[2..], r);
                Keys.Add(id, line);
                writer!.Write(line, id, arisen, filled, codes[..2], codes[2..], posities);
                RowsWritten++;
                return true;
            }
            var text = Encoding.UTF8.GetString(bytes);
            return Record(line, text.Split(';'), text);
        }

        /// <summary>
        /// For a line of at most 64 bytes: true when every byte is printable ASCII (0x20 to 0x7E, no quote) and the line
        /// has exactly the header's number of fields, whose bounds are then in <see cref="starts"/> and <see cref="ends"/>.
        /// Two 32-byte compares give a bit a byte for the separators and for the bytes that need the careful way, so
        /// the line is looked at once instead of once a field. False (nothing decided) for any other line.
        /// <paramref name="window"/> is the buffer from the line's first byte on; bytes after the line are masked off.
        /// </summary>
        bool PrintableFields(ReadOnlySpan<byte> bytes, scoped ReadOnlySpan<byte> window)
        {
            if (!Vector256.IsHardwareAccelerated || bytes.Length > 64) return false;
            Span<byte> copy = stackalloc byte[64];
            if (window.Length < 64)
            {
                bytes.CopyTo(copy);
                window = copy;
            }
            ref var first = ref MemoryMarshal.GetReference(window);
            var low = Vector256.LoadUnsafe(ref first);
            var high = Vector256.LoadUnsafe(ref first, 32);
            var inLine = bytes.Length == 64 ? ulong.MaxValue : (1UL << bytes.Length) - 1;
            if (((Careful(low) | (ulong)Careful(high) << 32) & inLine) != 0) return false;
            var separators = (Separators(low) | (ulong)Separators(high) << 32) & inLine;
            if (BitOperations.PopCount(separators) != fieldCount - 1) return false;
            var start = 0;
            for (var f = 0; f < fieldCount - 1; f++)
            {
                var at = BitOperations.TrailingZeroCount(separators);
                starts[f] = start; ends[f] = at;
                start = at + 1;
                separators &= separators - 1;
            }
            starts[fieldCount - 1] = start; ends[fieldCount - 1] = bytes.Length;
            return true;

            static uint Careful(Vector256<byte> v) =>
                (Vector256.LessThan(v, Vector256.Create((byte)0x20)) | Vector256.GreaterThan(v, Vector256.Create((byte)0x7E))
                 | Vector256.Equals(v, Vector256.Create((byte)'"'))).ExtractMostSignificantBits();
            static uint Separators(Vector256<byte> v) => Vector256.Equals(v, Vector256.Create((byte)';')).ExtractMostSignificantBits();
        }

        /// <summary><see cref="PlainId"/> for an id of printable ASCII only: then only a blank at either end can disqualify it.</summary>
        static bool PrintableId(ReadOnlySpan<byte> id) =>
            id.Length > 0 && !(id.Length == 1 && id[0] == (byte)'.') && id[0] != (byte)' ' && id[^1] != (byte)' ';

        ReadOnlySpan<byte> Field(ReadOnlySpan<byte> bytes, int column) => bytes[starts[index[column]]..ends[index[column]]];

        bool Stop(long line, string? fallback, string? error)
        {
            StopLine = line;
            StopFallback = fallback;
            StopError = error;
            return false;
        }

        bool WrongFieldCount(long line, int n, ReadOnlySpan<byte> bytes)
        {
            // A short last record in a file that stops mid-line was cut off in transfer: the file, not the row, is bad.
            if (!owner.facts.EndsWithNewline && n < fieldCount && line == owner.facts.LastLine)
                return Stop(line, null, $"truncated last line {line}: {n} of {fieldCount} fields and no line end; the delivery looks cut off");
            Quarantine.Add(new(line, null, null, $"expected {fieldCount} fields as in the header, found {n}", Encoding.UTF8.GetString(bytes)));
            return true;
        }

        /// <summary>A line with quotes: split by the contract's quoting rule (<see cref="CsvLine"/>), as the generic validator does.</summary>
        bool QuotedLine(long line, ReadOnlySpan<byte> bytes)
        {
            var text = Encoding.UTF8.GetString(bytes);
            var fields = new List<string>(fieldCount);
            if (CsvLine.Split(text, ';', fields) is { } split)
            {
                if (split.OpenQuote && !owner.facts.EndsWithNewline && line == owner.facts.LastLine)
                    return Stop(line, null, $"truncated last line {line}: it ends inside an open quote and has no line end; the delivery looks cut off");
                Quarantine.Add(new(line, null, null, split.Reason, text));
                return true;
            }
            if (fields.Count != fieldCount) return WrongFieldCount(line, fields.Count, bytes);
            return Record(line, fields.ToArray(), text);
        }

        /// <summary>The generic validator's rules for one record, on its decoded fields.</summary>
        bool Record(long line, string[] fields, string raw)
        {
            SlowRecords++;
            var columns = owner.contract.Columns;
            var values = new object?[columns.Length];
            var bad = false;
            for (var c = 0; c < columns.Length; c++)
            {
                var text = fields[index[c]];
                var cell = owner.cells.Parse(columns[c], text);
                if (cell.IsError)
                {
                    Quarantine.Add(new(line, columns[c].Header, text, cell.Error!, raw));
                    bad = true;
                    continue;
                }
                values[c] = cell.Value;
            }
            if (bad) return true;
            var byName = new Dictionary<string, object?>(columns.Length);
            for (var c = 0; c < columns.Length; c++) byName[columns[c].SqlName] = values[c];
            foreach (var rule in owner.contract.RowRules ?? [])
            {
                if (rule(byName) is not { } problem) continue;
                var col = Array.FindIndex(columns, x => x.Header == problem.Column);
                Quarantine.Add(new(line, problem.Column, col >= 0 ? fields[index[col]] : null, problem.Reason, raw));
                bad = true;
            }
            if (bad) return true;

            var id = Encoding.UTF8.GetBytes((string)values[Id]!);
            Keys.Add(id, line);
            writer!.Write(line, id, ((DateOnly)values[Arisen]!).DayNumber - UnixEpochDay,
                values[Filled] is DateOnly d ? d.DayNumber - UnixEpochDay : NoDate,
                Encoding.ASCII.GetBytes((string)values[Klasse]!), Encoding.ASCII.GetBytes((string)values[Regio]!), (long)values[Posities]!);
            RowsWritten++;
            return true;
        }

        /// <summary>
        /// Non-empty, not ".", no blank at either end (so trimming would not change it), ASCII edges, and no control
        /// character inside: no C0 byte or DEL, and no 0xC2 (the lead byte of the C1 controls in UTF-8; an id with
        /// it takes the cell parser's way).
        /// </summary>
        static bool PlainId(ReadOnlySpan<byte> id)
        {
            if (id.Length == 0 || (id.Length == 1 && id[0] == (byte)'.')) return false;
            return Plain(id[0]) && Plain(id[^1]) && id.IndexOfAny(NotInPlainId) < 0;
            static bool Plain(byte b) => b > 0x20 && b < 0x7F;
        }

        static readonly System.Buffers.SearchValues<byte> NotInPlainId = System.Buffers.SearchValues.Create(
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 0x7F, 0xC2]);

        /// <summary>YYYY-MM-DD naming a real day (year 1 to 9999), as DateOnly.TryParseExact accepts it: its day since 1970-01-01, or <see cref="NoDate"/>.</summary>
        internal static int Day(ReadOnlySpan<byte> s)
        {
            if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-') return NoDate;
            // The eight digits at once: a byte below '0' wraps round to a large number, so one test a digit suffices.
            uint y1 = (uint)(s[0] - '0'), y2 = (uint)(s[1] - '0'), y3 = (uint)(s[2] - '0'), y4 = (uint)(s[3] - '0');
            uint m1 = (uint)(s[5] - '0'), m2 = (uint)(s[6] - '0'), d1 = (uint)(s[8] - '0'), d2 = (uint)(s[9] - '0');
            if (y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9) return NoDate;
            var y = (int)(((y1 * 10 + y2) * 10 + y3) * 10 + y4);
            var m = (int)(m1 * 10 + m2);
            var d = (int)(d1 * 10 + d2);
            if (y < 1 || m is < 1 or > 12 || d < 1) return NoDate;
            var leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
            if (d > (m == 2 ? (leap ? 29 : 28) : DaysInMonth[m])) return NoDate;
            // DateOnly.DayNumber (days since 0001-01-01), without its checks: those were made above.
            var before = y - 1;
            var day = before * 365 + before / 4 - before / 100 + before / 400 + DaysBeforeMonth[m] + (leap && m > 2 ? 1 : 0) + d - 1;
            return day - UnixEpochDay;
        }

        static ReadOnlySpan<byte> DaysInMonth => [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        static ReadOnlySpan<short> DaysBeforeMonth => [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

        /// <summary>One or two digits naming a known class; the two-digit code.</summary>
        ushort? KlasseCode(ReadOnlySpan<byte> s)
        {
            ushort code;
            if (s.Length == 2 && IsDigit(s[0]) && IsDigit(s[1])) code = (ushort)(s[0] << 8 | s[1]);
            else if (s.Length == 1 && IsDigit(s[0])) code = (ushort)('0' << 8 | s[0]);
            else return null;
            return owner.klassen[((code >> 8) - '0') * 10 + (code & 0xFF) - '0'] ? code : null;
        }

        static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

        /// <summary>A known labour-market region code in any letter case; the upper-case code as 4 bytes.</summary>
        uint? RegionCode(ReadOnlySpan<byte> s)
        {
            if (s.Length != 4) return null;
            Span<byte> upper = stackalloc byte[4];
            for (var i = 0; i < 4; i++)
            {
                var b = s[i];
                if (b >= 0x80) return null;
                upper[i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
            }
            var code = BinaryPrimitives.ReadUInt32LittleEndian(upper);
            return owner.KnownRegion(code) ? code : null;
        }

        /// <summary>1 to 18 digits, a count long.TryParse reads and that cannot be negative: its value, or -1.</summary>
        static long Count(ReadOnlySpan<byte> s)
        {
            if (s.Length is 0 or > 18) return -1;
            long v = 0;
            foreach (var b in s)
            {
                if (!IsDigit(b)) return -1;
                v = v * 10 + (b - '0');
            }
            return v;
        }
    }
}
