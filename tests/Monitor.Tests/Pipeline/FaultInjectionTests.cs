// A run stopped at each of its steps: the published results stay as the last good run left them, the ledger
// says which step failed and why, and the next run without the fault publishes what a clean run would.
using System.Text.Json;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class FaultInjectionTests
{
    static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The second delivery, which the faulty runs try to load: see <see cref="SecondDelivery"/>.</summary>
    const string NewFile = "uwv_vacatures_2024-05-15.csv";

    TempDir temp = null!;
    string template = null!;
    string data = null!;
    Dictionary<string, string> cleanFiles = null!;

    /// <summary>2024KW1 for the same 6 cells (vacancies 200, WW 50) and a revision of 2023KW4 AM01 class 07 from 174 to 190: 7 rows.</summary>
    static string SecondDelivery()
    {
        var rows = new System.Text.StringBuilder(SmallData.Header).Append("2023KW4;AM01;07;190;40\n");
        foreach (var region in new[] { "AM01", "AM13" })
            foreach (var cls in new[] { "01", "07", "08" })
                rows.Append($"2024KW1;{region};{cls};200;50\n");
        return rows.ToString();
    }

    [OneTimeSetUp]
    public void GoodRuns()
    {
        temp = new TempDir();
        var first = SmallData.Create(temp.Combine("data-first"));
        // Two good runs, so that the previous versions (warehouse.previous.duckdb, reports.previous/) exist as well.
        template = temp.Combine("template");
        for (var i = 0; i < 2; i++)
        {
            var r = Run(first, template);
            Assert.That(r.Status, Is.EqualTo("succeeded"), r.Message);
        }
        data = temp.Combine("data");
        Fixtures.CopyDirectory(first, data);
        File.WriteAllText(Path.Combine(data, "uwv", NewFile), SecondDelivery());

        // What a run on the second delivery publishes when nothing goes wrong: the yardstick for the run after a fault.
        var clean = temp.Combine("clean");
        Fixtures.CopyDirectory(template, clean);
        var good = Run(data, clean);
        Assert.That(good.Status, Is.EqualTo("succeeded"), good.Message);
        cleanFiles = RunIndependentFiles(clean);
    }

    [OneTimeTearDown]
    public void Cleanup() => temp.Dispose();

    static RunResult Run(string dataDir, string outDir, PipelineRunner? runner = null, IRunObserver? observer = null) =>
        (runner ?? StandardSteps.Runner()).Run(new RunRequest
        {
            DataDir = dataDir,
            OutDir = outDir,
            GeneratedAt = GeneratedAt,
            StableFiles = Fixtures.NoWatch,
            Retry = new RetryDefinition(1, TimeSpan.Zero),
            // Every run here must really run: the unchanged-input skip is tested in Detail/UnchangedInputTests.
            Force = true,
        }, observer);

    /// <summary>The published files, without the run summary beside the report (it names the run).</summary>
    static Dictionary<string, string> RunIndependentFiles(string outDir) => PublishedState.HashFiles(outDir, ["run-summary.json"]);

    /// <summary>
    /// Files that differ between two good runs on the same data, so they cannot be compared with another run's:
    /// the PDF names its run, SVG clip-path ids count up within a process, and the previous warehouse holds the
    /// ledger of whatever ran before. The figures are compared through the report's CSV, the PNG charts and the exports.
    /// </summary>
    static bool RunSpecific(string path) =>
        path.EndsWith(".pdf", StringComparison.Ordinal) || path.EndsWith(".svg", StringComparison.Ordinal) || path == "warehouse.previous.duckdb"
        // The site's pages print the sources section, which names the run, as the PDF does; their figures are in the site's CSVs.
        || (path.StartsWith("site/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal));

    /// <summary>A runner (and observer) that fails at <paramref name="step"/> after doing part of its work, and the fault's message.</summary>
    static (PipelineRunner Runner, IRunObserver? Observer, string Fault) Faulty(string step)
    {
        var runner = StandardSteps.Runner();
        var fault = $"injected fault in {step}";
        switch (step)
        {
            case PipelineSteps.Ingest:
                // Mid-ingest: the new extract is already stored in the work copy when the fault strikes.
                return (runner, new FailOnFile(NewFile, new IOException(fault)), fault);
            case PipelineSteps.Indicators:
                runner.WithStep(step, (ctx, _) =>
                {
                    ctx.Db.Connection.Execute("DELETE FROM mart.indicator_values");
                    throw new InvalidOperationException(fault);
                });
                break;
            case PipelineSteps.Report or PipelineSteps.Export:
                runner.WithStep(step, (ctx, _) =>
                {
                    var folder = Directory.CreateDirectory(Path.Combine(ctx.WorkDir, step == PipelineSteps.Report ? "reports" : "exports"));
                    File.WriteAllText(Path.Combine(folder.FullName, "half-written.tmp"), "%PDF-1.7 cut off");
                    throw new InvalidOperationException(fault);
                });
                break;
            case PipelineSteps.Checks:
                runner.WithStep(step, (_, _) => throw new InvalidOperationException(fault));
                break;
            case PipelineSteps.Publish:
                fault = "No space left on device";
                runner.BeforeStep = s =>
                {
                    if (s == PipelineSteps.Publish) throw new IOException(fault, 28);
                };
                break;
        }
        return (runner, null, fault);
    }

    [TestCase(PipelineSteps.Ingest)]
    [TestCase(PipelineSteps.Indicators)]
    [TestCase(PipelineSteps.Checks)]
    [TestCase(PipelineSteps.Report)]
    [TestCase(PipelineSteps.Export)]
    [TestCase(PipelineSteps.Publish)]
    public void A_run_stopped_at_a_step_changes_nothing_published_and_the_next_run_publishes(string step)
    {
        var outDir = temp.Combine("out-" + step);
        Fixtures.CopyDirectory(template, outDir);
        var before = PublishedState.Capture(outDir);

        var (runner, observer, fault) = Faulty(step);
        var failed = Run(data, outDir, runner, observer);

        Assert.That((failed.Status, failed.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)));
        Assert.That(failed.Message, Is.EqualTo($"step {step} failed: {fault}"));

        // (a) Reports, exports and the previous versions byte for byte; the warehouse table by table, the ledger apart.
        var after = PublishedState.Capture(outDir);
        Assert.That(after.Files, Is.EqualTo(before.Files));
        Assert.That(after.Tables, Is.EqualTo(before.Tables));
        Assert.That(after.Runs, Is.EqualTo(before.Runs.Append((failed.RunId, "failed"))), "the ledger only gains the failed run");
        Assert.That(Directory.Exists(Path.Combine(outDir, ".work")) ? Directory.GetFileSystemEntries(Path.Combine(outDir, ".work")) : [], Is.Empty,
            "the failed run's work directory is removed");

        // (b) The published ledger says which step failed and why; the steps before it are there as succeeded.
        var ledger = PublishedState.Ledger(outDir, failed.RunId);
        Assert.That((ledger.Trigger, ledger.Status, ledger.Message), Is.EqualTo(("manual", "failed", $"step {step} failed: {fault}")));
        var order = PipelineSteps.All.Append(PipelineSteps.Publish).ToList();
        var expectedSteps = order.TakeWhile(s => s != step).Select(s => (s, "succeeded", (string?)null)).Append((step, "failed", fault));
        Assert.That(ledger.Steps.Select(s => (s.Step, s.Status, s.Status == "failed" ? s.Message : null)), Is.EqualTo(expectedSteps));
        // (b') What the failed run found in the delivery is in the published ledger too: its file outcomes, and the
        // extract it read (7 rows, none quarantined) though its rows were not published.
        using (var ledgerDb = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb")))
        {
            Assert.That(ledgerDb.Connection.Query<(string, string, int?)>(
                    "SELECT file_name, outcome, extract_id FROM meta.run_files WHERE run_id = $id ORDER BY file_name", new { id = failed.RunId }),
                Is.EqualTo(new[] { ("uwv_vacatures_2024-02-15.csv", "unchanged", (int?)1), (NewFile, "loaded", null) }));
            Assert.That(ledgerDb.Connection.Query<(string, string, long, long)>(
                    "SELECT file_name, state, rows_loaded, rows_quarantined FROM meta.unpublished_extracts WHERE run_id = $id", new { id = failed.RunId }),
                Is.EqualTo(new[] { (NewFile, "loaded", 7L, 0L) }));
            Assert.That(ledgerDb.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.extracts WHERE file_name = $f", new { f = NewFile }), Is.Zero,
                "the unpublished extract is not among the published ones, so the next run reads it as new");
        }
        // The ledger entry is in the published file itself: a write-ahead log left beside it would be replayed onto
        // the next published warehouse, which is a different file.
        Assert.That(File.Exists(Path.Combine(outDir, "warehouse.duckdb.wal")), Is.False, "no write-ahead log beside the published warehouse");
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "last-run.json"))))
        {
            Assert.That(summary.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(summary.RootElement.GetProperty("message").GetString(), Is.EqualTo($"step {step} failed: {fault}"));
        }

        // (c) Without the fault the next run loads the second delivery and publishes what a clean run publishes.
        var next = Run(data, outDir);
        Assert.That((next.Status, next.ExitCode), Is.EqualTo(("succeeded", ExitCodes.Success)), next.Message);
        Assert.That(next.Ingest!.Files.Select(f => (f.FileName, f.State)),
            Is.EqualTo(new[] { ("uwv_vacatures_2024-02-15.csv", FileState.Unchanged), (NewFile, FileState.Loaded) }));
        var published = RunIndependentFiles(outDir);
        Assert.That(published.Keys, Is.EqualTo(cleanFiles.Keys));
        Assert.That(published.Where(f => cleanFiles[f.Key] != f.Value && !RunSpecific(f.Key)).Select(f => f.Key), Is.Empty, "files that differ from a clean run's");
        Assert.That(File.Exists(Path.Combine(outDir, "warehouse.duckdb.wal")), Is.False);
        // Opened for writing too (replaying any log), as the next run and the scheduler do.
        using (WarehouseDb.OpenForWrite(Path.Combine(outDir, "warehouse.duckdb"))) { }
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(12 + 7));
        Assert.That(db.Connection.ExecuteScalar<long>(
            "SELECT openstaande_vacatures FROM staging.stg_uwv_vacatures WHERE periode = '2023KW4' AND arbeidsmarktregio = 'AM01' AND beroepsklasse = '07'"),
            Is.EqualTo(190), "the revision of the second delivery");
        Assert.That(db.Connection.Query<(string, string)>("SELECT run_id, status FROM meta.runs ORDER BY started_at").TakeLast(2),
            Is.EqualTo(new[] { (failed.RunId, "failed"), (next.RunId, "succeeded") }), "the failed run stays in the ledger");
    }

    /// <summary>Fails ingest right after the named file was stored, as a dropped network share would.</summary>
    sealed class FailOnFile(string fileName, Exception fault) : IRunObserver
    {
        public void FileProcessed(FileOutcome file)
        {
            if (file.FileName == fileName) throw fault;
        }
    }
}
