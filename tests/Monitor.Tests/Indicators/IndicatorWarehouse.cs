// A temp warehouse with the shipped reference tables and hand-made fixture rows, for indicator tests.
using Dapper;
using Monitor.Indicators;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

sealed class IndicatorWarehouse : IDisposable
{
    readonly TempDir dir = new();
    public WarehouseDb Db { get; }
    public string OutDir => dir.Path;

    IndicatorWarehouse()
    {
        Db = WarehouseDb.OpenForWrite(dir.Combine("warehouse.duckdb"));
        var reference = ReferenceLoader.Load(dir.Path); // no reference/ here: the shipped tables
        using var tx = Db.Connection.BeginTransaction();
        ReferenceLoader.Write(Db.Connection, reference.Data);
        tx.Commit();
    }

    /// <summary>A warehouse holding the named fixture files of fixtures/indicators/ plus any extra SQL.</summary>
    /// <summary>One vacancy-level record (AM01, class 08, open from 1 March 2023), so that the quarters counted from dates are in the mart too.</summary>
    public const string OneDetailRecord = """
        INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, state, run_id, loaded_at) VALUES
            (90, 'uwv_vacatures_detail_2024-02-15.csv', 'uwv', 'uwv', 'vacatures_detail', DATE '2024-02-15', 'd', 1, 'loaded', 'x', TIMESTAMP '2024-02-16 00:00:00');
        INSERT INTO raw.uwv_vacatures_detail VALUES
            (90, DATE '2024-02-15', 2, 'V1', DATE '2023-03-01', NULL, '08', 'AM01', 2);
        """;

    public static IndicatorWarehouse With(params string[] fixturesOrSql)
    {
        var w = new IndicatorWarehouse();
        foreach (var item in fixturesOrSql)
        {
            var sql = item.EndsWith(".sql", StringComparison.Ordinal)
                ? File.ReadAllText(Path.Combine(Fixtures.Dir("indicators"), item))
                : item;
            w.Db.Connection.Execute(sql);
        }
        return w;
    }

    public void Sql(string sql) => Db.Connection.Execute(sql);

    public IndicatorBuildResult Build(DateOnly? asOf = null) => IndicatorBuilder.Build(Db, asOf);

    /// <summary>The one mart row for this key; fails the test when there is none or more than one.</summary>
    public IndicatorValue Row(string indicator, string domain, string period, string region = "NL", string? category = null)
    {
        var rows = Db.Connection.Query<IndicatorValue>("""
            SELECT indicator AS Indicator, domain AS Domain, period AS Period, period_type AS PeriodType,
                   period_order AS PeriodOrder, region AS Region, region_level AS RegionLevel, category AS Category,
                   value AS Value, unit AS Unit, target AS Target, status AS Status, label AS Label,
                   numerator AS Numerator, denominator AS Denominator, source AS Source, vintage AS Vintage, as_of AS AsOf
            FROM mart.indicator_values
            WHERE indicator = $indicator AND domain = $domain AND period = $period AND region = $region
              AND coalesce(category, '') = coalesce($category, '')
            """, new { indicator, domain, period, region, category }).ToList();
        Assert.That(rows, Has.Count.EqualTo(1), $"rows for {indicator}/{domain}/{period}/{region}/{category ?? "total"}");
        return rows[0];
    }

    public bool Exists(string indicator, string domain, string period, string region = "NL", string? category = null) =>
        Db.Connection.ExecuteScalar<long>("""
            SELECT count(*) FROM mart.indicator_values
            WHERE indicator = $indicator AND domain = $domain AND period = $period AND region = $region
              AND coalesce(category, '') = coalesce($category, '')
            """, new { indicator, domain, period, region, category }) > 0;

    public void Dispose()
    {
        Db.Dispose();
        dir.Dispose();
    }
}
