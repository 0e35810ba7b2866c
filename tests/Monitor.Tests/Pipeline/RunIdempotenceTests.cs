// Running twice changes nothing; a newer vintage supersedes without deleting; as-of reproduces the past.
using Dapper;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class RunIdempotenceTests
{
    const string Header = "Periode;Arbeidsmarktregio;Beroepsklasse;Openstaande_vacatures;WW_korter_dan_half_jaar\n";

    static RunResult Run(string data, string @out, DateOnly? asOf = null) =>
        new PipelineRunner().Run(new RunRequest { DataDir = data, OutDir = @out, AsOf = asOf, Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch });

    static (long Extracts, long Raw, long Quarantine) Counts(string @out)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(@out, "warehouse.duckdb"));
        return (db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.extracts"),
                db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"),
                db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.quarantine"));
    }

    [Test]
    public void RunningTheSameFilesTwiceChangesNothing()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t.Combine("data", "uwv"));
        File.WriteAllText(t.Combine("data", "uwv", "uwv_vacatures_2023-05-15.csv"), Header + "2023KW1;AM01;07;100;20\n2023KW1;AM02;07;x;10\n");
        File.WriteAllText(t.Combine("data", "uwv", "uwv_vacatures_2023-08-15.csv"), Header + "2023KW2;AM01;07;100;20\n2023KW2;AM03;07;-3;10\n");

        var first = Run(t.Combine("data"), t.Combine("out"));
        var afterFirst = Counts(t.Combine("out"));
        var second = Run(t.Combine("data"), t.Combine("out"));
        var afterSecond = Counts(t.Combine("out"));

        Assert.That(afterFirst, Is.EqualTo((2L, 2L, 1L)), "two extracts (one rejected), two raw rows, one quarantined row");
        Assert.That(afterSecond, Is.EqualTo(afterFirst));
        Assert.That(second.Ingest!.Files.Select(f => f.State), Is.EqualTo(new[] { FileState.Unchanged, FileState.Unchanged }));
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.DataProblems));
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.DataProblems), "the rejected file is still there, so the problem is still reported");
    }

    [Test]
    public void ANewerVintageSupersedesWithoutDeletingAndAsOfReadsThePast()
    {
        using var t = new TempDir();
        var uwv = t.Combine("data", "uwv");
        Directory.CreateDirectory(uwv);
        File.WriteAllText(Path.Combine(uwv, "uwv_vacatures_2023-05-15.csv"), Header + "2023KW1;AM01;07;100;20\n2023KW1;AM02;07;40;10\n");
        Run(t.Combine("data"), t.Combine("out"));
        // The revision repeats one key with a new value and adds a new quarter.
        File.WriteAllText(Path.Combine(uwv, "uwv_vacatures_2023-08-15.csv"), Header + "2023KW1;AM01;07;110;20\n2023KW2;AM01;07;120;25\n");
        var second = Run(t.Combine("data"), t.Combine("out"));

        using var db = WarehouseDb.OpenReadOnly(t.Combine("out", "warehouse.duckdb"));
        Assert.That(second.Ingest!.Files.Select(f => f.State), Is.EqualTo(new[] { FileState.Unchanged, FileState.Loaded }));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(4), "both vintages are kept");

        var latest = db.Connection.Query<(string, string, long)>(
            "SELECT periode, arbeidsmarktregio, openstaande_vacatures FROM staging.stg_uwv_vacatures ORDER BY 1, 2").ToList();
        Assert.That(latest, Is.EqualTo(new[] { ("2023KW1", "AM01", 110L), ("2023KW1", "AM02", 40L), ("2023KW2", "AM01", 120L) }));

        db.SetAsOf(new DateOnly(2023, 6, 30));
        var then = db.Connection.Query<(string, string, long)>(
            "SELECT periode, arbeidsmarktregio, openstaande_vacatures FROM staging.stg_uwv_vacatures ORDER BY 1, 2").ToList();
        Assert.That(then, Is.EqualTo(new[] { ("2023KW1", "AM01", 100L), ("2023KW1", "AM02", 40L) }));
        db.SetAsOf(null);

        var states = StatusQueries.Extracts(db).Select(e => (e.FileName, e.State, e.InForce)).ToList();
        Assert.That(states, Is.EqualTo(new[] { ("uwv_vacatures_2023-05-15.csv", "loaded", "1 of 2 (partly superseded)"), ("uwv_vacatures_2023-08-15.csv", "loaded", "all") }));
    }

    [Test]
    public void ASecondFileWithAnAlreadyLoadedNameIsRejected()
    {
        using var t = new TempDir();
        var uwv = t.Combine("data", "uwv");
        Directory.CreateDirectory(uwv);
        var path = Path.Combine(uwv, "uwv_vacatures_2023-05-15.csv");
        File.WriteAllText(path, Header + "2023KW1;AM01;07;100;20\n");
        Run(t.Combine("data"), t.Combine("out"));
        File.WriteAllText(path, Header + "2023KW1;AM01;07;555;20\n");
        var second = Run(t.Combine("data"), t.Combine("out"));

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.DataProblems));
        Assert.That(second.Ingest!.Files.Single().Reason, Does.Contain("deliver corrections as a new vintage"));
        using var db = WarehouseDb.OpenReadOnly(t.Combine("out", "warehouse.duckdb"));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT openstaande_vacatures FROM staging.stg_uwv_vacatures"), Is.EqualTo(100));
    }

    [Test]
    public void BadRowShareOverTheDefaultThresholdRejectsTheFile()
    {
        using var t = new TempDir();
        var uwv = t.Combine("data", "uwv");
        Directory.CreateDirectory(uwv);
        // 1 bad row in 20 is exactly 5%: loads. 2 in 20 is 10%: rejected.
        var good = string.Concat(Enumerable.Range(1, 19).Select(i => $"2023KW1;AM01;{i % 13 + 1:00};{i};1\n").Take(13))
                 + string.Concat(Enumerable.Range(1, 6).Select(i => $"2023KW1;AM02;{i:00};{i};1\n"));
        File.WriteAllText(Path.Combine(uwv, "uwv_vacatures_2023-05-15.csv"), Header + good + "2023KW1;AM03;07;-1;1\n");
        File.WriteAllText(Path.Combine(uwv, "uwv_vacatures_2023-08-15.csv"), Header + good.Replace("AM0", "AM1")[..^("2023KW1;AM12;06;6;1\n".Length)] + "2023KW1;AM13;07;-1;1\n2023KW1;AM13;08;zz;1\n");
        var result = Run(t.Combine("data"), t.Combine("out"));
        var files = result.Ingest!.Files;
        Assert.That(files[0].RowsTotal, Is.EqualTo(20));
        Assert.That((files[0].State, files[0].RowsLoaded, files[0].RowsQuarantined), Is.EqualTo((FileState.Loaded, 19L, 1L)));
        Assert.That(files[1].RowsTotal, Is.EqualTo(20));
        Assert.That((files[1].State, files[1].RowsLoaded, files[1].RowsQuarantined), Is.EqualTo((FileState.Rejected, 0L, 2L)));
    }
}
