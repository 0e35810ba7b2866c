// The fast validator of uwv_vacatures_detail: the same outcome as ExtractValidator, record by record, without
// holding the file or its rows in memory. Valid rows go to a clean CSV that DuckDB loads in parallel.
using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Text;
using CsvHelper;
using Monitor.Domain;

namespace Monitor.Sources.Detail;

/// <summary>
/// The outcome of <see cref="DetailValidator.Validate"/>. <see cref="Result"/> holds what the generic validator
/// would hold except the valid rows, which are in <see cref="CleanCsvs"/> (line;contract columns, UTF-8, LF).
/// When <see cref="FallbackReason"/> is set the file has a shape this reader does not handle; nothing was decided
/// and the generic validator must read it.
/// </summary>
public sealed class DetailValidation
{
    public required ExtractValidation Result { get; init; }
    /// <summary>The clean CSV files, one per part of the file that was validated on its own thread; none when nothing is to be loaded.</summary>
    public List<string> CleanCsvs { get; } = [];
    public long RowsToLoad { get; set; }
    public string? FallbackReason { get; set; }
    /// <summary>Records that were not plain canonical values and went through <see cref="CellParser"/> one by one.</summary>
    public long SlowRecords { get; set; }
    /// <summary>Lines whose rows are in the clean CSV but repeat an earlier key: the insert leaves them out.</summary>
    public List<long> DuplicateLines { get; } = [];
}

/// <summary>
/// Reads a detail file line by line as bytes. A record whose cells are all in canonical form (2023-05-01, 07, AM01,
/// a plain count, an id without surrounding blanks) is accepted on the spot; anything else is decoded and goes
/// through the very same <see cref="CellParser"/> and row rules as the generic validator, so reasons, raw values and
/// edge cases (" 7 ", "+3", "am01") come out identical. Duplicate keys are found among the rows that passed, in line
/// order, as the generic validator does (see <see cref="KeyLog"/>).
/// </summary>
public sealed class DetailValidator(ReferenceData reference, double badRowThreshold)
{
    static readonly DatasetContract Contract = Contracts.Find("uwv", "vacatures_detail")!;
    const int Id = 0, Arisen = 1, Filled = 2, Klasse = 3, Regio = 4, Posities = 5;

    readonly CellParser cells = new(reference);

    public static bool Handles(DiscoveredFile file) => file.NameFits && file.Contract == Contract;

    /// <summary>
    /// Files of at least this many bytes are validated in two halves at once (split at a line end), each on its own
    /// thread with its own clean CSV; the halves' results are joined in line order, so the outcome is that of one pass.
    /// </summary>
    public long SplitFromBytes { get; init; } = 32L << 20;

    /// <summary>For tests: where to split (the next line start from this byte offset), instead of the middle.</summary>
    internal long? SplitNear { get; init; }

