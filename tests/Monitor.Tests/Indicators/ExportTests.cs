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

        Assert.That(exported.Select(e => e.Table), Is.EqualTo(new[]
        {
            "mart.actie_indicatoren", "mart.acties", "mart.indicator_catalogue", "mart.indicator_revisions", "mart.indicator_values",
            "ref.arbeidsmarktregios", "ref.bedrijfstakken", "ref.beroepen", "ref.doelen", "ref.provincies",
            "ref.techniekpactregio_provincies", "ref.techniekpactregios",
        }), "every mart table (not the view indicator_values_as_of) and every ref table");
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
            "indicator", "indicator_name", "domain", "period", "period_type", "period_order", "period_start", "period_end",
            "region", "region_name", "region_level",
            "category", "category_name", "value", "unit",
            "target", "status", "provisional", "label", "numerator", "denominator", "source", "vintage", "as_of",
        }));
        var spanning = check.ExecuteScalar<double>(
            $"SELECT value FROM {reader}('{values.Path}') WHERE indicator = 'spanningsindicator' AND domain = 'techniek' AND period = '2023KW1' AND region = 'NL'");
        Assert.That(spanning, Is.EqualTo(1.25));
        var catalogue = exported.Single(e => e.Table == "mart.indicator_catalogue");
        Assert.That(check.ExecuteScalar<long>($"SELECT count(*) FROM {reader}('{catalogue.Path}')"), Is.EqualTo(IndicatorCatalogue.Embedded().Count));
    }

    [Test]
    public void The_exports_carry_names_next_to_codes_and_the_reference_tables()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql", IndicatorWarehouse.OneDetailRecord);
        w.Build();
        var exported = MartExporter.Export(w.Db, w.OutDir, ExportFormat.Parquet);
        string PathOf(string table) => exported.Single(e => e.Table == table).Path;
        using var check = new DuckDBConnection("Data Source=:memory:");
        check.Open();

        // Names as the shipped reference tables have them (sample-data/reference/*.csv) and the catalogue's naam.
        var values = PathOf("mart.indicator_values");
        var names = check.Query<(string Region, string RegionName, string IndicatorName)>($"""
            SELECT DISTINCT region, region_name, indicator_name FROM read_parquet('{values}')
            WHERE indicator = 'spanningsindicator' AND region IN ('NL', 'AM01', 'PV20') ORDER BY region
            """).ToList();
        Assert.That(names.Select(n => (n.Region, n.RegionName)), Is.EqualTo(new[] { ("AM01", "Groningen"), ("NL", "Nederland"), ("PV20", "Groningen") }));
        Assert.That(names.Select(n => n.IndicatorName).Distinct(), Is.EqualTo(new[] { "Spanningsindicator" }));
        var unnamed = check.ExecuteScalar<long>($"SELECT count(*) FROM read_parquet('{values}') WHERE region_name IS NULL OR indicator_name IS NULL");
        Assert.That(unnamed, Is.Zero, "every region code and indicator code has its name");

        // The industry next to the SBI letter of arbeidsproductiviteit_groei (fixture: category F), nothing for other categories.
        var industries = check.Query<(string Category, string? Name)>($"""
            SELECT DISTINCT category, category_name FROM read_parquet('{values}')
            WHERE indicator = 'arbeidsproductiviteit_groei' AND category IS NOT NULL ORDER BY category
            """).ToList();
        Assert.That(industries, Does.Contain(("F", (string?)"Bouwnijverheid")));
        Assert.That(check.ExecuteScalar<long>($"SELECT count(*) FROM read_parquet('{values}') WHERE indicator <> 'arbeidsproductiviteit_groei' AND category_name IS NOT NULL"), Is.Zero);

        // The ref tables, whole, in exports/ref/.
        var provinces = PathOf("ref.provincies");
        Assert.That(provinces, Is.EqualTo(Path.Combine(w.OutDir, "exports", "ref", "provincies.parquet")));
        Assert.That(check.ExecuteScalar<string>($"SELECT naam FROM read_parquet('{provinces}') WHERE code = 'PV27'"), Is.EqualTo("Noord-Holland"));
        Assert.That(check.ExecuteScalar<long>($"SELECT count(*) FROM read_parquet('{provinces}')"), Is.EqualTo(12));

        // The vacancy-level records: the class and region names beside the codes.
        var detail = PathOf("staging.stg_uwv_vacatures_detail");
        var record = check.QuerySingle<(string Klasse, string KlasseNaam, string Regio, string RegioNaam)>(
            $"SELECT beroepsklasse, beroepsklasse_naam, arbeidsmarktregio, arbeidsmarktregio_naam FROM read_parquet('{detail}/**/*.parquet', hive_partitioning = true)");
        Assert.That(record, Is.EqualTo(("08", "ICT-beroepen", "AM01", "Groningen")));

        // The actions' links: the KPI's name beside its code.
        var links = PathOf("mart.actie_indicatoren");
        Assert.That(check.Query<string>($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('{links}'))"),
            Is.EqualTo(new[] { "actie_id", "indicator", "indicator_name", "domain", "vintage" }));
    }

    [Test]
    public void Without_detail_the_records_are_not_exported()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        var exported = MartExporter.Export(w.Db, w.OutDir, ExportFormat.Csv, includeDetail: false);
        Assert.That(exported.Select(e => e.Table), Has.None.StartsWith("staging."));
    }
}
