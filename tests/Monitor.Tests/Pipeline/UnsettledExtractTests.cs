// Extracts a run cannot read yet: one still being written is deferred, one locked by another process is retried and
// then recorded as unreadable, one that cannot be opened is a problem of that file. None of them stops the run.
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Resilience;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;
using Polly;
using Polly.Simmy;

namespace Monitor.Tests.Pipeline;

// Waits on clocks, other processes or the scheduler: runs alone, so that no parallel fixture slows what it waits for.
[NonParallelizable]
public class UnsettledExtractTests
{
    const string Settled = "uwv_vacatures_2024-02-15.csv";
    const string Unsettled = "uwv_vacatures_2024-05-15.csv";

    TempDir dir = null!;
    string data = null!;
    string outDir = null!;

    [SetUp]
    public void CreateData()
    {
        dir = new TempDir();
        data = SmallData.Create(dir.Combine("data"));
        // Written long ago: the runner does not watch it, only files written in the last minute.
        File.SetLastWriteTimeUtc(Path.Combine(data, "uwv", Settled), DateTime.UtcNow.AddDays(-2));
        outDir = dir.Combine("out");
    }

    [TearDown]
    public void RemoveData() => dir.Dispose();

    RunResult Run(StableFileSettings stable, int attempts = 1) =>
        new PipelineRunner().Run(new RunRequest
        {
            DataDir = data, OutDir = outDir, Steps = [PipelineSteps.Ingest], StableFiles = stable,
            Retry = new RetryDefinition(attempts, TimeSpan.FromMilliseconds(10)),
            Force = true,
        });

