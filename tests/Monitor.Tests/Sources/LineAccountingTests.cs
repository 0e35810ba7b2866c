// The contract's quoting rule and the line accounting on the generic path (issue 11): every physical line is the
// header, a loaded row or a quarantined row with its own number, or the file is rejected.
using System.Text;
using Dapper;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Sources;

public class LineAccountingTests
{
    const string UwvHeader = "Periode;Arbeidsmarktregio;Beroepsklasse;Openstaande_vacatures;WW_korter_dan_half_jaar";
    static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly Monitor.Domain.ReferenceData Reference = ReferenceLoader.Load(Fixtures.RepoRoot + "/sample-data").Data;
    static readonly ExtractValidator Validator = new(Reference, 0.9);

    static DiscoveredFile Write(TempDir tmp, string folder, string name, byte[] content)
    {
        var dir = tmp.Combine("data", folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return ExtractDiscovery.Classify(path, folder, name);
    }

    static DiscoveredFile Uwv(TempDir tmp, string text) => Write(tmp, "uwv", "uwv_vacatures_2024-05-15.csv", Encoding.UTF8.GetBytes(text));

    [Test]
    public void One_stray_quote_in_the_sample_file_quarantines_its_own_line_and_nothing_else()
    {
        // The example of issue 11: line 31 of uwv_vacatures_2025-02-14.csv changed from "2024KW1;AM03;…" to
        // "2024KW1;"AM03;…". Before, CsvHelper read lines 31 to 1821 as one record: 29 rows loaded, 1 quarantined,
        // ~1,790 rows in neither. Now: 1,821 lines = 1 header + 1,819 loaded + 1 quarantined (line 31).
        using var tmp = new TempDir();
        var lines = File.ReadAllLines(Path.Combine(Fixtures.RepoRoot, "sample-data", "uwv", "uwv_vacatures_2025-02-14.csv"));
        Assert.That((lines.Length, lines[30]), Is.EqualTo((1821, "2024KW1;AM03;04;572;342")), "the sample file as the issue describes it");
        lines[30] = "2024KW1;\"AM03;04;572;342";
        var file = Write(tmp, "uwv", "uwv_vacatures_2025-02-14.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

        var v = Validator.Validate(file);
        Assert.That(v.FileError, Is.Null);
        Assert.That((v.PhysicalLines, v.HeaderLines, v.RowsTotal, (long)v.Rows.Count, v.RowsQuarantined), Is.EqualTo((1821L, 1, 1820L, 1819L, 1L)));
        var q = v.Quarantine.Single();
        Assert.That((q.LineNumber, q.Column, q.RawRecord), Is.EqualTo((31L, (string?)null, "2024KW1;\"AM03;04;572;342")));
        Assert.That(q.Reason, Does.StartWith("the quote opened at position 9 does not close on this line"));
        // The national vacancies of 2024KW4 (the quarter that vanished) are all there: 35 regions x 13 classes.
        Assert.That(v.Rows.Count(r => (string)r.Values[0]! == "2024KW4"), Is.EqualTo(35 * 13));

        // Stored: the counts with the file, and the identity they satisfy.
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("warehouse.duckdb"));
        db.Migrate();
        new IngestStep(new ExtractValidator(Reference, 0.05), () => Now).Run(db, "run-1", [file]);
        var stored = db.Connection.QuerySingle<(long Physical, int Header, long Loaded, long Quarantined, string State)>(
            "SELECT physical_lines, header_lines, rows_loaded, rows_quarantined, state FROM meta.extracts");
        Assert.That(stored, Is.EqualTo((1821L, 1, 1819L, 1L, "loaded")));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(1819));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT line_number FROM meta.quarantine"), Is.EqualTo(31));
    }

