// The broken-file corpus (fixtures/contract-corpus): one file per contract rule, outcomes worked out by hand.
using Dapper;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Sources;

public class ContractCorpusTests
{
    TempDir temp = null!;
    RunResult result = null!;
    WarehouseDb db = null!;

    [OneTimeSetUp]
    public void RunCorpus()
    {
        temp = new TempDir();
        // 0.5 so that partly bad files still load; the 2023-08-15 UWV file is 75% bad and must be rejected.
        var request = new RunRequest { DataDir = Fixtures.Dir("contract-corpus"), OutDir = temp.Path, BadRowThreshold = 0.5, Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch };
        result = new PipelineRunner().Run(request);
        db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        db.Dispose();
        temp.Dispose();
    }

    [Test]
    public void RunCompletesWithDataProblemsExitCode()
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.DataProblems));
        Assert.That(result.Ingest!.Files, Has.Count.EqualTo(15));
    }

    [Test]
    public void ExactlyTheDocumentedRowsAreQuarantined()
    {
        var rows = db.Connection.Query<(string File, long Line, string? Column, string? Raw)>(
            "SELECT file_name, line_number, column_name, raw_value FROM meta.quarantine ORDER BY file_name, line_number").ToList();
        var expected = new (string, long, string?, string?)[]
        {
            ("roa_prognoses_2021-12-01.csv", 5, "Baanopeningen", "10500"),
            ("roa_prognoses_2021-12-01.csv", 6, "Typering", "matig"),
            ("tpm_docenten_2024-05-15.csv", 5, "Onderwijssoort", "wétenschap"),
            ("tpm_onderwijs_2024-05-15.csv", 4, "Studiejaar+Onderwijssoort+Fase+Richting+Regio+Geslacht", "2023/2024|mbo|instroom|betatechniek|TP1|man"),
            ("tpm_onderwijs_2024-05-15.csv", 5, "Studiejaar", "2023/2025"),
            ("tpm_onderwijs_2024-05-15.csv", 6, "Regio", "TP9"),
            ("tpm_onderwijs_2024-05-15.csv", 7, "Regio", "PV20"),
            ("tpm_stromen_2024-05-15.csv", 4, "Categorie", "pensioen"),
            ("tpm_stromen_2024-05-15.csv", 5, "Aantal", "-5"),
            ("tpm_stromen_2024-05-15.csv", 6, "Aantal", "1.200"),
            ("tpm_werkzaam_2024-05-15.csv", 7, "Regio", "NL"),
            ("uwv_vacatures_2023-05-15.csv", 4, null, null),
            ("uwv_vacatures_2023-05-15.csv", 5, "Beroepsklasse", "14"),
            ("uwv_vacatures_2023-05-15.csv", 6, "Periode", "2023KW5"),
            ("uwv_vacatures_2023-08-15.csv", 3, "Openstaande_vacatures", "abc"),
            ("uwv_vacatures_2023-08-15.csv", 4, "Arbeidsmarktregio", "AM98"),
            ("uwv_vacatures_2023-08-15.csv", 5, "Openstaande_vacatures", "-1"),
            ("uwv_vacatures_2023-11-15.csv", 3, null, null),
            ("uwv_vacatures_2023-11-15.csv", 4, null, null),
            ("uwv_vacatures_2023-11-15.csv", 5, "Periode", "0000KW1"),
            ("uwv_vacatures_2023-11-15.csv", 6, "Openstaande_vacatures", "99999999999999999999"),
        };
        Assert.That(rows, Is.EqualTo(expected));
    }

    [TestCase("tpm_stromen_2024-05-15.csv", 4, "does not belong to Stroom 'instroom'")]
    [TestCase("tpm_stromen_2024-05-15.csv", 5, "cannot be negative")]
    [TestCase("tpm_stromen_2024-05-15.csv", 6, "without thousands separators")]
    [TestCase("tpm_onderwijs_2024-05-15.csv", 4, "duplicate key, first seen at line 2")]
    [TestCase("tpm_onderwijs_2024-05-15.csv", 6, "unknown region code")]
    [TestCase("tpm_onderwijs_2024-05-15.csv", 7, "region level provincie is not allowed")]
    [TestCase("tpm_werkzaam_2024-05-15.csv", 7, "also has province rows for 2023")]
    [TestCase("uwv_vacatures_2023-05-15.csv", 4, "expected 5 fields as in the header, found 6")]
    [TestCase("uwv_vacatures_2023-05-15.csv", 5, "unknown occupation class")]
    [TestCase("roa_prognoses_2021-12-01.csv", 5, "= 10000 by more than 100")]
    [TestCase("tpm_docenten_2024-05-15.csv", 5, "expected one of vmbo, mbo, hbo")]
    [TestCase("uwv_vacatures_2023-11-15.csv", 3, "the quote opened at position 9 does not close on this line")]
    [TestCase("uwv_vacatures_2023-11-15.csv", 4, "empty line")]
    [TestCase("uwv_vacatures_2023-11-15.csv", 5, "years 1900–2100")]
    [TestCase("uwv_vacatures_2023-11-15.csv", 6, "whole number out of range")]
    public void QuarantineReasonSaysWhatWasExpected(string file, long line, string fragment)
    {
        var reason = db.Connection.QuerySingle<string>("SELECT reason FROM meta.quarantine WHERE file_name = $file AND line_number = $line", new { file, line });
        Assert.That(reason, Does.Contain(fragment));
    }

    [Test]
    public void QuarantineKeepsTheRawRecord()
    {
        var raw = db.Connection.QuerySingle<string>("SELECT raw_record FROM meta.quarantine WHERE file_name = 'uwv_vacatures_2023-05-15.csv' AND line_number = 4");
        Assert.That(raw, Is.EqualTo("2023KW1;AM02;07;30;10;99"));
    }

    [TestCase("predict_werkzaam_2024-06-01.csv", "missing required column(s) Geslacht")]
    [TestCase("predict_stromen_2024-06-01.csv", "truncated last line 3")]
    [TestCase("predict_onderwijs_2024-06-01.csv", "file is empty")]
    [TestCase("predict-werkzaam-2024.csv", "does not follow <source>_<dataset>_<YYYY-MM-DD>.csv")]
    [TestCase("predict_banen_2024-06-01.csv", "'predict_banen' is not a dataset of the contracts")]
    [TestCase("predict_werkzaam_2024-13-01.csv", "vintage '2024-13-01' in the file name is not a valid date")]
    [TestCase("uwv_vacatures_2023-05-15.csv", "belongs in uwv/, not in predict/")]
    [TestCase("uwv_vacatures_2023-08-15.csv", "3 of 4 rows (75.0 %) are bad, more than the threshold of 50.0 %")]
    public void RejectedFilesAreRecordedWithTheirReason(string file, string fragment)
    {
        var reasons = db.Connection.Query<string>("SELECT reason FROM meta.extracts WHERE file_name = $file AND state = 'rejected'", new { file }).ToList();
        Assert.That(reasons, Has.Some.Contains(fragment));
    }

    [Test]
    public void GoodRowsOfPartlyBadFilesLoad()
    {
        var loaded = db.Connection.Query<(string File, long Rows)>(
            "SELECT file_name, rows_loaded FROM meta.extracts WHERE state = 'loaded' ORDER BY file_name").ToList();
        Assert.That(loaded, Is.EqualTo(new (string, long)[]
        {
            ("roa_prognoses_2021-12-01.csv", 3),
            ("tpm_docenten_2024-05-15.csv", 3),
            ("tpm_onderwijs_2024-05-15.csv", 4),
            ("tpm_stromen_2024-05-15.csv", 4),
            ("tpm_werkzaam_2024-05-15.csv", 6),
            ("uwv_vacatures_2023-05-15.csv", 4),
            ("uwv_vacatures_2023-11-15.csv", 6),
        }));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(4 + 6), "the rejected vintage adds no raw rows");
    }

    [Test]
    public void EveryLoadedFileAccountsForEachOfItsLines()
    {
        var files = db.Connection.Query<(string File, long Physical, int Header, long Loaded, long Quarantined)>(
            "SELECT file_name, physical_lines, header_lines, rows_loaded, rows_quarantined FROM meta.extracts WHERE state = 'loaded' ORDER BY file_name").ToList();
        Assert.That(files, Has.Count.EqualTo(7));
        Assert.That(files.Where(f => f.Physical != f.Header + f.Loaded + f.Quarantined), Is.Empty);
        // The stray quote on line 3 costs that line alone: 11 lines = 1 header + 6 loaded + 4 quarantined.
        Assert.That(files.Single(f => f.File == "uwv_vacatures_2023-11-15.csv"), Is.EqualTo(("uwv_vacatures_2023-11-15.csv", 11L, 1, 6L, 4L)));
    }

    [Test]
    public void EachPeriodLoadedGetsItsFirstAndLastDay()
    {
        // Worked out by hand: a quarter its three months, a school year 1 August-31 July, a year the calendar year,
        // a forecast period 1 January of its first year to 31 December of its last. Written at load (meta.period_bounds),
        // carried by the staging views next to the period.
        (DateTime, DateTime) Bounds(string sql) => db.Connection.QuerySingle<(DateTime, DateTime)>(sql);
        Assert.That(Bounds("SELECT DISTINCT period_start, period_end FROM staging.stg_uwv_vacatures WHERE periode = '2023KW1'"),
            Is.EqualTo((new DateTime(2023, 1, 1), new DateTime(2023, 3, 31))));
        Assert.That(Bounds("SELECT DISTINCT period_start, period_end FROM staging.stg_tpm_onderwijs WHERE studiejaar = '2023/2024'"),
            Is.EqualTo((new DateTime(2023, 8, 1), new DateTime(2024, 7, 31))));
        Assert.That(Bounds("SELECT DISTINCT period_start, period_end FROM staging.stg_tpm_werkzaam WHERE jaar = 2023"),
            Is.EqualTo((new DateTime(2023, 1, 1), new DateTime(2023, 12, 31))));
        Assert.That(Bounds("SELECT DISTINCT period_start, period_end FROM staging.stg_roa_prognoses WHERE prognoseperiode = '2021-2026'"),
            Is.EqualTo((new DateTime(2021, 1, 1), new DateTime(2026, 12, 31))));
        Assert.That(db.Connection.Query<(string, string, DateTime, DateTime)>(
                "SELECT period_type, period, period_start, period_end FROM meta.period_bounds WHERE period_type = 'quarter' ORDER BY period"),
            Is.EqualTo(new[]
            {
                // 2023KW1 from the May file, 2023KW3 from the November one; the rejected August file adds no period.
                ("quarter", "2023KW1", new DateTime(2023, 1, 1), new DateTime(2023, 3, 31)),
                ("quarter", "2023KW3", new DateTime(2023, 7, 1), new DateTime(2023, 9, 30)),
            }));
    }

    [Test]
    public void RejectedVintageLeavesThePreviousOneInForce()
    {
        var open = db.Connection.QuerySingle<long>(
            "SELECT openstaande_vacatures FROM staging.stg_uwv_vacatures WHERE periode = '2023KW1' AND arbeidsmarktregio = 'AM01' AND beroepsklasse = '07'");
        Assert.That(open, Is.EqualTo(100));
    }

    [Test]
    public void EncodingAndLineEndingsAreDetectedAndRecorded()
    {
        var rows = db.Connection.Query<(string File, string Encoding, string LineEnding)>(
            "SELECT file_name, encoding, line_ending FROM meta.extracts WHERE file_name IN ('tpm_werkzaam_2024-05-15.csv', 'tpm_docenten_2024-05-15.csv', 'tpm_stromen_2024-05-15.csv') ORDER BY file_name").ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("tpm_docenten_2024-05-15.csv", "windows-1252", "lf"),
            ("tpm_stromen_2024-05-15.csv", "utf-8", "lf"),
            ("tpm_werkzaam_2024-05-15.csv", "utf-8-bom", "crlf"),
        }));
    }

    [Test]
    public void MissingAndSuppressedCellsLoadAsNullWithTheirReason()
    {
        var rows = db.Connection.Query<(string Geslacht, long? Werkzaam, string? Status)>(
            "SELECT geslacht, werkzaam, werkzaam_status FROM raw.tpm_werkzaam WHERE regio = 'PV21' ORDER BY geslacht").ToList();
        Assert.That(rows, Is.EqualTo(new (string, long?, string?)[] { ("man", null, "missing"), ("vrouw", null, "suppressed") }));
        var ww = db.Connection.QuerySingle<string>("SELECT ww_korter_dan_half_jaar_status FROM raw.uwv_vacatures WHERE beroepsklasse = '08' AND arbeidsmarktregio = 'AM01'");
        Assert.That(ww, Is.EqualTo("suppressed"));
    }

    [Test]
    public void ValuesAreNormalisedToTheirCanonicalForm()
    {
        Assert.That(db.Connection.Query<int>("SELECT jaar FROM raw.tpm_werkzaam ORDER BY jaar").Distinct(), Is.EqualTo(new[] { 2021, 2022, 2023 }), "2022JJ00 reads as 2022");
        Assert.That(db.Connection.QuerySingle<string>("SELECT periode FROM raw.uwv_vacatures WHERE arbeidsmarktregio = 'AM03'"), Is.EqualTo("2023KW1"), "2023KW01 reads as 2023KW1");
        Assert.That(db.Connection.QuerySingle<string>("SELECT beroepsklasse FROM raw.uwv_vacatures WHERE arbeidsmarktregio = 'AM01' AND openstaande_vacatures = 100"), Is.EqualTo("07"), "7 reads as 07");
        Assert.That(db.Connection.Query<double>("SELECT itkp FROM raw.roa_prognoses ORDER BY beroepsklasse"), Is.EqualTo(new[] { 0.8, 1.35, 1.62 }), "decimal comma and point");
    }

    [Test]
    public void ExtraColumnsAreWarnedAboutAndIgnored()
    {
        var messages = db.Connection.Query<string>(
            "SELECT m.message FROM meta.extract_messages m JOIN meta.extracts e USING (extract_id) ORDER BY e.file_name").ToList();
        Assert.That(messages, Is.EqualTo(new[] { "unknown column 'Toelichting' ignored", "unknown column 'Opmerking' ignored" }));
    }

    [Test]
    public void EveryRawRowTracesBackToItsFileAndLine()
    {
        var row = db.Connection.QuerySingle<(string File, DateOnly Vintage, long Line)>("""
            SELECT e.file_name, r.vintage, r.line_number FROM raw.roa_prognoses r JOIN meta.extracts e USING (extract_id)
            WHERE r.beroepsklasse = '08'
            """);
        Assert.That(row, Is.EqualTo(("roa_prognoses_2021-12-01.csv", new DateOnly(2021, 12, 1), 3L)));
    }
}
