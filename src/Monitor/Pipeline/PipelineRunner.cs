// One run of the pipeline: build a private copy of the warehouse, run the steps on it, publish only when done.
using Dapper;
using System.Globalization;
using System.Text.Json;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Locking;
using Monitor.Pipeline.Publishing;
using Monitor.Pipeline.Resilience;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Warehouse;

namespace Monitor.Pipeline;

public sealed record RunRequest
{
    public string DataDir { get; init; } = "sample-data";
    public string OutDir { get; init; } = "out";
    public DateOnly? AsOf { get; init; }
    public double BadRowThreshold { get; init; } = 0.05;
    /// <summary>manual, schedule or catch_up.</summary>
    public string Trigger { get; init; } = "manual";
    public IReadOnlyList<string> Steps { get; init; } = PipelineSteps.All;
    /// <summary>Fixes the generation time printed in reports, so two runs can be compared byte for byte.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }
    /// <summary>Severities of data-quality checks that stop publishing.</summary>
    public IReadOnlyList<string> BlockingSeverities { get; init; } = ["error"];
    /// <summary>How long an extract must stay unchanged before it is read (files still being written are deferred).</summary>
    public StableFileSettings StableFiles { get; init; } = StableFileSettings.Default;
    public RetryDefinition Retry { get; init; } = RetryDefinition.Default;
    public IReadOnlyDictionary<string, TimeSpan> Timeouts { get; init; } = new Dictionary<string, TimeSpan>();
    /// <summary>Regional editions of the report (PVxx, AMxx, TPn) the report step makes besides the national one.</summary>
    public IReadOnlyList<string> ReportRegions { get; init; } = [];
    /// <summary>Run even when the input is unchanged since the last published run (see <see cref="InputFingerprint"/>).</summary>
    public bool Force { get; init; }
}

public static class PipelineSteps
{
    public const string Ingest = "ingest";
    public const string Indicators = "indicators";
    public const string Checks = "checks";
    public const string Report = "report";
    public const string Export = "export";
    public const string Publish = "publish";
    public static readonly IReadOnlyList<string> All = [Ingest, Indicators, Checks, Report, Export];
}

/// <summary>Receives progress while a run goes; the CLI prints it, tests record it.</summary>
public interface IRunObserver
{
    void StepStarted(string step) { }
    void StepFinished(StepRecord step) { }
    void FileProcessed(FileOutcome file) { }
    void Info(string message) { }
}

public sealed record RunResult(string RunId, string Status, int ExitCode, IngestSummary? Ingest, IReadOnlyList<StepRecord> Steps, string? Message, string? ReportPath);

/// <summary>State shared by the steps of one run.</summary>
public sealed class RunContext
{
    public required RunRequest Request { get; init; }
    public required string RunId { get; init; }
    public required string WorkDir { get; init; }
    public required WarehouseDb Db { get; init; }
    public required ReferenceSet Reference { get; init; }
    public required IRunObserver Observer { get; init; }
    public required Func<DateTimeOffset> Clock { get; init; }
    public IngestSummary? Ingest { get; set; }
    /// <summary>Set by a step that found a reason not to publish (a blocking check).</summary>
    public string? BlockReason { get; set; }
    public string? ReportPath { get; set; }
}

/// <summary>A step of the pipeline after ingest. Returns a row count for the ledger and an optional message.</summary>
public delegate (long? Rows, string? Message) RunStep(RunContext context, CancellationToken cancellationToken);

public sealed class PipelineRunner
{
    /// <summary>Files older than this are taken as complete without watching them.</summary>
    public static readonly TimeSpan RecentlyWritten = TimeSpan.FromMinutes(1);

    readonly Func<DateTimeOffset> clock;
    readonly Dictionary<string, RunStep> steps = new(StringComparer.Ordinal);

    public PipelineRunner(Func<DateTimeOffset>? clock = null)
    {
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>Registers the implementation of a named step (indicators, checks, report, export).</summary>
    public PipelineRunner WithStep(string name, RunStep step)
    {
        steps[name] = step;
        return this;
    }

    /// <summary>
    /// Test seam for fault injection: called with each step's name, publish included, as the step starts. What it
    /// throws fails the run at that step, exactly as a failure inside the step would.
    /// </summary>
    internal Action<string>? BeforeStep { get; set; }

    public static string NewRunId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..4];

