// `monitor export`: every mart table as Parquet or CSV that any DuckDB (or pandas, R) reads back.
using Dapper;
using DuckDB.NET.Data;
using Monitor.Indicators;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class ExportTests
{
    [TestCase(ExportFormat.Parquet, "parquet", "read_parquet")]
    [TestCase(ExportFormat.Csv, "csv", "read_csv")]
    public void Every_mart_table_is_written_and_reads_back_whole(ExportFormat format, string extension, string reader)
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        var expectedValues = w.Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM mart.indicator_values");
        w.Db.Dispose();

        IReadOnlyList<ExportedTable> exported;
        using (var db = WarehouseDb.OpenReadOnly(Path.Combine(w.OutDir, "warehouse.duckdb")))
            exported = MartExporter.Export(db, w.OutDir, format);

        Assert.That(exported.Select(e => e.Table), Is.EqualTo(new[] { "mart.actie_indicatoren", "mart.acties", "mart.indicator_catalogue", "mart.indicator_values" }));
        var values = exported.Single(e => e.Table == "mart.indicator_values");
        Assert.That(values.Path, Is.EqualTo(Path.Combine(w.OutDir, "exports", $"indicator_values.{extension}")));
        Assert.That(values.Rows, Is.EqualTo(expectedValues));
        Assert.That(Directory.GetFiles(Path.Combine(w.OutDir, "exports")).Where(f => f.EndsWith(".partial")), Is.Empty);

        using var check = new DuckDBConnection("Data Source=:memory:");
        check.Open();
        Assert.That(check.ExecuteScalar<long>($"SELECT count(*) FROM {reader}('{values.Path}')"), Is.EqualTo(expectedValues));
        var columns = check.Query<string>($"SELECT column_name FROM (DESCRIBE SELECT * FROM {reader}('{values.Path}'))").ToList();
        Assert.That(columns, Is.EqualTo(new[]
        {
            "indicator", "domain", "period", "period_type", "period_order", "region", "region_level", "category", "value", "unit",
            "target", "status", "provisional", "label", "numerator", "denominator", "source", "vintage", "as_of",
        }));
        var spanning = check.ExecuteScalar<double>(
            $"SELECT value FROM {reader}('{values.Path}') WHERE indicator = 'spanningsindicator' AND domain = 'techniek' AND period = '2023KW1' AND region = 'NL'");
        Assert.That(spanning, Is.EqualTo(1.25));
        var catalogue = exported.Single(e => e.Table == "mart.indicator_catalogue");
        Assert.That(check.ExecuteScalar<long>($"SELECT count(*) FROM {reader}('{catalogue.Path}')"), Is.EqualTo(IndicatorCatalogue.Embedded().Count));
    }
}
