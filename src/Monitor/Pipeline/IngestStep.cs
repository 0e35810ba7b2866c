// The ingest step: every file in the data directory is validated and, when new, stored with its outcome.
using Dapper;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Warehouse;
using Polly;

namespace Monitor.Pipeline;

public enum FileState { Loaded, Rejected, Unchanged, Deferred, Unreadable }

/// <summary>What one run did with one file, for the console, the ledger and the summary.</summary>
public sealed record FileOutcome(
    string Folder, string FileName, FileState State, int? ExtractId, string? Encoding,
    long RowsTotal, long RowsLoaded, long RowsQuarantined, string? Reason, IReadOnlyList<string> Warnings,
    /// <summary>For an unchanged file: the state its extract was stored with (loaded or rejected).</summary>
    string? StoredState = null)
{
    /// <summary>True when this file has something an analyst should look at: rejection, quarantined rows or warnings.</summary>
    public bool HasProblems => State is FileState.Rejected or FileState.Unreadable || StoredState == "rejected" || RowsQuarantined > 0;
}

public sealed record IngestSummary(IReadOnlyList<FileOutcome> Files)
{
    public int Loaded => Files.Count(f => f.State == FileState.Loaded);
    public int Rejected => Files.Count(f => f.State is FileState.Rejected or FileState.Unreadable);
    public int Unchanged => Files.Count(f => f.State == FileState.Unchanged);
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

    /// <summary>Loads the files into the warehouse; one file's failure never stops the others.</summary>
    public IngestSummary Run(WarehouseDb db, string runId, IReadOnlyList<DiscoveredFile> files, Action<FileOutcome>? progress = null,
        IReadOnlyDictionary<string, string>? deferred = null)
    {
        var store = new ExtractStore(db.Connection);
        var outcomes = new List<FileOutcome>(files.Count);
        foreach (var file in files)
        {
            var outcome = deferred is not null && deferred.TryGetValue(file.Path, out var why)
                ? new FileOutcome(file.Folder, file.FileName, FileState.Deferred, null, null, 0, 0, 0, $"{why}; left for the next run", [])
                : IngestOne(db, store, runId, file);
            db.Connection.Execute("INSERT INTO meta.run_files VALUES ($run_id, $file_name, $folder, $extract_id, $outcome, $reason)",
                new { run_id = runId, file_name = file.FileName, folder = file.Folder, extract_id = outcome.ExtractId, outcome = outcome.State.ToString().ToLowerInvariant(), reason = outcome.Reason });
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }
        return new IngestSummary(outcomes);
    }

    FileOutcome IngestOne(WarehouseDb db, ExtractStore store, string runId, DiscoveredFile file)
    {
        if (fastDetail && DetailLoader.Handles(file))
        {
            var fast = IngestDetail(db, runId, file);
            if (fast is not null) return fast;
        }
        byte[] bytes;
        try
        {
            bytes = (fileIo ?? ResiliencePipeline.Empty).Execute(() => File.ReadAllBytes(file.Path));
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
            validation = validator.Validate(file, bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A file the reader cannot make sense of must not stop the other files: it is rejected with what went wrong.
            validation = new ExtractValidation { File = file, FileError = $"could not be read as CSV: {e.Message}" };
        }
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

    static FileOutcome LoadOutcome(ExtractStore store, int extractId) => store.Describe(extractId);
}
