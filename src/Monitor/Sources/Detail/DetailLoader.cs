// Ingestion of uwv_vacatures_detail files (tens of millions of rows): the ingest step hands them here.
using System.Diagnostics;
using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Monitor.Domain;
using Monitor.Warehouse;

namespace Monitor.Sources.Detail;

/// <summary>
/// Loads a detail extract with the outcome the generic path (<see cref="ExtractValidator"/> + <see cref="ExtractStore"/>)
/// would give — same extract row, raw rows, quarantine and warnings — in a fraction of the time and memory:
/// one pass computes the sha256 (an unchanged file stops there) and the line count at every block boundary; then one
/// <c>INSERT … SELECT … FROM monitor_detail_scan(…)</c> (<see cref="DetailScanFunction"/>) has DuckDB's threads read
/// the blocks through <see cref="DetailValidator"/> and store the valid rows as they come. Duplicates and the bad-row
/// threshold are known only at the end: duplicates are deleted again and a rejected file rolled back. Files of a shape
/// the validator does not handle (bare carriage returns, a UTF-8 byte order mark before other bytes, UTF-16, a quoted
/// header) and a contract whose rules the fast path does not implement exactly (<see cref="DetailValidator.Unsupported"/>)
/// return null: the generic path, the reference, reads them.
/// </summary>
public sealed class DetailLoader(ReferenceData reference, double badRowThreshold)
{
    /// <summary>DuckDB's memory while inserting; with the validator's key log this keeps a 10-million-row load well under 1.5 GB.</summary>
    public const string MemoryLimit = "768MB";

    public static bool Handles(DiscoveredFile file) => DetailValidator.Handles(file);

    /// <summary>Receives one line per phase with its duration (the benchmark prints them).</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>For tests: the size of the blocks the file is read in (small blocks make many cursors meet many edges).</summary>
    internal int BlockSize { get; init; } = DetailFileScan.DefaultBlockSize;

    /// <summary>Why the last file went to the generic path, or null when the fast path took it.</summary>
    public string? LastFallbackReason { get; private set; }

