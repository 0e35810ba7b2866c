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
    /// <summary>Meetings whose frozen edition the first run on or after their freeze date makes (see Pipeline/Editions).</summary>
    public IReadOnlyList<Editions.Meeting> Meetings { get; init; } = [];
    /// <summary>The edition (id or date) the report's "Wat is er veranderd" compares with; NULL: the latest meeting edition, else the previous report.</summary>
    public string? CompareWith { get; init; }
}

public static class PipelineSteps
{
    public const string Ingest = "ingest";
    public const string Indicators = "indicators";
    public const string Checks = "checks";
    public const string Report = "report";
    public const string Export = "export";
    public const string Site = "site";
    public const string Publish = "publish";
    public static readonly IReadOnlyList<string> All = [Ingest, Indicators, Checks, Report, Export, Site];
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

    /// <summary>Test seam: the file system publishing uses (ENOSPC, permission errors and crashes are injected through it).</summary>
    internal IPublishFileSystem PublishFileSystem { get; set; } = Publishing.PublishFileSystem.Real;

    /// <summary>The last-run.json a run publishes with its results, and writes directly when it publishes nothing.</summary>
    public const string SummaryFile = "last-run.json";

    public RunResult Run(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new NullObserver();
        var started = clock();
        var runId = NewRunId(started);
        // A usage error creates nothing: no output directory, no warehouse, no lock file.
        if (!Directory.Exists(request.DataDir))
            return new RunResult(runId, "usage", ExitCodes.Usage, null, [],
                $"data directory '{request.DataDir}' does not exist (expected folders {string.Join(", ", ExtractDiscovery.SourceFolders)} and reference/); nothing was created", null);
        var outDir = Path.GetFullPath(request.OutDir);

        RunLock? runLock;
        RunLockInfo? holder;
        try
        {
            Directory.CreateDirectory(outDir);
            // One run at a time per output directory; the OS drops the lock if this process dies.
            runLock = RunLock.TryAcquire(outDir, runId, out holder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing can be recorded in a directory that cannot be written: the message is the whole record.
            return new RunResult(runId, "failed", ExitCodes.Failure, null, [], $"cannot write to the output directory {outDir}: {Faults.Describe(e)}; " +
                "give the user that runs the monitor write access (and free space) there, or pass another --out", null);
        }
        if (runLock is null)
            return new RunResult(runId, "busy", ExitCodes.Busy, null, [], RunLock.BusyMessage(outDir, holder), null);
        using (runLock)
            return RunLocked(request, observer, runId, started, outDir, cancellationToken);
    }

    RunResult RunLocked(RunRequest request, IRunObserver observer, string runId, DateTimeOffset started, string outDir, CancellationToken cancellationToken)
    {
        var published = Path.Combine(outDir, "warehouse.duckdb");
        var workDir = Publisher.WorkDirFor(outDir, runId);
        var workDb = Path.Combine(workDir, "warehouse.duckdb");
        var records = new List<StepRecord>();
        IngestSummary? ingest = null;
        try
        {
            // A publish interrupted by a crash is finished first; leftovers of dead runs are cleared.
            var recovery = Publisher.Recover(outDir);
            if (recovery.CompletedPublish is { } completed) observer.Info($"completed the publish of run {completed}, interrupted earlier");
            foreach (var dead in recovery.Removed.Where(r => Path.GetDirectoryName(r) == Path.Combine(outDir, Publisher.WorkFolder)))
                observer.Info($"removed the work directory of run {Path.GetFileName(dead)}, which ended without publishing (killed or crashed)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PublishException)
        {
            // The published set is mid-publish: nothing is written into it until the journal has been completed.
            return Finish(new RunResult(runId, "failed", ExitCodes.Failure, null, [], Faults.Describe(e), null), outDir, workDir, request, started);
        }

        var resilience = new MonitorResilience(request.Retry, request.Timeouts);
        string? reportPath = null;
        try
        {
            Directory.CreateDirectory(workDir);
            // Reference data and discovery are checked before anything is copied: a broken reference table fails fast.
            var reference = ReferenceLoader.Load(request.DataDir);
            var discovery = ExtractDiscovery.DiscoverAll(request.DataDir);
            var files = discovery.Files;
            var today = RunDay(clock());

            // Unchanged input: the published warehouse already holds what this run would build. Decided before the copy
            // below, which is what makes a run over a large warehouse slow.
            var fingerprint = InputFingerprint.Compute(request);
            if (!request.Force && UnchangedInput.LastPublished(published) is { } last && last.Fingerprint == fingerprint
                && !Editions.MeetingEditions.OverridesSkip(request, outDir, published, today)) // editions hook 1 of 3: a due edition runs anyway
                return Finish(UnchangedInput.RecordSkip(published, runId, request, started, clock(), last.RunId, observer), outDir, workDir, request, started);

            // Only files written in the last minute can still be growing; older ones are not watched, so a run
            // over settled files does not wait. Entries that are not regular files are never opened.
            var recent = files.Where(f => f.Unreadable is null).Select(f => f.Path).Where(p => clock() - File.GetLastWriteTimeUtc(p) < RecentlyWritten);
            var unstable = new StableFileGuard(request.StableFiles).FindUnstable(recent, cancellationToken)
                .ToDictionary(u => u.Path, u => u.Reason);

            if (File.Exists(published))
            {
                // A write-ahead log beside the published warehouse (a ledger entry whose checkpoint did not happen) belongs to
                // that file: fold it in first, or the copy would miss it and the next publish would leave it beside a new file.
                FoldWal(published);
                resilience.FileIo.Execute(() => File.Copy(published, workDb, overwrite: true));
            }
            using (var db = resilience.WarehouseLock.Execute(() => WarehouseDb.OpenForWrite(workDb)))
            {
                var ledger = new RunLedger(db.Connection);
                ledger.Start(runId, request, started);
                var context = new RunContext
                {
                    Request = request, RunId = runId, WorkDir = workDir, Db = db, Reference = reference, Observer = observer, Clock = clock,
                };

                RunStepRecorded(PipelineSteps.Ingest, context, ledger, records, observer, resilience, (ctx, token) =>
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
                    try
                    {
                        ctx.Ingest = new IngestStep(validator, clock, resilience.FileIo)
                            .Run(ctx.Db, runId, files, observer.FileProcessed, unstable, discovery.Ignored, today, token)
                            with { RegisterRowsQuarantined = register.RowsQuarantined };
                    }
                    finally
                    {
                        // What was seen before a failure still goes into last-run.json and the published ledger.
                        ingest = ctx.Ingest ?? PartialIngest(ctx.Db, runId);
                    }
                    var ignored = ctx.Ingest!.Ignored == 0 ? "" : $", {ctx.Ingest.Ignored} ignored";
                    return (ctx.Ingest.RowsLoaded, $"{ctx.Ingest.Loaded} loaded, {ctx.Ingest.Unchanged} unchanged, {ctx.Ingest.Rejected} rejected, {ctx.Ingest.RowsQuarantined} rows quarantined{ignored}; " +
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
                    // A blocked run publishes nothing; its ledger entry, file outcomes and quarantine go to the published warehouse.
                    resilience.WarehouseLock.Execute(() => WithPublishedLedger(published, p => PublishedLedger.CopyRun(p, workDb, runId)));
                    return Finish(new RunResult(runId, "blocked", ExitCodes.Blocked, ingest, records, block, null), outDir, workDir, request, started);
                }

                // Editions hook 2 of 3 (Pipeline/Editions): the meeting editions due, made after the steps of a run that publishes.
                if (Editions.MeetingEditions.Step(context, outDir) is { } editionStep)
                    RunStepRecorded(Editions.MeetingEditions.StepName, context, ledger, records, observer, resilience, editionStep, cancellationToken);

                var status = ingest?.HasProblems == true ? "succeeded_with_data_problems" : "succeeded";
                ledger.Finish(runId, status, clock(), ingest, null);
                UnchangedInput.Remember(db.Connection, runId, fingerprint, ingest);
                db.Connection.Execute("CHECKPOINT");
            }

            var exit = ingest?.HasProblems == true ? ExitCodes.DataProblems : ExitCodes.Success;
            var finalStatus = exit == ExitCodes.Success ? "succeeded" : "succeeded_with_data_problems";
            var publicReport = reportPath is null ? null : Path.Combine(outDir, Path.GetRelativePath(workDir, reportPath));
            var publishStarted = clock();
            try
            {
                BeforeStep?.Invoke(PipelineSteps.Publish);
                // The summaries are part of what is published: written into the work directory first, they are renamed into
                // place with the warehouse and the reports under one journal, so a crash can never leave them stale.
                var result = new RunResult(runId, finalStatus, exit, ingest,
                    [.. records, new StepRecord(PipelineSteps.Publish, publishStarted, clock(), "succeeded", null, null)], null, publicReport);
                var json = SummaryJson(result, request, started);
                File.WriteAllText(Path.Combine(workDir, SummaryFile), json);
                if (Directory.Exists(Path.Combine(workDir, "reports")))
                    File.WriteAllText(Path.Combine(workDir, "reports", "run-summary.json"), json);
                // Editions hook 3 of 3: staged meeting editions are renamed into <out>/editions/ (never replacing one) before the journal.
                Editions.MeetingEditions.PublishStaged(workDir, outDir, PublishFileSystem, resilience.FileIo);
                var items = Publisher.StandardItems.Append(SummaryFile)
                    .Where(i => File.Exists(Path.Combine(workDir, i)) || Directory.Exists(Path.Combine(workDir, i)));
                Publisher.Publish(workDir, outDir, items, new PublishOptions
                {
                    RunId = runId, FileIo = resilience.FileIo, WithoutPrevious = [SummaryFile], RemoveWorkDir = true,
                }, PublishFileSystem);
                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException && !Faults.IsSimulatedCrash(e))
            {
                // Recorded like any other step, so the ledger names publish as the step that failed.
                records.Add(new StepRecord(PipelineSteps.Publish, publishStarted, clock(), "failed", null, Describe(e)));
                throw new StepFailedException(PipelineSteps.Publish, e);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && !Faults.IsSimulatedCrash(e))
        {
            if (e is StepFailedException { InnerException: PublishException { Interrupted: true } })
            {
                // The renames had started: the journal and the work directory are what the next run completes the publish from.
                var interrupted = Describe(e);
                WriteSummary(outDir, new RunResult(runId, "failed", ExitCodes.Failure, ingest, records, interrupted, null), request, started);
                return new RunResult(runId, "failed", ExitCodes.Failure, ingest, records, interrupted, null);
            }
            var message = Describe(e);
            var ledgerProblem = RecordFailure(published, workDir, runId, request, started, records, ingest, message, "failed");
            return Finish(new RunResult(runId, "failed", ExitCodes.Failure, ingest, records, message + ledgerProblem, null), outDir, workDir, request, started);
        }
        catch (OperationCanceledException)
        {
            const string cancelled = "cancelled: the run was stopped before it finished; nothing was published";
            RecordFailure(published, workDir, runId, request, started, records, ingest, cancelled, "failed");
            return Finish(new RunResult(runId, "cancelled", ExitCodes.Failure, ingest, records, "cancelled", null), outDir, workDir, request, started);
        }
    }

    /// <summary>The calendar day of a run in the Netherlands, where the suppliers date their publications.</summary>
    public static DateOnly RunDay(DateTimeOffset now)
    {
        TimeZoneInfo? zone = null;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { }
        return DateOnly.FromDateTime(zone is null ? now.UtcDateTime : TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>The file outcomes ingest recorded before it failed, from the run's meta.run_files.</summary>
    static IngestSummary? PartialIngest(WarehouseDb db, string runId)
    {
        try
        {
            var rows = db.Connection.Query<(string Folder, string FileName, int? ExtractId, string Outcome, string? Reason)>(
                "SELECT folder, file_name, extract_id, outcome, reason FROM meta.run_files WHERE run_id = $runId", new { runId });
            return new IngestSummary(rows.Select(r => new FileOutcome(r.Folder, r.FileName,
                Enum.TryParse<FileState>(r.Outcome, ignoreCase: true, out var state) ? state : FileState.Unreadable,
                r.ExtractId, null, 0, 0, 0, r.Reason, [])).ToList());
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return null;
        }
    }

    void RunStepRecorded(string name, RunContext context, RunLedger ledger, List<StepRecord> records, IRunObserver observer,
        MonitorResilience resilience, RunStep step, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        observer.StepStarted(name);
        var start = clock();
        var timedOut = false;
        try
        {
            // The step's timeout (pipeline file) cancels the token the step gets: the steps pass it on to their file reads
            // and loops, and a DuckDB statement running at that moment is interrupted.
            BeforeStep?.Invoke(name);
            var (rows, message) = resilience.ForStep(name).Execute(token =>
            {
                using var stop = token.Register(() =>
                {
                    timedOut = !ct.IsCancellationRequested;
                    Faults.Interrupt(context.Db.Connection);
                });
                return step(context, token);
            }, ct);
            var record = new StepRecord(name, start, clock(), "succeeded", rows, message);
            ledger.Step(context.RunId, record);
            records.Add(record);
            observer.StepFinished(record);
        }
        catch (Exception e) when (!Faults.IsSimulatedCrash(e))
        {
            if (e is OperationCanceledException && ct.IsCancellationRequested && !timedOut) throw;
            var why = timedOut || e is Polly.Timeout.TimeoutRejectedException
                ? $"stopped at its time limit of {Seconds(context.Request, name)} s (timeouts.{name} in the pipeline file)"
                : Describe(e);
            var record = new StepRecord(name, start, clock(), "failed", null, why);
            records.Add(record);
            observer.StepFinished(record);
            throw new StepFailedException(name, timedOut || e is Polly.Timeout.TimeoutRejectedException ? new TimeoutException(why, e) : e);
        }
    }

    static string Seconds(RunRequest request, string step) =>
        request.Timeouts.TryGetValue(step, out var limit) ? limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "?";

    /// <summary>
    /// Writes into the published warehouse's ledger. When nothing was published yet, the ledger-only warehouse
    /// is made beside it and renamed into place, so no reader ever opens a half-made file. A write that fails (a full
    /// disk) leaves no empty .wal beside the published warehouse.
    /// </summary>
    static void WithPublishedLedger(string publishedDb, Action<WarehouseDb> write)
    {
        if (File.Exists(publishedDb))
        {
            try
            {
                using var db = WarehouseDb.OpenForWrite(publishedDb);
                write(db);
                // Into the file itself: a log left beside it would be replayed onto whatever file is published there next.
                db.Connection.Execute("CHECKPOINT");
            }
            finally
            {
                RemoveEmptyWal(publishedDb);
            }
            return;
        }
        var fresh = publishedDb + ".new";
        foreach (var leftover in new[] { fresh, fresh + ".wal" }) if (File.Exists(leftover)) File.Delete(leftover);
        try
        {
            using (var db = WarehouseDb.OpenForWrite(fresh))
            {
                write(db);
                db.Connection.Execute("CHECKPOINT");
            }
            File.Move(fresh, publishedDb, overwrite: false);
        }
        catch
        {
            foreach (var leftover in new[] { fresh, fresh + ".wal" })
                try { File.Delete(leftover); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>An empty WAL holds nothing to replay; left behind by a write that found the disk full, it is only litter.</summary>
    /// <summary>Replays and checkpoints a non-empty write-ahead log into its warehouse, so the file alone is complete.</summary>
    static void FoldWal(string db)
    {
        var wal = new FileInfo(db + ".wal");
        if (!wal.Exists) return;
        if (wal.Length > 0)
        {
            using var open = WarehouseDb.OpenForWrite(db);
            open.Connection.Execute("CHECKPOINT");
        }
        RemoveEmptyWal(db);
    }

    static void RemoveEmptyWal(string db)
    {
        try
        {
            var wal = new FileInfo(db + ".wal");
            if (wal.Exists && wal.Length == 0) wal.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// A run that publishes nothing still leaves its record in the published warehouse: the ledger entry and steps, and,
    /// from its work copy, what it found in the delivery (meta.run_files, meta.unpublished_*). The work directory's
    /// reports and exports are removed first, so that a disk that filled up while they were written has room for it.
    /// Returns "" or a note saying why the record could not be written.
    /// </summary>
    string RecordFailure(string publishedDb, string workDir, string runId, RunRequest request, DateTimeOffset started,
        List<StepRecord> records, IngestSummary? ingest, string message, string status)
    {
        var workDb = Path.Combine(workDir, "warehouse.duckdb");
        try
        {
            if (Directory.Exists(workDir))
                foreach (var entry in Directory.EnumerateFileSystemEntries(workDir))
                {
                    if (Path.GetFileName(entry) is "warehouse.duckdb" or "warehouse.duckdb.wal") continue;
                    if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true); else File.Delete(entry);
                }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        var findings = File.Exists(workDb) && HasRun(workDb, runId);
        var problem = TryRecord(findings);
        if (problem is null) return "";
        if (findings)
        {
            // Most likely the disk is full: the work copy is what this run can free. Without it the ledger keeps the
            // run, its steps and its file outcomes (from memory), not the quarantined rows.
            try { Directory.Delete(workDir, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (TryRecord(withFindings: false) is null)
                return $"; its quarantined rows could not be kept in the published ledger ({problem})";
        }
        return $"; the ledger entry could not be written into {publishedDb} ({problem})";

        string? TryRecord(bool withFindings)
        {
            try
            {
                WithPublishedLedger(publishedDb, db =>
                {
                    var c = db.Connection;
                    var ledger = new RunLedger(c);
                    c.Execute("DELETE FROM meta.runs WHERE run_id = $runId; DELETE FROM meta.run_steps WHERE run_id = $runId; DELETE FROM meta.run_files WHERE run_id = $runId;", new { runId });
                    ledger.Start(runId, request, started);
                    foreach (var r in records) ledger.Step(runId, r);
                    ledger.Finish(runId, status, clock(), ingest, message);
                    if (withFindings)
                        PublishedLedger.CopyFindings(db, workDb, runId);
                    else
                        foreach (var f in ingest?.Files ?? [])
                            c.Execute("INSERT INTO meta.run_files VALUES ($run_id, $file_name, $folder, NULL, $outcome, $reason)",
                                new { run_id = runId, file_name = f.FileName, folder = f.Folder, outcome = f.State.ToString().ToLowerInvariant(), reason = f.Reason });
                });
                return null;
            }
            catch (Exception e) when (!Faults.IsSimulatedCrash(e))
            {
                return Faults.Describe(e);
            }
        }
    }

    /// <summary>True when the work copy got as far as the run's ledger row (a copy cut off by a full disk did not).</summary>
    static bool HasRun(string workDb, string runId)
    {
        try
        {
            using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={workDb};ACCESS_MODE=READ_ONLY");
            c.Open();
            return c.ExecuteScalar<long>("SELECT count(*) FROM meta.runs WHERE run_id = $runId", new { runId }) > 0;
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return false;
        }
    }

    RunResult Finish(RunResult result, string outDir, string workDir, RunRequest request, DateTimeOffset started)
    {
        try { if (Directory.Exists(workDir)) Directory.Delete(workDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return WriteSummary(outDir, result, request, started);
    }

    /// <summary>
    /// Writes last-run.json for a run that published nothing. If it cannot be written (a full disk), the earlier one is
    /// removed rather than left to describe another run as the last, and the result's message says so.
    /// </summary>
    RunResult WriteSummary(string outDir, RunResult result, RunRequest request, DateTimeOffset started)
    {
        var path = Path.Combine(outDir, SummaryFile);
        try
        {
            PublishFileSystem.WriteDurably(path, System.Text.Encoding.UTF8.GetBytes(SummaryJson(result, request, started)));
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var stale in new[] { path + ".tmp", path })
                try { if (File.Exists(stale)) File.Delete(stale); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return result with { Message = $"{result.Message}; {path} could not be written ({Faults.Describe(e)}) and the earlier one was removed" };
        }
    }

    string SummaryJson(RunResult result, RunRequest request, DateTimeOffset started)
    {
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
        return JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true });
    }

    static string Describe(Exception e) => e switch
    {
        StepFailedException s => $"step {s.Step} failed: {Describe(s.InnerException!)}",
        TimeoutException t => t.Message,
        _ => e.Message,
    };

    sealed class NullObserver : IRunObserver;
}

public sealed class StepFailedException(string step, Exception inner) : Exception($"step {step} failed: {inner.Message}", inner)
{
    public string Step { get; } = step;
}
