// The target register reference/doelen.csv: how each kind of row sets target and status in the mart (values
// worked by hand from a small hybrid-teacher series), which rows are quarantined, the file-by-file reference
// fallback, and an edit of the register changing a status on the next run.
using Dapper;
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class TargetRegisterTests
{
    const string Header = "Indicator;Domein;Regio;Categorie;Soort;Waarde;Basisjaar;Doeljaar;Bron";

    // Hybrid teachers per onderwijssoort (tpm_docenten, one loaded extract):
    //   mbo  2013-2022: 100, 110, ..., 190 (ten years, mean 145); 2023: 150; 2024: 140
    //   vmbo 2013-2022: 50 each (mean 50); 2023: 52; 2024: 50
    //   hbo  2014-2022: 200 each (nine years only); 2023: 300
    // Totals: 2013 150; 2014..2022 mbo + 250 (360 .. 440); 2023 502; 2024 190.
    static string Series()
    {
        var rows = new List<string>();
        var line = 2;
        for (var year = 2013; year <= 2022; year++)
        {
            rows.Add($"(61, DATE '2025-03-01', {line++}, {year}, 'mbo', {100 + 10 * (year - 2013)}, NULL)");
            rows.Add($"(61, DATE '2025-03-01', {line++}, {year}, 'vmbo', 50, NULL)");
            if (year >= 2014) rows.Add($"(61, DATE '2025-03-01', {line++}, {year}, 'hbo', 200, NULL)");
        }
        rows.Add($"(61, DATE '2025-03-01', {line++}, 2023, 'mbo', 150, NULL)");
        rows.Add($"(61, DATE '2025-03-01', {line++}, 2023, 'vmbo', 52, NULL)");
        rows.Add($"(61, DATE '2025-03-01', {line++}, 2023, 'hbo', 300, NULL)");
        rows.Add($"(61, DATE '2025-03-01', {line++}, 2024, 'mbo', 140, NULL)");
        rows.Add($"(61, DATE '2025-03-01', {line}, 2024, 'vmbo', 50, NULL)");
        return $"""
            INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, state, run_id, loaded_at) VALUES
                (61, 'tpm_docenten_2025-03-01.csv', 'techniekpact', 'tpm', 'docenten', DATE '2025-03-01', 'h', 1, 'loaded', 'x', TIMESTAMP '2025-03-02 00:00:00');
            INSERT INTO raw.tpm_docenten VALUES {string.Join(",\n", rows)};
            """;
    }

    /// <summary>A warehouse with the series above and exactly these register lines (after the header) in ref.doelen.</summary>
    static IndicatorWarehouse WithRegister(params string[] lines)
    {
        var w = IndicatorWarehouse.With(Series());
        var reference = ReferenceLoader.Load("/nonexistent-so-the-shipped-reference-is-used").Data;
        var (rows, errors, _) = ReferenceLoader.ReadRegister("test/doelen.csv", string.Join("\n", [Header, .. lines]) + "\n",
            reference, IndicatorCatalogue.EmbeddedCodes());
        Assert.That(errors, Is.Empty, "the register lines of this test are valid");
        w.Sql("DELETE FROM ref.doelen");
        ReferenceLoader.WriteBedrijfstakkenAndDoelen(w.Db.Connection, new Monitor.Domain.ReferenceData
        {
            Provincies = reference.Provincies, Arbeidsmarktregios = reference.Arbeidsmarktregios,
            Techniekpactregios = reference.Techniekpactregios, Beroepen = reference.Beroepen, Doelen = rows,
        });
        w.Build();
        return w;
    }

    static (double? Target, string Status) T(IndicatorWarehouse w, string period, string? category = null)
    {
        var row = w.Row("hybride_docenten", "techniek", period, category: category);
        return (row.Target, row.Status);
    }

    static CheckResult NotApplicableCheck(IndicatorWarehouse w) =>
        CheckRunner.Run(w.Db, "test-run", new DateOnly(2025, 6, 1)).Single(c => c.Name == "target_rows_not_applicable");

    [Test]
    public void Minimum_holds_from_its_Basisjaar_on_the_total_only()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;;minimum;400;2023;;test");
        Assert.That(T(w, "2023"), Is.EqualTo(((double?)400, "on_track")), "502 >= 400");
        Assert.That(T(w, "2024"), Is.EqualTo(((double?)400, "behind")), "190 < 400");
        Assert.That(T(w, "2022"), Is.EqualTo(((double?)null, "no_target")), "before Basisjaar");
        Assert.That(T(w, "2023", "mbo"), Is.EqualTo(((double?)null, "no_target")), "an empty Categorie is the total only");
    }

    [Test]
    public void Maximum_with_an_open_start_holds_up_to_its_Doeljaar_for_its_category()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;mbo;maximum;145;;2023;test");
        Assert.That(T(w, "2013", "mbo"), Is.EqualTo(((double?)145, "on_track")), "100 <= 145");
        Assert.That(T(w, "2023", "mbo"), Is.EqualTo(((double?)145, "behind")), "150 > 145");
        Assert.That(T(w, "2024", "mbo"), Is.EqualTo(((double?)null, "no_target")), "after Doeljaar");
        Assert.That(T(w, "2023", "vmbo"), Is.EqualTo(((double?)null, "no_target")));
        Assert.That(T(w, "2023"), Is.EqualTo(((double?)null, "no_target")));
    }

    // Base: the total of 2022 = 190 + 50 + 200 = 440. Path to 540 in 2024: 2023 = 440 + 100 * 1/2 = 490, 2024 = 540.
    [Test]
    public void Pad_is_the_straight_line_from_the_series_own_Basisjaar_value_and_explain_names_its_row()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;;pad;540;2022;2024;Kamerbrief test");
        Assert.That(T(w, "2023"), Is.EqualTo(((double?)490, "on_track")), "502 >= 490");
        Assert.That(T(w, "2024"), Is.EqualTo(((double?)540, "behind")), "190 < 540");
        Assert.That(T(w, "2022"), Is.EqualTo(((double?)null, "no_target")), "a pad applies after its Basisjaar");
        Assert.That(NotApplicableCheck(w).Passed, Is.True);

        var explained = IndicatorExplainer.Explain(w.Db, new ExplainRequest("hybride_docenten", "2023", Domain: "techniek")).Values.Single();
        Assert.That(explained.Rule, Is.Not.Null);
        var rule = explained.Rule!;
        Assert.That((rule.Origin, rule.LineNumber, rule.Soort, rule.Waarde, rule.Basisjaar, rule.Doeljaar, rule.Bron, rule.BaseValue, rule.Target),
            Is.EqualTo(("test/doelen.csv", 2, "pad", 540.0, (int?)2022, (int?)2024, "Kamerbrief test", (double?)440, (double?)490)));
    }

    [Test]
    public void Monitor_explain_prints_the_register_row_of_a_target()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;;pad;540;2022;2024;Kamerbrief test");
        w.Db.Dispose();
        var (exit, output, err) = MonitorCli.Invoke("explain", "hybride_docenten", "--period", "2023", "--out", w.OutDir);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
        Assert.That(output, Does.Contain("target: 490, status: on_track"));
        Assert.That(output, Does.Contain(
            "target register: test/doelen.csv:2 — Soort pad, Waarde 540, Basisjaar 2022, Doeljaar 2024, Bron Kamerbrief test; path from 440 in 2022"));
    }

    [Test]
    public void Pad_without_a_value_in_its_Basisjaar_gives_no_target_and_a_failed_warning_check_naming_the_row()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;;pad;540;2010;2024;test");
        Assert.That(T(w, "2023"), Is.EqualTo(((double?)null, "no_target")));
        var check = NotApplicableCheck(w);
        Assert.That((check.Status, check.Severity, check.FailingRows), Is.EqualTo(("failed", "warning", 1L)));
        Assert.That(check.Sample, Does.Contain("\"line\":2").And.Contain("test/doelen.csv").And.Contain("no value in Basisjaar 2010"));
    }

    // '*': each category against its own ten-year mean plus 1,0: mbo 145 + 1 = 146; vmbo 50 + 1 = 51; hbo has nine base years.
    [Test]
    public void Star_boven_basis_row_judges_every_category_against_its_own_base_mean()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;*;boven_basis;1,0;2022;;test");
        Assert.That(T(w, "2023", "mbo"), Is.EqualTo(((double?)146, "on_track")), "150 >= 146");
        Assert.That(T(w, "2024", "mbo"), Is.EqualTo(((double?)146, "behind")), "140 < 146");
        Assert.That(T(w, "2023", "vmbo"), Is.EqualTo(((double?)51, "on_track")), "52 >= 51");
        Assert.That(T(w, "2024", "vmbo"), Is.EqualTo(((double?)51, "behind")), "50 < 51");
        Assert.That(T(w, "2022", "mbo"), Is.EqualTo(((double?)null, "no_target")), "boven_basis applies after its Basisjaar");
        Assert.That(T(w, "2023", "hbo"), Is.EqualTo(((double?)null, "no_target")), "nine base years: no target");
        Assert.That(T(w, "2023"), Is.EqualTo(((double?)null, "no_target")), "'*' is every category, not the total");

        var check = NotApplicableCheck(w);
        Assert.That((check.Status, check.FailingRows), Is.EqualTo(("failed", 1L)));
        Assert.That(check.Sample, Does.Contain("\"category\":\"hbo\"").And.Contain("9 of the ten base years 2013-2022"));
    }

    // Total base 2013-2022: 150 + (360 + 370 + ... + 440) = 150 + 3,600 = 3,750; mean 375; target 376.
    [Test]
    public void Boven_basis_on_the_total_uses_the_mean_of_the_ten_years_up_to_Basisjaar()
    {
        using var w = WithRegister("hybride_docenten;techniek;NL;;boven_basis;1,0;2022;;test");
        Assert.That(T(w, "2023"), Is.EqualTo(((double?)376, "on_track")), "502 >= 376");
        Assert.That(T(w, "2024"), Is.EqualTo(((double?)376, "behind")), "190 < 376");
        Assert.That(NotApplicableCheck(w).Passed, Is.True);
    }

    [Test]
    public void A_row_for_one_category_wins_over_the_star_row_for_that_category()
    {
        using var w = WithRegister(
            "hybride_docenten;techniek;NL;*;boven_basis;1,0;2022;;test",
            "hybride_docenten;techniek;NL;mbo;minimum;1000;2023;;test");
        Assert.That(T(w, "2023", "mbo"), Is.EqualTo(((double?)1000, "behind")));
        Assert.That(T(w, "2023", "vmbo"), Is.EqualTo(((double?)51, "on_track")));
    }

    // The programme office's per-year counts (overleggen): koersoverleg at least 3 a year from 2023, as of 2025-06-30.
    // 2024 (ended) with 2 meetings: behind. 2025 (not ended) with 2: incomplete; with 3 the target is already met: on_track.
    [TestCase(2, "2024", "behind")]
    [TestCase(2, "2025", "incomplete")]
    [TestCase(3, "2025", "on_track")]
    public void A_year_that_has_not_ended_is_incomplete_for_a_programme_count_unless_its_target_is_met(int meetings, string year, string status)
    {
        using var w = WithRegister("overleggen;totaal;NL;koersoverleg;minimum;3;2023;;test");
        // Stand-in for the programma/ value model: the union the target views read from, with one count.
        w.Sql($"""
            CREATE OR REPLACE VIEW intermediate.int_indicator_values AS
            SELECT 'overleggen' AS indicator, 'totaal' AS domain, '{year}' AS period, 'year' AS period_type, {year} AS period_order,
                   'NL' AS region, 'nl' AS region_level, 'koersoverleg' AS category, CAST({meetings} AS DOUBLE) AS value, 'aantal' AS unit,
                   CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, false AS incomplete, CAST(NULL AS VARCHAR) AS label,
                   CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, 'Programmabureau' AS source,
                   DATE '2025-06-30' AS vintage
            """);
        w.Db.SetAsOf(new DateOnly(2025, 6, 30));
        var row = w.Db.Connection.QuerySingle<(double? Target, bool Incomplete, bool? OnTrack)>(
            "SELECT target, incomplete, on_track FROM intermediate.int_target_values");
        var actual = row.Incomplete ? "incomplete" : row.OnTrack == true ? "on_track" : "behind";
        Assert.That((row.Target, actual), Is.EqualTo(((double?)3, status)));
    }

    // Ten base years of 0,3 each: the mean is 0,3 and the target 0,3 + 1,0 = 1,3 exactly. Summed in DOUBLE, ten times 0.3
    // is 2.9999999999999996 and the target came out as 1.2999999999999998; its last digit could also
    // differ between two runs, as DuckDB adds in the order its threads meet the rows.
    [Test]
    public void A_boven_basis_target_is_the_exact_decimal_mean_plus_the_register_value()
    {
        using var w = WithRegister("arbeidsproductiviteit_groei;totaal;NL;;boven_basis;1,0;2022;;test");
        w.Sql("""
            CREATE OR REPLACE VIEW intermediate.int_indicator_values AS
            SELECT 'arbeidsproductiviteit_groei' AS indicator, 'totaal' AS domain, CAST(y AS VARCHAR) AS period, 'year' AS period_type,
                   y AS period_order, 'NL' AS region, 'nl' AS region_level, CAST(NULL AS VARCHAR) AS category,
                   CASE WHEN y <= 2022 THEN 0.3 ELSE 1.3 END::DOUBLE AS value, 'procent' AS unit,
                   CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, false AS incomplete, CAST(NULL AS VARCHAR) AS label,
                   CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, 'CBS' AS source, DATE '2025-06-13' AS vintage
            FROM range(2013, 2024) AS t(y)
            """);
        var row = w.Db.Connection.QuerySingle<(double Target, bool? OnTrack)>(
            "SELECT target, on_track FROM intermediate.int_target_values WHERE period = '2023'");
        Assert.That(row, Is.EqualTo((1.3, (bool?)true)), "1,3 >= 1,3");
    }

    static (IReadOnlyList<Monitor.Domain.TargetRow> Rows, IReadOnlyList<QuarantinedRow> Errors) Read(params string[] lines)
    {
        var reference = ReferenceLoader.Load("/nonexistent-so-the-shipped-reference-is-used").Data;
        var (rows, errors, total) = ReferenceLoader.ReadRegister("doelen.csv", string.Join("\n", [Header, .. lines]) + "\n",
            reference, IndicatorCatalogue.EmbeddedCodes());
        Assert.That(total, Is.EqualTo(lines.Length));
        return (rows, errors);
    }

    [Test]
    public void A_row_for_an_unknown_indicator_is_quarantined_and_the_rest_applies()
    {
        var (rows, errors) = Read(
            "bestaat_niet;ict;NL;;minimum;5;;;test",
            "hybride_docenten;techniek;NL;;minimum;1000;;;test");
        Assert.That(errors.Select(e => (e.LineNumber, e.Column, e.RawValue)), Is.EqualTo(new[] { (2L, (string?)"Indicator", (string?)"bestaat_niet") }));
        Assert.That(errors[0].Reason, Does.Contain("unknown indicator code"));
        Assert.That(errors[0].RawRecord, Is.EqualTo("bestaat_niet;ict;NL;;minimum;5;;;test"));
        Assert.That(rows.Select(r => (r.Indicator, r.LineNumber, r.Waarde)), Is.EqualTo(new[] { ("hybride_docenten", 3, 1000.0) }));
    }

    [Test]
    public void Two_rows_whose_years_overlap_are_both_quarantined()
    {
        var (rows, errors) = Read(
            "nettogroei;ict;NL;;minimum;60000;2022;;a",
            "nettogroei;ict;NL;;minimum;50000;2018;2022;b",
            "nettogroei;ict;NL;;minimum;40000;2010;2017;c",
            "nettogroei;techniek;NL;;minimum;1000;2022;;d");
        Assert.That(errors.Select(e => e.LineNumber), Is.EqualTo(new[] { 2L, 3L }));
        Assert.That(errors[0].Reason, Does.Contain("overlap those of line 3"));
        Assert.That(errors[1].Reason, Does.Contain("overlap those of line 2"));
        Assert.That(rows.Select(r => r.LineNumber), Is.EqualTo(new[] { 4, 5 }), "2010-2017 does not overlap; another domain is another key");
    }

    [Test]
    public void Pad_and_boven_basis_years_count_from_the_year_after_Basisjaar()
    {
        // pad 2022-2030 applies 2023-2030; a minimum up to 2022 does not overlap it, one from 2030 does.
        var (rows, errors) = Read(
            "werkzaam;ict;NL;;pad;1000000;2022;2030;a",
            "werkzaam;ict;NL;;minimum;500000;;2022;b",
            "werkzaam;techniek;NL;;boven_basis;1;2022;;c",
            "werkzaam;techniek;NL;;minimum;5;2023;2023;d");
        Assert.That(rows.Select(r => r.LineNumber), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(errors.Select(e => e.LineNumber), Is.EqualTo(new[] { 4L, 5L }));
    }

    [Test]
    public void Bad_rows_name_their_column_value_and_what_was_expected()
    {
        var (rows, errors) = Read(
            "nettogroei;zorg;NL;;minimum;1;;;a",
            "nettogroei;ict;PV99;;minimum;1;;;a",
            "nettogroei;ict;NL;;ten_minste;1;;;a",
            "nettogroei;ict;NL;;minimum;60.000;;;a",
            "nettogroei;ict;NL;;minimum;veel;;;a",
            "werkzaam;ict;NL;;pad;1000000;2022;;a",
            "werkzaam;ict;NL;;boven_basis;1,0;;;a",
            "werkzaam;ict;NL;;minimum;1;2024;2023;a",
            "nettogroei;ict;PV20;;minimum;-0,5;;;a");
        Assert.That(errors.Select(e => (e.LineNumber, e.Column, e.RawValue)), Is.EqualTo(new (long, string?, string?)[]
        {
            (2, "Domein", "zorg"), (3, "Regio", "PV99"), (4, "Soort", "ten_minste"), (5, "Waarde", "60.000"), (6, "Waarde", "veel"),
            (7, "Doeljaar", ""), (8, "Basisjaar", ""), (9, "Doeljaar", "2023"),
        }));
        Assert.That(errors[5].Reason, Does.Contain("needs both Basisjaar and Doeljaar"));
        Assert.That(errors[6].Reason, Does.Contain("boven_basis needs a Basisjaar"));
        Assert.That(rows.Single().Waarde, Is.EqualTo(-0.5), "a decimal comma and a sign");
    }

    [Test]
    public void A_missing_reference_file_is_taken_from_the_shipped_copy_file_by_file()
    {
        using var data = new TempDir();
        Directory.CreateDirectory(data.Combine("reference"));
        File.Copy(Path.Combine(Fixtures.RepoRoot, "sample-data", "reference", "provincies.csv"), data.Combine("reference", "provincies.csv"));
        File.WriteAllText(data.Combine("reference", "doelen.csv"), Header + "\nhybride_docenten;techniek;NL;;minimum;700;;;eigen register\n");

        var set = ReferenceLoader.Load(data.Path);
        Assert.That(set.Files.Select(f => (f.FileName, f.Shipped)), Is.EqualTo(new[]
        {
            ("provincies.csv", false), ("arbeidsmarktregios.csv", true), ("techniekpactregios.csv", true), ("beroepen.csv", true),
            ("bedrijfstakken.csv", true), ("doelen.csv", false),
        }));
        Assert.That(set.Register.Origin, Is.EqualTo(data.Combine("reference", "doelen.csv")));
        Assert.That(set.Files.Single(f => f.FileName == "beroepen.csv").Origin, Is.EqualTo("(shipped) reference/beroepen.csv"));
        Assert.That(set.Data.Doelen.Select(d => (d.Waarde, d.Bron)), Is.EqualTo(new[] { (700.0, "eigen register") }));
        Assert.That(set.Data.Arbeidsmarktregios, Has.Count.EqualTo(35), "the shipped labour-market regions");
        Assert.That(set.Data.Bedrijfstakken.Keys, Is.EqualTo(new[] { "totaal", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S" }));
        Assert.That(set.Data.Bedrijfstakken.Where(b => b.Value.Domein == "techniek").Select(b => b.Key), Is.EqualTo(new[] { "C", "D", "F" }));
    }

    sealed class Recorder : IRunObserver
    {
        public List<string> Messages { get; } = [];
        public void Info(string message) => Messages.Add(message);
    }

    [Test]
    public void A_bad_register_row_is_quarantined_in_the_run_which_exits_with_data_problems_and_says_which_copies_it_used()
    {
        using var data = new TempDir();
        using var output = new TempDir();
        Directory.CreateDirectory(data.Combine("reference"));
        File.WriteAllText(data.Combine("reference", "doelen.csv"),
            Header + "\nbestaat_niet;ict;NL;;minimum;5;;;test\nhybride_docenten;techniek;NL;;minimum;1000;;;test\n");
        var observer = new Recorder();
        var result = StandardSteps.Runner().Run(new RunRequest
        {
            DataDir = data.Path, OutDir = output.Path, Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch,
        }, observer);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.DataProblems), result.Message);
        Assert.That(observer.Messages, Has.Some.Contains("doelen.csv from the data directory")
            .And.Some.Contains("provincies.csv, arbeidsmarktregios.csv, techniekpactregios.csv, beroepen.csv, bedrijfstakken.csv shipped with the monitor")
            .And.Some.Contains("target register: 1 of 2 rows applied, 1 quarantined"));
        using var db = WarehouseDb.OpenReadOnly(output.Combine("warehouse.duckdb"));
        var q = db.Connection.QuerySingle<(int, string, long, string, string, string)>(
            "SELECT extract_id, file_name, line_number, column_name, raw_value, reason FROM meta.quarantine");
        Assert.That((q.Item1, q.Item2, q.Item3, q.Item4, q.Item5), Is.EqualTo((0, "reference/doelen.csv", 2L, "Indicator", "bestaat_niet")));
        Assert.That(db.Connection.Query<(string, bool)>("SELECT file_name, shipped FROM meta.run_reference WHERE run_id = $id ORDER BY file_name", new { id = result.RunId }),
            Is.EqualTo(new[] { ("arbeidsmarktregios.csv", true), ("bedrijfstakken.csv", true), ("beroepen.csv", true), ("doelen.csv", false), ("provincies.csv", true), ("techniekpactregios.csv", true) }));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM ref.doelen"), Is.EqualTo(1));
    }

    [Test]
    public void Editing_one_line_of_the_register_changes_the_status_in_the_mart_on_the_next_run()
    {
        using var data = new TempDir();
        using var output = new TempDir();
        Fixtures.CopyDirectory(Path.Combine(Fixtures.RepoRoot, "sample-data"), data.Path);
        var request = new RunRequest
        {
            DataDir = data.Path, OutDir = output.Path, Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators, PipelineSteps.Report],
            StableFiles = Fixtures.NoWatch,
        };
        // The key point the report writes about hybrid teachers, from the published PDF (whitespace of the layout folded).
        string? Printed()
        {
            if (!Monitor.Tests.Reporting.Poppler.Available) return null;
            var text = System.Text.RegularExpressions.Regex.Replace(
                Monitor.Tests.Reporting.Poppler.Text(output.Combine("reports", "indicatorrapport-2024.pdf"))!, @"\s+", " ");
            return text;
        }
        (double? Target, string Status) Hybride()
        {
            using var db = WarehouseDb.OpenReadOnly(output.Combine("warehouse.duckdb"));
            return db.Connection.QuerySingle<(double?, string)>(
                "SELECT target, status FROM mart.indicator_values WHERE indicator = 'hybride_docenten' AND period = '2024' AND category IS NULL");
        }

        var first = StandardSteps.Runner().Run(request);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Message);
        Assert.That(Hybride(), Is.EqualTo(((double?)1000, "behind")), "sample data 2024: 770 hybrid teachers against 1,000");
        if (Printed() is { } before)
            Assert.That(before, Does.Contain("In 2024 waren er 770 hybride docenten, 230 minder dan het doel van 1.000.").And.Contain("Doel: minimaal 1.000"));

        var path = Path.Combine(data.Path, "reference", "doelen.csv");
        var lines = File.ReadAllLines(path);
        Assert.That(lines[4], Does.StartWith("hybride_docenten;techniek;NL;;minimum;1000;"));
        lines[4] = lines[4].Replace(";minimum;1000;", ";minimum;700;");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var second = StandardSteps.Runner().Run(request);
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), second.Message);
        Assert.That(Hybride(), Is.EqualTo(((double?)700, "on_track")), "770 >= 700 after the edit, without a code change");
        // And the report says so: the same run's PDF measures 770 against the edited 700.
        if (Printed() is { } after)
            Assert.That(after, Does.Contain("Met 770 hybride docenten in 2024 is het doel van 700 gehaald.").And.Contain("Doel: minimaal 700")
                .And.Not.Contain("Doel: minimaal 1.000"));
    }
}