    [Test]
    public void Every_kind_of_bad_quoting_is_a_row_error_on_its_own_line()
    {
        using var tmp = new TempDir();
        var file = Uwv(tmp, string.Join("\n",
            UwvHeader,                       // 1 header
            "2024KW1;AM01;01;10;5",          // 2 loaded
            "\"2024KW1\";\"AM01\";02;10;5",  // 3 loaded: whole values quoted
            "2024KW1;\"AM01;03;10;5",        // 4 the quote does not close on the line
            "",                              // 5 empty line
            "2024KW1;AM\"01;04;10;5",        // 6 a quote inside an unquoted value
            "\"2024KW1\"x;AM01;05;10;5",     // 7 text after the closing quote
            "2024KW1;\"AM\"\"01\";06;10;5",  // 8 splits (AM"01), then an unknown region
            "2024KW1;AM01;07;10;5") + "\n"); // 9 loaded; the final line end starts no line 10
        var v = Validator.Validate(file);

        Assert.That(v.FileError, Is.Null);
        Assert.That(v.Rows.Select(r => r.LineNumber), Is.EqualTo(new long[] { 2, 3, 9 }));
        Assert.That(v.Quarantine.Select(q => (q.LineNumber, q.Column)), Is.EqualTo(new (long, string?)[]
            { (4, null), (5, null), (6, null), (7, null), (8, "Arbeidsmarktregio") }));
        Assert.That(v.Quarantine[0].Reason, Does.StartWith("the quote opened at position 9 does not close"));
        Assert.That(v.Quarantine[1].Reason, Does.StartWith("empty line"));
        Assert.That(v.Quarantine[2].Reason, Does.StartWith("a quote inside an unquoted value at position 11"));
        Assert.That(v.Quarantine[3].Reason, Does.StartWith("text after the closing quote at position 10"));
        Assert.That(v.Quarantine[4].RawValue, Is.EqualTo("AM\"01"));
        Assert.That((v.PhysicalLines, v.HeaderLines, (long)v.Rows.Count, v.RowsQuarantined), Is.EqualTo((9L, 1, 3L, 5L)));
    }

    [TestCase("\n", 2L, 0L)]
    [TestCase("\n\n", 3L, 1L)]
    [TestCase("", 2L, 0L)]
    [TestCase("\r\n", 2L, 0L)]
    [TestCase("\n\r\n", 3L, 1L)]
    public void One_final_line_end_is_not_a_line_and_an_empty_line_after_it_is(string end, long physical, long quarantined)
    {
        using var tmp = new TempDir();
        var v = Validator.Validate(Uwv(tmp, UwvHeader + "\n2024KW1;AM01;01;10;5" + end));
        Assert.That(v.FileError, Is.Null);
        Assert.That((v.PhysicalLines, (long)v.Rows.Count, v.RowsQuarantined), Is.EqualTo((physical, 1L, quarantined)));
    }

    [Test]
    public void A_file_that_ends_inside_an_open_quote_is_rejected_as_truncated()
    {
        using var tmp = new TempDir();
        var v = Validator.Validate(Uwv(tmp, UwvHeader + "\n2024KW1;AM01;01;10;5\n2024KW1;\"AM0"));
        Assert.That(v.FileError, Is.EqualTo("truncated last line 3: it ends inside an open quote and has no line end; the delivery looks cut off"));
        Assert.That(v.Rows, Is.Empty);
    }

    [Test]
    public void The_same_open_quote_with_a_line_end_after_it_is_a_row_error()
    {
        using var tmp = new TempDir();
        var v = Validator.Validate(Uwv(tmp, UwvHeader + "\n2024KW1;AM01;01;10;5\n2024KW1;AM01;02;10;5\n2024KW1;\"AM0\n"));
        Assert.That(v.FileError, Is.Null);
        Assert.That((v.PhysicalLines, (long)v.Rows.Count, v.Quarantine.Single().LineNumber), Is.EqualTo((4L, 2L, 4L)));
    }

    [Test]
    public void NUL_bytes_that_cut_ids_are_row_errors_with_the_value_kept_escaped()
    {
        // Three distinct ids N\0001, N\0002, N\0003 used to load as one id "N" (an undetected duplicate).
        using var tmp = new TempDir();
        var file = Write(tmp, "uwv", "uwv_vacatures_detail_2024-05-15.csv", Encoding.UTF8.GetBytes(
            "Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities\n" +
            "N\u00001;2024-01-01;;07;AM01;1\nN\u00002;2024-01-01;;07;AM01;1\nN\u00003;2024-01-01;;07;AM01;1\nN;2024-01-01;;07;AM01;1\n"));
        var v = Validator.Validate(file);
        Assert.That(v.FileError, Is.Null);
        Assert.That(v.Rows.Select(r => (r.LineNumber, r.Values[0])), Is.EqualTo(new (long, object?)[] { (5, "N") }));
        Assert.That(v.Quarantine.Select(q => (q.LineNumber, q.Column, q.RawValue)), Is.EqualTo(new (long, string?, string?)[]
            { (2, "Vacature_id", "N\\u00001"), (3, "Vacature_id", "N\\u00002"), (4, "Vacature_id", "N\\u00003") }));
        Assert.That(v.Quarantine[0].RawRecord, Is.EqualTo("N\\u00001;2024-01-01;;07;AM01;1"));
        Assert.That(v.Quarantine[0].Reason, Does.Contain("control character U+0000 at position 2"));
    }

