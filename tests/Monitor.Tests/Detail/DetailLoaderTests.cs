using System.Text;
using Dapper;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Detail;

/// <summary>
/// The fast detail loader must give exactly what the generic path (the reference) gives: the same extract row,
/// raw rows with their line numbers, quarantine rows and warnings. Each case loads one hand-written file both ways.
/// </summary>
public class DetailLoaderTests
{
    const string Header = "Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities";
    static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly Monitor.Domain.ReferenceData reference = ReferenceLoader.Load(Fixtures.RepoRoot + "/sample-data").Data;

    /// <summary>The reference outcome: <paramref name="file"/> loaded by the generic path.</summary>
    static void LoadGeneric(WarehouseDb db, double threshold, string runId, DiscoveredFile file) =>
        new IngestStep(new ExtractValidator(reference, threshold), () => Now, fastDetail: false).Run(db, runId, [file]);

    /// <summary>Every kind of row problem, the cases the canonical fast check must hand to the cell parser, and duplicates.</summary>
    static readonly string[] Messy =
    [
        Header,
        "V1;2023-01-15;;07;AM01;1",
        "V2;2023-02-01;2023-03-31;08;AM18;2",
        " V3 ;2023-02-01;2023-04-01; 7 ;am18;+3",
        "V4;2023-13-01;;07;AM01;1",
        "V5;2023-02-30;;07;AM01;1",
        "V6;2023-05-01;2023-04-30;07;AM01;1",
        "V7;2023-05-01;;14;AM01;1",
        "V8;2023-05-01;;07;AM99;1",
        "V9;2023-05-01;;07;PV20;1",
        "V10;2023-05-01;;07;AM01;-1",
        "V11;2023-05-01;;07;AM01;1.000",
        "V12;2023-05-01;;07;AM01;",
        ";2023-05-01;;07;AM01;1",
        ".;2023-05-01;;07;AM01;1",
        "V13;2023-05-01;.;07;AM01;1",
        "V14;2023-05-01;;07;AM01",
        "V15;2023-05-01;;07;AM01;1;extra",
        "",
        "V1;2023-06-01;;08;AM02;1",
        "V3;2023-06-01;;08;AM02;1",
        "V4;2023-06-01;;08;AM02;1",
        "V16;2023-5-01;;07;AM01;1",
        "V17;0000-01-01;;07;AM01;1",
        "V18;2023-05-01;;007;AM01;1",
        "V19;2023-05-01;;07;AM01;99999999999999999999",
        "V20;2023-05-01;;07;AM01;00012",
        "#V21;2023-05-01;;07;AM01;1",
        "V22;2023-05-01;;07;AM01;1;",
        "   ",
        "V23;2023-05-01;2023-05-01;07;AM01;1",
        "V24;bad;also bad;99;XX;x",
        "V26;2023-05-01;;07;AM01;1 1",
        "\"V27\";\"2023-05-01\";\"\";\"07\";\"AM01\";\"1\"",
        "\"V;28\";2023-05-01;;08;AM01;2",
        "\"V\"\"29\";2023-05-01;;8;AM01;2",
        "V30;2023-05-01;;07;AM01;1\u00A0",
        "Vé31;2023-05-01;;07;am05;1",
        "V32;2024-02-29;;13;AM38;5",
    ];

    static string LongId(char first, int length) => first + new string('x', length - 1);

