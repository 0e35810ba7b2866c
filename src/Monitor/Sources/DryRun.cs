using Monitor.Sources.Detail;

namespace Monitor.Sources;

/// <summary>One file's outcome in a dry run; <see cref="ValidRows"/> counts the rows a run would load.</summary>
public sealed record DryRunFile(ExtractValidation Validation, long ValidRows);

/// <summary>
/// Everything `monitor validate` found: each extract file's outcome, the entries of the data directory a run would pass
/// over (ignored, with the reason), the target-register rows a run would quarantine, and which copy of each reference
/// file it would use.
/// </summary>
public sealed record DryRunReport(
    IReadOnlyList<DryRunFile> Files, IReadOnlyList<IgnoredEntry> Ignored, IReadOnlyList<QuarantinedRow> RegisterErrors,
    IReadOnlyList<ReferenceFile> ReferenceFiles)
{
    /// <summary>True when a run would reject a file or quarantine a row (of an extract or of the target register).</summary>
    public bool HasProblems => RegisterErrors.Count > 0 || Files.Any(f => f.Validation.Rejected || f.Validation.Quarantine.Count > 0);
}

/// <summary>The checks of a run without a warehouse: what `monitor validate` does.</summary>
public static class DryRun
{
    /// <summary>
    /// Validates every extract of <paramref name="dataDir"/> as a run would. Memory stays flat over large deliveries:
    /// the valid rows of a file are counted and dropped, and vacancy-level files go through the streaming detail
    /// validator (the one the run uses), on all cores, its valid rows counted and dropped.
    /// </summary>
    public static IReadOnlyList<DryRunFile> Validate(string dataDir, double badRowThreshold) =>
        ValidateAll(dataDir, badRowThreshold, today: null).Files;

    /// <summary>
    /// <see cref="Validate"/>, plus what else a run on <paramref name="today"/> would report: ignored entries, files
    /// rejected because their vintage lies after that day (when a day is given), and target-register rows in quarantine.
    /// </summary>
    public static DryRunReport ValidateAll(string dataDir, double badRowThreshold, DateOnly? today)
    {
        var reference = ReferenceLoader.Load(dataDir);
        var discovery = ExtractDiscovery.DiscoverAll(dataDir);
        var validator = new ExtractValidator(reference.Data, badRowThreshold);
        var results = new List<DryRunFile>();
        foreach (var file in discovery.Files)
        {
            if (file.FutureVintage(today) is { } future)
            {
                results.Add(new DryRunFile(new ExtractValidation { File = file, FileError = future }, 0));
                continue;
            }
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
        return new DryRunReport(results, discovery.Ignored, reference.RegisterErrors, reference.Files);
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
