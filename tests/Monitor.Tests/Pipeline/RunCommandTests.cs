// `monitor run --pipeline FILE`: the file's settings, the command line's overrides, and errors in the file.
using System.CommandLine;
using Dapper;
using Monitor.Cli.Commands;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class RunCommandTests
{
    TempDir dir = null!;

    [SetUp]
    public void CreateDir() => dir = new TempDir();

    [TearDown]
    public void RemoveDir() => dir.Dispose();

    static (int ExitCode, string Error) Invoke(params string[] args)
    {
        var (exit, _, error) = MonitorCli.Invoke(args);
        return (exit, error);
    }

    /// <summary>
    /// A data directory whose one UWV extract has 4 rows, 1 of them bad (a negative count): 25% bad rows, so the
    /// file loads (3 rows, 1 quarantined) under a threshold of 0.25 and is rejected under the default 0.05.
    /// </summary>
    string DataWithOneBadRowInFour(string name)
    {
        var data = dir.Combine(name);
        Directory.CreateDirectory(Path.Combine(data, "uwv"));
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2024-02-15.csv"), SmallData.Header +
            "2023KW4;AM01;07;120;40\n2023KW4;AM01;08;80;20\n2023KW4;AM13;07;-5;30\n2023KW4;AM13;08;60;10\n");
        return data;
    }

    /// <summary>pipelines/adhoc.yaml with paths relative to its own folder, two steps and a threshold of 0.25.</summary>
    string PipelineFile()
    {
        Directory.CreateDirectory(dir.Combine("pipelines"));
        var path = dir.Combine("pipelines", "adhoc.yaml");
        File.WriteAllText(path, """
            name: adhoc
            data_dir: ../data
            out_dir: ../out
            steps: [ingest, indicators]
            retry: { attempts: 1 }
            bad_row_threshold: 0.25
            stable_files: { window_seconds: 0 }
            """);
        return path;
    }

    static (string Trigger, string DataDir, double Threshold, DateTime? AsOf, string Status) LastRun(string outDir, out List<string> steps)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        var run = db.Connection.QuerySingle<(string, string, double, DateTime?, string, string)>(
            "SELECT trigger, data_dir, bad_row_threshold, as_of, status, run_id FROM meta.runs ORDER BY started_at DESC LIMIT 1");
        steps = db.Connection.Query<string>("SELECT step FROM meta.run_steps WHERE run_id = $id ORDER BY started_at", new { id = run.Item6 }).ToList();
        return (run.Item1, run.Item2, run.Item3, run.Item4, run.Item5);
    }

    [Test]
    public void Run_with_a_pipeline_file_uses_its_paths_steps_and_threshold()
    {
        var data = DataWithOneBadRowInFour("data");
        var (code, error) = Invoke("run", "--pipeline", PipelineFile());

        Assert.That(code, Is.EqualTo(ExitCodes.DataProblems), error);
        var run = LastRun(dir.Combine("out"), out var steps);
        Assert.That(run, Is.EqualTo(("manual", data, 0.25, (DateTime?)null, "succeeded_with_data_problems")));
        Assert.That(steps, Is.EqualTo(new[] { "ingest", "indicators" }), "only the file's steps");
        using var db = WarehouseDb.OpenReadOnly(dir.Combine("out", "warehouse.duckdb"));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(3));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.quarantine"), Is.EqualTo(1));
    }

    [Test]
    public void Data_out_threshold_and_as_of_on_the_command_line_override_the_pipeline_file()
    {
        DataWithOneBadRowInFour("data");
        var other = DataWithOneBadRowInFour("other-data");
        var (code, error) = Invoke("run", "--pipeline", PipelineFile(), "--data", other, "--out", dir.Combine("other-out"),
            "--bad-row-threshold", "0.05", "--as-of", "2024-06-30");

        Assert.That(code, Is.EqualTo(ExitCodes.DataProblems), error);
        Assert.That(Directory.Exists(dir.Combine("out")), Is.False, "the file's out_dir is not used");
        var run = LastRun(dir.Combine("other-out"), out var steps);
        Assert.That(run, Is.EqualTo(("manual", other, 0.05, (DateTime?)new DateTime(2024, 6, 30), "succeeded_with_data_problems")));
        Assert.That(steps, Is.EqualTo(new[] { "ingest", "indicators" }), "the steps still come from the file");
        using var db = WarehouseDb.OpenReadOnly(dir.Combine("other-out", "warehouse.duckdb"));
        Assert.That(db.Connection.QuerySingle<(string, long)>("SELECT state, rows_quarantined FROM meta.extracts"), Is.EqualTo(("rejected", 1L)),
            "25% bad rows is over 0.05: the file is rejected with its one bad row quarantined");
    }

    [Test]
    public void A_pipeline_file_with_errors_is_a_usage_error_naming_line_and_column()
    {
        Directory.CreateDirectory(dir.Combine("pipelines"));
        var path = dir.Combine("pipelines", "broken.yaml");
        File.WriteAllText(path, "name: broken\ndata_dir: ../data\nout_dir: ../out\nsteps: [ingest, indicatorz]\nbad_row_threshold: 5\n");

        var (code, error) = Invoke("run", "--pipeline", path);

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith($"error: 2 problems in pipeline file {path}:"));
        Assert.That(error, Does.Contain($"{path}:4:17: steps: unknown step 'indicatorz'"));
        Assert.That(error, Does.Contain($"{path}:5:20: bad_row_threshold:"));
        Assert.That(Directory.Exists(dir.Combine("out")), Is.False, "nothing ran");
    }

    [Test]
    public void A_missing_pipeline_file_is_a_usage_error()
    {
        var (code, error) = Invoke("run", "--pipeline", dir.Combine("nightly.yaml"));
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith($"error: {dir.Combine("nightly.yaml")}: pipeline file not found"));
    }
}
