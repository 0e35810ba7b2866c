// End to end on the bundled sample-data: the real pipeline into a real DuckDB file in a temp directory.
using Dapper;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class SampleDataRunTests
{
    TempDir temp = null!;
    RunResult first = null!;
    RunResult second = null!;
    (long Extracts, long Rows, long RunFiles) afterFirst;

    [OneTimeSetUp]
    public void RunTwice()
    {
        temp = new TempDir();
        var request = new RunRequest { DataDir = Path.Combine(Fixtures.RepoRoot, "sample-data"), OutDir = temp.Path, Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch };
        first = new PipelineRunner().Run(request);
        afterFirst = Counts();
        // Forced: unchanged input would otherwise skip the run altogether (Detail/UnchangedInputTests); this is about the ingest step.
        second = new PipelineRunner().Run(request with { Force = true });
    }

    [OneTimeTearDown]
    public void Cleanup() => temp.Dispose();

    (long, long, long) Counts()
    {
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        var rows = Monitor.Sources.Contracts.All.Sum(c => db.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {c.RawTable}"));
        return (db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.extracts"), rows, db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.run_files"));
    }

    [Test]
    public void EverySampleFileLoadsWithoutProblems()
    {
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Message);
        Assert.That(first.Ingest!.Files.Select(f => (f.FileName, f.State, f.RowsQuarantined)),
            Is.All.Matches<(string, FileState State, long Quarantined)>(f => f.State == FileState.Loaded && f.Quarantined == 0));
    }

    [Test]
    public void EachOfTheNineDatasetsAndFourReferenceTablesHasRows()
    {
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        var tables = Monitor.Sources.Contracts.All.Where(c => !c.Optional).Select(c => c.RawTable)
            .Concat(["ref.provincies", "ref.arbeidsmarktregios", "ref.techniekpactregios", "ref.beroepen"]).ToList();
        Assert.That(tables, Has.Count.EqualTo(13));
        foreach (var t in tables)
            Assert.That(db.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {t}"), Is.GreaterThan(0), t);
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM ref.arbeidsmarktregios"), Is.EqualTo(35));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM ref.provincies"), Is.EqualTo(12));
    }

    [Test]
    public void ASecondRunChangesNothing()
    {
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(second.Ingest!.Files.Select(f => f.State).Distinct(), Is.EqualTo(new[] { FileState.Unchanged }));
        var after = Counts();
        Assert.That((after.Item1, after.Item2), Is.EqualTo((afterFirst.Extracts, afterFirst.Rows)));
        Assert.That(after.Item3, Is.EqualTo(afterFirst.RunFiles * 2), "the ledger records the second look at every file");
    }

    [Test]
    public void TheRevisedTechniekpactVintageSupersedesTheEarlierOne()
    {
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        const string sql = "SELECT werkzaam FROM staging.stg_tpm_werkzaam WHERE jaar = 2023 AND regio = 'PV27' AND geslacht = 'man'";
        Assert.That(db.Connection.ExecuteScalar<long>(sql), Is.EqualTo(233_638), "latest vintage (docs/sample-data.md)");
        db.SetAsOf(new DateOnly(2025, 1, 1));
        Assert.That(db.Connection.ExecuteScalar<long>(sql), Is.EqualTo(233_208), "as of 2025-01-01 only the 2024-05-15 vintage was published");
        db.SetAsOf(null);
        // One state, stored once: status shows meta.extracts.state as it is, and how much of the extract is in force beside it.
        var states = StatusQueries.Extracts(db).Where(e => e.Dataset == "werkzaam" && e.Source == "tpm").Select(e => (e.FileName, e.State, e.InForce));
        Assert.That(states, Is.EqualTo(new[] { ("tpm_werkzaam_2024-05-15.csv", "loaded", "none (superseded)"), ("tpm_werkzaam_2025-05-15.csv", "loaded", "all") }));
        Assert.That(db.Connection.Query<string>("SELECT state FROM meta.extracts WHERE source = 'tpm' AND dataset = 'werkzaam' ORDER BY vintage"),
            Is.EqualTo(new[] { "loaded", "loaded" }), "the same state as status shows");
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.tpm_werkzaam"), Is.EqualTo(264 + 288), "both vintages stay");
    }

    [Test]
    public void AnchoredNationalFiguresArriveIntact()
    {
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT sum(werkzaam)::BIGINT FROM staging.stg_predict_werkzaam WHERE jaar = 2023"), Is.EqualTo(670_000));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT sum(openstaande_vacatures)::BIGINT FROM staging.stg_uwv_vacatures WHERE periode = '2022KW4'"), Is.EqualTo(418_900));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT sum(ww_korter_dan_half_jaar)::BIGINT FROM staging.stg_uwv_vacatures WHERE periode = '2023KW1'"), Is.EqualTo(100_300));
    }
}
