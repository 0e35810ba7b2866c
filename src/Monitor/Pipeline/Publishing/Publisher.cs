// Publishing a finished run: moving the work directory's warehouse and artifacts into <out> by renames,
// with a journal so that a publish cut off half-way is completed by the next run instead of left mixed.
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Pipeline.Resilience;
using Polly;

namespace Monitor.Pipeline.Publishing;

/// <summary>What the caller tells the publisher besides the paths.</summary>
public sealed record PublishOptions
{
    /// <summary>A blocking data-quality check failed: nothing is published, whatever else is asked.</summary>
    public bool BlockedByChecks { get; init; }
    /// <summary>The run being published, for the journal and the log.</summary>
    public string? RunId { get; init; }
    public ILogger? Logger { get; init; }
    /// <summary>Retries each rename and copy on transient file-system errors (the "file-io" pipeline); none when null.</summary>
    public ResiliencePipeline? FileIo { get; init; }
    /// <summary>Items whose replaced version is not kept as .previous (run summaries such as last-run.json).</summary>
    public IReadOnlyCollection<string> WithoutPrevious { get; init; } = [];
    /// <summary>
    /// Remove the (by then empty) work directory as part of the publish, before the journal is removed: a crash
    /// after the renames then never leaves a work directory that looks like a run that ended without publishing.
    /// </summary>
    public bool RemoveWorkDir { get; init; }
}

public sealed record PublishResult(bool Published, IReadOnlyList<string> Items, string? Reason)
{
    public static PublishResult NotPublished(string reason) => new(false, [], reason);
}

/// <summary>What <see cref="Publisher.Recover"/> found and did.</summary>
/// <param name="CompletedPublish">The run id (or "unknown") of an interrupted publish that was rolled forward; null if none.</param>
/// <param name="Removed">Leftovers removed: work directories of runs that never published, staging and trash folders.</param>
public sealed record RecoveryResult(string? CompletedPublish, IReadOnlyList<string> Removed);

public enum PublishFailure { DiskFull, PermissionDenied, Other }

/// <summary>Publishing failed. The message says what was kept and what to do; nothing published is ever lost.</summary>
public sealed class PublishException(string message, PublishFailure failure, bool interrupted, Exception inner) : Exception(message, inner)
{
    public PublishFailure Failure { get; } = failure;
    /// <summary>The renames had started: the journal is left and <see cref="Publisher.Recover"/> (the next run) completes them.</summary>
    public bool Interrupted { get; } = interrupted;
}

/// <summary>
/// Replaces the published warehouse and artifact folders of an output directory with those of a run's work
/// directory. Every item appears by a rename on the same file system, so nothing half-written is ever visible.
/// Before the first rename a journal lists them all; if the process dies in between, <see cref="Recover"/> (called
/// at the start of the next run, under the run lock) completes the publish. The item replaced is kept beside the
/// new one as its previous version (warehouse.previous.duckdb, reports.previous/).
/// </summary>
public static class Publisher
{
    public const string WorkFolder = ".work";
    public const string PublishFolder = ".publish";
    public const string JournalFile = "journal.json";

    /// <summary>What a complete run publishes (exports/ and site/ only when their steps ran).</summary>
    public static readonly IReadOnlyList<string> StandardItems = ["warehouse.duckdb", "reports", "exports", "site"];

    /// <summary>&lt;out&gt;/.work/&lt;runId&gt;: a run's private directory, on the same file system as what it publishes to.</summary>
    public static string WorkDirFor(string outDir, string runId) => Path.Combine(Path.GetFullPath(outDir), WorkFolder, runId);

    /// <summary>The name the replaced version of an item is kept under: warehouse.previous.duckdb, reports.previous.</summary>
    public static string PreviousName(string item)
    {
        var ext = Path.GetExtension(item);
        return ext.Length == 0 ? item + ".previous" : Path.GetFileNameWithoutExtension(item) + ".previous" + ext;
    }

    public static PublishResult Publish(string workDir, string outDir, IEnumerable<string> items, PublishOptions? options = null) =>
        Publish(workDir, outDir, items, options ?? new PublishOptions(), PublishFileSystem.Real);

