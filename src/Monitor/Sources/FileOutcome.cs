// What a run did with one extract file. Below both Sources/ (the loaders make it) and Warehouse/ (the extract store
// describes a stored file with it), so neither needs the pipeline to say what happened to a file.
namespace Monitor.Sources;

public enum FileState { Loaded, Rejected, Unchanged, Deferred, Unreadable, Ignored }

/// <summary>What one run did with one file, for the console, the ledger and the summary.</summary>
public sealed record FileOutcome(
    string Folder, string FileName, FileState State, int? ExtractId, string? Encoding,
    long RowsTotal, long RowsLoaded, long RowsQuarantined, string? Reason, IReadOnlyList<string> Warnings,
    /// <summary>For an unchanged file: the state its extract was stored with (loaded or rejected).</summary>
    string? StoredState = null)
{
    /// <summary>True when this file has something an analyst should look at: rejection, quarantined rows or warnings.</summary>
    public bool HasProblems => State is FileState.Rejected or FileState.Unreadable || StoredState == "rejected" || RowsQuarantined > 0;

    /// <summary>An entry of the data directory that is not read (see <see cref="ExtractDiscovery.DiscoverAll"/>): a warning only.</summary>
    public static FileOutcome IgnoredEntry(IgnoredEntry entry) =>
        new(entry.Folder, entry.Name, FileState.Ignored, null, null, 0, 0, 0, entry.Reason, []);
}
