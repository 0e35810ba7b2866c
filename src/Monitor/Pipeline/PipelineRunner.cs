// One run of the pipeline: build a private copy of the warehouse, run the steps on it, publish only when done.
// It reads in three parts: Prepare (what the run will read, and whether it runs at all), Execute (the steps on the
// work copy, each recorded in the ledger) and Publish (the work directory into place under one journal).
using System.Globalization;
using System.Text.Json;
using Dapper;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Locking;
using Monitor.Pipeline.Publishing;
using Monitor.Pipeline.Resilience;
using Monitor.Sources;
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

    /// <summary>The order a run takes the requested steps in: ingest always, and first; the others as requested.</summary>
    public static IReadOnlyList<string> InRunOrder(IEnumerable<string> requested) => [Ingest, .. requested.Where(s => s != Ingest)];
}

/// <summary>Receives progress while a run goes; the CLI prints it, the scheduler logs it, tests record it.</summary>
public interface IRunObserver
{
    void StepStarted(string step) { }
    void StepFinished(StepRecord step) { }
    void FileProcessed(FileOutcome file) { }
    void Info(string message) { }
    /// <summary>Something that went wrong and was handled: a retry, a time limit reached (from the resilience pipelines).</summary>
    void Warning(string message) => Info(message);
}

public sealed record RunResult(string RunId, RunState State, int ExitCode, IngestSummary? Ingest, IReadOnlyList<StepRecord> Steps, string? Message, string? ReportPath)
{
    /// <summary>The state as meta.runs and last-run.json store it (see <see cref="LedgerValues"/>).</summary>
    public string Status => State.ToLedgerValue();
}

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
    /// <summary>The extract files and ignored entries of the data directory, found before the warehouse was copied.</summary>
    public required Discovery Discovery { get; init; }
    /// <summary>Extracts still being written (path to reason): left for the next run.</summary>
    public required IReadOnlyDictionary<string, string> Unsettled { get; init; }
    /// <summary>The day of the run in the Netherlands; a vintage after it is not read yet.</summary>
    public required DateOnly Today { get; init; }
    public required MonitorResilience Resilience { get; init; }
    /// <summary>Set by the ingest step (on failure: what it recorded before it stopped).</summary>
    public IngestSummary? Ingest { get; set; }
    /// <summary>Set by a step that found a reason not to publish (a blocking check).</summary>
    public string? BlockReason { get; set; }
    public string? ReportPath { get; set; }
}

/// <summary>A step of the pipeline. Returns a row count for the ledger and an optional message.</summary>
public delegate (long? Rows, string? Message) RunStep(RunContext context, CancellationToken cancellationToken);

public sealed class PipelineRunner
{
    /// <summary>Files older than this are taken as complete without watching them.</summary>
    public static readonly TimeSpan RecentlyWritten = TimeSpan.FromMinutes(1);

    readonly Func<DateTimeOffset> clock;
    readonly Dictionary<string, RunStep> steps = new(StringComparer.Ordinal);
    readonly List<string> stepNames = [];
    MonitorResilience? sharedResilience;

    /// <summary>A runner that can ingest; the other steps are plugged in with <see cref="WithStep"/> (see <see cref="StandardSteps"/>).</summary>
    public PipelineRunner(Func<DateTimeOffset>? clock = null)
    {
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
        // Every run begins with ingest, so every runner has it; registered like any other step, and replaceable.
        WithStep(PipelineSteps.Ingest, IngestStep.RunInPipeline);
    }

    /// <summary>Registers the implementation of a named step (ingest, indicators, checks, report, export, site).</summary>
    public PipelineRunner WithStep(string name, RunStep step)
    {
        if (!steps.ContainsKey(name)) stepNames.Add(name);
        steps[name] = step;
        return this;
    }

    /// <summary>The names of the registered steps, in the order they were first registered.</summary>
    public IReadOnlyList<string> StepNames => stepNames;

