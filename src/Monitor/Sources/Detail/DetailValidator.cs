// The fast validator of uwv_vacatures_detail: the same outcome as ExtractValidator, record by record, without
// holding the file or its rows in memory. The file is read in blocks by several cursors at once (inside DuckDB's
// insert, see DetailScanFunction); each valid row goes straight to a row writer.
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Monitor.Domain;

namespace Monitor.Sources.Detail;

/// <summary>
/// The outcome of a detail file's validation. <see cref="Result"/> holds what the generic validator would hold except
/// the valid rows, which went to the row writers as they were read. When <see cref="FallbackReason"/> is set the file
/// has a shape this reader does not handle; nothing was decided and the generic validator must read it (the counts
/// are then those of whatever the cursors had read, and mean nothing).
/// </summary>
public sealed class DetailValidation
{
    public required ExtractValidation Result { get; init; }
    /// <summary>Rows written to the row writers, including those that repeat an earlier key.</summary>
    public long RowsWritten { get; set; }
    /// <summary>Rows to load: written minus the duplicates.</summary>
    public long RowsToLoad => RowsWritten - DuplicateLines.Count;
    public string? FallbackReason { get; set; }
    /// <summary>Records that were not plain canonical values and went through <see cref="CellParser"/> one by one.</summary>
    public long SlowRecords { get; set; }
    /// <summary>Lines whose rows were written but repeat an earlier key: the loader takes them out again.</summary>
    public List<long> DuplicateLines { get; } = [];
}

/// <summary>Receives the valid rows of a detail file, one call a row, from one cursor (one thread).</summary>
public interface IDetailRowWriter
{
    /// <summary>
    /// One valid row: the id as UTF-8, the dates as days since 1970-01-01 (<paramref name="filled"/> is
    /// <see cref="DetailValidator.NoDate"/> when there is none),
    /// the two-digit class and the four-letter region code as ASCII.
    /// </summary>
    void Write(long line, ReadOnlySpan<byte> id, int arisen, int filled, ReadOnlySpan<byte> klasse, ReadOnlySpan<byte> regio, long posities);
}

/// <summary>
/// Validates one detail file. The file is cut into blocks (<see cref="DetailFileFacts.BlockSize"/>) and any number of
/// cursors (<see cref="OpenCursor"/>, one per thread) take the blocks in turn; <see cref="Finish"/> joins what they
/// found in line order, so the outcome is that of one pass over the file whatever the number of threads or the size of
/// the blocks.
///
/// A record whose cells are all in canonical form (2023-05-01, 07, AM01, a plain count, an id without surrounding
/// blanks) is accepted on the spot; anything else is decoded and goes through the very same <see cref="CellParser"/>
/// and row rules as the generic validator, so reasons, raw values and edge cases (" 7 ", "+3", "am01") come out
/// identical. Duplicate keys are found among the rows that passed, in line order (see <see cref="KeyLog"/>).
/// </summary>
public sealed class DetailValidator : IDisposable
{
    /// <summary>
    /// The columns whose reading the fast path implements, byte by byte, for well-formed rows: header, type, key,
    /// empty-cell rule and region levels of each, in this order.
    /// </summary>
    static readonly ColumnSpec[] ImplementedColumns =
    [
        new("Vacature_id", CellType.Text, Key: true),
        new("Datum_ontstaan", CellType.Date),
        new("Datum_vervuld", CellType.Date, Empty: EmptyCell.Null),
        new("Beroepsklasse", CellType.Beroepsklasse),
        new("Arbeidsmarktregio", CellType.Region, Levels: [RegionLevel.Arbeidsmarktregio]),
        new("Aantal_posities", CellType.Count),
    ];

    /// <summary>The row rules the fast path implements (Datum_vervuld not before Datum_ontstaan): exactly these, no more.</summary>
    static readonly RowRule[] ImplementedRules = [Contracts.FilledNotBeforeArisen];

