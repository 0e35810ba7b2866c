// period_start / period_end in the mart: every row's bounds are those Domain.Period gives its period, whichever
// model made it (delivered periods through meta.period_bounds, periods SQL derives from dates through the
// intermediate.*_start/_end macros), and raw rows that bypassed the loader get theirs at the build.
using Dapper;
using Monitor.Domain;

namespace Monitor.Tests.Indicators;

public class PeriodBoundsTests
{
    [Test]
    public void Every_mart_row_carries_the_bounds_type_and_order_of_its_period()
    {
        // With one vacancy-level record, so the quarters counted from dates (int_uwv_detail_open) are in it too.
        using var w = IndicatorWarehouse.With("every_indicator.sql", IndicatorWarehouse.OneDetailRecord);
        w.Build();
        var rows = w.Db.Connection.Query<(string Period, string Type, int Order, DateTime Start, DateTime End)>(
            "SELECT DISTINCT period, period_type, period_order, period_start, period_end FROM mart.indicator_values").ToList();
        Assert.That(rows.Select(r => r.Type).Distinct().Order(), Is.EqualTo(new[] { "forecast_period", "quarter", "school_year", "year" }));
        var wrong = rows.Where(r =>
        {
            var p = Period.Parse(r.Period);
            return (p.TypeName, p.Order, p.Start, p.End) != (r.Type, r.Order, DateOnly.FromDateTime(r.Start), DateOnly.FromDateTime(r.End));
        }).ToList();
        Assert.That(wrong, Is.Empty);
        Assert.That(w.Db.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM mart.indicator_values WHERE category = 'vacaturebestand' AND period = '2023KW4' AND period_end = DATE '2023-12-31'"),
            Is.GreaterThan(0), "a quarter SQL derives from dates: 2023KW4 ends 31 December");
        // Hand-worked, one per kind.
        Assert.That(rows.Single(r => r.Period == "2023KW1") is var q ? (q.Start, q.End) : default,
            Is.EqualTo((new DateTime(2023, 1, 1), new DateTime(2023, 3, 31))));
    }

    [Test]
    public void Rows_written_without_the_loader_get_their_periods_bounds_at_the_build()
    {
        // The fixture inserts raw rows directly, as a warehouse loaded before migration 012 holds them.
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        Assert.That(w.Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.period_bounds"), Is.Zero);
        w.Build();
        var bounds = w.Db.Connection.Query<(string Type, string Period, DateTime Start, DateTime End)>(
            "SELECT period_type, period, period_start, period_end FROM meta.period_bounds WHERE period IN ('2023/2024', '2021-2026', '2023')").ToList();
        Assert.That(bounds.OrderBy(b => b.Period), Is.EqualTo(new[]
        {
            ("year", "2023", new DateTime(2023, 1, 1), new DateTime(2023, 12, 31)),
            ("school_year", "2023/2024", new DateTime(2023, 8, 1), new DateTime(2024, 7, 31)),
            ("forecast_period", "2021-2026", new DateTime(2021, 1, 1), new DateTime(2026, 12, 31)),
        }.OrderBy(b => b.Item2)));
        Assert.That(w.Db.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM staging.stg_uwv_vacatures WHERE period_start IS NULL OR period_end IS NULL"), Is.Zero);
    }
}