    /// <summary>
    /// Uses these resilience pipelines for every run, instead of building them from each request: the scheduler builds
    /// them once from its pipeline file and shares them with its own reads of the warehouse.
    /// </summary>
    public PipelineRunner WithResilience(MonitorResilience resilience)
    {
        sharedResilience = resilience;
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
            return new RunResult(runId, RunState.Usage, ExitCodes.Usage, null, [],
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
            return new RunResult(runId, RunState.Failed, ExitCodes.Failure, null, [], $"cannot write to the output directory {outDir}: {Faults.Describe(e)}; " +
                "give the user that runs the monitor write access (and free space) there, or pass another --out", null);
        }
        if (runLock is null)
            return new RunResult(runId, RunState.Busy, ExitCodes.Busy, null, [], RunLock.BusyMessage(outDir, holder), null);
        using (runLock)
        {
            var resilience = sharedResilience ?? MonitorResilience.ForRequest(request);
            // Retries and time limits go to this run's observer: the console, or the scheduler's log.
            using var reporting = resilience.ReportTo(observer);
            return RunLocked(new ActiveRun(request, observer, runId, started, outDir, resilience), cancellationToken);
        }
    }

    /// <summary>
    /// The run, with the output directory locked: finish an interrupted publish, then prepare, execute and publish.
    /// Whatever stops it on the way is recorded in the published ledger and last-run.json, and nothing is published.
    /// </summary>
    RunResult RunLocked(ActiveRun run, CancellationToken cancellationToken)
    {
        try
        {
            // A publish interrupted by a crash is finished first; leftovers of dead runs are cleared.
            var recovery = Publisher.Recover(run.OutDir);
            if (recovery.CompletedPublish is { } completed) run.Observer.Info($"completed the publish of run {completed}, interrupted earlier");
            foreach (var dead in recovery.Removed.Where(r => Path.GetDirectoryName(r) == Path.Combine(run.OutDir, Publisher.WorkFolder)))
                run.Observer.Info($"removed the work directory of run {Path.GetFileName(dead)}, which ended without publishing (killed or crashed)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PublishException)
        {
            // The published set is mid-publish: nothing is written into it until the journal has been completed.
            return Finish(new RunResult(run.RunId, RunState.Failed, ExitCodes.Failure, null, [], Faults.Describe(e), null), run);
        }

        try
        {
            var prepared = Prepare(run, out var skipped, cancellationToken);
            if (skipped is not null) return Finish(skipped, run);
            var executed = Execute(run, prepared!, cancellationToken);
            // A blocked run's result is final: it publishes nothing.
            return executed.State == RunState.Blocked ? Finish(executed, run) : Publish(run, executed.State);
        }
        catch (Exception e) when (e is not OperationCanceledException && !Faults.IsSimulatedCrash(e))
        {
            if (e is StepFailedException { InnerException: PublishException { Interrupted: true } })
            {
                // The renames had started: the journal and the work directory are what the next run completes the publish from.
                var interrupted = Describe(e);
                WriteSummary(run.OutDir, new RunResult(run.RunId, RunState.Failed, ExitCodes.Failure, run.Ingest, run.Records, interrupted, null), run.Request, run.Started);
                return new RunResult(run.RunId, RunState.Failed, ExitCodes.Failure, run.Ingest, run.Records, interrupted, null);
            }
            var message = Describe(e);
            var ledgerProblem = RecordFailure(run, message, RunState.Failed);
            return Finish(new RunResult(run.RunId, RunState.Failed, ExitCodes.Failure, run.Ingest, run.Records, message + ledgerProblem, null), run);
        }
        catch (OperationCanceledException)
        {
            const string cancelled = "cancelled: the run was stopped before it finished; nothing was published";
            // The ledger keeps a cancelled run as failed; last-run.json and the result say cancelled.
            RecordFailure(run, cancelled, RunState.Failed);
            return Finish(new RunResult(run.RunId, RunState.Cancelled, ExitCodes.Failure, run.Ingest, run.Records, "cancelled", null), run);
        }
    }

    /// <summary>
    /// Prepare: reads the reference data and discovers the extracts, decides whether the run has anything to do, leaves
    /// files still being written for later, and copies the published warehouse into the work directory. Returns null
    /// with <paramref name="skipped"/> set when the input is unchanged since the last published run.
    /// </summary>
    PreparedRun? Prepare(ActiveRun run, out RunResult? skipped, CancellationToken cancellationToken)
    {
        var request = run.Request;
        Directory.CreateDirectory(run.WorkDir);
        // Reference data and discovery are checked before anything is copied: a broken reference table fails fast.
        var reference = ReferenceLoader.Load(request.DataDir);
        var discovery = ExtractDiscovery.DiscoverAll(request.DataDir);
        var today = RunDay(clock());

        // Unchanged input: the published warehouse already holds what this run would build. Decided before the copy
        // below, which is what makes a run over a large warehouse slow.
        var fingerprint = InputFingerprint.Compute(request);
        if (!request.Force && UnchangedInput.LastPublished(run.PublishedDb) is { } last && last.Fingerprint == fingerprint
            && !Editions.MeetingEditions.OverridesSkip(request, run.OutDir, run.PublishedDb, today)) // editions hook 1 of 3: a due edition runs anyway
        {
            skipped = UnchangedInput.RecordSkip(run.PublishedDb, run.RunId, request, run.Started, clock(), last.RunId, run.Observer);
            return null;
        }

        // Only files written in the last minute can still be growing; older ones are not watched, so a run
        // over settled files does not wait. Entries that are not regular files are never opened.
        var recent = discovery.Files.Where(f => f.Unreadable is null).Select(f => f.Path).Where(p => clock() - File.GetLastWriteTimeUtc(p) < RecentlyWritten);
        var unsettled = new StableFileGuard(request.StableFiles).FindUnstable(recent, cancellationToken)
            .ToDictionary(u => u.Path, u => u.Reason);

        if (File.Exists(run.PublishedDb))
        {
            // A write-ahead log beside the published warehouse (a ledger entry whose checkpoint did not happen) belongs to
            // that file: fold it in first, or the copy would miss it and the next publish would leave it beside a new file.
            FoldWal(run.PublishedDb);
            run.Resilience.FileIo.Execute(() => File.Copy(run.PublishedDb, run.WorkDb, overwrite: true));
        }
        skipped = null;
        return new PreparedRun(reference, discovery, unsettled, today, fingerprint);
    }

    /// <summary>
    /// Execute: runs the requested steps on the work copy, ingest first, each recorded in the run's ledger, and closes the
    /// ledger entry. A run a blocking check stopped is recorded in the published warehouse and returned as blocked (its
    /// result is final); otherwise the result says succeeded or succeeded with data problems, still to be published.
    /// </summary>
    RunResult Execute(ActiveRun run, PreparedRun prepared, CancellationToken cancellationToken)
    {
        using var db = run.Resilience.WarehouseLock.Execute(() => WarehouseDb.OpenForWrite(run.WorkDb));
        var ledger = new RunLedger(db.Connection);
        ledger.Start(run.RunId, run.Request, run.Started);
        var context = run.Context = new RunContext
        {
            Request = run.Request, RunId = run.RunId, WorkDir = run.WorkDir, Db = db, Reference = prepared.Reference, Observer = run.Observer,
            Clock = clock, Discovery = prepared.Discovery, Unsettled = prepared.Unsettled, Today = prepared.Today, Resilience = run.Resilience,
        };

        foreach (var name in PipelineSteps.InRunOrder(run.Request.Steps))
        {
            if (!steps.TryGetValue(name, out var step))
            {
                run.Observer.Info($"step '{name}' is not available in this build; skipped");
                continue;
            }
            RunStepRecorded(name, step, run, ledger, cancellationToken);
        }

        if (context.BlockReason is { } block)
        {
            ledger.Finish(run.RunId, RunState.Blocked, clock(), context.Ingest, block);
            db.Connection.Execute("CHECKPOINT");
            // A blocked run publishes nothing; its ledger entry, file outcomes and quarantine go to the published warehouse.
            run.Resilience.WarehouseLock.Execute(() => WithPublishedLedger(run.PublishedDb, p => PublishedLedger.CopyRun(p, run.WorkDb, run.RunId)));
            return new RunResult(run.RunId, RunState.Blocked, ExitCodes.Blocked, context.Ingest, run.Records, block, null);
        }

        // Editions hook 2 of 3 (Pipeline/Editions): the meeting editions due, made after the steps of a run that publishes.
        if (Editions.MeetingEditions.Step(context, run.OutDir) is { } editionStep)
            RunStepRecorded(Editions.MeetingEditions.StepName, editionStep, run, ledger, cancellationToken);

        var state = context.Ingest?.HasProblems == true ? RunState.SucceededWithDataProblems : RunState.Succeeded;
        ledger.Finish(run.RunId, state, clock(), context.Ingest, null);
        UnchangedInput.Remember(db.Connection, run.RunId, prepared.Fingerprint, context.Ingest);
        db.Connection.Execute("CHECKPOINT");
        return new RunResult(run.RunId, state, state == RunState.Succeeded ? ExitCodes.Success : ExitCodes.DataProblems, context.Ingest, run.Records, null, null);
    }

    /// <summary>
    /// Publish: the summaries are written into the work directory, then it is renamed into place with the warehouse and
    /// the reports under one journal. A failure is recorded as the failed step publish.
    /// </summary>
    RunResult Publish(ActiveRun run, RunState state)
    {
        var exit = state == RunState.Succeeded ? ExitCodes.Success : ExitCodes.DataProblems;
        var reportPath = run.Context?.ReportPath;
        var publicReport = reportPath is null ? null : Path.Combine(run.OutDir, Path.GetRelativePath(run.WorkDir, reportPath));
        var publishStarted = clock();
        try
        {
            BeforeStep?.Invoke(PipelineSteps.Publish);
            // The summaries are part of what is published: written into the work directory first, they are renamed into
            // place with the warehouse and the reports under one journal, so a crash can never leave them stale.
            var result = new RunResult(run.RunId, state, exit, run.Ingest,
                [.. run.Records, new StepRecord(PipelineSteps.Publish, publishStarted, clock(), StepState.Succeeded, null, null)], null, publicReport);
            var json = SummaryJson(result, run.Request, run.Started);
            File.WriteAllText(Path.Combine(run.WorkDir, SummaryFile), json);
            if (Directory.Exists(Path.Combine(run.WorkDir, "reports")))
                File.WriteAllText(Path.Combine(run.WorkDir, "reports", "run-summary.json"), json);
            // Editions hook 3 of 3: staged meeting editions are renamed into <out>/editions/ (never replacing one) before the journal.
            Editions.MeetingEditions.PublishStaged(run.WorkDir, run.OutDir, PublishFileSystem, run.Resilience.FileIo);
            var items = Publisher.StandardItems.Append(SummaryFile)
                .Where(i => File.Exists(Path.Combine(run.WorkDir, i)) || Directory.Exists(Path.Combine(run.WorkDir, i)));
            Publisher.Publish(run.WorkDir, run.OutDir, items, new PublishOptions
            {
                RunId = run.RunId, FileIo = run.Resilience.FileIo, WithoutPrevious = [SummaryFile], RemoveWorkDir = true,
            }, PublishFileSystem);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException && !Faults.IsSimulatedCrash(e))
        {
            // Recorded like any other step, so the ledger names publish as the step that failed.
            run.Records.Add(new StepRecord(PipelineSteps.Publish, publishStarted, clock(), StepState.Failed, null, Describe(e)));
            throw new StepFailedException(PipelineSteps.Publish, e);
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

    /// <summary>Runs one step under its time limit and records how it went, in the ledger, the run's records and the observer.</summary>
    void RunStepRecorded(string name, RunStep step, ActiveRun run, RunLedger ledger, CancellationToken ct)
    {
        var (context, resilience, observer) = (run.Context!, run.Resilience, run.Observer);
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
            var record = new StepRecord(name, start, clock(), StepState.Succeeded, rows, message);
            ledger.Step(context.RunId, record);
            run.Records.Add(record);
            observer.StepFinished(record);
        }
        catch (Exception e) when (!Faults.IsSimulatedCrash(e))
        {
            if (e is OperationCanceledException && ct.IsCancellationRequested && !timedOut) throw;
            var atLimit = timedOut || e is Polly.Timeout.TimeoutRejectedException;
            // The timeout pipeline reports the limits it sees itself; an interrupted statement ends in DuckDB's own error.
            if (timedOut && e is not Polly.Timeout.TimeoutRejectedException && resilience.TimeLimit(name) is { } limit)
                resilience.ReportTimeout(name, limit);
            var why = atLimit
                ? $"stopped at its time limit of {Seconds(resilience, name)} s (timeouts.{name} in the pipeline file)"
                : Describe(e);
            var record = new StepRecord(name, start, clock(), StepState.Failed, null, why);
            run.Records.Add(record);
            observer.StepFinished(record);
            throw new StepFailedException(name, atLimit ? new TimeoutException(why, e) : e);
        }
    }

    static string Seconds(MonitorResilience resilience, string step) =>
        resilience.TimeLimit(step) is { } limit ? MonitorResilience.Seconds(limit) : "?";

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

    /// <summary>An empty WAL holds nothing to replay; left behind by a write that found the disk full, it is only litter.</summary>
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
    string RecordFailure(ActiveRun run, string message, RunState state)
    {
        var (publishedDb, workDir, workDb, runId) = (run.PublishedDb, run.WorkDir, run.WorkDb, run.RunId);
        var (request, started, records, ingest) = (run.Request, run.Started, run.Records, run.Ingest);
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
                    ledger.Finish(runId, state, clock(), ingest, message);
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

    /// <summary>Ends a run that publishes nothing: its work directory is removed and its last-run.json written.</summary>
    RunResult Finish(RunResult result, ActiveRun run)
    {
        try { if (Directory.Exists(run.WorkDir)) Directory.Delete(run.WorkDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return WriteSummary(run.OutDir, result, run.Request, run.Started);
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

    /// <summary>What one run knows about itself while it goes; read by the failure handling at whatever point the run stopped.</summary>
    sealed class ActiveRun(RunRequest request, IRunObserver observer, string runId, DateTimeOffset started, string outDir, MonitorResilience resilience)
    {
        public RunRequest Request { get; } = request;
        public IRunObserver Observer { get; } = observer;
        public string RunId { get; } = runId;
        public DateTimeOffset Started { get; } = started;
        public string OutDir { get; } = outDir;
        public MonitorResilience Resilience { get; } = resilience;
        public string PublishedDb { get; } = Path.Combine(outDir, "warehouse.duckdb");
        public string WorkDir { get; } = Publisher.WorkDirFor(outDir, runId);
        public string WorkDb => Path.Combine(WorkDir, "warehouse.duckdb");
        public List<StepRecord> Records { get; } = [];
        public RunContext? Context { get; set; }
        public IngestSummary? Ingest => Context?.Ingest;
    }

    /// <summary>What Prepare found: the input the steps work on.</summary>
    sealed record PreparedRun(ReferenceSet Reference, Discovery Discovery, IReadOnlyDictionary<string, string> Unsettled, DateOnly Today, string Fingerprint);

    sealed class NullObserver : IRunObserver;
}

public sealed class StepFailedException(string step, Exception inner) : Exception($"step {step} failed: {inner.Message}", inner)
{
    public string Step { get; } = step;
}