    [Test]
    public void Unicode_digits_in_one_cell_quarantine_that_row_and_the_file_still_loads()
    {
        using var tmp = new TempDir();
        var v = Validator.Validate(Uwv(tmp, UwvHeader + "\n2024KW1;AM01;01;10;5\n\u0662\u0660\u0662\u0664KW1;AM01;02;10;5\n2024KW1;AM01;03;\uFF11\uFF10;5\n2024KW1;AM01;04;10;5\n"));
        Assert.That(v.FileError, Is.Null);
        Assert.That(v.Rows.Select(r => r.LineNumber), Is.EqualTo(new long[] { 2, 5 }));
        Assert.That(v.Quarantine.Select(q => (q.LineNumber, q.Column)), Is.EqualTo(new (long, string?)[] { (3, "Periode"), (4, "Openstaande_vacatures") }));
    }

    [Test]
    public void UTF16_is_rejected_saying_so_without_NUL_bytes_in_the_message()
    {
        using var tmp = new TempDir();
        var text = UwvHeader + "\n2024KW1;AM01;01;10;5\n";
        var v = Validator.Validate(Write(tmp, "uwv", "uwv_vacatures_2024-05-15.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));
        Assert.That(v.FileError, Does.StartWith("the file is UTF-16 (byte order mark FF FE, UTF-16 little endian); UTF-16 is not supported"));
        var bare = Validator.Validate(Write(tmp, "uwv", "uwv_vacatures_2024-08-15.csv", Encoding.Unicode.GetBytes(text)));
        Assert.That(bare.FileError, Does.StartWith("the file is UTF-16 (NUL bytes in every other position)"));
        Assert.That(bare.FileError!.IndexOf('\0'), Is.EqualTo(-1), "no NUL in the message");
    }

    [Test]
    public void A_UTF8_byte_order_mark_before_Windows1252_text_rejects_the_file_with_where_and_why()
    {
        using var tmp = new TempDir();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("Jaar;Onderwijssoort;Hybride_docenten\n2023;mbo;5\n2023;"), 0xE9, (byte)'\n'];
        var v = Validator.Validate(Write(tmp, "techniekpact", "tpm_docenten_2024-05-15.csv", bytes));
        Assert.That(v.FileError, Does.Contain("UTF-8 byte order mark").And.Contain("(line 3)").And.Contain("Windows-1252"));
    }

    [Test]
    public void Lines_that_end_with_a_bare_carriage_return_only_are_a_file_error()
    {
        using var tmp = new TempDir();
        var v = Validator.Validate(Uwv(tmp, UwvHeader + "\r2024KW1;AM01;01;10;5\r"));
        Assert.That(v.FileError, Does.Contain("bare carriage return"));
    }

    [Test]
    public void The_line_accounting_names_the_file_when_it_does_not_add_up()
    {
        using var tmp = new TempDir();
        var file = Uwv(tmp, UwvHeader + "\n2024KW1;AM01;01;10;5\n");
        var v = new ExtractValidation { File = file, PhysicalLines = 4, HeaderLines = 1, RowsTotal = 3 };
        v.Quarantine.Add(new QuarantinedRow(3, null, null, "bad", "x"));
        Assert.That(v.LineAccountingError(1), Is.EqualTo(
            "line accounting of uwv/uwv_vacatures_2024-05-15.csv does not add up: 4 physical lines, but 1 header + 1 loaded + 1 quarantined (and 3 data lines read); the file is not accepted"));
        Assert.That(v.LineAccountingError(2), Is.Null);
        v.Quarantine.Add(new QuarantinedRow(9, null, null, "bad", "x"));
        Assert.That(v.LineAccountingError(1), Is.Not.Null, "a quarantined line beyond the last line does not count");

        // The store refuses to record such a file as loaded: the failure names the file, nothing is stored.
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("warehouse.duckdb"));
        db.Migrate();
        var e = Assert.Throws<InvalidOperationException>(() => new ExtractStore(db.Connection).Store(v, "00", 10, "run-1", Now));
        Assert.That(e!.Message, Does.Contain("uwv/uwv_vacatures_2024-05-15.csv"));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.extracts"), Is.Zero);
    }

    [Test]
    public void A_rejected_file_keeps_the_counts_it_got_to()
    {
        using var tmp = new TempDir();
        var file = Uwv(tmp, UwvHeader + "\n2024KW1;AM01;01;10;5\nx;y\nx;y\n");
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("warehouse.duckdb"));
        db.Migrate();
        new IngestStep(new ExtractValidator(Reference, 0.05), () => Now).Run(db, "run-1", [file]);
        Assert.That(db.Connection.QuerySingle<(long, int, long, long, string)>(
                "SELECT physical_lines, header_lines, rows_loaded, rows_quarantined, state FROM meta.extracts"),
            Is.EqualTo((4L, 1, 0L, 2L, "rejected")));
    }
}