    /// <summary>Validates <paramref name="file"/>; the clean CSV (if any) is written into <paramref name="tempDir"/>, the caller deletes it.</summary>
    public DetailValidation Validate(DiscoveredFile file, DetailFileFacts facts, string tempDir)
    {
        var result = new ExtractValidation { File = file, Encoding = facts.Encoding, LineEnding = facts.LineEnding };
        var outcome = new DetailValidation { Result = result };

        var why = facts switch
        {
            { Bytes: 0 } => "the file is empty",
            { HasBareCr: true } => "a carriage return without a line feed",
            { HasNul: true } => "NUL bytes",
            { HasBom: true, ValidUtf8: false } => "a UTF-8 byte order mark before text that is not UTF-8",
            _ => null,
        };
        var headerText = facts.ValidUtf8 ? Encoding.UTF8.GetString(facts.FirstLine) : Windows1252.GetString(facts.FirstLine);
        if (why is null && (string.IsNullOrWhiteSpace(headerText) || headerText.Contains('"'))) why = "a blank or quoted header line";
        if (why is not null) { outcome.FallbackReason = why; return outcome; }

        var headers = headerText.Split(';').Select(h => h.Trim()).ToArray();
        var index = MapHeader(headers, result);
        if (result.Rejected) return outcome;

        string source = file.Path;
        string? transcoded = null;
        if (!facts.ValidUtf8)
        {
            transcoded = Path.Combine(tempDir, $".detail-{Guid.NewGuid():N}.utf8.csv");
            DetailFileScan.TranscodeWindows1252(file.Path, transcoded);
            source = transcoded;
        }
        var skip = facts.HasBom ? 3 : 0;
        var length = new FileInfo(source).Length;
        var split = SplitPoint(source, skip, length);
        var cleans = new List<string> { Path.Combine(tempDir, $".detail-{Guid.NewGuid():N}.clean.csv") };
        try
        {
            var reader = new Reader(this, result, outcome, headers.Length, index, facts, cleans[0], source);
            if (split is not { } at) reader.Run(skip, length, 0);
            else
            {
                cleans.Add(Path.Combine(tempDir, $".detail-{Guid.NewGuid():N}.clean.csv"));
                var secondResult = new ExtractValidation { File = file, Encoding = facts.Encoding, LineEnding = facts.LineEnding };
                var secondOutcome = new DetailValidation { Result = secondResult };
                var second = new Reader(this, secondResult, secondOutcome, headers.Length, index, facts, cleans[1], source);
                var linesBefore = DetailFileScan.CountLineFeeds(source, at);
                try
                {
                    Parallel.Invoke(() => reader.Run(skip, at, 0), () => second.Run(at, length, linesBefore));
                }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
                reader.Append(second);
            }
            reader.Finish();
            if (outcome.FallbackReason is not null || result.Rejected || outcome.RowsToLoad == 0) cleans.ForEach(File.Delete);
            else outcome.CleanCsvs.AddRange(cleans);
        }
        catch
        {
            cleans.ForEach(File.Delete);
            throw;
        }
        finally
        {
            if (transcoded is not null) File.Delete(transcoded);
        }
        return outcome;
    }

    /// <summary>The byte offset of the line start where the second half begins, or null to read the file in one pass.</summary>
    long? SplitPoint(string path, long skip, long length)
    {
        if (SplitNear is null && length < SplitFromBytes) return null;
        var near = Math.Clamp(SplitNear ?? skip + (length - skip) / 2, skip, length);
        using var handle = File.OpenHandle(path);
        var chunk = new byte[64 * 1024];
        for (var offset = near; offset < length;)
        {
            var n = RandomAccess.Read(handle, chunk, offset);
            if (n == 0) break;
            var nl = chunk.AsSpan(0, n).IndexOf((byte)'\n');
            if (nl >= 0) return offset + nl + 1 < length ? offset + nl + 1 : null;
            offset += n;
        }
        return null;
    }

    /// <summary>The generic validator's header rules: duplicates and missing columns reject, extras warn.</summary>
    static int[] MapHeader(string[] headers, ExtractValidation result) => ExtractValidator.MapHeader(Contract, headers, result);

    static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>One pass over the records of one file.</summary>
    sealed class Reader
    {
        readonly DetailValidator owner;
        readonly ExtractValidation result;
        readonly DetailValidation outcome;
        readonly int fieldCount;
        readonly int[] index;
        readonly DetailFileFacts facts;
        readonly string cleanPath;
        readonly KeyLog keys;
        long lineOffset;
        readonly string sourcePath;
        readonly List<QuarantinedRow> duplicates = [];
        readonly HashSet<uint> regions;
        readonly HashSet<ushort> klassen;
        readonly int[] starts;
        readonly int[] ends;
        FileStream? output;
        byte[] outBuffer = new byte[1 << 20];
        int outPos;

        Span<byte> Reserve(int bytes)
        {
            if (outPos + bytes > outBuffer.Length)
            {
                output!.Write(outBuffer, 0, outPos);
                outPos = 0;
                if (bytes > outBuffer.Length) outBuffer = new byte[bytes * 2];
            }
            return outBuffer.AsSpan(outPos);
        }

        public Reader(DetailValidator owner, ExtractValidation result, DetailValidation outcome, int fieldCount, int[] index, DetailFileFacts facts, string cleanPath, string sourcePath)
        {
            this.sourcePath = sourcePath;
            this.owner = owner;
            this.result = result;
            this.outcome = outcome;
            this.fieldCount = fieldCount;
            this.index = index;
            this.facts = facts;
            this.cleanPath = cleanPath;
            keys = new KeyLog(facts.LineFeeds + 16);
            regions = [];
            foreach (var code in owner.referenceData.Arbeidsmarktregios.Keys)
                if (code.Length == 4 && code.All(char.IsAsciiLetterOrDigit) && code == code.ToUpperInvariant())
                    regions.Add(BinaryPrimitives.ReadUInt32LittleEndian(Encoding.ASCII.GetBytes(code)));
            klassen = [];
            foreach (var code in owner.referenceData.Beroepen.Keys)
                if (code.Length == 2 && code.All(char.IsAsciiDigit)) klassen.Add((ushort)(code[0] << 8 | code[1]));
            starts = new int[fieldCount];
            ends = new int[fieldCount];
        }