    /// <summary>
    /// Lines of 63, 64 and 65 bytes around the one-look split of short printable lines (a record is 22 bytes plus its
    /// id): valid rows, a control character or a separator as the 64th byte, a blank ending the id, a tilde, DEL, a
    /// two-byte letter.
    /// </summary>
    static readonly string[] Around64 =
    [
        Header,
        $"{LongId('A', 41)};2023-01-15;;07;AM01;1",
        $"{LongId('B', 42)};2023-01-15;;07;AM01;1",
        $"{LongId('C', 43)};2023-01-15;;07;AM01;1",
        $"{LongId('D', 41)};2023-01-15;;07;AM01;1\u0001",
        $"{LongId('E', 41)};2023-01-15;;07;AM01;1;",
        $"{LongId('F', 41)} ;2023-01-15;;07;AM01;1",
        $"{LongId('A', 41)};2023-02-15;;07;AM01;1",
        "~V~;2023-01-15;2023-01-15;07;AM01;1",
        $"{LongId('G', 42)};2023-01-15;;07;AM01;\u007F",
        $"{LongId('H', 41)};2023-01-15;;07;AM0\u00C9;1",
    ];

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("messy, utf-8, lf", Bytes(Messy, "\n", utf8Bom: false), 0.9).SetName("Messy file, UTF-8, LF");
        yield return new TestCaseData("messy, utf-8 bom, crlf", Bytes(Messy, "\r\n", utf8Bom: true), 0.9).SetName("Messy file, UTF-8 with BOM, CRLF");
        yield return new TestCaseData("messy, windows-1252", Windows1252(Messy, "\r\n"), 0.9).SetName("Messy file, Windows-1252, CRLF");
        yield return new TestCaseData("messy, over the threshold", Bytes(Messy, "\n", utf8Bom: false), 0.05).SetName("Messy file over the bad-row threshold");
        yield return new TestCaseData("columns in another order, extra column",
            Bytes(["Aantal_posities;Arbeidsmarktregio;Opmerking;beroepsklasse ;Datum_vervuld;Datum_ontstaan;Vacature_id",
                   "1;AM01;hallo;07;;2023-01-15;A1", "2;AM02;;08;2023-03-01;2023-02-01;A2", "x;AM02;;08;;2023-02-01;A3", "1;AM01;;07;;2023-01-15;A1"], "\n", false), 0.9)
            .SetName("Columns in another order and an unknown column");
        yield return new TestCaseData("truncated", Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;bad;;07;AM01;1", "V1;2023-01-15;;07;AM01;1", "V3;2023-01-15;;07"], "\n", false)[..^1], 0.9)
            .SetName("Truncated last line");
        yield return new TestCaseData("no line end, complete", Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;2023-01-15;;07;AM01;1"], "\n", false)[..^1], 0.05)
            .SetName("Last line complete without a line end");
        yield return new TestCaseData("missing column", Bytes(["Vacature_id;Datum_ontstaan;Beroepsklasse;Arbeidsmarktregio;Aantal_posities", "V1;2023-01-15;07;AM01;1"], "\n", false), 0.05)
            .SetName("Missing column");
        yield return new TestCaseData("duplicate header", Bytes([Header + ";VACATURE_ID", "V1;2023-01-15;;07;AM01;1;V1"], "\n", false), 0.05)
            .SetName("Duplicate header column");
        yield return new TestCaseData("header only", Bytes([Header], "\n", false), 0.05).SetName("Header but no rows");
        var longId = "V" + new string('x', 70);
        yield return new TestCaseData("long lines", Bytes([Header, $"{longId};2023-01-15;;07;AM01;1", $"{longId}2;2023-01-15;2023-02-01; 7 ;am01;+2",
                $"\"{longId};3\";2023-01-15;;07;AM01;1", $"{longId}4;2023-01-15;;07;AM01;1;{longId}", $"{longId};2023-03-15;;08;AM02;1",
                $"{longId}5;2023-01-15;bad;07;AM01;1", "V6;2023-01-15;;07;AM01;1"], "\n", false), 0.9)
            .SetName("Lines longer than 64 bytes");
        yield return new TestCaseData("lines of 63 to 65 bytes", Bytes(Around64, "\n", false), 0.9).SetName("Lines of 63, 64 and 65 bytes");
        // Issue 11: the contract's quoting rule, empty lines, control characters and other scripts' digits, row by row.
        yield return new TestCaseData("stray quotes", Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;2023-01-15;;07;\"AM01;1", "V3;\"2023-01-15\"x;;07;AM01;1",
                "V4;2023-01-15;;07;AM\"01;1", "\"V5;2023-01-15;;07;AM01;1", "\"V6\";2023-01-15;;07;AM01;1", "V7;2023-01-15;;07;AM01;1"], "\n", false), 0.9)
            .SetName("Stray quotes: each a row error on its own line");
        yield return new TestCaseData("empty lines", Bytes([Header, "V1;2023-01-15;;07;AM01;1", "", "V2;2023-01-15;;07;AM01;1", "", ""], "\r\n", false), 0.9)
            .SetName("Empty lines inside and at the end of the file");
        yield return new TestCaseData("open quote at the end", Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;\"2023-01-1"], "\n", false)[..^1], 0.9)
            .SetName("File that ends inside an open quote");
        yield return new TestCaseData("control characters", Bytes([Header, "N\u00001;2023-01-15;;07;AM01;1", "N\u00002;2023-01-15;;07;AM01;1", "N;2023-01-15;;07;AM01;1",
                "V\u00014;2023-01-15;;07;AM01;1", "V5\u0085;2023-01-15;;07;AM01;1", "V6\u007F6;2023-01-15;;07;AM01;1", "V7;2023-01-15\u0000;;07;AM01;1", "V8\tx;2023-01-15;;07;AM01;1"], "\n", false), 0.9)
            .SetName("Control characters inside values");
        yield return new TestCaseData("unicode digits", Bytes([Header, "V1;\u0662\u0660\u0662\u0663-01-15;;07;AM01;1", "V2;2023-01-15;;\u0660\u0667;AM01;1",
                "V3;2023-01-15;;07;AM01;\uFF11", "V4;2023-01-15;;07;AM01;1"], "\n", false), 0.9)
            .SetName("Arabic-Indic and fullwidth digits");
    }

    [TestCaseSource(nameof(Cases))]
    public void Fast_path_gives_the_same_warehouse_rows_as_the_generic_path(string name, byte[] content, double threshold)
    {
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, content);

        using var generic = WarehouseDb.OpenForWrite(tmp.Combine("generic.duckdb"));
        LoadGeneric(generic, threshold, "run-1", file);

        using var fast = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var loader = new DetailLoader(reference, threshold);
        var outcome = loader.TryIngest(fast, "run-1", file, Now);
        Assert.That(outcome, Is.Not.Null, $"the fast path handed the file to the generic path: {loader.LastFallbackReason}");

        AssertSameRows(generic, fast);
        Assert.That(Directory.GetFiles(tmp.Path, ".detail-*"), Is.Empty, "temporary files are removed");
    }

    /// <summary>The files above and one that leaves the fast path halfway, as raw bytes.</summary>
    public static IEnumerable<TestCaseData> BlockCases()
    {
        foreach (var c in Cases()) yield return new TestCaseData(c.Arguments[1], c.Arguments[2]).SetName($"{c.TestName}, blocks of every size");
        yield return new TestCaseData(Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;x;;07;AM01;1", "\"V3", "tweede regel\";2023-01-15;;07;AM01;1", "V1;2023-01-15;;07;AM01;1"], "\n", false), 0.9)
            .SetName("Quoted value over two lines, blocks of every size");
        yield return new TestCaseData(Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;2023-01-15;;07;AM01;1", "V3;x;;07;AM01;1", "\"V4", "x\";2023-01-15;;07;AM01;1", "\"V5", "x\";2023-01-15;;07;AM01;1"], "\n", false), 0.9)
            .SetName("Two quoted values over two lines, blocks of every size");
    }

    [TestCaseSource(nameof(BlockCases))]
    public void Validating_in_blocks_on_several_threads_gives_what_one_pass_gives(byte[] content, double threshold)
    {
        // The file is read in blocks by several cursors at once; whatever the block size and the number of threads, the
        // joined result must be the one-pass result: counts, quarantine in line order, duplicates across blocks, the
        // line that sends the file elsewhere, reasons, and the rows written.
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, content);
        var whole = Validate(content.Length + 1, 1);
        for (var blockSize = 1; blockSize <= content.Length; blockSize++)
            foreach (var threads in new[] { 1, 3 })
                Assert.That(Validate(blockSize, threads), Is.EqualTo(whole), $"blocks of {blockSize} bytes on {threads} threads");
        Assert.That(Directory.GetFiles(tmp.Path, ".detail-*"), Is.Empty, "temporary files are removed");

        List<string> Validate(int blockSize, int threads)
        {
            var facts = DetailFileScan.Scan(file.Path, blockSize);
            using var validator = new DetailValidator(reference, threshold, file, facts, tmp.Path);
            var rows = new System.Collections.Concurrent.ConcurrentBag<string>();
            var v = validator.Run(threads, () => new RowCollector(rows));
            var r = v.Result;
            // A file that goes elsewhere keeps nothing of this pass but the line that sends it: the counts of lines after
            // it depend on how far the other cursors had got.
            if (v.FallbackReason is not null) return [$"fallback {v.FallbackReason}"];
            var lines = new List<string>
            {
                $"fallback {v.FallbackReason}", $"error {r.FileError}", $"total {r.RowsTotal}", $"to load {v.RowsToLoad}",
                $"slow {v.SlowRecords}", $"duplicates {string.Join(",", v.DuplicateLines)}", $"warnings {string.Join("|", r.Warnings)}",
            };
            lines.AddRange(r.Quarantine.Select(q => $"quarantine {q}"));
            if (!r.Rejected) lines.AddRange(rows.OrderBy(l => long.Parse(l.Split(';')[0][4..])));
            return lines;
        }
    }

    /// <summary>Collects the rows a cursor writes, as text.</summary>
    sealed class RowCollector(System.Collections.Concurrent.ConcurrentBag<string> into) : IDetailRowWriter
    {
        public void Write(long line, ReadOnlySpan<byte> id, int arisen, int filled, ReadOnlySpan<byte> klasse, ReadOnlySpan<byte> regio, long posities) =>
            into.Add($"row {line};{Encoding.UTF8.GetString(id)};{DateOnly.FromDayNumber(arisen + 719162):yyyy-MM-dd};" +
                     $"{(filled == DetailValidator.NoDate ? "" : DateOnly.FromDayNumber(filled + 719162).ToString("yyyy-MM-dd"))};" +
                     $"{Encoding.ASCII.GetString(klasse)};{Encoding.ASCII.GetString(regio)};{posities}");
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(64)]
    public void A_load_in_small_blocks_on_DuckDBs_threads_gives_the_same_warehouse_rows_as_the_generic_path(int blockSize)
    {
        using var tmp = new TempDir();
        var content = Bytes(Messy, "\r\n", utf8Bom: true);
        var file = WriteExtract(tmp, content);
        using var generic = WarehouseDb.OpenForWrite(tmp.Combine("generic.duckdb"));
        LoadGeneric(generic, 0.9, "run-1", file);
        using var fast = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        // Many blocks: DuckDB's threads each take some, and duplicates (V1, V3) are found across them.
        var outcome = new DetailLoader(reference, 0.9) { BlockSize = blockSize }.TryIngest(fast, "run-1", file, Now);
        Assert.That(outcome, Is.Not.Null);
        AssertSameRows(generic, fast);
    }

    [Test]
    public void Duplicates_far_apart_in_a_file_of_thousands_of_rows_are_found_across_blocks_and_key_log_chunks()
    {
        // 6,000 rows: the key log's chunks grow from 256 entries to 4,096 on the way, and with 4 KiB blocks DuckDB's
        // threads share some 60 blocks. Line i + 1 holds V{i}, except two rows that repeat an early key.
        using var tmp = new TempDir();
        var rows = Enumerable.Range(1, 6000).Select(i => $"{i switch { 5000 => "V10", 5500 => "V3000", _ => $"V{i}" }};2023-01-15;;07;AM01;{i % 7 + 1}");
        var file = WriteExtract(tmp, Bytes([Header, .. rows], "\n", false));
        using var fast = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var outcome = new DetailLoader(reference, 0.05) { BlockSize = 4096 }.TryIngest(fast, "run-1", file, Now)!;

        Assert.That((outcome.RowsTotal, outcome.RowsLoaded, outcome.RowsQuarantined), Is.EqualTo((6000L, 5998L, 2L)));
        var duplicates = fast.Connection.Query<(long Line, string Value, string Reason)>(
            "SELECT line_number, raw_value, reason FROM meta.quarantine ORDER BY line_number").ToList();
        Assert.That(duplicates, Is.EqualTo(new[]
        {
            (5001L, "V10", "duplicate key, first seen at line 11"),
            (5501L, "V3000", "duplicate key, first seen at line 3001"),
        }));
        Assert.That(fast.Connection.ExecuteScalar<long>("SELECT sum(line_number)::BIGINT FROM raw.uwv_vacatures_detail"),
            Is.EqualTo(6001L * 6002 / 2 - 1 - 5001 - 5501), "lines 2 to 6001 without the two repeats");

        using var generic = WarehouseDb.OpenForWrite(tmp.Combine("generic.duckdb"));
        LoadGeneric(generic, 0.05, "run-1", file);
        AssertSameRows(generic, fast);
    }

    [Test]
    public void Lines_of_63_to_65_bytes_load_the_rows_worked_out_by_hand()
    {
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, Bytes(Around64, "\n", false));
        Assert.That(Around64[1..].Select(l => Encoding.UTF8.GetByteCount(l)), Is.EqualTo(new[] { 63, 64, 65, 64, 64, 64, 63, 35, 64, 64 }));
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var outcome = new DetailLoader(reference, 0.9).TryIngest(db, "run-1", file, Now)!;

        // Lines 2-4 as they are, 7 with the blank after its id trimmed, 9 (a tilde is an ordinary character).
        var loaded = db.Connection.Query<(long Line, string Id)>("SELECT line_number, vacature_id FROM raw.uwv_vacatures_detail ORDER BY line_number").ToList();
        Assert.That(loaded, Is.EqualTo(new[] { (2L, LongId('A', 41)), (3L, LongId('B', 42)), (4L, LongId('C', 43)), (7L, LongId('F', 41)), (9L, "~V~") }));
        // Line 5: a control character as the 64th byte; 6: a separator as the 64th byte (7 fields); 8: line 2's id again;
        // 10: DEL as the count; 11: a region code with a two-byte letter.
        var quarantined = db.Connection.Query<(long Line, string? Column)>("SELECT line_number, column_name FROM meta.quarantine ORDER BY line_number").ToList();
        Assert.That(quarantined, Is.EqualTo(new (long, string?)[] { (5, "Aantal_posities"), (6, null), (8, "Vacature_id"), (10, "Aantal_posities"), (11, "Arbeidsmarktregio") }));
        Assert.That((outcome.RowsTotal, outcome.RowsLoaded, outcome.RowsQuarantined), Is.EqualTo((10L, 5L, 5L)));
    }

    [Test]
    public void Messy_file_loads_the_rows_worked_out_by_hand()
    {
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, Bytes(Messy, "\n", false));
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var outcome = new DetailLoader(reference, 0.9).TryIngest(db, "run-1", file, Now)!;

        var loaded = db.Connection.Query<(long Line, string Id, string Klasse, string Regio, long Posities)>(
            "SELECT line_number, vacature_id, beroepsklasse, arbeidsmarktregio, aantal_posities FROM raw.uwv_vacatures_detail ORDER BY line_number").ToList();
        // Lines 2, 3, 4 (trimmed id, class 7 -> 07, am18 -> AM18, +3), 22 (V4 again: its first row was bad, so no duplicate),
        // 27 (leading zeros), 28 (# is not a comment), 31, 34-39.
        Assert.That(loaded.Select(l => l.Line), Is.EqualTo(new long[] { 2, 3, 4, 22, 27, 28, 31, 34, 35, 36, 37, 38, 39 }));
        Assert.That(loaded[2], Is.EqualTo((4L, "V3", "07", "AM18", 3L)));
        Assert.That(loaded.Select(l => l.Id), Is.EqualTo(new[] { "V1", "V2", "V3", "V4", "V20", "#V21", "V23", "V27", "V;28", "V\"29", "V30", "Vé31", "V32" }));
        Assert.That(outcome.RowsTotal, Is.EqualTo(38), "39 lines minus the header; the empty line 19 is a row error, not skipped");
        Assert.That(outcome.RowsLoaded, Is.EqualTo(13));
        Assert.That(outcome.RowsQuarantined, Is.EqualTo(25));
        Assert.That(db.Connection.QuerySingle<string>("SELECT reason FROM meta.quarantine WHERE line_number = 19"), Does.StartWith("empty line"));
        Assert.That(db.Connection.QuerySingle<(long, int)>("SELECT physical_lines, header_lines FROM meta.extracts"), Is.EqualTo((39L, 1)),
            "39 lines = 1 header + 13 loaded + 25 quarantined");

        var duplicates = db.Connection.Query<(long Line, string Reason)>(
            "SELECT line_number, reason FROM meta.quarantine WHERE reason LIKE 'duplicate%' ORDER BY line_number").ToList();
        Assert.That(duplicates, Is.EqualTo(new[] { (20L, "duplicate key, first seen at line 2"), (21L, "duplicate key, first seen at line 4") }));
        var v24 = db.Connection.Query<string>("SELECT column_name FROM meta.quarantine WHERE line_number = 32 ORDER BY column_name").ToList();
        Assert.That(v24, Is.EqualTo(new[] { "Aantal_posities", "Arbeidsmarktregio", "Beroepsklasse", "Datum_ontstaan", "Datum_vervuld" }));
    }

    [Test]
    public void A_quoted_value_over_two_lines_is_a_row_error_on_each_line_on_the_fast_path_as_on_the_generic_one()
    {
        // The contract: a quoted value may not hold a line break. Line 3 opens a quote that does not close on it;
        // line 4 has a quote inside an unquoted value. Both are row errors; lines 2 and 5 load.
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, Bytes([Header, "V1;2023-01-15;;07;AM01;1", "\"V2", "tweede regel\";2023-01-15;;07;AM01;1", "V3;2023-01-15;;07;AM01;1"], "\n", false));
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var loader = new DetailLoader(reference, 0.9);
        var outcome = loader.TryIngest(db, "run-1", file, Now);
        Assert.That(outcome, Is.Not.Null, loader.LastFallbackReason);
        Assert.That((outcome!.State, outcome.RowsTotal, outcome.RowsLoaded, outcome.RowsQuarantined), Is.EqualTo((FileState.Loaded, 4L, 2L, 2L)));
        var quarantine = db.Connection.Query<(long Line, string Reason)>("SELECT line_number, reason FROM meta.quarantine ORDER BY line_number").ToList();
        Assert.That(quarantine.Select(q => q.Line), Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(quarantine[0].Reason, Does.StartWith("the quote opened at position 1 does not close on this line"));
        Assert.That(quarantine[1].Reason, Does.StartWith("a quote inside an unquoted value at position 13"));

        using var generic = WarehouseDb.OpenForWrite(tmp.Combine("generic.duckdb"));
        LoadGeneric(generic, 0.9, "run-1", file);
        AssertSameRows(generic, db);
    }

    [Test]
    public void The_same_file_again_is_unchanged_and_loads_nothing()
    {
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, Bytes(Messy, "\n", false));
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var loader = new DetailLoader(reference, 0.9);
        var first = loader.TryIngest(db, "run-1", file, Now)!;
        var second = loader.TryIngest(db, "run-2", file, Now)!;
        Assert.That(second.State, Is.EqualTo(FileState.Unchanged));
        Assert.That(second.ExtractId, Is.EqualTo(first.ExtractId));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures_detail"), Is.EqualTo(13));
    }

    [Test]
    public void A_file_that_cannot_be_read_inside_the_insert_raises_its_own_error_and_the_connection_stays_usable()
    {
        // The cursors open the file on DuckDB's threads; what goes wrong there must come out as the I/O error it is (the
        // ingest step records the file as unreadable), not as a DuckDB error, and the transaction must roll back.
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, Bytes(Messy, "\n", false));
        var facts = DetailFileScan.Scan(file.Path);
        using var validator = new DetailValidator(reference, 0.9, file, facts, tmp.Path);
        File.Delete(file.Path);
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        using (db.Connection.BeginTransaction())
        {
            Assert.Throws<FileNotFoundException>(() => DetailScanFunction.Run(db.Connection, validator,
                "INSERT INTO raw.uwv_vacatures_detail SELECT 1, DATE '2024-07-15', * FROM {scan}"));
        }
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures_detail"), Is.EqualTo(0));
    }

    [Test]
    public void A_different_file_under_a_name_already_loaded_is_rejected_as_on_the_generic_path()
    {
        // A published vintage is never replaced under the same name: the second file is validated (its counts and
        // quarantine are kept) but rejected, and the first file's rows stay.
        using var tmp = new TempDir();
        var first = WriteExtract(tmp, Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V2;2023-01-15;;07;AM01;2"], "\n", false));
        using var fast = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        using var generic = WarehouseDb.OpenForWrite(tmp.Combine("generic.duckdb"));
        var loader = new DetailLoader(reference, 0.9);
        loader.TryIngest(fast, "run-1", first, Now);
        LoadGeneric(generic, 0.9, "run-1", first);

        var second = WriteExtract(tmp, Bytes([Header, "V1;2023-01-15;;07;AM01;1", "V3;x;;07;AM01;3", "V4;2023-01-15;;07;AM01;4"], "\n", false));
        var outcome = loader.TryIngest(fast, "run-2", second, Now)!;
        LoadGeneric(generic, 0.9, "run-2", second);

        Assert.That(outcome.State, Is.EqualTo(FileState.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("a different file with this name was loaded before (extract 1"));
        Assert.That((outcome.RowsTotal, outcome.RowsLoaded, outcome.RowsQuarantined), Is.EqualTo((3L, 0L, 1L)));
        Assert.That(fast.Connection.Query<string>("SELECT vacature_id FROM raw.uwv_vacatures_detail ORDER BY line_number"), Is.EqualTo(new[] { "V1", "V2" }));
        AssertSameRows(generic, fast);
    }

    [Test]
    public void Insertion_order_is_given_back_to_the_connection()
    {
        // The loader inserts without insertion order; later steps on the same connection (marts, exports) must
        // get it back.
        using var tmp = new TempDir();
        var file = WriteExtract(tmp, Bytes(Messy, "\n", false));
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("fast.duckdb"));
        var outcome = new DetailLoader(reference, 0.9).TryIngest(db, "run-1", file, Now)!;
        Assert.That(outcome.RowsLoaded, Is.EqualTo(13));
        Assert.That(db.Connection.ExecuteScalar<bool>("SELECT current_setting('preserve_insertion_order')"), Is.True);
    }

    internal static DiscoveredFile WriteExtract(TempDir tmp, byte[] content, string name = "uwv_vacatures_detail_2024-07-15.csv")
    {
        var dir = tmp.Combine("data", "uwv");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return ExtractDiscovery.Classify(path, "uwv", name);
    }

    static void AssertSameRows(WarehouseDb expected, WarehouseDb actual)
    {
        const string extracts = """
            SELECT extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, encoding, line_ending,
                   rows_total, rows_loaded, rows_quarantined, state, reason, physical_lines, header_lines FROM meta.extracts ORDER BY extract_id
            """;
        const string raw = "SELECT * FROM raw.uwv_vacatures_detail ORDER BY extract_id, line_number";
        const string quarantine = "SELECT * FROM meta.quarantine ORDER BY extract_id, line_number, column_name NULLS FIRST, reason";
        const string messages = "SELECT * FROM meta.extract_messages ORDER BY extract_id, message";
        foreach (var sql in new[] { extracts, raw, quarantine, messages })
        {
            var e = Rows(expected, sql);
            var a = Rows(actual, sql);
            Assert.That(a, Is.EqualTo(e), $"rows of: {sql}");
        }
    }

    static List<string> Rows(WarehouseDb db, string sql)
    {
        using var command = db.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    internal static byte[] Bytes(IEnumerable<string> lines, string newline, bool utf8Bom)
    {
        var text = string.Join(newline, lines) + newline;
        var body = Encoding.UTF8.GetBytes(text);
        return utf8Bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    static byte[] Windows1252(IEnumerable<string> lines, string newline)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(string.Join(newline, lines) + newline);
    }
}