    /// <summary>
    /// Completes a publish that was cut off (journal present) and removes what unfinished runs left behind.
    /// Call it under the run lock, before the new run creates its work directory.
    /// </summary>
    public static RecoveryResult Recover(string outDir, ILogger? logger = null) => Recover(outDir, logger ?? NullLogger.Instance, PublishFileSystem.Real);

    internal static PublishResult Publish(string workDir, string outDir, IEnumerable<string> items, PublishOptions options, IPublishFileSystem fs)
    {
        var log = options.Logger ?? NullLogger.Instance;
        var itemList = items.ToList();
        if (options.BlockedByChecks)
        {
            log.LogWarning("Not publishing run {RunId}: a blocking check failed; {OutDir} keeps the previously published warehouse and reports",
                options.RunId ?? "?", outDir);
            return PublishResult.NotPublished("blocked by checks");
        }

        workDir = Path.GetFullPath(workDir);
        outDir = Path.GetFullPath(outDir);
        var publishDir = Path.Combine(outDir, PublishFolder);
        var journalPath = Path.Combine(publishDir, JournalFile);
        if (File.Exists(journalPath))
            throw new InvalidOperationException($"an earlier publish into {outDir} was interrupted ({journalPath} exists); call Publisher.Recover before publishing again");
        CheckItems(workDir, itemList);

        var retry = options.FileIo ?? ResiliencePipeline.Empty;
        var stage = "preparing";
        var journalWritten = false;
        try
        {
            // Without a journal nothing in .publish/ is needed: it is what an earlier failed attempt copied.
            if (Directory.Exists(publishDir)) fs.DeleteDirectory(publishDir);
            Directory.CreateDirectory(publishDir);
            var entries = new List<JournalEntry>();
            // Staging is the only part that copies (and so can run out of space); it happens before the journal,
            // so a failure here leaves the published set untouched.
            var sourceRoot = IsUnder(workDir, outDir) ? workDir : Path.Combine(publishDir, "incoming");
            foreach (var item in itemList)
            {
                var source = Path.Combine(workDir, item);
                var isDirectory = Directory.Exists(source);
                var staged = Path.Combine(sourceRoot, item);
                if (sourceRoot != workDir)
                {
                    stage = $"copying {source} next to {outDir}";
                    retry.Execute(() => fs.Copy(source, staged, isDirectory));
                }
                var target = Path.Combine(outDir, item);
                var previous = Path.Combine(outDir, PreviousName(item));
                string? keep = null;
                if (!isDirectory && File.Exists(target) && !options.WithoutPrevious.Contains(item))
                {
                    // A file can be swapped in one atomic rename, but then the old one is gone; a copy keeps it.
                    keep = Path.Combine(publishDir, item + ".previous.tmp");
                    stage = $"keeping a copy of {target} as {previous}";
                    retry.Execute(() => fs.Copy(target, keep, false));
                }
                if (isDirectory ? File.Exists(target) : Directory.Exists(target))
                    throw new InvalidOperationException($"cannot publish {item}: {target} is a {(isDirectory ? "file" : "directory")} where a {(isDirectory ? "directory" : "file")} is expected");
                entries.Add(new JournalEntry(item, isDirectory ? "directory" : "file", staged, target, previous, keep,
                    isDirectory ? Path.Combine(publishDir, "trash", item) : null));
            }

            stage = $"writing the publish journal {journalPath}";
            var journal = new Journal(options.RunId, DateTimeOffset.UtcNow, entries, options.RemoveWorkDir && IsUnder(workDir, outDir) ? workDir : null);
            fs.WriteDurably(journalPath, JsonSerializer.SerializeToUtf8Bytes(journal, JournalJson));
            journalWritten = true;

            stage = "moving the new files into place";
            foreach (var entry in entries)
                retry.Execute(() => Apply(entry, fs));
            if (journal.WorkDir is { } done)
            {
                stage = $"removing the work directory {done}";
                retry.Execute(() => fs.DeleteDirectory(done));
            }
            stage = $"removing the publish journal {journalPath}";
            retry.Execute(() => fs.DeleteFile(journalPath));
            try
            {
                Cleanup(outDir, fs, log, removeWork: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The publish is complete once the journal is gone; what is left is only trash.
                log.LogWarning("Published, but could not remove what publishing left in {PublishDir} ({Error}); the next run removes it", publishDir, e.Message);
            }
            log.LogInformation("Published run {RunId} into {OutDir}: {Items}", options.RunId ?? "?", outDir, string.Join(", ", itemList));
            return new PublishResult(true, itemList, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!journalWritten)
                TryDiscardStaging(publishDir, fs);
            var state = journalWritten
                ? $"the publish had started: the journal {journalPath} lists what is left to do, and the next run completes it before anything else (until then some items may still be the previous version)"
                : $"the published set in {outDir} is unchanged and the new results are still in {workDir}";
            throw Describe(e, stage, outDir, state, journalWritten);
        }
    }

    internal static RecoveryResult Recover(string outDir, ILogger log, IPublishFileSystem fs)
    {
        outDir = Path.GetFullPath(outDir);
        var publishDir = Path.Combine(outDir, PublishFolder);
        var journalPath = Path.Combine(publishDir, JournalFile);
        string? completed = null;
        try
        {
            if (File.Exists(journalPath))
            {
                var journal = JsonSerializer.Deserialize<Journal>(File.ReadAllBytes(journalPath), JournalJson)
                    ?? throw new InvalidDataException($"{journalPath} is empty");
                completed = journal.RunId ?? "unknown";
                log.LogWarning("Completing the publish of run {RunId} (started {StartedAt:u}) that was interrupted: {Items}",
                    completed, journal.StartedAt, string.Join(", ", journal.Entries.Select(e => e.Item)));
                foreach (var entry in journal.Entries)
                {
                    if (!Exists(entry.Source) && !Exists(entry.Target))
                        log.LogError("Cannot complete publishing {Item}: neither the new version ({Source}) nor the published one ({Target}) exists",
                            entry.Item, entry.Source, entry.Target);
                    else
                        Apply(entry, fs);
                }
                // The run's work directory belongs to the publish: removed here, it is not taken for a run that never published.
                if (journal.WorkDir is { } work && Directory.Exists(work)) fs.DeleteDirectory(work);
            }
            var removed = Cleanup(outDir, fs, log, removeWork: true);
            return new RecoveryResult(completed, removed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Describe(e, "completing an interrupted publish", outDir,
                $"the journal {journalPath} is kept and the next run tries again", interrupted: true);
        }
        catch (JsonException e)
        {
            throw new PublishException(
                $"the publish journal {journalPath} is unreadable ({e.Message}), so an interrupted publish cannot be completed automatically. " +
                $"Nothing was deleted. Compare the items in {outDir} with their .previous versions and the work directories in {Path.Combine(outDir, WorkFolder)}, " +
                "put the intended version in place, then remove the journal.", PublishFailure.Other, interrupted: true, e);
        }
    }

    /// <summary>Brings one item to its published state. Idempotent, so a crash at any point is repaired by running it again.</summary>
    static void Apply(JournalEntry entry, IPublishFileSystem fs)
    {
        if (entry.Kind == "file")
        {
            if (!File.Exists(entry.Source)) return;
            if (entry.KeepCopy is { } keep && File.Exists(keep))
                fs.MoveFile(keep, entry.Previous);
            fs.MoveFile(entry.Source, entry.Target);
            return;
        }

        if (!Directory.Exists(entry.Source)) return;
        if (Directory.Exists(entry.Target))
        {
            if (Directory.Exists(entry.Previous))
            {
                if (Directory.Exists(entry.Trash!)) fs.DeleteDirectory(entry.Trash!);
                Directory.CreateDirectory(Path.GetDirectoryName(entry.Trash!)!);
                fs.MoveDirectory(entry.Previous, entry.Trash!);
            }
            fs.MoveDirectory(entry.Target, entry.Previous);
        }
        fs.MoveDirectory(entry.Source, entry.Target);
    }

    /// <summary>Removes the journal first (from then on the publish counts as done), then whatever publishing and unfinished runs left.</summary>
    static List<string> Cleanup(string outDir, IPublishFileSystem fs, ILogger log, bool removeWork)
    {
        var removed = new List<string>();
        var publishDir = Path.Combine(outDir, PublishFolder);
        var journalPath = Path.Combine(publishDir, JournalFile);
        if (File.Exists(journalPath)) fs.DeleteFile(journalPath);
        if (Directory.Exists(publishDir))
        {
            foreach (var leftover in Directory.EnumerateFileSystemEntries(publishDir).ToList())
            {
                if (Directory.Exists(leftover)) fs.DeleteDirectory(leftover); else fs.DeleteFile(leftover);
                removed.Add(leftover);
            }
            fs.DeleteDirectory(publishDir);
        }
        var workRoot = Path.Combine(outDir, WorkFolder);
        if (removeWork && Directory.Exists(workRoot))
        {
            foreach (var dir in Directory.EnumerateDirectories(workRoot).ToList())
            {
                log.LogWarning("Removing the work directory of run {RunId}, which ended without publishing: {WorkDir}", Path.GetFileName(dir), dir);
                fs.DeleteDirectory(dir);
                removed.Add(dir);
            }
        }
        return removed;
    }

    static void TryDiscardStaging(string publishDir, IPublishFileSystem fs)
    {
        try
        {
            if (Directory.Exists(publishDir)) fs.DeleteDirectory(publishDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only copies live there before the journal exists; Recover removes them next time.
        }
    }

    static void CheckItems(string workDir, List<string> items)
    {
        if (items.Count == 0) throw new ArgumentException("nothing to publish: no items given", nameof(items));
        foreach (var item in items)
        {
            if (item.Length == 0 || item.StartsWith('.') || item.IndexOfAny(['/', '\\']) >= 0)
                throw new ArgumentException($"'{item}' is not a publishable item: give names directly inside the work directory, such as warehouse.duckdb or reports", nameof(items));
            var path = Path.Combine(workDir, item);
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new ArgumentException($"nothing to publish for '{item}': {path} does not exist", nameof(items));
            if (File.Exists(path + ".wal"))
                throw new InvalidOperationException($"{path}.wal exists: the warehouse connection was not closed before publishing, so {item} may be incomplete; close (checkpoint) it first");
        }
        if (items.Distinct(StringComparer.Ordinal).Count() != items.Count)
            throw new ArgumentException($"an item is listed twice: {string.Join(", ", items)}", nameof(items));
    }

    static PublishException Describe(Exception e, string stage, string outDir, string state, bool interrupted)
    {
        var (failure, what, todo) = e switch
        {
            UnauthorizedAccessException => (PublishFailure.PermissionDenied, "permission denied",
                $"give the user that runs the monitor write access to {outDir} and its contents, then run again"),
            IOException io when IoErrors.IsDiskFull(io) => (PublishFailure.DiskFull, "the disk is full",
                $"free space on the disk that holds {outDir} (the publish needs room for a copy of the warehouse), then run again"),
            _ => (PublishFailure.Other, e.Message, "fix the cause and run again"),
        };
        return new PublishException($"publishing into {outDir} failed while {stage}: {what} ({e.Message}). Nothing was lost: {state}. To do: {todo}.",
            failure, interrupted, e);
    }

    static bool IsUnder(string path, string root) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    static readonly JsonSerializerOptions JournalJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <param name="WorkDir">The run's work directory, removed as the last step of the publish (null: left to the caller).</param>
    sealed record Journal(string? RunId, DateTimeOffset StartedAt, List<JournalEntry> Entries, string? WorkDir = null);

    /// <param name="KeepCopy">For a file: the copy of the replaced version, renamed to Previous just before the swap.</param>
    /// <param name="Trash">For a directory: where the version before Previous goes until the publish is done.</param>
    sealed record JournalEntry(string Item, string Kind, string Source, string Target, string Previous, string? KeepCopy, string? Trash);
}