    public RunResult Run(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new NullObserver();
        var started = clock();
        var runId = NewRunId(started);
        var outDir = Path.GetFullPath(request.OutDir);
        Directory.CreateDirectory(outDir);

        // One run at a time per output directory; the OS drops the lock if this process dies.
        using var runLock = RunLock.TryAcquire(outDir, runId, out var holder);
        if (runLock is null)
            return new RunResult(runId, "busy", ExitCodes.Busy, null, [], RunLock.BusyMessage(outDir, holder), null);

        // A publish interrupted by a crash is finished first; leftovers of dead runs are cleared.
        var recovery = Publisher.Recover(outDir);
        if (recovery.CompletedPublish is { } completed) observer.Info($"completed the publish of run {completed}, interrupted earlier");
        foreach (var dead in recovery.Removed.Where(r => Path.GetDirectoryName(r) == Path.Combine(outDir, Publisher.WorkFolder)))
            observer.Info($"removed the work directory of run {Path.GetFileName(dead)}, which ended without publishing (killed or crashed)");

        var resilience = new MonitorResilience(request.Retry, request.Timeouts);
        var published = Path.Combine(outDir, "warehouse.duckdb");
        var workDir = Publisher.WorkDirFor(outDir, runId);
        Directory.CreateDirectory(workDir);
        var workDb = Path.Combine(workDir, "warehouse.duckdb");

        var records = new List<StepRecord>();
        IngestSummary? ingest = null;
        string? reportPath = null;
        try
        {
            // Reference data and discovery are checked before anything is copied: a broken reference table fails fast.
            var reference = ReferenceLoader.Load(request.DataDir);
            var files = ExtractDiscovery.Discover(request.DataDir);

            // Unchanged input: the published warehouse already holds what this run would build. Decided before the copy
            // below, which is what makes a run over a large warehouse slow.
            var fingerprint = InputFingerprint.Compute(request);
            if (!request.Force && UnchangedInput.LastPublished(published) is { } last && last.Fingerprint == fingerprint)
                return Finish(UnchangedInput.RecordSkip(published, runId, request, started, clock(), last.RunId, observer), outDir, workDir, request, started);

            // Only files written in the last minute can still be growing; older ones are not watched, so a run
            // over settled files does not wait.
            var recent = files.Select(f => f.Path).Where(p => clock() - File.GetLastWriteTimeUtc(p) < RecentlyWritten);
            var unstable = new StableFileGuard(request.StableFiles).FindUnstable(recent, cancellationToken)
                .ToDictionary(u => u.Path, u => u.Reason);

            if (File.Exists(published)) resilience.FileIo.Execute(() => File.Copy(published, workDb, overwrite: true));
            using (var db = resilience.WarehouseLock.Execute(() => WarehouseDb.OpenForWrite(workDb)))
            {
                var ledger = new RunLedger(db.Connection);
                ledger.Start(runId, request, started);
                var context = new RunContext
                {
                    Request = request, RunId = runId, WorkDir = workDir, Db = db, Reference = reference, Observer = observer, Clock = clock,
                };

                RunStepRecorded(PipelineSteps.Ingest, context, ledger, records, observer, resilience, (ctx, _) =>
                {
                    RegisterOutcome register;
                    using (var tx = ctx.Db.Connection.BeginTransaction())
                    {
                        ReferenceLoader.Write(ctx.Db.Connection, reference.Data);
                        register = ReferenceLedger.Record(ctx.Db.Connection, runId, reference);
                        tx.Commit();
                    }
                    observer.Info(ReferenceLedger.Describe(reference, register));
                    var validator = new ExtractValidator(reference.Data, request.BadRowThreshold);
                    ctx.Ingest = new IngestStep(validator, clock, resilience.FileIo).Run(ctx.Db, runId, files, observer.FileProcessed, unstable)
                        with { RegisterRowsQuarantined = register.RowsQuarantined };
                    return (ctx.Ingest.RowsLoaded, $"{ctx.Ingest.Loaded} loaded, {ctx.Ingest.Unchanged} unchanged, {ctx.Ingest.Rejected} rejected, {ctx.Ingest.RowsQuarantined} rows quarantined; " +
                                                   $"target register {register.RowsApplied} of {register.RowsTotal} rows applied, {register.RowsQuarantined} quarantined");
                }, cancellationToken);
                ingest = context.Ingest;

                foreach (var name in request.Steps.Where(s => s != PipelineSteps.Ingest))
                {
                    if (!steps.TryGetValue(name, out var step))
                    {
                        observer.Info($"step '{name}' is not available in this build; skipped");
                        continue;
                    }
                    RunStepRecorded(name, context, ledger, records, observer, resilience, step, cancellationToken);
                }
                reportPath = context.ReportPath;

                if (context.BlockReason is { } block)
                {
                    ledger.Finish(runId, "blocked", clock(), ingest, block);
                    db.Connection.Execute("CHECKPOINT");
                    // A blocked run publishes nothing; its ledger entry goes to the published warehouse.
                    resilience.WarehouseLock.Execute(() => CopyLedgerToPublished(workDb, published, runId));
                    return Finish(new RunResult(runId, "blocked", ExitCodes.Blocked, ingest, records, block, null), outDir, workDir, request, started);
                }

                var status = ingest?.HasProblems == true ? "succeeded_with_data_problems" : "succeeded";
                ledger.Finish(runId, status, clock(), ingest, null);
                UnchangedInput.Remember(db.Connection, runId, fingerprint, ingest);
                db.Connection.Execute("CHECKPOINT");
            }

            var publishStarted = clock();
            try
            {
                BeforeStep?.Invoke(PipelineSteps.Publish);
                var items = Publisher.StandardItems.Where(i => File.Exists(Path.Combine(workDir, i)) || Directory.Exists(Path.Combine(workDir, i)));
                Publisher.Publish(workDir, outDir, items, new PublishOptions { RunId = runId, FileIo = resilience.FileIo });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Recorded like any other step, so the ledger names publish as the step that failed.
                records.Add(new StepRecord(PipelineSteps.Publish, publishStarted, clock(), "failed", null, Describe(e)));
                throw new StepFailedException(PipelineSteps.Publish, e);
            }
            records.Add(new StepRecord(PipelineSteps.Publish, publishStarted, clock(), "succeeded", null, null));
            var exit = ingest?.HasProblems == true ? ExitCodes.DataProblems : ExitCodes.Success;
            var finalStatus = exit == ExitCodes.Success ? "succeeded" : "succeeded_with_data_problems";
            return Finish(new RunResult(runId, finalStatus, exit, ingest, records, null, reportPath is null ? null : Path.Combine(outDir, Path.GetRelativePath(workDir, reportPath))), outDir, workDir, request, started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = Describe(e);
            TryRecordFailure(published, runId, request, started, records, ingest, message);
            return Finish(new RunResult(runId, "failed", ExitCodes.Failure, ingest, records, message, null), outDir, workDir, request, started);
        }
        catch (OperationCanceledException)
        {
            TryRecordFailure(published, runId, request, started, records, ingest, "cancelled: the run was stopped before it finished; nothing was published");
            return Finish(new RunResult(runId, "cancelled", ExitCodes.Failure, ingest, records, "cancelled", null), outDir, workDir, request, started);
        }
    }

    void RunStepRecorded(string name, RunContext context, RunLedger ledger, List<StepRecord> records, IRunObserver observer,
        MonitorResilience resilience, RunStep step, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        observer.StepStarted(name);
        var start = clock();
        try
        {
            // The step's timeout (pipeline file) cancels the token the step gets; steps check it between units of work.
            BeforeStep?.Invoke(name);
            var (rows, message) = resilience.ForStep(name).Execute(token => step(context, token), ct);
            var record = new StepRecord(name, start, clock(), "succeeded", rows, message);
            ledger.Step(context.RunId, record);
            records.Add(record);
            observer.StepFinished(record);
        }
        catch (Exception e)
        {
            var record = new StepRecord(name, start, clock(), "failed", null, Describe(e));
            records.Add(record);
            observer.StepFinished(record);
            throw new StepFailedException(name, e);
        }
    }

    /// <summary>
    /// Writes into the published warehouse's ledger. When nothing was published yet, the ledger-only warehouse
    /// is made beside it and renamed into place, so no reader ever opens a half-made file.
    /// </summary>
    static void WithPublishedLedger(string publishedDb, Action<WarehouseDb> write)
    {
        if (File.Exists(publishedDb))
        {
            using var db = WarehouseDb.OpenForWrite(publishedDb);
            write(db);
            return;
        }
        var fresh = publishedDb + ".new";
        foreach (var leftover in new[] { fresh, fresh + ".wal" }) if (File.Exists(leftover)) File.Delete(leftover);
        using (var db = WarehouseDb.OpenForWrite(fresh))
        {
            write(db);
            db.Connection.Execute("CHECKPOINT");
        }
        File.Move(fresh, publishedDb, overwrite: false);
    }

    static void CopyLedgerToPublished(string workDb, string publishedDb, string runId) =>
        WithPublishedLedger(publishedDb, db => CopyLedger(db, workDb, runId));

    static void CopyLedger(WarehouseDb db, string workDb, string runId)
    {
        var c = db.Connection;
        using var tx = c.BeginTransaction();
        Dapper.SqlMapper.Execute(c, $"ATTACH '{workDb.Replace("'", "''")}' AS work (READ_ONLY)", transaction: tx);
        Dapper.SqlMapper.Execute(c, "DELETE FROM meta.runs WHERE run_id = $runId; DELETE FROM meta.run_steps WHERE run_id = $runId;", new { runId }, tx);
        Dapper.SqlMapper.Execute(c, "INSERT INTO meta.runs SELECT * FROM work.meta.runs WHERE run_id = $runId", new { runId }, tx);
        Dapper.SqlMapper.Execute(c, "INSERT INTO meta.run_steps SELECT * FROM work.meta.run_steps WHERE run_id = $runId", new { runId }, tx);
        tx.Commit();
        Dapper.SqlMapper.Execute(c, "DETACH work");
    }

    /// <summary>A failed run publishes nothing, but the published warehouse's ledger says it failed and why.</summary>
    void TryRecordFailure(string publishedDb, string runId, RunRequest request, DateTimeOffset started, List<StepRecord> records, IngestSummary? ingest, string message)
    {
        try
        {
            WithPublishedLedger(publishedDb, db =>
            {
                var ledger = new RunLedger(db.Connection);
                ledger.Start(runId, request, started);
                foreach (var r in records) ledger.Step(runId, r);
                ledger.Finish(runId, "failed", clock(), ingest, message);
            });
        }
        catch (Exception)
        {
            // The ledger is best effort here: the run already failed and the summary file still says why.
        }
    }

    RunResult Finish(RunResult result, string outDir, string workDir, RunRequest request, DateTimeOffset started)
    {
        try { if (Directory.Exists(workDir)) Directory.Delete(workDir, recursive: true); } catch (IOException) { }
        var summaryPath = Path.Combine(outDir, "last-run.json");
        var summary = new
        {
            run_id = result.RunId,
            trigger = request.Trigger,
            started_at = started.UtcDateTime,
            as_of = request.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            data_dir = Path.GetFullPath(request.DataDir),
            status = result.Status,
            exit_code = result.ExitCode,
            finished_at = clock().UtcDateTime,
            message = result.Message,
            files = result.Ingest?.Files.Select(f => new { folder = f.Folder, file = f.FileName, state = f.State.ToString().ToLowerInvariant(), rows_loaded = f.RowsLoaded, rows_quarantined = f.RowsQuarantined, reason = f.Reason }),
            steps = result.Steps.Select(s => new { step = s.Name, status = s.Status, seconds = s.Duration?.TotalSeconds, rows = s.Rows, message = s.Message }),
            report = result.ReportPath,
        };
        var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true });
        WriteReplacing(summaryPath, json);
        // Monitoring that watches the published report finds the same summary beside it.
        if (result.ReportPath is { } report && Path.GetDirectoryName(report) is { } reports && Directory.Exists(reports))
            WriteReplacing(Path.Combine(reports, "run-summary.json"), json);
        return result;
    }

    static void WriteReplacing(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }

    static string Describe(Exception e) => e switch
    {
        StepFailedException s => $"step {s.Step} failed: {Describe(s.InnerException!)}",
        _ => e.Message,
    };

    sealed class NullObserver : IRunObserver;
}

public sealed class StepFailedException(string step, Exception inner) : Exception($"step {step} failed: {inner.Message}", inner)
{
    public string Step { get; } = step;
}
