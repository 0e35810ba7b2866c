// The ingest step: every file in the data directory is validated and, when new, stored with its outcome.
using Dapper;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Warehouse;
using Polly;

namespace Monitor.Pipeline;

public sealed record IngestSummary(IReadOnlyList<FileOutcome> Files)
{
    public int Loaded => Files.Count(f => f.State == FileState.Loaded);
    public int Rejected => Files.Count(f => f.State is FileState.Rejected or FileState.Unreadable);
    public int Unchanged => Files.Count(f => f.State == FileState.Unchanged);
    public int Ignored => Files.Count(f => f.State == FileState.Ignored);
    public long RowsLoaded => Files.Where(f => f.State == FileState.Loaded).Sum(f => f.RowsLoaded);
    public long RowsQuarantined => Files.Where(f => f.State is FileState.Loaded or FileState.Rejected).Sum(f => f.RowsQuarantined);
    /// <summary>Rows of the target register reference/doelen.csv that were quarantined (not applied).</summary>
    public long RegisterRowsQuarantined { get; init; }
    public bool HasProblems => Files.Any(f => f.HasProblems) || RegisterRowsQuarantined > 0;
}

/// <param name="fastDetail">Vacancy-level files go to <see cref="DetailLoader"/>; false reads them with the generic path (tests compare the two).</param>
/// <param name="fileIo">Retries reading an extract another process holds locked (the file-io pipeline); no retry when null.</param>
public sealed class IngestStep(ExtractValidator validator, Func<DateTimeOffset> clock, ResiliencePipeline? fileIo = null, bool fastDetail = true)
{
    readonly DetailLoader detail = new(validator.Reference, validator.BadRowThreshold);

    /// <summary>
    /// The ingest step of a run (registered with every <see cref="PipelineRunner"/>): the reference data and the
    /// target register are written first, then every extract the run discovered is loaded, rejected or left for later.
    /// </summary>
    public static (long? Rows, string? Message) RunInPipeline(RunContext ctx, CancellationToken cancellationToken)
    {
        RegisterOutcome register;
        using (var tx = ctx.Db.Connection.BeginTransaction())
        {
            ReferenceLoader.Write(ctx.Db.Connection, ctx.Reference.Data);
            register = ReferenceLedger.Record(ctx.Db.Connection, ctx.RunId, ctx.Reference);
            tx.Commit();
        }
        ctx.Observer.Info(ReferenceLedger.Describe(ctx.Reference, register));
        var validator = new ExtractValidator(ctx.Reference.Data, ctx.Request.BadRowThreshold);
        try
        {
            var summary = new IngestStep(validator, ctx.Clock, ctx.Resilience.FileIo)
                .Run(ctx.Db, ctx.RunId, ctx.Discovery.Files, ctx.Observer.FileProcessed, ctx.Unsettled, ctx.Discovery.Ignored, ctx.Today, cancellationToken);
            ctx.Ingest = summary with { RegisterRowsQuarantined = register.RowsQuarantined };
        }
        finally
        {
            // What was seen before a failure still goes into last-run.json and the published ledger.
            ctx.Ingest ??= Recorded(ctx.Db, ctx.RunId);
        }
        var ingest = ctx.Ingest!;
        var ignored = ingest.Ignored == 0 ? "" : $", {ingest.Ignored} ignored";
        return (ingest.RowsLoaded, $"{ingest.Loaded} loaded, {ingest.Unchanged} unchanged, {ingest.Rejected} rejected, {ingest.RowsQuarantined} rows quarantined{ignored}; " +
                                   $"target register {register.RowsApplied} of {register.RowsTotal} rows applied, {register.RowsQuarantined} quarantined");
    }

    /// <summary>The file outcomes ingest recorded before it failed, from the run's meta.run_files; null when they cannot be read.</summary>
    static IngestSummary? Recorded(WarehouseDb db, string runId)
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

