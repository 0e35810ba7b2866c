// A full disk at any moment of a run: never an abort, always a failed run with its ledger entry, a last-run.json that
// says so (or none, never a stale one), the published output untouched, no empty .wal, and exit code 1.
using System.Text.Json;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class DiskFullTests
{
    const string NewFile = "uwv_vacatures_2024-05-15.csv";
    static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    TempDir dir = null!;

    [SetUp]
    public void CreateDir() => dir = new TempDir();

    [TearDown]
    public void RemoveDir() => dir.Dispose();

    static RunResult Run(string data, string outDir, PipelineRunner? runner = null) =>
        (runner ?? StandardSteps.Runner()).Run(new RunRequest
        {
            DataDir = data, OutDir = outDir, GeneratedAt = GeneratedAt, StableFiles = Fixtures.NoWatch,
            Retry = new RetryDefinition(1, TimeSpan.Zero), Force = true,
        });

    /// <summary>
    /// A data directory and an output directory with one good run published; then a second delivery arrives: 22 rows,
    /// one of them (line 3) with a negative vacancy count, which is quarantined (4.5 %, under the 5 % threshold).
    /// </summary>
    (string Data, string Out) PublishedOnce(string outDir)
    {
        var data = SmallData.Create(dir.Combine("data"));
        var first = Run(data, outDir);
        Assert.That(first.Status, Is.EqualTo("succeeded"), first.Message);
        File.WriteAllText(Path.Combine(data, "uwv", NewFile), SmallData.Header + "2024KW1;AM01;07;200;50\n2024KW1;AM13;07;-1;50\n" +
            string.Concat(Enumerable.Range(1, 22).Where(i => i is not (4 or 16)).Select(i => $"2024KW1;AM{i:00};01;{i};5\n")));
        return (data, outDir);
    }

    static JsonElement LastRun(string outDir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "last-run.json"))).RootElement;

    static void AssertFailedAndRecorded(RunResult failed, string outDir, PublishedState before)
    {
        Assert.That((failed.Status, failed.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)), failed.Message);
        var after = PublishedState.Capture(outDir);
        Assert.That(after.Files, Is.EqualTo(before.Files), "reports, exports and previous versions untouched");
        Assert.That(after.Tables, Is.EqualTo(before.Tables), "the published warehouse unchanged but for its ledger");
        Assert.That(after.Runs, Is.EqualTo(before.Runs.Append((failed.RunId, "failed"))), "the failed run is in the published ledger");
        Assert.That(File.Exists(Path.Combine(outDir, "warehouse.duckdb.wal")), Is.False, "no .wal beside the published warehouse");
        var last = LastRun(outDir);
        Assert.That((last.GetProperty("run_id").GetString(), last.GetProperty("status").GetString(), last.GetProperty("exit_code").GetInt32()),
            Is.EqualTo((failed.RunId, "failed", 1)));
    }

    [Test]
    public void ENOSPC_while_publishing_fails_the_run_cleanly_and_the_next_run_publishes()
    {
        var (data, outDir) = PublishedOnce(dir.Combine("out"));
        var before = PublishedState.Capture(outDir);
        var runner = StandardSteps.Runner();
        runner.PublishFileSystem = new InjectingFileSystem((_, op, path) => op == "copy" ? InjectingFileSystem.DiskFull(path) : null);

        var failed = Run(data, outDir, runner);

        AssertFailedAndRecorded(failed, outDir, before);
        Assert.That(failed.Message, Does.StartWith($"step publish failed: publishing into {outDir} failed while keeping a copy of {Path.Combine(outDir, "warehouse.duckdb")}")
            .And.Contain("the disk is full"));
        // What the failed run found is kept: its file outcomes and the quarantined row of the new delivery (line 3).
        using (var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb")))
        {
            Assert.That(db.Connection.Query<(string, string)>("SELECT file_name, outcome FROM meta.run_files WHERE run_id = $id ORDER BY file_name", new { id = failed.RunId }),
                Is.EqualTo(new[] { ("uwv_vacatures_2024-02-15.csv", "unchanged"), (NewFile, "loaded") }));
            Assert.That(db.Connection.Query<(string, long)>("SELECT file_name, line_number FROM meta.unpublished_quarantine WHERE run_id = $id", new { id = failed.RunId }),
                Is.EqualTo(new[] { (NewFile, 3L) }));
        }

        var next = Run(data, outDir);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.DataProblems), next.Message);
        Assert.That(next.Ingest!.Files.Single(f => f.FileName == NewFile).State, Is.EqualTo(FileState.Loaded));
    }

    [Test]
    public void ENOSPC_when_the_report_is_written_fails_the_run_cleanly()
    {
        var (data, outDir) = PublishedOnce(dir.Combine("out"));
        var before = PublishedState.Capture(outDir);
        var runner = StandardSteps.Runner();
        runner.BeforeStep = s => { if (s == PipelineSteps.Report) throw InjectingFileSystem.DiskFull(Path.Combine(outDir, "reports", "monitor.pdf")); };

        var failed = Run(data, outDir, runner);

        AssertFailedAndRecorded(failed, outDir, before);
        Assert.That(failed.Message, Is.EqualTo($"step report failed: No space left on device : '{Path.Combine(outDir, "reports", "monitor.pdf")}'"));
    }

    [Test]
    public void A_last_run_json_that_cannot_be_written_is_removed_rather_than_left_stale()
    {
        var (data, outDir) = PublishedOnce(dir.Combine("out"));
        var runner = StandardSteps.Runner();
        runner.BeforeStep = s => { if (s == PipelineSteps.Checks) throw new InvalidOperationException("injected fault in checks"); };
        runner.PublishFileSystem = new InjectingFileSystem((_, op, path) => op == "write" ? InjectingFileSystem.DiskFull(path) : null);

        var failed = Run(data, outDir, runner);

        Assert.That((failed.Status, failed.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)));
        var summary = Path.Combine(outDir, "last-run.json");
        Assert.That(failed.Message, Is.EqualTo($"step checks failed: injected fault in checks; {summary} could not be written " +
            $"(the disk is full (No space left on device : '{summary}')) and the earlier one was removed"));
        Assert.That(File.Exists(summary), Is.False, "the previous run's summary does not claim to be the last");
        Assert.That(PublishedState.RunsOf(outDir).Last(), Is.EqualTo((failed.RunId, "failed")));
    }

    /// <summary>Fills the file system that holds <paramref name="path"/> to the last block.</summary>
    static string Fill(string path)
    {
        var filler = Path.Combine(path, "filler.bin");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        foreach (var size in new[] { 1 << 20, 4096, 1 })
        {
            var block = new byte[size];
            try { while (true) { stream.Write(block); } }
            catch (IOException) { }
        }
        return filler;
    }

    [Test]
    public void A_real_disk_that_fills_up_while_the_report_is_written()
    {
        var outDir = dir.Combine("out");
        Directory.CreateDirectory(outDir);
        using var fs = SmallFileSystem.TryMount(outDir, "256m", readOnly: false, out var why); // room for the site in the work copy, published and previous
        if (fs is null) Assert.Ignore($"no small file system to fill: {why} (the injected ENOSPC tests above cover the same paths)");
        var (data, _) = PublishedOnce(outDir);
        var before = PublishedState.Capture(outDir);
        string? filler = null;
        var runner = StandardSteps.Runner();
        // Whatever else is on the disk fills it just as the report is about to be written.
        runner.BeforeStep = s => { if (s == PipelineSteps.Report) filler = Fill(outDir); };

        var failed = Run(data, outDir, runner);

        Assert.That(failed.Message, Does.StartWith("step report failed: ").And.Contain("No space left on device"));
        File.Delete(filler!);
        AssertFailedAndRecorded(failed, outDir, before);

        var next = Run(data, outDir);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.DataProblems), next.Message);
        Assert.That(next.Ingest!.Files.Single(f => f.FileName == NewFile).State, Is.EqualTo(FileState.Loaded));
    }

    [Test]
    public void A_real_disk_that_is_full_when_the_run_starts()
    {
        var outDir = dir.Combine("out");
        Directory.CreateDirectory(outDir);
        using var fs = SmallFileSystem.TryMount(outDir, "256m", readOnly: false, out var why); // room for the site in the work copy, published and previous
        if (fs is null) Assert.Ignore($"no small file system to fill: {why} (the injected ENOSPC tests above cover the same paths)");
        var (data, _) = PublishedOnce(outDir);
        var before = PublishedState.Capture(outDir);
        var warehouse = Path.Combine(outDir, "warehouse.duckdb");
        var filler = Fill(outDir);

        var failed = Run(data, outDir);

        Assert.That((failed.Status, failed.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)));
        Assert.That(failed.Message, Does.Contain("No space left on device"));
        Assert.That(File.Exists(warehouse + ".wal"), Is.False, "no empty .wal beside the published warehouse");
        Assert.That(PublishedState.TableFingerprints(warehouse), Is.EqualTo(before.Tables));
        var summary = Path.Combine(outDir, "last-run.json");
        if (File.Exists(summary))
            Assert.That(LastRun(outDir).GetProperty("run_id").GetString(), Is.EqualTo(failed.RunId), "last-run.json is this run's or absent, never the previous one");

        File.Delete(filler);
        var next = Run(data, outDir);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.DataProblems), next.Message);
    }
}
