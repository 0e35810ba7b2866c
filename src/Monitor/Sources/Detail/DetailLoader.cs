// Ingestion of uwv_vacatures_detail files (tens of millions of rows): the ingest step hands them here.
using System.Diagnostics;
using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Monitor.Domain;
using Monitor.Pipeline;
using Monitor.Warehouse;

namespace Monitor.Sources.Detail;

/// <summary>
/// Loads a detail extract with the outcome the generic path (<see cref="ExtractValidator"/> + <see cref="ExtractStore"/>)
/// would give — same extract row, raw rows, quarantine and warnings — in a fraction of the time and memory:
/// one pass computes the sha256 (an unchanged file stops there), one pass validates record by record
/// (<see cref="DetailValidator"/>) and writes the valid rows to a clean CSV, and DuckDB's parallel CSV reader
/// inserts that into raw.uwv_vacatures_detail. Files of a shape the validator does not handle (a quoted value over
/// several lines, bare carriage returns, NUL bytes) return null: the generic path, the reference, reads them.
/// </summary>
public sealed class DetailLoader(ReferenceData reference, double badRowThreshold)
{
    /// <summary>DuckDB's memory while inserting; with the validator's key table this keeps a 10-million-row load well under 1.5 GB.</summary>
    public const string MemoryLimit = "768MB";

    public static bool Handles(DiscoveredFile file) => DetailValidator.Handles(file);

    /// <summary>Receives one line per phase with its duration (the benchmark prints them).</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>For tests: passed to <see cref="DetailValidator.SplitNear"/>.</summary>
    internal long? SplitNear { get; init; }

    /// <summary>Why the last file went to the generic path, or null when the fast path took it.</summary>
    public string? LastFallbackReason { get; private set; }

