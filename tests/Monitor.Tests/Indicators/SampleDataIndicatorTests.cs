// The indicators on the bundled sample-data, ingested by the real pipeline: the published anchors
// come out of the mart and no blocking check fails.
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

[TestFixture]
public class SampleDataIndicatorTests
{
    TempDir temp = null!;
    WarehouseDb db = null!;
    IndicatorBuildResult build = null!;

    [OneTimeSetUp]
    public void IngestAndBuild()
    {
        temp = new TempDir();
        var run = new PipelineRunner().Run(new RunRequest
        {
            DataDir = Path.Combine(Fixtures.RepoRoot, "sample-data"), OutDir = temp.Path, Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch,
        });
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Message);
        db = WarehouseDb.OpenForWrite(temp.Combine("warehouse.duckdb"));
        build = IndicatorBuilder.Build(db, null);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        db.Dispose();
        temp.Dispose();
    }

    double? Value(string indicator, string domain, string period) =>
        Dapper.SqlMapper.ExecuteScalar<double?>(db.Connection,
            "SELECT value FROM mart.indicator_values WHERE indicator = $i AND domain = $d AND period = $p AND region = 'NL' AND category IS NULL",
            new { i = indicator, d = domain, p = period });

    [Test]
    public void Every_indicator_has_values()
    {
        // An optional source whose folder the sample data does not (yet) hold cannot give values: its indicators are left
        // out only while none of the folders of their supplier exists in sample-data.
        var sampleDir = Path.Combine(Fixtures.RepoRoot, "sample-data");
        var absent = IndicatorCatalogue.Embedded()
            .Where(e => Monitor.Sources.Contracts.All.Where(c => c.Supplier == e.Bron && c.Optional) is var own && own.Any()
                        && own.All(c => !Directory.Exists(Path.Combine(sampleDir, c.Folder))))
            .Select(e => e.Code).ToHashSet();
        Assert.That(build.RowsPerIndicator.Where(kv => kv.Value == 0 && !absent.Contains(kv.Key)).Select(kv => kv.Key), Is.Empty);
        Assert.That(build.TotalRows, Is.GreaterThan(10_000));
    }

    [Test]
    public void The_published_anchors_come_through()
    {
        Assert.That(Value("werkzaam", "ict", "2023"), Is.EqualTo(670_000));
        Assert.That(Value("nettogroei", "ict", "2023"), Is.EqualTo(-3_000));
        Assert.That(Value("groeitekort", "ict", "2023"), Is.EqualTo(63_000));
        Assert.That(Value("benodigd_tempo", "ict", "2023"), Is.EqualTo(330_000.0 / 7).Within(1e-9));
        Assert.That(Value("zij_instroom_aandeel", "ict", "2022"), Is.EqualTo(36.0).Within(1e-9));
        Assert.That(Value("spanningsindicator", "totaal", "2022KW4"), Is.EqualTo(418_900.0 / 88_200).Within(1e-12));
        Assert.That(Value("spanningsindicator", "totaal", "2023KW1"), Is.EqualTo(432_900.0 / 100_300).Within(1e-12));
        Assert.That(Value("openstaande_vacatures", "techniek", "2022KW2"), Is.EqualTo(86_250));
        Assert.That(Value("openstaande_vacatures", "ict", "2022KW2"), Is.EqualTo(35_950));
        Assert.That(Value("baanopeningen", "techniek", "2021-2026"), Is.EqualTo(210_900));
        Assert.That(Value("baanopeningen", "ict", "2021-2026"), Is.EqualTo(58_300));
    }

    [Test]
    public void No_blocking_check_fails()
    {
        var results = CheckRunner.Run(db, "sample", new DateOnly(2025, 12, 1));
        Assert.That(results.Where(r => r.Blocking).Select(r => $"{r.Name}: {r.Sample}"), Is.Empty);
    }
}
