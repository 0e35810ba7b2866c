// The fast validator of uwv_vacatures_detail: the same outcome as ExtractValidator, record by record, without
// holding the file or its rows in memory. The file is read in blocks by several cursors at once (inside DuckDB's
// insert, see DetailScanFunction); each valid row goes straight to a row writer.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Monitor.Domain;

namespace Monitor.Sources.Detail;

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
public sealed partial class DetailValidator : IDisposable
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

    /// <summary>The Vacature_id of a record that passed, as the cell parser gave it (trimmed, unquoted).</summary>
    string KeyOf(string raw)
    {
        var fields = new List<string>();
        if (raw.Contains('"')) { if (CsvLine.Split(raw, ';', fields) is not null) throw new InvalidOperationException($"line that passed does not split: {raw}"); }
        else fields.AddRange(raw.Split(';'));
        return fields[index[Id]].Trim();
    }
}