        /// <summary>Reads the lines in bytes [<paramref name="from"/>, <paramref name="to"/>); <paramref name="linesBefore"/> lines precede them.</summary>
        public void Run(long from, long to, long linesBefore)
        {
            using var stream = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            stream.Position = from;
            long bufferOffset = from;
            output = new FileStream(cleanPath, FileMode.Create, FileAccess.Write, FileShare.None, 1);
            var buffer = ArrayPool<byte>.Shared.Rent(DetailFileScan.ChunkSize);
            try
            {
                var filled = 0;
                var line = linesBefore;
                var done = false;
                while (!done)
                {
                    var read = stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, to - bufferOffset - filled));
                    var eof = read == 0;
                    filled += read;
                    var span = buffer.AsSpan(0, filled);
                    var pos = 0;
                    while (true)
                    {
                        var nl = span[pos..].IndexOf((byte)'\n');
                        if (nl < 0)
                        {
                            if (!eof) break;
                            if (pos < span.Length) { line++; lineOffset = bufferOffset + pos; if (!Line(line, span[pos..])) { done = true; break; } }
                            pos = span.Length;
                            done = true;
                            break;
                        }
                        line++;
                        lineOffset = bufferOffset + pos;
                        if (!Line(line, span.Slice(pos, nl))) { done = true; break; }
                        pos += nl + 1;
                    }
                    if (done) break;
                    // Keep the incomplete last line; a line longer than the buffer gets a larger buffer.
                    var rest = filled - pos;
                    if (pos == 0 && rest == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, rest).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    else buffer.AsSpan(pos, rest).CopyTo(buffer);
                    bufferOffset += pos;
                    filled = rest;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                output.Write(outBuffer, 0, outPos);
                output.Dispose();
            }
        }

        /// <summary>Takes over what <paramref name="next"/> found in the part of the file after this one's.</summary>
        public void Append(Reader next)
        {
            // Reading stops at the first line that sends the file elsewhere or rejects it; that line is in the earlier part
            // if there is one there.
            if (outcome.FallbackReason is not null || result.Rejected) return;
            outcome.FallbackReason = next.outcome.FallbackReason;
            result.FileError = next.result.FileError;
            result.RowsTotal += next.result.RowsTotal;
            result.Quarantine.AddRange(next.result.Quarantine);
            outcome.RowsToLoad += next.outcome.RowsToLoad;
            outcome.SlowRecords += next.outcome.SlowRecords;
            keys.Append(next.keys);
        }

        /// <summary>After all lines: duplicate keys, an empty file, and the bad-row threshold.</summary>
        public void Finish()
        {
            if (outcome.FallbackReason is not null || result.Rejected) return;

            if (result.RowsTotal == 0) { result.FileError = "file has a header but no data rows"; return; }
            foreach (var (dupLine, firstLine, offset) in keys.Duplicates(KeyAt))
            {
                var raw = LineAt(offset);
                duplicates.Add(new(dupLine, "Vacature_id", KeyOf(raw), $"duplicate key, first seen at line {firstLine}", raw));
                outcome.DuplicateLines.Add(dupLine);
            }
            outcome.RowsToLoad -= outcome.DuplicateLines.Count;
            result.Quarantine.AddRange(duplicates);
            var share = (double)result.RowsQuarantined / result.RowsTotal;
            if (share > owner.badRowThreshold)
                result.FileError = string.Create(CultureInfo.InvariantCulture,
                    $"{result.RowsQuarantined} of {result.RowsTotal} rows ({share:P1}) are bad, more than the threshold of {owner.badRowThreshold:P1}; the file is rejected and the previous vintage stays in force");
        }