    /// <summary>
    /// Loads the files into the warehouse; one file's failure never stops the others. <paramref name="ignored"/> entries
    /// are recorded (outcome ignored) and not read. A file whose vintage lies after <paramref name="today"/> is rejected
    /// without being read or stored, so the run on or after its publication date reads it as new.
    /// The token is checked between files and while a file is read, so a step time limit stops ingest.
    /// </summary>
    public IngestSummary Run(WarehouseDb db, string runId, IReadOnlyList<DiscoveredFile> files, Action<FileOutcome>? progress = null,
        IReadOnlyDictionary<string, string>? deferred = null, IReadOnlyList<IgnoredEntry>? ignored = null, DateOnly? today = null,
        CancellationToken cancellationToken = default)
    {
        var store = new ExtractStore(db.Connection);
        var outcomes = new List<FileOutcome>(files.Count);
        void Record(FileOutcome outcome)
        {
            db.Connection.Execute("INSERT INTO meta.run_files VALUES ($run_id, $file_name, $folder, $extract_id, $outcome, $reason)",
                new { run_id = runId, file_name = outcome.FileName, folder = outcome.Folder, extract_id = outcome.ExtractId, outcome = outcome.State.ToString().ToLowerInvariant(), reason = outcome.Reason });
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }
        foreach (var entry in ignored ?? []) Record(FileOutcome.IgnoredEntry(entry));
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Record(deferred is not null && deferred.TryGetValue(file.Path, out var why)
                ? new FileOutcome(file.Folder, file.FileName, FileState.Deferred, null, null, 0, 0, 0, $"{why}; left for the next run", [])
                : IngestOne(db, store, runId, file, today, cancellationToken));
        }
        return new IngestSummary(outcomes);
    }

    FileOutcome IngestOne(WarehouseDb db, ExtractStore store, string runId, DiscoveredFile file, DateOnly? today, CancellationToken ct)
    {
        if (file.Unreadable is { } notRegular)
            return new FileOutcome(file.Folder, file.FileName, FileState.Unreadable, null, null, 0, 0, 0, $"cannot read {file.Path}: {notRegular}", []);
        if (file.FutureVintage(today) is { } future)
            return new FileOutcome(file.Folder, file.FileName, FileState.Rejected, null, null, 0, 0, 0, future, []);
        string? fastPathDeclined = null;
        if (fastDetail && DetailLoader.Handles(file))
        {
            var fast = IngestDetail(db, runId, file);
            if (fast is not null) return fast;
            fastPathDeclined = detail.LastFallbackReason;
        }
        byte[] bytes;
        try
        {
            bytes = (fileIo ?? ResiliencePipeline.Empty).Execute(token => ReadAll(file.Path, token), ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still locked after the retries, or not readable at all: a problem of this file, never of the run.
            return new FileOutcome(file.Folder, file.FileName, FileState.Unreadable, null, null, 0, 0, 0, $"cannot read {file.Path}: {e.Message}; the next run tries again", []);
        }

        var sha = ExtractStore.Sha256Of(bytes);
        if (store.FindSame(file.FileName, sha) is { } known)
        {
            var stored = LoadOutcome(store, known.ExtractId);
            return stored with { State = FileState.Unchanged, FileName = file.FileName, Folder = file.Folder, StoredState = known.State };
        }

        ExtractValidation validation;
        try
        {
            validation = validator.Validate(file, bytes, ct);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A file the reader cannot make sense of must not stop the other files: it is rejected with what went wrong.
            validation = new ExtractValidation { File = file, FileError = $"could not be read as CSV: {e.Message}" };
        }
        // Why a vacancy-level file took the general reader (slower, same rules) is kept with the extract and shown by the run.
        if (fastPathDeclined is not null)
            validation.Warnings.Add($"read by the general reader instead of the vacancy-level fast path: {fastPathDeclined}");
        if (!validation.Rejected && store.FindLoadedByName(file.FileName) is { } earlier)
        {
            // Same name, other bytes: the vintage was already published. A correction must come as a new vintage,
            // or the warehouse could no longer say which figures a report was built on.
            validation.Rows.Clear();
            validation.FileError = earlier.ReplacedError;
        }
        var id = store.Store(validation, sha, bytes.LongLength, runId, clock());
        return new FileOutcome(file.Folder, file.FileName, validation.Rejected ? FileState.Rejected : FileState.Loaded, id, validation.Encoding,
            validation.RowsTotal, validation.Rejected ? 0 : validation.Rows.Count, validation.RowsQuarantined, validation.FileError, validation.Warnings);
    }

    /// <summary>
    /// The fast path, with the same retries for a locked file as the generic one: the file is first opened under the
    /// file-io retry pipeline (a lock another process holds makes that fail), then read by the loader.
    /// </summary>
    FileOutcome? IngestDetail(WarehouseDb db, string runId, DiscoveredFile file)
    {
        try
        {
            (fileIo ?? ResiliencePipeline.Empty).Execute(() =>
            {
                using var probe = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(file.Folder, file.FileName, FileState.Unreadable, null, null, 0, 0, 0,
                $"cannot read {file.Path}: {e.Message}; the next run tries again", []);
        }
        return detail.TryIngest(db, runId, file, clock());
    }

    /// <summary>Reads a whole file in blocks, checking the token between them (File.ReadAllBytes cannot be stopped).</summary>
    static byte[] ReadAll(string path, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : 0);
        var block = new byte[1 << 20];
        int read;
        while ((read = stream.Read(block, 0, block.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            buffer.Write(block, 0, read);
        }
        return buffer.ToArray();
    }

    static FileOutcome LoadOutcome(ExtractStore store, int extractId) => store.Describe(extractId);
}
