// mart.indicator_revisions: a value's history over the vintages, from hand-made extracts.
using Dapper;

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
}