        /// <summary>Handles one physical line; false stops reading (file rejected or handed to the generic reader).</summary>
        bool Line(long line, ReadOnlySpan<byte> bytes)
        {
            if (line == 1) return true; // the header, already read
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            if (bytes.Length == 0) return true; // empty lines are skipped, as by the generic reader
            result.RowsTotal++;

            // Field boundaries, and at the same time: a quote sends the line to the CSV reader.
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
            var arisen = Field(bytes, Arisen);
            var filledOn = Field(bytes, Filled);
            var klasse = Field(bytes, Klasse);
            var regio = Field(bytes, Regio);
            var posities = Field(bytes, Posities);
            if (PlainId(id) && IsDate(arisen) && (filledOn.Length == 0 || (IsDate(filledOn) && filledOn.SequenceCompareTo(arisen) >= 0))
                && KlasseCode(klasse) is { } k && RegionCode(regio) is { } r && IsCount(posities))
            {
                keys.Add(id, line, lineOffset);
                var o = Reserve(20 + bytes.Length + 8);
                Utf8Formatter.TryFormat(line, o, out var w);
                o[w++] = (byte)';';
                id.CopyTo(o[w..]); w += id.Length; o[w++] = (byte)';';
                arisen.CopyTo(o[w..]); w += 10; o[w++] = (byte)';';
                filledOn.CopyTo(o[w..]); w += filledOn.Length; o[w++] = (byte)';';
                o[w++] = (byte)(k >> 8); o[w++] = (byte)k; o[w++] = (byte)';';
                BinaryPrimitives.WriteUInt32LittleEndian(o[w..], r); w += 4; o[w++] = (byte)';';
                posities.CopyTo(o[w..]); w += posities.Length; o[w++] = (byte)'\n';
                outPos += w;
                outcome.RowsToLoad++;
                return true;
            }
            var text = Encoding.UTF8.GetString(bytes);
            return Record(line, text.Split(';'), text);
        }

        ReadOnlySpan<byte> Field(ReadOnlySpan<byte> bytes, int column) => bytes[starts[index[column]]..ends[index[column]]];

        bool WrongFieldCount(long line, int n, ReadOnlySpan<byte> bytes)
        {
            // A short last record in a file that stops mid-line was cut off in transfer: the file, not the row, is bad.
            if (!facts.EndsWithNewline && n < fieldCount && line == facts.LastLine)
            {
                result.FileError = $"truncated last line {line}: {n} of {fieldCount} fields and no line end; the delivery looks cut off";
                return false;
            }
            result.Quarantine.Add(new(line, null, null, $"expected {fieldCount} fields as in the header, found {n}", Encoding.UTF8.GetString(bytes)));
            return true;
        }

        /// <summary>A line with quotes: read by CsvHelper, as the generic validator does, unless a quoted value runs past the line end.</summary>
        bool QuotedLine(long line, ReadOnlySpan<byte> bytes)
        {
            if (!QuotesClosedOnLine(bytes))
            {
                outcome.FallbackReason = $"line {line} has a quoted value that does not close on that line";
                return false;
            }
            var text = Encoding.UTF8.GetString(bytes);
            var options = CsvReaderOptions.Default with { Separator = ';', HasHeader = false, MalformedData = CsvMalformedDataHandling.Recover };
            using var csv = CsvReader.FromText(text, options);
            if (!csv.Read())
            {
                outcome.FallbackReason = $"line {line} could not be read as one record";
                return false;
            }
            var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (csv.Read())
            {
                outcome.FallbackReason = $"line {line} reads as more than one record";
                return false;
            }
            if (fields.Length != fieldCount) return WrongFieldCount(line, fields.Length, bytes);
            return Record(line, fields, text);
        }

