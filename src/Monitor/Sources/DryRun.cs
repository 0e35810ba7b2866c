using Monitor.Sources.Detail;

namespace Monitor.Sources;

/// <summary>One file's outcome in a dry run; <see cref="ValidRows"/> counts the rows a run would load.</summary>
public sealed record DryRunFile(ExtractValidation Validation, long ValidRows);

/// <summary>The checks of a run without a warehouse: what `monitor validate` does.</summary>
public static class DryRun
{
    /// <summary>
    /// Validates every extract of <paramref name="dataDir"/> as a run would. Memory stays flat over large deliveries:
    /// the valid rows of a file are counted and dropped, and vacancy-level files go through the streaming detail
    /// validator (the one the run uses), on all cores, its valid rows counted and dropped.
    /// </summary>
    public static IReadOnlyList<DryRunFile> Validate(string dataDir, double badRowThreshold)
    {
        var reference = ReferenceLoader.Load(dataDir);
        var validator = new ExtractValidator(reference.Data, badRowThreshold);
        var results = new List<DryRunFile>();
        foreach (var file in ExtractDiscovery.Discover(dataDir))
        {
            // Never opened: a named pipe or a device would make validate wait or read forever.
            if (file.Unreadable is { } notRegular)
            {
                results.Add(new DryRunFile(new ExtractValidation { File = file, FileError = $"cannot read {file.Path}: {notRegular}" }, 0));
                continue;
            }
            try
            {
                results.Add((DetailLoader.Handles(file) ? ValidateDetail(file, reference.Data, badRowThreshold) : null)
                            ?? Generic(validator, file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                results.Add(new DryRunFile(new ExtractValidation { File = file, FileError = $"cannot read {file.Path}: {e.Message}" }, 0));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // As the run does: a file the reader cannot make sense of is that file's outcome, never a stack trace.
                results.Add(new DryRunFile(new ExtractValidation { File = file, FileError = $"could not be read as CSV: {ControlText.Escape(e.Message)}" }, 0));
            }
        }
        return results;
    }

    static DryRunFile Generic(ExtractValidator validator, DiscoveredFile file)
    {
        var validation = validator.Validate(file);
        var valid = validation.Rejected ? 0 : validation.Rows.Count;
        validation.Rows.Clear();
        return new DryRunFile(validation, valid);
    }

    /// <summary>The streaming validator's verdict, or null when the file's shape needs the generic validator.</summary>
    static DryRunFile? ValidateDetail(DiscoveredFile file, Domain.ReferenceData reference, double badRowThreshold)
    {
        var facts = DetailFileScan.Scan(file.Path);
        var temp = Directory.CreateTempSubdirectory("monitor-validate-");
        try
        {
            using var validator = new DetailValidator(reference, badRowThreshold, file, facts, temp.FullName);
            var detail = validator.Run(Environment.ProcessorCount, () => DetailLoader.NoRows.Instance);
            if (detail.FallbackReason is not null) return null;
            return new DryRunFile(detail.Result, detail.Result.Rejected ? 0 : detail.RowsToLoad);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