    readonly DatasetContract contract;
    const int Id = 0, Arisen = 1, Filled = 2, Klasse = 3, Regio = 4, Posities = 5;
    /// <summary>DateOnly.DayNumber of 1970-01-01, DuckDB's day zero.</summary>
    internal const int UnixEpochDay = 719162;
    /// <summary>No date (an empty Datum_vervuld); below every real day, 0001-01-01 being day -719162.</summary>
    public const int NoDate = int.MinValue;

    readonly CellParser cells;
    readonly double badRowThreshold;
    readonly DetailFileFacts facts;
    readonly ExtractValidation result;
    readonly DetailValidation outcome;
    /// <summary>The known region codes as 4 upper-case ASCII bytes, in an open-addressing table (0: empty).</summary>
    readonly uint[] regions = new uint[RegionSlots];
    /// <summary>Known two-digit class codes, by their number.</summary>
    readonly bool[] klassen = new bool[100];
    const int RegionSlots = 1 << 10;
    readonly List<Reader> readers = [];
    readonly int fieldCount;
    readonly int[] index = [];
    readonly string sourcePath;
    readonly string? transcoded;
    readonly long sourceLength;
    readonly long[] lineFeedsBefore;
    int nextBlock = -1;
    long stopLine = long.MaxValue;
    bool finished;

    public static bool Handles(DiscoveredFile file) => file.NameFits && file.Contract is { Source: "uwv", Dataset: "vacatures_detail" };

    /// <summary>
    /// Null when the fast path implements every rule of <paramref name="contract"/>: the same columns read the same
    /// way and exactly the same row rules. Otherwise why not: a rule added to the contract is then applied by the
    /// generic validator instead of being skipped for the rows the fast path would accept on the spot.
    /// </summary>
    public static string? Unsupported(DatasetContract contract)
    {
        var columns = contract.Columns;
        if (columns.Length != ImplementedColumns.Length)
            return $"the contract has {columns.Length} columns, the fast path implements {ImplementedColumns.Length}";
        for (var c = 0; c < columns.Length; c++)
        {
            var (have, want) = (columns[c], ImplementedColumns[c]);
            if (have.Header != want.Header || have.Type != want.Type || have.Key != want.Key || have.Empty != want.Empty
                || have.Allowed is not null || !(have.Levels ?? []).SequenceEqual(want.Levels ?? []))
                return $"the contract's column {have.Header} is not read as the fast path reads {want.Header}";
        }
        var rules = contract.RowRules ?? [];
        if (rules.Length != ImplementedRules.Length || rules.Any(r => !ImplementedRules.Contains(r)))
            return $"the contract has row rules the fast path does not implement ({string.Join(", ", rules.Where(r => !ImplementedRules.Contains(r)).Select(r => r.Method.Name))}); it implements exactly {string.Join(", ", ImplementedRules.Select(r => r.Method.Name))}";
        if (contract.NlExclusiveWithProvinces) return "the contract has the NL-or-provinces rule, which the fast path does not implement";
        return null;
    }

