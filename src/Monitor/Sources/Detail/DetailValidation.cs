// The outcome of a detail file's validation by DetailValidator.
namespace Monitor.Sources.Detail;

/// <summary>
/// The outcome of a detail file's validation. <see cref="Result"/> holds what the generic validator would hold except
/// the valid rows, which went to the row writers as they were read. When <see cref="FallbackReason"/> is set the file
/// has a shape this reader does not handle; nothing was decided and the generic validator must read it (the counts
/// are then those of whatever the cursors had read, and mean nothing).
/// </summary>
public sealed class DetailValidation
{
    public required ExtractValidation Result { get; init; }
    /// <summary>Rows written to the row writers, including those that repeat an earlier key.</summary>
    public long RowsWritten { get; set; }
    /// <summary>Rows to load: written minus the duplicates.</summary>
    public long RowsToLoad => RowsWritten - DuplicateLines.Count;
    public string? FallbackReason { get; set; }
    /// <summary>Records that were not plain canonical values and went through <see cref="CellParser"/> one by one.</summary>
    public long SlowRecords { get; set; }
    /// <summary>Lines whose rows were written but repeat an earlier key: the loader takes them out again.</summary>
    public List<long> DuplicateLines { get; } = [];
}
