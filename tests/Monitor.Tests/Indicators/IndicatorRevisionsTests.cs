// mart.indicator_revisions: a value's history over the vintages, from hand-made extracts.
using Dapper;
using Monitor.Indicators;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class IndicatorRevisionsTests
{
    sealed record Revision(string Period, DateOnly Vintage, string Change, double? Value, double? PreviousValue, int[] ExtractIds, string[] FileNames);

    static List<Revision> History(IndicatorWarehouse w, string indicator, string domain, string region, string? period = null) =>
        w.Db.Connection.Query<(string Period, DateTime Vintage, string Change, double? Value, double? Previous, string Ids, string Files)>("""
            SELECT period, vintage, change, value, previous_value, array_to_string(extract_ids, ','), array_to_string(file_names, ',')
            FROM mart.indicator_revisions
            WHERE indicator = $indicator AND domain = $domain AND region = $region AND category IS NULL
              AND ($period IS NULL OR period = $period)
            ORDER BY period_order, vintage
            """, new { indicator, domain, region, period })
            .Select(r => new Revision(r.Period, DateOnly.FromDateTime(r.Vintage), r.Change, r.Value, r.Previous, r.Ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(), r.Files.Split(',', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    [Test]
    public void A_revised_figure_has_both_values_with_the_extract_that_revised_it()
    {
        // revision.sql: AM01 class 07 2023KW1 vacancies 10 (2023-05-15, extract 31), revised to 14 (2023-08-15, extract 32);
        // 2023KW2 (9) first arrives with extract 32.
        using var w = IndicatorWarehouse.With("revision.sql");
        w.Build();
        var history = History(w, "openstaande_vacatures", "techniek", "AM01");
        Assert.That(history.Select(h => (h.Period, h.Vintage, h.Change, h.Value, h.PreviousValue)), Is.EqualTo(new[]
        {
            ("2023KW1", new DateOnly(2023, 5, 15), "first", (double?)10, (double?)null),
            ("2023KW1", new DateOnly(2023, 8, 15), "revised", (double?)14, (double?)10),
            ("2023KW2", new DateOnly(2023, 8, 15), "first", (double?)9, (double?)null),
        }));
        Assert.That(history[1].ExtractIds, Is.EqualTo(new[] { 32 }));
        Assert.That(history[1].FileNames, Is.EqualTo(new[] { "uwv_vacatures_2023-08-15.csv" }));
        Assert.That(history[0].FileNames, Is.EqualTo(new[] { "uwv_vacatures_2023-05-15.csv" }));

        // The spanningsindicator of NL: 10/5 = 2, then 14/5 = 2.8. WW stayed 5, so ww_kort has a single row.
        Assert.That(History(w, "spanningsindicator", "techniek", "NL", "2023KW1").Select(h => (h.Change, h.Value)),
            Is.EqualTo(new[] { ("first", (double?)2.0), ("revised", (double?)2.8) }));
        Assert.That(History(w, "ww_kort", "techniek", "NL", "2023KW1").Select(h => (h.Change, h.Value)),
            Is.EqualTo(new[] { ("first", (double?)5) }));
    }

    [Test]
    public void A_run_as_of_a_date_has_no_revision_after_it()
    {
        using var w = IndicatorWarehouse.With("revision.sql");
        w.Build(new DateOnly(2023, 6, 30));
        Assert.That(History(w, "openstaande_vacatures", "techniek", "AM01").Select(h => (h.Period, h.Vintage, h.Value)), Is.EqualTo(new[]
        {
            ("2023KW1", new DateOnly(2023, 5, 15), (double?)10),
        }));
        Assert.That(w.Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM mart.indicator_revisions WHERE vintage > DATE '2023-06-30'"), Is.Zero);
    }

    [Test]
    public void The_latest_revision_of_every_value_is_the_value_in_the_mart()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        var mismatches = w.Db.Connection.Query<string>("""
            WITH latest AS (
                SELECT * FROM mart.indicator_revisions
                QUALIFY row_number() OVER (PARTITION BY indicator, domain, period, region, category ORDER BY vintage DESC) = 1
            )
            SELECT concat_ws('/', coalesce(v.indicator, l.indicator), coalesce(v.domain, l.domain), coalesce(v.period, l.period),
                              coalesce(v.region, l.region), coalesce(v.category, l.category, 'total'))
                   || ': mart ' || coalesce(CAST(v.value AS VARCHAR), 'none') || ', revisions ' || coalesce(CAST(l.value AS VARCHAR), 'none')
            FROM mart.indicator_values AS v
            FULL JOIN (SELECT * FROM latest WHERE change <> 'removed') AS l
              ON l.indicator = v.indicator AND l.domain = v.domain AND l.period = v.period AND l.region = v.region
             AND l.category IS NOT DISTINCT FROM v.category
            WHERE v.indicator IS NULL OR l.indicator IS NULL OR v.value IS DISTINCT FROM l.value
            """).ToList();
        Assert.That(mismatches, Is.Empty);
        var duplicates = w.Db.Connection.ExecuteScalar<long>("""
            SELECT count(*) FROM (SELECT 1 FROM mart.indicator_revisions
                                  GROUP BY indicator, domain, period, region, category, vintage HAVING count(*) > 1)
            """);
        Assert.That(duplicates, Is.Zero, "one row per value and vintage");
    }

    [Test]
    public void Explain_shows_the_revision_history_of_the_value()
    {
        using var w = IndicatorWarehouse.With("revision.sql");
        w.Build();
        using (var db = WarehouseDb.OpenReadOnly(Path.Combine(w.OutDir, "warehouse.duckdb")))
        {
            var v = IndicatorExplainer.Explain(db, new ExplainRequest("openstaande_vacatures", "2023KW1", "AM01", "techniek")).Values.Single();
            Assert.That(v.History.Select(h => (h.Vintage, h.Change, h.Value, h.PreviousValue, string.Join(",", h.FileNames))), Is.EqualTo(new[]
            {
                (new DateOnly(2023, 5, 15), "first", (double?)10, (double?)null, "uwv_vacatures_2023-05-15.csv"),
                (new DateOnly(2023, 8, 15), "revised", (double?)14, (double?)10, "uwv_vacatures_2023-08-15.csv"),
            }));
        }
        var (exit, output, _) = MonitorCli.Invoke("explain", "openstaande_vacatures", "--period", "2023KW1", "--region", "AM01",
            "--domain", "techniek", "--out", w.OutDir);
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("revision history: 2 vintage(s) changed this value"));
        Assert.That(output, Does.Contain("2023-05-15  first published: 10 (uwv_vacatures_2023-05-15.csv)"));
        Assert.That(output, Does.Contain("2023-08-15  revised: 10 -> 14 (uwv_vacatures_2023-08-15.csv)"));
    }

    [Test]
    public void The_as_of_view_gives_the_mart_of_a_run_with_that_as_of_date()
    {
        using var w = IndicatorWarehouse.With("revision.sql");
        var asOf = new DateOnly(2023, 6, 30);
        w.Build(asOf);
        w.Sql("CREATE TEMP TABLE built_as_of AS SELECT * FROM mart.indicator_values");
        w.Build(); // the mart now holds the latest vintages; the view follows the variable
        w.Db.SetAsOf(asOf);
        var differences = w.Db.Connection.ExecuteScalar<long>("""
            SELECT count(*) FROM (
                (SELECT * FROM built_as_of EXCEPT ALL SELECT * FROM mart.indicator_values_as_of)
                UNION ALL
                (SELECT * FROM mart.indicator_values_as_of EXCEPT ALL SELECT * FROM built_as_of))
            """);
        Assert.That(differences, Is.Zero);
        Assert.That(w.Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM built_as_of"), Is.GreaterThan(0));
        // By hand (revision.sql): AM01 class 07 2023KW1 had 10 open vacancies as of 2023-06-30, 14 afterwards.
        const string am01 = """
            SELECT value FROM mart.indicator_values_as_of
            WHERE indicator = 'openstaande_vacatures' AND domain = 'techniek' AND period = '2023KW1' AND region = 'AM01'
            """;
        Assert.That(w.Db.Connection.ExecuteScalar<double>(am01), Is.EqualTo(10));
        Assert.That(w.Db.Connection.ExecuteScalar<DateTime>("SELECT DISTINCT as_of FROM mart.indicator_values_as_of"), Is.EqualTo(new DateTime(2023, 6, 30)));
        w.Db.SetAsOf(null);
        Assert.That(w.Db.Connection.ExecuteScalar<double>(am01), Is.EqualTo(14));
        Assert.That(w.Row("openstaande_vacatures", "techniek", "2023KW1", "AM01").Value, Is.EqualTo(14));
    }
}