    /// <summary>
    /// Reads the header and prepares the blocks. When the file's shape sends it elsewhere (<see cref="DetailValidation.FallbackReason"/>)
    /// or its header rejects it, <see cref="Ready"/> is false and <see cref="Finish"/> gives that outcome without reading a record.
    /// A Windows-1252 file is first copied to UTF-8 in <paramref name="tempDir"/> (removed on <see cref="Dispose"/>).
    /// </summary>
    public DetailValidator(ReferenceData reference, double badRowThreshold, DiscoveredFile file, DetailFileFacts facts, string tempDir)
    {
        cells = new CellParser(reference);
        contract = file.Contract!;
        this.badRowThreshold = badRowThreshold;
        this.facts = facts;
        result = new ExtractValidation { File = file, Encoding = facts.Encoding, LineEnding = facts.LineEnding };
        outcome = new DetailValidation { Result = result };
        sourcePath = file.Path;
        sourceLength = facts.Bytes;
        lineFeedsBefore = facts.LineFeedsBefore;

        var why = Unsupported(contract) ?? facts switch
        {
            { Bytes: 0 } => "the file is empty",
            { HasBareCr: true } => "a carriage return without a line feed",
            { HasBom: true, ValidUtf8: false } => "a UTF-8 byte order mark before text that is not UTF-8",
            _ => null,
        };
        var headerText = facts.ValidUtf8 ? Encoding.UTF8.GetString(facts.FirstLine) : TextDecoding.Windows1252.GetString(facts.FirstLine);
        if (why is null && TextDecoding.Utf16Problem(facts.FirstLine) is not null) why = "UTF-16";
        if (why is null && (string.IsNullOrWhiteSpace(headerText) || headerText.Contains('"'))) why = "a blank or quoted header line";
        if (why is not null) { outcome.FallbackReason = why; return; }

        var headers = headerText.Split(';').Select(h => h.Trim()).ToArray();
        fieldCount = headers.Length;
        index = ExtractValidator.MapHeader(contract, headers, result);
        result.HeaderLines = 1;
        result.PhysicalLines = facts.LastLine;
        if (result.Rejected) return;

        foreach (var code in reference.Arbeidsmarktregios.Keys.Where(c => c.Length == 4 && c.All(char.IsAsciiLetterOrDigit) && c == c.ToUpperInvariant()).Take(RegionSlots / 2))
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(Encoding.ASCII.GetBytes(code));
            var slot = RegionSlot(value);
            while (regions[slot] != 0 && regions[slot] != value) slot = (slot + 1) & (RegionSlots - 1);
            regions[slot] = value;
        }
        foreach (var code in reference.Beroepen.Keys)
            if (code.Length == 2 && code.All(char.IsAsciiDigit)) klassen[(code[0] - '0') * 10 + code[1] - '0'] = true;