    (string Outcome, string? Reason) RunFile(string runId, string file)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        return db.Connection.QuerySingle<(string, string?)>("SELECT outcome, reason FROM meta.run_files WHERE run_id = $runId AND file_name = $file", new { runId, file });
    }

    (string State, string? Reason) SummaryFile(string file)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "last-run.json")));
        var entry = summary.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == file);
        return (entry.GetProperty("state").GetString()!, entry.GetProperty("reason").GetString());
    }

    static string UwvRow(string region, int cls, string quarter = "2024KW1") => $"{quarter};{region};{cls:00};{cls * 3};{cls}\n";

    [Test]
    public void A_growing_extract_is_deferred_with_its_reason_and_loaded_by_the_next_run()
    {
        var growing = Path.Combine(data, "uwv", Unsettled);
        File.WriteAllText(growing, SmallData.Header);
        var regions = File.ReadLines(Path.Combine(data, "reference", "arbeidsmarktregios.csv")).Skip(1).Select(l => l.Split(';')[0]).ToList();
        // 2 × 35 × 13 distinct keys: far more rows than the upload writes while the run watches.
        var keys = new[] { "2024KW1", "2024KW2" }.SelectMany(q => regions.SelectMany(r => Enumerable.Range(1, 13).Select(c => (q, r, c)))).ToList();
        using var stop = new CancellationTokenSource();
        // A supplier's upload: whole rows appended until the test says it is done.
        var upload = Task.Run(() =>
        {
            foreach (var (quarter, region, cls) in keys)
            {
                if (stop.IsCancellationRequested) return;
                File.AppendAllText(growing, UwvRow(region, cls, quarter));
                Thread.Sleep(5);
            }
        });

        RunResult first;
        try
        {
            first = Run(new StableFileSettings(TimeSpan.FromSeconds(1), TimeSpan.Zero));
        }
        finally
        {
            stop.Cancel();
            upload.Wait();
        }
        Assume.That(upload.IsCompletedSuccessfully && File.ReadLines(growing).Count() - 1 < keys.Count, "the upload was still going when the run ended");

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), "a deferred file is not a data problem");
        Assert.That(first.Ingest!.Files.Select(f => (f.FileName, f.State)), Is.EqualTo(new[] { (Settled, FileState.Loaded), (Unsettled, FileState.Deferred) }));
        var ledger = RunFile(first.RunId, Unsettled);
        Assert.That(ledger.Outcome, Is.EqualTo("deferred"));
        Assert.That(ledger.Reason, Does.StartWith("it is still being written: its size went from ").And.EndWith("during the 1 s watch; left for the next run"));
        Assert.That(SummaryFile(Unsettled), Is.EqualTo(("deferred", ledger.Reason)));
        Assert.That(RunFile(first.RunId, Settled).Outcome, Is.EqualTo("loaded"), "the other files load");

        // The upload is complete: the next run watches the file once more, finds it settled and loads every row.
        var rows = File.ReadLines(growing).Count() - 1;
        var second = Run(new StableFileSettings(TimeSpan.FromMilliseconds(200), TimeSpan.Zero));
        Assert.That(second.Ingest!.Files.Select(f => (f.FileName, f.State)), Is.EqualTo(new[] { (Settled, FileState.Unchanged), (Unsettled, FileState.Loaded) }));
        Assert.That(second.Ingest.Files[1].RowsLoaded, Is.EqualTo(rows));
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(12 + rows));
    }

    [Test]
    public void An_extract_written_more_recently_than_min_age_is_deferred()
    {
        File.WriteAllText(Path.Combine(data, "uwv", Unsettled), SmallData.Header + UwvRow("AM01", 7));

        var result = Run(new StableFileSettings(TimeSpan.Zero, TimeSpan.FromMinutes(10)));

        Assert.That(result.Ingest!.Files.Select(f => (f.FileName, f.State)), Is.EqualTo(new[] { (Settled, FileState.Loaded), (Unsettled, FileState.Deferred) }));
        Assert.That(RunFile(result.RunId, Unsettled).Reason,
            Does.Match(@"^it was written \d+(\.\d)? s ago; files younger than 600 s are left for the next run \(stable_files.min_age_seconds\); left for the next run$"));
    }

    [Test]
    public void An_extract_locked_by_another_process_is_tried_again_then_recorded_as_unreadable_and_the_run_goes_on()
    {
        var locked = Path.Combine(data, "uwv", Unsettled);
        File.WriteAllText(locked, SmallData.Header + UwvRow("AM01", 7) + UwvRow("AM13", 8));

        RunResult first;
        using (new FileStream(locked, FileMode.Open, FileAccess.Read, FileShare.None))
            first = Run(Fixtures.NoWatch, attempts: 3);

        Assert.That((first.Status, first.ExitCode), Is.EqualTo(("succeeded_with_data_problems", ExitCodes.DataProblems)), "published, with a file to look at");
        Assert.That(first.Ingest!.Files.Select(f => (f.FileName, f.State)), Is.EqualTo(new[] { (Settled, FileState.Loaded), (Unsettled, FileState.Unreadable) }));
        var ledger = RunFile(first.RunId, Unsettled);
        Assert.That(ledger.Outcome, Is.EqualTo("unreadable"));
        Assert.That(ledger.Reason, Does.StartWith($"cannot read {locked}: ").And.Contain("being used by another process").And.EndWith("; the next run tries again"));
        Assert.That(SummaryFile(Unsettled), Is.EqualTo(("unreadable", ledger.Reason)));

        var second = Run(Fixtures.NoWatch);
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(second.Ingest!.Files.Select(f => (f.FileName, f.State, f.RowsLoaded)),
            Is.EqualTo(new[] { (Settled, FileState.Unchanged, 12L), (Unsettled, FileState.Loaded, 2L) }));
    }

    [Test]
    public void A_locked_vacancy_level_file_takes_the_same_retries_and_loads_next_run()
    {
        var detail = Path.Combine(data, "uwv", "uwv_vacatures_detail_2024-05-15.csv");
        File.WriteAllText(detail, "Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities\n" +
                                  "V1;2024-01-10;;07;AM01;2\nV2;2024-02-01;2024-03-01;08;AM13;1\n");

        RunResult first;
        using (new FileStream(detail, FileMode.Open, FileAccess.Read, FileShare.None))
            first = Run(Fixtures.NoWatch, attempts: 3);

        var outcome = first.Ingest!.Files.Single(f => f.FileName == Path.GetFileName(detail));
        Assert.That(outcome.State, Is.EqualTo(FileState.Unreadable));
        Assert.That(outcome.Reason, Does.StartWith($"cannot read {detail}: ").And.EndWith("; the next run tries again"));

        var second = Run(Fixtures.NoWatch);
        Assert.That(second.Ingest!.Files.Single(f => f.FileName == Path.GetFileName(detail)).RowsLoaded, Is.EqualTo(2));
    }

    /// <summary>IngestStep on its own, with the given file-io pipeline, over the data directory.</summary>
    IngestSummary Ingest(ResiliencePipeline fileIo)
    {
        var reference = ReferenceLoader.Load(data);
        using var db = WarehouseDb.OpenForWrite(dir.Combine("warehouse.duckdb"));
        return new IngestStep(new ExtractValidator(reference.Data, 0.05), () => DateTimeOffset.UtcNow, fileIo)
            .Run(db, "test-run", ExtractDiscovery.Discover(data));
    }

    [Test]
    public void A_lock_released_between_tries_lets_the_extract_load_in_the_same_run()
    {
        var locked = Path.Combine(data, "uwv", Unsettled);
        File.WriteAllText(locked, SmallData.Header + UwvRow("AM01", 7));
        var holder = new FileStream(locked, FileMode.Open, FileAccess.Read, FileShare.None);
        // The other process lets go when the first failed try is logged: the second try then reads the file.
        var resilience = new MonitorResilience(new RetryDefinition(3, TimeSpan.Zero), new Dictionary<string, TimeSpan>(), new OnLog(holder.Dispose));

        var summary = Ingest(resilience.FileIo);

        Assert.That(summary.Files.Select(f => (f.FileName, f.State, f.RowsLoaded)),
            Is.EqualTo(new[] { (Settled, FileState.Loaded, 12L), (Unsettled, FileState.Loaded, 1L) }));
    }

    [Test]
    public void An_extract_that_cannot_be_opened_is_a_problem_of_that_file_only()
    {
        File.WriteAllText(Path.Combine(data, "uwv", Unsettled), SmallData.Header + UwvRow("AM01", 7));
        // Permission denied for the second file read, the new extract (files are read in vintage order). A test that
        // runs as root cannot be refused by chmod, so the fault is injected where the file is opened.
        var reads = 0;
        var denied = new ResiliencePipelineBuilder()
            .AddChaosFault(new Polly.Simmy.Fault.ChaosFaultStrategyOptions
            {
                FaultGenerator = _ => new ValueTask<Exception?>(new UnauthorizedAccessException($"Access to the path '{Unsettled}' is denied.")),
                EnabledGenerator = _ => new ValueTask<bool>(Interlocked.Increment(ref reads) == 2),
                InjectionRate = 1,
            })
            .Build();

        var summary = Ingest(denied);

        Assert.That(summary.Files.Select(f => (f.FileName, f.State)), Is.EqualTo(new[] { (Settled, FileState.Loaded), (Unsettled, FileState.Unreadable) }));
        Assert.That(summary.Files[1].Reason, Is.EqualTo($"cannot read {Path.Combine(data, "uwv", Unsettled)}: Access to the path '{Unsettled}' is denied.; the next run tries again"));
        Assert.That(summary.HasProblems, Is.True);
    }

    /// <summary>Calls an action on the first log line: a retry's "try 1 of 3 failed" is the first thing the pipeline logs.</summary>
    sealed class OnLog(Action action) : ILogger
    {
        int calls;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Interlocked.Increment(ref calls) == 1) action();
        }
    }
}