        /// <summary>
        /// True when every quote on the line opens a value at a field start and closes within the line, with at most
        /// "" inside. Anything else (a quote in the middle of a value, text after a closing quote followed by another
        /// quote, a value that spans lines) is left to the generic reader.
        /// </summary>
        static bool QuotesClosedOnLine(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i <= bytes.Length)
            {
                if (i < bytes.Length && bytes[i] == (byte)'"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= bytes.Length) return false;
                        if (bytes[i] == (byte)'"')
                        {
                            if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'"') { i += 2; continue; }
                            i++;
                            break;
                        }
                        i++;
                    }
                    if (i < bytes.Length && bytes[i] != (byte)';') return false;
                }
                else
                {
                    while (i < bytes.Length && bytes[i] != (byte)';')
                    {
                        if (bytes[i] == (byte)'"') return false;
                        i++;
                    }
                }
                i++; // past the separator (or the end)
            }
            return true;
        }

        /// <summary>The generic validator's rules for one record, on its decoded fields.</summary>
        bool Record(long line, string[] fields, string raw)
        {
            outcome.SlowRecords++;
            var columns = Contract.Columns;
            var values = new object?[columns.Length];
            var bad = false;
            for (var c = 0; c < columns.Length; c++)
            {
                var text = fields[index[c]];
                var cell = owner.cells.Parse(columns[c], text);
                if (cell.IsError)
                {
                    result.Quarantine.Add(new(line, columns[c].Header, text, cell.Error!, raw));
                    bad = true;
                    continue;
                }
                values[c] = cell.Value;
            }
            if (bad) return true;
            var byName = new Dictionary<string, object?>(columns.Length);
            for (var c = 0; c < columns.Length; c++) byName[columns[c].SqlName] = values[c];
            foreach (var rule in Contract.RowRules ?? [])
            {
                if (rule(byName) is not { } problem) continue;
                var col = Array.FindIndex(columns, x => x.Header == problem.Column);
                result.Quarantine.Add(new(line, problem.Column, col >= 0 ? fields[index[col]] : null, problem.Reason, raw));
                bad = true;
            }
            if (bad) return true;

            var id = (string)values[Id]!;
            keys.Add(Encoding.UTF8.GetBytes(id), line, lineOffset);
            var inv = CultureInfo.InvariantCulture;
            var text2 = string.Join(';',
                line.ToString(inv),
                Quote(id),
                ((DateOnly)values[Arisen]!).ToString("yyyy-MM-dd", inv),
                values[Filled] is DateOnly d ? d.ToString("yyyy-MM-dd", inv) : "",
                (string)values[Klasse]!,
                (string)values[Regio]!,
                ((long)values[Posities]!).ToString(inv)) + "\n";
            var encoded = Encoding.UTF8.GetBytes(text2);
            encoded.CopyTo(Reserve(encoded.Length));
            outPos += encoded.Length;
            outcome.RowsToLoad++;
            return true;
        }

        /// <summary>The text of the line that starts at <paramref name="offset"/>, line end removed (as the generic reader's raw record).</summary>
        string LineAt(long offset)
        {
            using var handle = File.OpenHandle(sourcePath);
            var bytes = new List<byte>();
            var chunk = new byte[4096];
            while (true)
            {
                var n = RandomAccess.Read(handle, chunk, offset + bytes.Count);
                if (n == 0) break;
                var nl = Array.IndexOf(chunk, (byte)'\n', 0, n);
                bytes.AddRange(chunk.AsSpan(0, nl < 0 ? n : nl).ToArray());
                if (nl >= 0) break;
            }
            if (bytes.Count > 0 && bytes[^1] == (byte)'\r') bytes.RemoveAt(bytes.Count - 1);
            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        /// <summary>The Vacature_id of a record that passed, as the cell parser gave it (trimmed, unquoted).</summary>
        string KeyOf(string raw)
        {
            string[] fields;
            if (raw.Contains('"'))
            {
                using var csv = CsvReader.FromText(raw, CsvReaderOptions.Default with { Separator = ';', HasHeader = false, MalformedData = CsvMalformedDataHandling.Recover });
                csv.Read();
                fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            }
            else fields = raw.Split(';');
            return fields[index[Id]].Trim();
        }

        string KeyAt(long offset) => KeyOf(LineAt(offset));

        static string Quote(string value) =>
            value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

        /// <summary>Non-empty, not ".", and no blank at either end (so trimming would not change it); ASCII edges only.</summary>
        static bool PlainId(ReadOnlySpan<byte> id)
        {
            if (id.Length == 0 || (id.Length == 1 && id[0] == (byte)'.')) return false;
            return Plain(id[0]) && Plain(id[^1]);
            static bool Plain(byte b) => b > 0x20 && b < 0x7F;
        }

        /// <summary>YYYY-MM-DD naming a real day (year 1 to 9999), as DateOnly.TryParseExact accepts it.</summary>
        static bool IsDate(ReadOnlySpan<byte> s)
        {
            if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-') return false;
            var y = Digits(s[..4]);
            var m = Digits(s[5..7]);
            var d = Digits(s[8..10]);
            return y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
        }

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
            return klassen.Contains(code) ? code : null;
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
            return regions.Contains(code) ? code : null;
        }

        /// <summary>1 to 18 digits: a count long.TryParse reads and that cannot be negative.</summary>
        static bool IsCount(ReadOnlySpan<byte> s)
        {
            if (s.Length is 0 or > 18) return false;
            foreach (var b in s) if (!IsDigit(b)) return false;
            return true;
        }
    }

    readonly ReferenceData referenceData = reference;
    readonly double badRowThreshold = badRowThreshold;

    /// <summary>
    /// The keys of the rows that passed, for duplicate detection in line order. During the pass each key is only
    /// appended, as a 32-bit tag with its line and byte offset, to one of many partitions chosen by its hash (sequential
    /// writes, 16 bytes a row). Afterwards each partition, small enough for the CPU cache, is searched for repeated tags;
    /// a repeated tag is confirmed by reading both lines back and comparing the keys themselves. A table of all keys at
    /// once would cost a cache and TLB miss per row, which on this kind of machine was most of the load time.
    /// </summary>
    sealed class KeyLog
    {
        const int ChunkEntries = 4096;
        readonly record struct Entry(uint Tag, uint Line, long Offset);

        readonly List<Entry[]>[] partitions;
        readonly int[] used;
        readonly int shift;

        public KeyLog(long expectedRows)
        {
            var count = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)Math.Max(expectedRows / 16384, 1)), 1, 1 << 14);
            partitions = new List<Entry[]>[count];
            used = new int[count];
            for (var i = 0; i < count; i++) partitions[i] = [];
            shift = 64 - BitOperations.Log2((uint)count);
        }

        public void Add(ReadOnlySpan<byte> key, long line, long offset)
        {
            var hash = Hash(key);
            Add(partitions.Length == 1 ? 0 : (int)(hash >> shift), new Entry((uint)hash, checked((uint)line), offset));
        }

        void Add(int p, Entry entry)
        {
            var chunks = partitions[p];
            if (chunks.Count == 0 || used[p] == ChunkEntries)
            {
                // Pinned and uninitialised: millions of small arrays would otherwise be copied by every GC on their way to gen 2.
                chunks.Add(GC.AllocateUninitializedArray<Entry>(ChunkEntries, pinned: true));
                used[p] = 0;
            }
            chunks[^1][used[p]++] = entry;
        }

        /// <summary>Takes the entries of <paramref name="next"/> (same partitioning, later lines) as coming after this log's own.</summary>
        public void Append(KeyLog next)
        {
            if (later is null) later = next;
            else later.Append(next);
        }

        KeyLog? later;

        long Count(int p) => (partitions[p].Count == 0 ? 0 : (partitions[p].Count - 1) * ChunkEntries + used[p]) + (later?.Count(p) ?? 0);

        Entry At(int p, long i)
        {
            var own = partitions[p].Count == 0 ? 0 : (partitions[p].Count - 1) * ChunkEntries + used[p];
            return i < own ? partitions[p][(int)(i / ChunkEntries)][i % ChunkEntries] : later!.At(p, i - own);
        }

        /// <summary>Every row whose key was seen on an earlier line: (line, first line, byte offset), in line order.</summary>
        public List<(long Line, long FirstLine, long Offset)> Duplicates(Func<long, string> keyAt)
        {
            // The partitions are independent: two threads take every other one.
            var halves = new List<(long, long, long)>[2];
            Parallel.For(0, 2, h => halves[h] = Duplicates(keyAt, h, 2));
            var found = halves[0];
            found.AddRange(halves[1]);
            found.Sort();
            return found;
        }

        List<(long Line, long FirstLine, long Offset)> Duplicates(Func<long, string> keyAt, int start, int step)
        {
            var found = new List<(long, long, long)>();
            for (var p = start; p < partitions.Length; p += step)
            {
                var n = (int)Count(p);
                if (n < 2) continue;
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)(n * 2));
                var slots = new int[size]; // entry index + 1; 0 = empty
                var mask = size - 1;
                Dictionary<long, string>? keys = null;
                string Key(long offset) => (keys ??= []).TryGetValue(offset, out var k) ? k : keys[offset] = keyAt(offset);
                for (var i = 0; i < n; i++)
                {
                    var e = At(p, i);
                    var slot = (int)(Mix(e.Tag) & (uint)mask);
                    var duplicate = false;
                    while (slots[slot] != 0)
                    {
                        var first = At(p, slots[slot] - 1);
                        if (first.Tag == e.Tag && Key(first.Offset) == Key(e.Offset))
                        {
                            found.Add((e.Line, first.Line, e.Offset));
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