    /// <summary>The outcome for <paramref name="file"/>, or null when the generic path must read it.</summary>
    public FileOutcome? TryIngest(WarehouseDb db, string runId, DiscoveredFile file, DateTimeOffset now)
    {
        LastFallbackReason = null;
        var clock = Stopwatch.StartNew();
        var store = new ExtractStore(db.Connection);
        DetailFileFacts facts;
        try
        {
            facts = DetailFileScan.Scan(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(file.Folder, file.FileName, FileState.Unreadable, null, null, 0, 0, 0, $"cannot read {file.Path}: {e.Message}", []);
        }
        Step(clock, $"sha256 and scan of {facts.Bytes:N0} bytes");

        if (store.FindSame(file.FileName, facts.Sha256) is { } known)
            return store.Describe(known.ExtractId) with { State = FileState.Unchanged, FileName = file.FileName, Folder = file.Folder, StoredState = known.State };

        var tempDir = Path.GetDirectoryName(Path.GetFullPath(db.Path)) ?? Path.GetTempPath();
        DetailValidation detail;
        try
        {
            detail = new DetailValidator(reference, badRowThreshold) { SplitNear = SplitNear }.Validate(file, facts, tempDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(file.Folder, file.FileName, FileState.Unreadable, null, null, 0, 0, 0, $"cannot read {file.Path}: {e.Message}", []);
        }
        if (detail.FallbackReason is { } why)
        {
            LastFallbackReason = why;
            return null;
        }
        Step(clock, $"validated {detail.Result.RowsTotal:N0} records ({detail.SlowRecords:N0} through the cell parser), {detail.Result.RowsQuarantined:N0} quarantined");

        var validation = detail.Result;
        try
        {
            if (!validation.Rejected && store.FindLoadedByName(file.FileName) is { } earlier)
            {
                // Same rule as the generic path: a published vintage is never replaced under the same name.
                validation.FileError = $"a different file with this name was loaded before (extract {earlier.ExtractId}, sha256 {earlier.Sha256[..12]}…); deliver corrections as a new vintage with a later date";
            }
            // The validator's key log is garbage now; give its memory back before DuckDB takes its share.
            if (facts.Bytes > 64L << 20) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            long loaded = 0;
            var id = store.Store(validation, facts.Sha256, facts.Bytes, runId, now, (connection, extractId) =>
            {
                if (detail.CleanCsvs.Count == 0) return;
                loaded = InsertClean(connection, detail.CleanCsvs, detail.DuplicateLines, extractId, file.Vintage!.Value.Date);
                Step(clock, $"inserted {loaded:N0} rows");
                connection.Execute("UPDATE meta.extracts SET rows_loaded = $loaded WHERE extract_id = $extractId", new { loaded, extractId });
            });
            Step(clock, $"stored extract {id}: {loaded:N0} rows into raw.uwv_vacatures_detail");
            return new FileOutcome(file.Folder, file.FileName, validation.Rejected ? FileState.Rejected : FileState.Loaded, id, validation.Encoding,
                validation.RowsTotal, validation.Rejected ? 0 : loaded, validation.RowsQuarantined, validation.FileError, validation.Warnings);
        }
        finally
        {
            detail.CleanCsvs.ForEach(File.Delete);
        }
    }

    /// <summary>One INSERT from DuckDB's parallel CSV reader; the clean file's values are canonical, so the types cannot fail.</summary>
    static long InsertClean(DuckDBConnection connection, IReadOnlyList<string> cleans, IReadOnlyList<long> leaveOut, int extractId, DateOnly vintage)
    {
        var previousOrder = connection.ExecuteScalar<bool>("SELECT current_setting('preserve_insertion_order')");
        connection.Execute($"SET memory_limit = '{MemoryLimit}'");
        // The line numbers are in the data, so the rows need not be stored in file order. Kept in order, each CSV
        // buffer ends in a partly filled row group, and the next CHECKPOINT merges and rewrites most of the table
        // (3-4 s of a 10-million-row load); unordered, each thread fills whole row groups.
        connection.Execute("SET preserve_insertion_order = false");
        try
        {
            // The clean file still holds the rows that repeat an earlier key (found after it was written).
            var anti = "";
            if (leaveOut.Count > 0)
            {
                connection.Execute("CREATE OR REPLACE TEMP TABLE detail_leave_out (line BIGINT)");
                using (var appender = connection.CreateAppender("detail_leave_out"))
                    foreach (var line in leaveOut) appender.CreateRow().AppendValue(line).EndRow();
                anti = "ANTI JOIN detail_leave_out AS d ON d.line = c.line";
            }
            return connection.Execute($"""
                INSERT INTO raw.uwv_vacatures_detail
                    (extract_id, vintage, line_number, vacature_id, datum_ontstaan, datum_vervuld, beroepsklasse, arbeidsmarktregio, aantal_posities)
                SELECT {extractId}, DATE '{vintage.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}', c.line, c.vacature_id, c.datum_ontstaan, c.datum_vervuld,
                       c.beroepsklasse, c.arbeidsmarktregio, c.aantal_posities
                FROM read_csv([{string.Join(", ", cleans.Select(c => $"'{c.Replace("'", "''")}'"))}], delim = ';', quote = '"', escape = '"', header = false, auto_detect = false,
                    new_line = '\n', strict_mode = true,
                    columns = {"{"}'line': 'BIGINT', 'vacature_id': 'VARCHAR', 'datum_ontstaan': 'DATE', 'datum_vervuld': 'DATE',
                               'beroepsklasse': 'VARCHAR', 'arbeidsmarktregio': 'VARCHAR', 'aantal_posities': 'BIGINT'{"}"}) AS c
                {anti}
                """);
        }
        finally
        {
            // Back to DuckDB's default: nothing else in the monitor sets a limit, and the setting reads back only as
            // rounded text ("2.6 GiB"), which would not restore an exact earlier value anyway.
            connection.Execute("RESET memory_limit");
            connection.Execute($"SET preserve_insertion_order = {(previousOrder ? "true" : "false")}");
            connection.Execute("DROP TABLE IF EXISTS temp.detail_leave_out");
        }
    }

    void Step(Stopwatch clock, string what) =>
        Trace?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:F2} s (cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,6:F2} s)  {what}"));
}