        if (!facts.ValidUtf8)
        {
            // Line numbers do not change in the copy, byte offsets do: its blocks come from a scan of the copy.
            transcoded = Path.Combine(tempDir, $".detail-{Guid.NewGuid():N}.utf8.csv");
            DetailFileScan.TranscodeWindows1252(file.Path, transcoded);
            var copy = DetailFileScan.Scan(transcoded, facts.BlockSize, sha256: false);
            sourcePath = transcoded;
            sourceLength = copy.Bytes;
            lineFeedsBefore = copy.LineFeedsBefore;
        }
        Ready = true;
    }

    static int RegionSlot(uint code) => (int)((code * 0x9E3779B1u) >> 22);

    bool KnownRegion(uint code)
    {
        for (var slot = RegionSlot(code); regions[slot] != 0; slot = (slot + 1) & (RegionSlots - 1))
            if (regions[slot] == code) return true;
        return false;
    }

    /// <summary>True when the records are to be read; false when the outcome is already known (fallback or a rejected header).</summary>
    public bool Ready { get; }

    /// <summary>The number of blocks: more cursors than this have nothing to do.</summary>
    public int Blocks => lineFeedsBefore.Length;

    /// <summary>A cursor for one thread. Cursors are not thread-safe; the validator's shared state is.</summary>
    public Reader OpenCursor()
    {
        if (!Ready || finished) throw new InvalidOperationException("the validator takes no more cursors");
        var reader = new Reader(this);
        lock (readers) readers.Add(reader);
        return reader;
    }

    /// <summary>Reads the whole file on <paramref name="threads"/> threads, each cursor writing to its own writer from <paramref name="writer"/>.</summary>
    public DetailValidation Run(int threads, Func<IDetailRowWriter> writer)
    {
        if (Ready)
        {
            var cursors = Enumerable.Range(0, Math.Clamp(threads, 1, Math.Max(Blocks, 1))).Select(_ => (Cursor: OpenCursor(), Writer: writer())).ToList();
            Parallel.ForEach(cursors, new ParallelOptions { MaxDegreeOfParallelism = cursors.Count }, c =>
            {
                while (c.Cursor.Fill(c.Writer, int.MaxValue) > 0) { }
            });
        }
        return Finish();
    }

    /// <summary>After all cursors are done: joins their findings in line order, finds duplicate keys, applies the bad-row threshold.</summary>
    public DetailValidation Finish()
    {
        if (finished) return outcome;
        finished = true;
        if (!Ready) return outcome;

        var ordered = readers.ToList();
        var stop = ordered.Where(r => r.StopLine is not null).OrderBy(r => r.StopLine).FirstOrDefault();
        foreach (var r in ordered)
        {
            result.RowsTotal += r.RowsTotal;
            outcome.RowsWritten += r.RowsWritten;
            outcome.SlowRecords += r.SlowRecords;
        }
        // Each cursor's findings are in line order and no two cursors read the same line: a stable sort by line joins them.
        result.Quarantine.AddRange(ordered.SelectMany(r => r.Quarantine).OrderBy(q => q.LineNumber));
        if (stop is not null)
        {
            outcome.FallbackReason = stop.StopFallback;
            result.FileError = stop.StopError;
            return outcome;
        }

        if (result.RowsTotal == 0) { result.FileError = "file has a header but no data rows"; return outcome; }
        var anchors = new LineAnchors(sourcePath, ordered.SelectMany(r => r.Anchors));
        var keys = KeyLog.Duplicates(ordered.Select(r => r.Keys).ToList(), line => KeyOf(anchors.LineAt(line)));
        foreach (var (dupLine, firstLine) in keys)
        {
            var raw = anchors.LineAt(dupLine);
            result.Quarantine.Add(new(dupLine, "Vacature_id", KeyOf(raw), $"duplicate key, first seen at line {firstLine}", raw));
            outcome.DuplicateLines.Add(dupLine);
        }
        var share = (double)result.RowsQuarantined / result.RowsTotal;
        if (share > badRowThreshold)
            result.FileError = string.Create(CultureInfo.InvariantCulture,
                $"{result.RowsQuarantined} of {result.RowsTotal} rows ({share:P1}) are bad, more than the threshold of {badRowThreshold:P1}; the file is rejected and the previous vintage stays in force");
        result.CheckLineAccounting(outcome.RowsToLoad);
        return outcome;
    }

    /// <summary>Closes the cursors' files (a cursor that read to the end has closed its own) and removes the UTF-8 copy.</summary>
    public void Dispose()
    {
        lock (readers) readers.ForEach(r => r.Close());
        if (transcoded is not null) File.Delete(transcoded);
    }

    /// <summary>Records the first line at which reading must stop; lines after the earliest such line need not be read.</summary>
    void StopAt(long line)
    {
        var seen = Volatile.Read(ref stopLine);
        while (line < seen)
        {
            var was = Interlocked.CompareExchange(ref stopLine, line, seen);
            if (was == seen) return;
            seen = was;
        }
    }

    long StopLineNow => Volatile.Read(ref stopLine);

    /// <summary>The next block to read: its index, or -1 when all are taken.</summary>
    int TakeBlock()
    {
        var k = Interlocked.Increment(ref nextBlock);
        return k < lineFeedsBefore.Length ? k : -1;
    }

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

    /// <summary>The Vacature_id of a record that passed, as the cell parser gave it (trimmed, unquoted).</summary>
    string KeyOf(string raw)
    {
        var fields = new List<string>();
        if (raw.Contains('"')) { if (CsvLine.Split(raw, ';', fields) is not null) throw new InvalidOperationException($"line that passed does not split: {raw}"); }
        else fields.AddRange(raw.Split(';'));
        return fields[index[Id]].Trim();
    }

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
                var keep = Line(line, buffer.AsSpan(pos, length));
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
        bool Line(long line, ReadOnlySpan<byte> bytes)
        {
            if (line == 1) return true; // the header, already read
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            RowsTotal++;
            if (bytes.Length == 0)
            {
                Quarantine.Add(new(line, null, null, "empty line; every line after the header must hold a record", ""));
                return true;
            }

            // Field boundaries, and at the same time: a quote sends the line to the contract's line splitter (CsvLine).
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

            var id = Field(bytes, Id);
            var filledOn = Field(bytes, Filled);
            var klasse = Field(bytes, Klasse);
            var regio = Field(bytes, Regio);
            var filled = NoDate;
            if (PlainId(id) && Day(Field(bytes, Arisen)) is var arisen && arisen != NoDate
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
            var y = Digits(s[..4]);
            var m = Digits(s[5..7]);
            var d = Digits(s[8..10]);
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

        static int Digits(ReadOnlySpan<byte> s)
        {
            var v = 0;
            foreach (var b in s)
            {
                if (b < (byte)'0' || b > (byte)'9') return -1;
                v = v * 10 + (b - '0');
            }
            return v;
        }

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

    /// <summary>
    /// The keys of the rows one cursor passed, for duplicate detection in line order. During the pass each key is only
    /// appended, as a 32-bit tag with its line number, to one of many partitions chosen by its hash (sequential
    /// writes, 8 bytes a row). Afterwards each partition, small enough for the CPU cache, is searched for repeated tags
    /// across all cursors' logs, in line order; a repeated tag is confirmed by reading both lines back and comparing the
    /// keys themselves (<see cref="LineAnchors"/>). A table of all keys at once would cost a cache and TLB miss per row, which on this kind of
    /// machine was most of the load time.
    /// </summary>
    internal sealed class KeyLog
    {
        const int FirstChunk = 256, LastChunk = 4096;
        /// <summary>Rows per hash partition: a partition's entries and its hash table fit the CPU cache when searched.</summary>
        const int RowsPerPartition = 16384;
        internal readonly record struct Entry(uint Tag, uint Line);

        /// <summary>Per partition: its full chunks, the chunk being filled and how much of it is used.</summary>
        readonly List<Entry[]>?[] full;
        readonly Entry[]?[] current;
        readonly int[] used;
        readonly int shift;

        public KeyLog(long expectedRows)
        {
            var count = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)Math.Max(expectedRows / RowsPerPartition, 1)), 1, 1 << 14);
            full = new List<Entry[]>?[count];
            current = new Entry[]?[count];
            used = new int[count];
            shift = 64 - BitOperations.Log2((uint)count);
        }

        int PartitionCount => current.Length;

        public void Add(ReadOnlySpan<byte> key, long line)
        {
            var hash = Hash(key);
            var p = current.Length == 1 ? 0 : (int)(hash >> shift);
            var chunk = current[p];
            var n = used[p];
            if (chunk is null || n == chunk.Length) { chunk = NewChunk(p); n = 0; }
            chunk[n] = new Entry((uint)hash, checked((uint)line));
            used[p] = n + 1;
        }

        Entry[] NewChunk(int p)
        {
            // Chunks grow from small (many cursors, few rows each) to large. Pinned and uninitialised: millions of
            // small arrays would otherwise be copied by every GC on their way to gen 2.
            var last = current[p];
            if (last is not null) (full[p] ??= []).Add(last);
            var chunk = GC.AllocateUninitializedArray<Entry>(last is null ? FirstChunk : Math.Min(last.Length * 2, LastChunk), pinned: true);
            current[p] = chunk;
            used[p] = 0;
            return chunk;
        }

        /// <summary>Copies the entries of partition <paramref name="p"/>, in the order they were added (line order), to <paramref name="into"/>.</summary>
        int CopyPartition(int p, Span<Entry> into)
        {
            var n = 0;
            foreach (var chunk in full[p] ?? [])
            {
                chunk.CopyTo(into[n..]);
                n += chunk.Length;
            }
            current[p].AsSpan(0, used[p]).CopyTo(into[n..]);
            return n + used[p];
        }

        int Count(int p) => (full[p]?.Sum(c => c.Length) ?? 0) + used[p];

        /// <summary>
        /// Every row whose key was seen on an earlier line, over the logs of all cursors (same partitioning, each log in
        /// line order): (line, first line), in line order. <paramref name="keyAt"/> gives the key of a line.
        /// </summary>
        public static List<(long Line, long FirstLine)> Duplicates(IReadOnlyList<KeyLog> logs, Func<long, string> keyAt)
        {
            if (logs.Count == 0) return [];
            var partitionCount = logs[0].PartitionCount;
            // The partitions are independent: two threads take every other one.
            var halves = new List<(long, long)>[2];
            Parallel.For(0, 2, h => halves[h] = Duplicates(logs, keyAt, partitionCount, h, 2));
            var found = halves[0];
            found.AddRange(halves[1]);
            found.Sort();
            return found;
        }

        static List<(long Line, long FirstLine)> Duplicates(IReadOnlyList<KeyLog> logs, Func<long, string> keyAt, int partitionCount, int start, int step)
        {
            var found = new List<(long, long)>();
            var merged = Array.Empty<Entry>();
            var slots = Array.Empty<int>();
            for (var p = start; p < partitionCount; p += step)
            {
                var n = logs.Sum(l => l.Count(p));
                if (n < 2) continue;
                if (merged.Length < n) merged = new Entry[n];
                Merge(logs, p, merged);
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)(n * 2));
                if (slots.Length < size) slots = new int[size];
                Array.Clear(slots, 0, size);
                var mask = size - 1;
                Dictionary<long, string>? keys = null;
                string Key(long line) => (keys ??= []).TryGetValue(line, out var k) ? k : keys[line] = keyAt(line);
                for (var i = 0; i < n; i++)
                {
                    var e = merged[i];
                    var slot = (int)(Mix(e.Tag) & (uint)mask);
                    var duplicate = false;
                    while (slots[slot] != 0)
                    {
                        var first = merged[slots[slot] - 1];
                        if (first.Tag == e.Tag && Key(first.Line) == Key(e.Line))
                        {
                            found.Add((e.Line, first.Line));
                            duplicate = true;
                            break;
                        }
                        slot = (slot + 1) & mask;
                    }
                    if (!duplicate) slots[slot] = i + 1;
                }
            }
            return found;
        }

        /// <summary>Partition <paramref name="p"/> of every log into <paramref name="into"/>, in line order (each log is already).</summary>
        static void Merge(IReadOnlyList<KeyLog> logs, int p, Entry[] into)
        {
            if (logs.Count == 1) { logs[0].CopyPartition(p, into); return; }
            // Each log's run side by side in one buffer, then merged run by run: logs are few (one per thread).
            var buffer = new Entry[into.Length];
            var runs = new List<(int Start, int End)>();
            var at = 0;
            foreach (var log in logs)
            {
                var n = log.CopyPartition(p, buffer.AsSpan(at));
                if (n > 0) runs.Add((at, at + n));
                at += n;
            }
            var heads = runs.Select(r => r.Start).ToArray();
            for (var o = 0; o < at; o++)
            {
                var min = -1;
                for (var r = 0; r < runs.Count; r++)
                    if (heads[r] < runs[r].End && (min < 0 || buffer[heads[r]].Line < buffer[heads[min]].Line)) min = r;
                into[o] = buffer[heads[min]++];
            }
        }

        static uint Mix(uint x)
        {
            x ^= x >> 16;
            x *= 0x7FEB352D;
            x ^= x >> 15;
            return x;
        }

        static ulong Hash(ReadOnlySpan<byte> s)
        {
            var h = 0x9E3779B97F4A7C15UL ^ (ulong)s.Length;
            while (s.Length >= 8)
            {
                h = BitOperations.RotateLeft(h ^ (BinaryPrimitives.ReadUInt64LittleEndian(s) * 0xBF58476D1CE4E5B9UL), 27) * 0x94D049BB133111EBUL;
                s = s[8..];
            }
            ulong tail = 0;
            for (var i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
            h = BitOperations.RotateLeft(h ^ (tail * 0xBF58476D1CE4E5B9UL), 27) * 0x94D049BB133111EBUL;
            // Final avalanche (MurmurHash3's fmix64): partition and tag must depend on every input bit.
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return h;
        }
    }
}