    /// <summary>The outcome for <paramref name="file"/>, or null when the generic path must read it.</summary>
    public FileOutcome? TryIngest(WarehouseDb db, string runId, DiscoveredFile file, DateTimeOffset now)
    {
        LastFallbackReason = null;
        var clock = Stopwatch.StartNew();
        var store = new ExtractStore(db.Connection);
        try
        {
            var facts = DetailFileScan.Scan(file.Path, BlockSize);
            Step(clock, $"sha256 and scan of {facts.Bytes:N0} bytes");
            if (store.FindSame(file.FileName, facts.Sha256) is { } known)
                return store.Describe(known.ExtractId) with { State = FileState.Unchanged, FileName = file.FileName, Folder = file.Folder, StoredState = known.State };

            var tempDir = Path.GetDirectoryName(Path.GetFullPath(db.Path)) ?? Path.GetTempPath();
            using var validator = new DetailValidator(reference, badRowThreshold, file, facts, tempDir);
            DetailValidation? detail = null;
            var earlier = store.FindLoadedByName(file.FileName);
            if (!validator.Ready || earlier is not null)
            {
                // Nothing will be loaded (an unusable header, or a file that may not replace the one loaded under its
                // name): validate only, for the counts and the quarantine the record keeps.
                detail = validator.Run(Environment.ProcessorCount, () => NoRows.Instance);
                if (detail.FallbackReason is { } early) { LastFallbackReason = early; return null; }
                if (!detail.Result.Rejected && earlier is not null)
                {
                    // Same rule as the generic path: a published vintage is never replaced under the same name.
                    detail.Result.FileError = earlier.ReplacedError;
                }
            }

            using var settings = new InsertSettings(db.Connection);
            var id = store.StoreLoadedFirst((connection, extractId) =>
            {
                if (detail is not null) return (detail.Result, 0);
                var inserted = Insert(connection, validator, extractId, file.Vintage!.Value.Date);
                Step(clock, $"validated and inserted {inserted:N0} rows");
                detail = validator.Finish();
                Step(clock, $"{detail.Result.RowsTotal:N0} records ({detail.SlowRecords:N0} through the cell parser), {detail.DuplicateLines.Count:N0} duplicates, {detail.Result.RowsQuarantined:N0} quarantined");
                if (detail.FallbackReason is not null || detail.Result.Rejected) return detail.FallbackReason is null ? (detail.Result, 0) : null;
                if (detail.DuplicateLines.Count > 0) DeleteLines(connection, extractId, detail.DuplicateLines);
                return (detail.Result, detail.RowsToLoad);
            }, facts.Sha256, facts.Bytes, runId, now);
            if (id is null)
            {
                LastFallbackReason = detail!.FallbackReason;
                return null;
            }
            var validation = detail!.Result;
            var loaded = validation.Rejected ? 0 : detail.RowsToLoad;
            Step(clock, $"stored extract {id}: {loaded:N0} rows into raw.uwv_vacatures_detail");
            return new FileOutcome(file.Folder, file.FileName, validation.Rejected ? FileState.Rejected : FileState.Loaded, id, validation.Encoding,
                validation.RowsTotal, loaded, validation.RowsQuarantined, validation.FileError, validation.Warnings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(file.Folder, file.FileName, FileState.Unreadable, null, null, 0, 0, 0, $"cannot read {file.Path}: {e.Message}", []);
        }
    }

    /// <summary>One INSERT whose source is the validator itself, on DuckDB's threads (<see cref="DetailScanFunction"/>).</summary>
    static long Insert(DuckDBConnection connection, DetailValidator validator, int extractId, DateOnly vintage) =>
        DetailScanFunction.Run(connection, validator, $"""
            INSERT INTO raw.uwv_vacatures_detail
                (extract_id, vintage, line_number, vacature_id, datum_ontstaan, datum_vervuld, beroepsklasse, arbeidsmarktregio, aantal_posities)
            SELECT {extractId}, DATE '{vintage.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}', line, vacature_id, datum_ontstaan, datum_vervuld,
                   beroepsklasse, arbeidsmarktregio, aantal_posities
            FROM {"{scan}"}
            """);

    /// <summary>
    /// The connection's settings for the load, set before its transaction and put back after it (a failed statement
    /// leaves a transaction in which nothing more runs). Insertion order is not kept: the line numbers are in the data,
    /// and unordered each thread fills whole row groups (kept in order, partly filled groups at every hand-over are
    /// merged and rewritten by the next CHECKPOINT).
    /// </summary>
    sealed class InsertSettings : IDisposable
    {
        readonly DuckDBConnection connection;
        readonly bool previousOrder;

        public InsertSettings(DuckDBConnection connection)
        {
            this.connection = connection;
            previousOrder = connection.ExecuteScalar<bool>("SELECT current_setting('preserve_insertion_order')");
            connection.Execute($"SET memory_limit = '{MemoryLimit}'");
            connection.Execute("SET preserve_insertion_order = false");
        }

        public void Dispose()
        {
            // Back to DuckDB's default: nothing else in the monitor sets a limit, and the setting reads back only as
            // rounded text ("2.6 GiB"), which would not restore an exact earlier value anyway.
            connection.Execute("RESET memory_limit");
            connection.Execute($"SET preserve_insertion_order = {(previousOrder ? "true" : "false")}");
        }
    }

    /// <summary>
    /// Takes out the rows that repeat an earlier key (found only after they were inserted). This keeps the file's rows
    /// and its record in one transaction, at a price: with rows deleted, DuckDB appends the transaction's rows once more
    /// at commit instead of taking over the row groups it already wrote (measured: 100 repeats in 10 million rows made
    /// the load 12-15 s instead of 6.6 s). A file is loaded once, so a delivery with repeated keys pays this once.
    /// </summary>
    static void DeleteLines(DuckDBConnection connection, int extractId, IReadOnlyList<long> lines)
    {
        connection.Execute("CREATE OR REPLACE TEMP TABLE detail_leave_out (line BIGINT)");
        try
        {
            using (var appender = connection.CreateAppender("detail_leave_out"))
                foreach (var line in lines) appender.CreateRow().AppendValue(line).EndRow();
            connection.Execute("DELETE FROM raw.uwv_vacatures_detail WHERE extract_id = $extractId AND line_number IN (SELECT line FROM temp.detail_leave_out)", new { extractId });
        }
        finally
        {
            connection.Execute("DROP TABLE IF EXISTS temp.detail_leave_out");
        }
    }

    /// <summary>A row writer that drops the rows: for validating without loading.</summary>
    internal sealed class NoRows : IDetailRowWriter
    {
        public static readonly NoRows Instance = new();
        public void Write(long line, ReadOnlySpan<byte> id, int arisen, int filled, ReadOnlySpan<byte> klasse, ReadOnlySpan<byte> regio, long posities) { }
    }

    void Step(Stopwatch clock, string what) =>
        Trace?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:F2} s (cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,6:F2} s)  {what}"));
}
