// The data-quality checks of sql/checks/: each passes on consistent data and fails, with the
// offending rows, on data made to break it; results land in meta.check_results.
using System.Text.Json;
using Dapper;
using Monitor.Indicators;
using Monitor.Sources;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class CheckRunnerTests
{
    static readonly DateOnly Today = new(2024, 6, 1);

    static CheckResult Result(IReadOnlyList<CheckResult> results, string name) =>
        results.Single(r => r.Name == name);

    [Test]
    public void Every_check_file_declares_a_severity_and_a_description()
    {
        var checks = CheckDefinition.All();
        Assert.That(checks.Select(c => c.Name), Is.SupersetOf(new[]
        {
            "mart_shares_within_0_100", "mart_unique_key", "mart_codes_in_catalogue", "roa_baanopeningen_identity",
            "werkzaam_jump", "stromen_vs_nettogroei", "source_freshness", "regional_sums_tpm_onderwijs", "uwv_detail_vs_aggregate",
        }));
        Assert.That(checks.Where(c => c.Severity == "error").Select(c => c.Name),
            Is.EquivalentTo(new[] { "mart_shares_within_0_100", "mart_unique_key", "mart_codes_in_catalogue", "roa_baanopeningen_identity" }));
        Assert.That(checks.All(c => c.Description.Length > 20), Is.True);
        // The report is Dutch: every shipped check carries its Dutch wording too.
        Assert.That(checks.Where(c => string.IsNullOrWhiteSpace(c.Omschrijving)).Select(c => c.Name), Is.Empty);
    }

    [Test]
    public void The_dutch_wording_is_read_from_the_omschrijving_line()
    {
        var check = CheckDefinition.Parse("z", "-- severity: error\n-- description: English\n-- omschrijving: Nederlands\nSELECT 1");
        Assert.That((check.Description, check.Omschrijving), Is.EqualTo(("English", "Nederlands")));
        Assert.That(CheckDefinition.Parse("w", "-- severity: error\n-- description: only English\nSELECT 1").Omschrijving, Is.Null);
    }

    [Test]
    public void A_check_without_a_severity_line_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => CheckDefinition.Parse("x", "-- description: something\nSELECT 1"));
        Assert.That(e!.Message, Does.Contain("sql/checks/x.sql").And.Contain("severity"));
        Assert.That(CheckDefinition.Parse("y", "-- severity: Warning\n-- description: d\nSELECT 1;\n").Sql, Is.EqualTo("-- severity: Warning\n-- description: d\nSELECT 1"));
    }

    [Test]
    public void The_freshness_check_reads_the_declared_datasets_instead_of_its_own_list()
    {
        var sql = CheckDefinition.All().Single(c => c.Name == "source_freshness").Sql;
        Assert.That(sql, Does.Contain("FROM meta.datasets"));
        foreach (var contract in Contracts.All)
            Assert.That(sql, Does.Not.Contain($"'{contract.Dataset}'"), $"{contract.Name} is listed in the check itself");

        // A dataset declared (here: added to meta.datasets by hand) and never loaded is reported when required.
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        Assert.That(Result(CheckRunner.Run(w.Db, "run-f1", Today), "source_freshness").FailingRows, Is.Zero);
        w.Sql("INSERT INTO meta.datasets VALUES ('new_set', 'new', 'set', 'Nieuw', 'new', 'yearly', 15, false)");
        w.Sql("SET VARIABLE today = DATE '2024-06-01'");
        var rows = w.Db.Connection.Query<(string, string)>($"SELECT dataset, problem FROM ({sql})").ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("new_set", "never loaded") }));
    }

    [Test]
    public void An_optional_dataset_is_reported_only_once_it_has_loaded_and_gone_stale()
    {
        // every_indicator.sql has CBS (yearly) from 2024-05-01 and the programme office (quarterly) from 2024-03-31.
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        var sql = CheckDefinition.All().Single(c => c.Name == "source_freshness").Sql;
        w.Sql("SET VARIABLE today = DATE '2024-09-01'");
        var rows = w.Db.Connection.Query<(string, string)>($"SELECT dataset, problem FROM ({sql}) WHERE dataset LIKE 'programma%' OR dataset LIKE 'cbs%'").ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("programma_acties", "stale"), ("programma_overleggen", "stale") }), "5 months after 2024-03-31");
        w.Sql("DELETE FROM meta.extracts WHERE source IN ('cbs', 'programma')");
        Assert.That(w.Db.Connection.Query<string>($"SELECT dataset FROM ({sql}) WHERE dataset LIKE 'programma%' OR dataset LIKE 'cbs%'"), Is.Empty,
            "optional datasets never loaded are not overdue");
    }

    [Test]
    public void Consistent_data_passes_every_check_but_the_regional_sums_it_was_built_to_break()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        var results = CheckRunner.Run(w.Db, "run-1", Today);

        var failed = results.Where(r => !r.Passed).Select(r => r.Name).ToList();
        // The fixture holds a few years of every indicator, so the shipped register's boven_basis rows for productivity
        // (ten base years 2013-2022) cannot be applied: that check says so. Everything else is consistent.
        Assert.That(failed, Is.EqualTo(new[] { "regional_sums_tpm_onderwijs", "target_rows_not_applicable" }));
        Assert.That(JsonDocument.Parse(Result(results, "target_rows_not_applicable").Sample).RootElement.EnumerateArray()
            .Select(r => r.GetProperty("indicator").GetString()).Distinct(), Is.EqualTo(new[] { "arbeidsproductiviteit_groei" }));
        // TP1 and TP2 mbo overig entrants (80 man, 170 vrouw; TP2 has none) do not add up to NL's 200 and 400;
        // the women in betatechniek are skipped because TP2's cell is suppressed; the men add up (120 + 180 = 300).
        var sums = Result(results, "regional_sums_tpm_onderwijs");
        Assert.That((sums.Severity, sums.FailingRows, sums.Blocking), Is.EqualTo(("warning", 2L, false)));
        var sample = JsonDocument.Parse(sums.Sample).RootElement;
        Assert.That(sample.GetArrayLength(), Is.EqualTo(2));
        Assert.That(sample[0].GetProperty("richting").GetString(), Is.EqualTo("overig"));
        Assert.That(sample[0].GetProperty("nl").GetInt64(), Is.EqualTo(200));
        Assert.That(sample[0].GetProperty("som_regios").GetInt64(), Is.EqualTo(80));

        var stored = w.Db.Connection.Query<(string, string, string, long)>(
            "SELECT check_name, severity, status, failing_rows FROM meta.check_results WHERE run_id = 'run-1' ORDER BY check_name").ToList();
        Assert.That(stored, Has.Count.EqualTo(results.Count));
        Assert.That(stored, Does.Contain(("regional_sums_tpm_onderwijs", "warning", "failed", 2L)));
        Assert.That(stored, Does.Contain(("roa_baanopeningen_identity", "error", "passed", 0L)));
    }

    [Test]
    public void Rerunning_the_checks_for_a_run_replaces_its_results()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        CheckRunner.Run(w.Db, "run-1", Today);
        var results = CheckRunner.Run(w.Db, "run-1", Today);
        Assert.That(w.Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.check_results WHERE run_id = 'run-1'"),
            Is.EqualTo(results.Count));
    }

    const string Broken = """
        INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, state, run_id, loaded_at) VALUES
            (51, 'predict_werkzaam_2024-04-01.csv', 'predict', 'predict', 'werkzaam', DATE '2024-04-01', 'a', 1, 'loaded', 'x', TIMESTAMP '2024-04-02 00:00:00'),
            (52, 'predict_stromen_2024-04-01.csv', 'predict', 'predict', 'stromen', DATE '2024-04-01', 'b', 1, 'loaded', 'x', TIMESTAMP '2024-04-02 00:00:00'),
            (53, 'roa_prognoses_2023-12-01.csv', 'roa', 'roa', 'prognoses', DATE '2023-12-01', 'c', 1, 'loaded', 'x', TIMESTAMP '2023-12-02 00:00:00'),
            (54, 'uwv_vacatures_2023-05-01.csv', 'uwv', 'uwv', 'vacatures', DATE '2023-05-01', 'd', 1, 'loaded', 'x', TIMESTAMP '2023-05-02 00:00:00'),
            (55, 'uwv_vacatures_detail_2023-05-01.csv', 'uwv', 'uwv', 'vacatures_detail', DATE '2023-05-01', 'e', 1, 'loaded', 'x', TIMESTAMP '2023-05-02 00:00:00');
        -- Stock jumps 30% (100,000 -> 130,000).
        INSERT INTO raw.predict_werkzaam VALUES
            (51, DATE '2024-04-01', 2, 2022, 'NL', 'man', 100000, NULL),
            (51, DATE '2024-04-01', 3, 2023, 'NL', 'man', 130000, NULL);
        -- Outflow 120,000 from a stock of 100,000: behoud -20%; saldo 80,000 against nettogroei 30,000.
        INSERT INTO raw.predict_stromen VALUES
            (52, DATE '2024-04-01', 2, 2023, 'instroom', 'zij_instroom', 'NL', 200000, NULL),
            (52, DATE '2024-04-01', 3, 2023, 'uitstroom', 'pensioen', 'NL', 120000, NULL);
        -- Job openings 12,500 where max(-2,000, 0) + 12,000 = 12,000.
        INSERT INTO raw.roa_prognoses VALUES
            (53, DATE '2023-12-01', 2, '2021-2026', '08', 150000, NULL, -2000, NULL, 12000, NULL, 12500, NULL, 14000, NULL, 0.9, NULL, 'enige', NULL);
        -- Aggregate says 10 open at the end of 2023KW1; the detail records say 2 + 3 = 5.
        INSERT INTO raw.uwv_vacatures VALUES
            (54, DATE '2023-05-01', 2, '2023KW1', 'AM01', '07', 10, NULL, 4, NULL);
        INSERT INTO raw.uwv_vacatures_detail VALUES
            (55, DATE '2023-05-01', 2, 'V1', DATE '2022-11-01', NULL, '07', 'AM01', 2),
            (55, DATE '2023-05-01', 3, 'V2', DATE '2023-02-01', DATE '2023-03-15', '07', 'AM01', 1),
            (55, DATE '2023-05-01', 4, 'V3', DATE '2023-03-01', DATE '2023-04-10', '07', 'AM01', 3);
        """;

    [Test]
    public void Broken_data_fails_the_checks_that_guard_against_it()
    {
        using var w = IndicatorWarehouse.With(Broken);
        w.Build();
        var results = CheckRunner.Run(w.Db, "run-2", Today);

        var shares = Result(results, "mart_shares_within_0_100");
        Assert.That((shares.Status, shares.FailingRows, shares.Blocking), Is.EqualTo(("failed", 1L, true)));
        Assert.That(JsonDocument.Parse(shares.Sample).RootElement[0].GetProperty("indicator").GetString(), Is.EqualTo("behoud"));

        var jump = Result(results, "werkzaam_jump");
        Assert.That((jump.Severity, jump.Status, jump.FailingRows), Is.EqualTo(("warning", "failed", 1L)));

        var flows = Result(results, "stromen_vs_nettogroei");
        Assert.That((flows.Status, flows.FailingRows), Is.EqualTo(("failed", 1L)));
        Assert.That(JsonDocument.Parse(flows.Sample).RootElement[0].GetProperty("verschil").GetDouble(), Is.EqualTo(50000));

        var roa = Result(results, "roa_baanopeningen_identity");
        Assert.That((roa.Severity, roa.Status, roa.FailingRows), Is.EqualTo(("error", "failed", 1L)));
        var roaRow = JsonDocument.Parse(roa.Sample).RootElement[0];
        Assert.That(roaRow.GetProperty("difference").GetInt64(), Is.EqualTo(500));
        Assert.That(roaRow.GetProperty("file_name").GetString(), Is.EqualTo("roa_prognoses_2023-12-01.csv"));

        var detail = Result(results, "uwv_detail_vs_aggregate");
        Assert.That((detail.Status, detail.FailingRows), Is.EqualTo(("failed", 1L)));
        var detailRow = JsonDocument.Parse(detail.Sample).RootElement[0];
        Assert.That((detailRow.GetProperty("aggregaat").GetInt64(), detailRow.GetProperty("detail").GetInt64()), Is.EqualTo((10L, 5L)));
    }

    [Test]
    public void Freshness_compares_the_latest_vintage_with_today_per_frequency()
    {
        using var w = IndicatorWarehouse.With(Broken);
        w.Build();
        // On 2024-06-01: predict (yearly, 2024-04-01) and roa (biennial, 2023-12-01) are fresh; uwv_vacatures and the
        // optional detail (quarterly, 2023-05-01) are older than 5 months; the five datasets never delivered are listed.
        var freshness = Result(CheckRunner.Run(w.Db, "run-3", Today), "source_freshness");
        Assert.That((freshness.Severity, freshness.FailingRows), Is.EqualTo(("warning", 7L)));
        var rows = w.Db.Connection.Query<(string Dataset, string Problem)>(
            $"SELECT dataset, problem FROM ({CheckDefinition.All().Single(c => c.Name == "source_freshness").Sql}) ORDER BY dataset").ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("predict_onderwijs", "never loaded"), ("tpm_docenten", "never loaded"), ("tpm_onderwijs", "never loaded"),
            ("tpm_stromen", "never loaded"), ("tpm_werkzaam", "never loaded"),
            ("uwv_vacatures", "stale"), ("uwv_vacatures_detail", "stale"),
        }));

        // On 2026-04-01 the yearly predict vintages (older than 15 months) and ROA (older than 27 months) are stale too.
        var later = Result(CheckRunner.Run(w.Db, "run-4", new DateOnly(2026, 4, 1)), "source_freshness");
        Assert.That(later.FailingRows, Is.EqualTo(10));
    }

    [Test]
    public void Mart_integrity_checks_catch_duplicates_and_unknown_codes()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        w.Sql("""
            INSERT INTO mart.indicator_values SELECT * FROM mart.indicator_values WHERE indicator = 'werkzaam' AND region = 'NL' AND period = '2023' AND domain = 'ict';
            INSERT INTO mart.indicator_values SELECT * REPLACE ('not_a_code' AS indicator) FROM mart.indicator_values WHERE indicator = 'werkzaam' LIMIT 1;
            """);
        var results = CheckRunner.Run(w.Db, "run-5", Today);
        Assert.That(Result(results, "mart_unique_key").FailingRows, Is.EqualTo(1));
        Assert.That(Result(results, "mart_codes_in_catalogue").FailingRows, Is.EqualTo(1));
        Assert.That(results.Where(r => r.Blocking).Select(r => r.Name), Is.EquivalentTo(new[] { "mart_unique_key", "mart_codes_in_catalogue" }));
    }

    [Test]
    public void Checks_read_the_vintages_the_mart_was_built_with()
    {
        // Built as of 2023-06-30, the UWV revision of 2023-08-15 is invisible to the checks as well, even when the
        // connection lost its as-of setting: on 2023-10-20 the latest UWV vintage they see (2023-05-15) is stale.
        // Failing: the 8 other required datasets never loaded, plus uwv_vacatures stale.
        using var w = IndicatorWarehouse.With("revision.sql");
        w.Build(new DateOnly(2023, 6, 30));
        w.Db.SetAsOf(null);
        var results = CheckRunner.Run(w.Db, "run-6", new DateOnly(2023, 10, 20));
        Assert.That(Result(results, "source_freshness").FailingRows, Is.EqualTo(9));
    }
}
