// Writing validated extracts into the warehouse: the extract's ledger row, its raw rows and its quarantine,
// all in one transaction so a crash never leaves half a file behind.
using System.Security.Cryptography;
using Dapper;
using DuckDB.NET.Data;
using Monitor.Sources;

namespace Monitor.Warehouse;

public sealed record KnownExtract(int ExtractId, string FileName, string Sha256, string State)
{
    /// <summary>Why another file under this extract's name is rejected: a published vintage is never replaced.</summary>
    public string ReplacedError =>
        $"a different file with this name was loaded before (extract {ExtractId}, sha256 {Sha256[..12]}…); deliver corrections as a new vintage with a later date";
}

public sealed class ExtractStore(DuckDBConnection connection)
{
    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The extract stored for exactly this file: same name and same bytes. Identical bytes under another
    /// name are another delivery (a new vintage that repeats the old figures still counts as published).</summary>
    public KnownExtract? FindSame(string fileName, string sha256) =>
        connection.QueryFirstOrDefault<KnownExtract>(
            "SELECT extract_id AS ExtractId, file_name AS FileName, sha256 AS Sha256, state AS State FROM meta.extracts WHERE sha256 = $sha256 AND file_name = $fileName ORDER BY extract_id LIMIT 1",
            new { sha256, fileName });

    /// <summary>The extract currently loaded under this file name (same source, dataset and vintage), if any.</summary>
    public KnownExtract? FindLoadedByName(string fileName) =>
        connection.QueryFirstOrDefault<KnownExtract>(
            "SELECT extract_id AS ExtractId, file_name AS FileName, sha256 AS Sha256, state AS State FROM meta.extracts WHERE file_name = $fileName AND state = 'loaded' ORDER BY extract_id DESC LIMIT 1",
            new { fileName });

    /// <summary>How an extract was stored, as a file outcome (used when the same bytes come by again).</summary>
    public FileOutcome Describe(int extractId)
    {
        var e = connection.QueryFirst<(string Folder, string FileName, string State, string? Encoding, long? RowsTotal, long? RowsLoaded, long? RowsQuarantined, string? Reason)>(
            "SELECT folder, file_name, state, encoding, rows_total, rows_loaded, rows_quarantined, reason FROM meta.extracts WHERE extract_id = $extractId",
            new { extractId });
        var warnings = connection.Query<string>("SELECT message FROM meta.extract_messages WHERE extract_id = $extractId", new { extractId }).ToList();
        var state = e.State == "loaded" ? FileState.Loaded : FileState.Rejected;
        return new(e.Folder, e.FileName, state, extractId, e.Encoding, e.RowsTotal ?? 0, e.RowsLoaded ?? 0, e.RowsQuarantined ?? 0, e.Reason, warnings, e.State);
    }

    /// <summary>Stores one file's outcome. Returns the new extract id.</summary>
    public int Store(ExtractValidation v, string sha256, long sizeBytes, string runId, DateTimeOffset now)
    {
        using var tx = connection.BeginTransaction();
        var id = NextId(tx);
        if (!v.Rejected) AppendRows(v, id, tx);
        WriteOutcome(tx, id, v, sha256, sizeBytes, runId, now, v.Rejected ? 0 : v.Rows.Count);
        tx.Commit();
        return id;
    }

    /// <summary>
    /// Stores a file whose rows are loaded before its outcome is known (the detail loader validates while DuckDB
    /// inserts). <paramref name="load"/> runs first, inside the transaction, with the new extract id; it returns the
    /// outcome and the rows it left in the raw table, or null when the file must go another way (nothing is stored).
    /// A rejected outcome takes the rows back out: the transaction is rolled back and the rejection stored alone.
    /// Returns the extract id, or null.
    /// </summary>
    public int? StoreLoadedFirst(Func<DuckDBConnection, int, (ExtractValidation Outcome, long RowsLoaded)?> load, string sha256, long sizeBytes, string runId, DateTimeOffset now)
    {
        ExtractValidation outcome;
        using (var tx = connection.BeginTransaction())
        {
            var id = NextId(tx);
            if (load(connection, id) is not { } loaded) { tx.Rollback(); return null; }
            outcome = loaded.Outcome;
            if (!outcome.Rejected)
            {
                WriteOutcome(tx, id, outcome, sha256, sizeBytes, runId, now, loaded.RowsLoaded);
                tx.Commit();
                return id;
            }
            tx.Rollback();
        }
        return Store(outcome, sha256, sizeBytes, runId, now);
    }

    int NextId(DuckDBTransaction tx) => connection.ExecuteScalar<int>("SELECT COALESCE(max(extract_id), 0) + 1 FROM meta.extracts", transaction: tx);

    /// <summary>The extract row, its quarantine and its warnings.</summary>
    void WriteOutcome(DuckDBTransaction tx, int id, ExtractValidation v, string sha256, long sizeBytes, string runId, DateTimeOffset now, long rowsLoaded)
    {
        var f = v.File;
        var rejected = v.Rejected;
        // The last guard of the line accounting: the validators reject a file that does not add up, so this never
        // fires unless they are wrong, and then the run fails naming the file instead of storing a silent loss.
        if (v.LineAccountingError(rowsLoaded) is { } accounting) throw new InvalidOperationException(accounting);
        connection.Execute("""
            INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, encoding, line_ending,
                rows_total, rows_loaded, rows_quarantined, state, reason, run_id, loaded_at, physical_lines, header_lines)
            VALUES ($id, $file_name, $folder, $source, $dataset, $vintage, $sha256, $size, $encoding, $line_ending,
                $rows_total, $rows_loaded, $rows_quarantined, $state, $reason, $run_id, $loaded_at, $physical_lines, $header_lines)
            """,
            new
            {
                id,
                file_name = f.FileName,
                folder = f.Folder,
                source = f.Contract?.Source,
                dataset = f.Contract?.Dataset,
                vintage = f.Vintage?.Date.ToDateTime(TimeOnly.MinValue),
                sha256,
                size = sizeBytes,
                encoding = v.Encoding,
                line_ending = v.LineEnding,
                rows_total = v.RowsTotal,
                rows_loaded = rowsLoaded,
                rows_quarantined = v.RowsQuarantined,
                state = rejected ? "rejected" : "loaded",
                reason = v.FileError,
                run_id = runId,
                loaded_at = now.UtcDateTime,
                physical_lines = v.PhysicalLines,
                header_lines = v.HeaderLines,
            }, tx);

        if (v.Quarantine.Count > 0)
        {
            using var q = connection.CreateAppender("meta", "quarantine");
            foreach (var row in v.Quarantine)
                q.CreateRow().AppendValue(id).AppendValue(f.FileName).AppendValue(row.LineNumber)
                    .AppendValue(row.Column).AppendValue(row.RawValue).AppendValue(row.Reason).AppendValue(row.RawRecord).EndRow();
        }
        if (v.Warnings.Count > 0)
        {
            using var m = connection.CreateAppender("meta", "extract_messages");
            foreach (var w in v.Warnings) m.CreateRow().AppendValue(id).AppendValue("warning").AppendValue(w).EndRow();
        }
    }

    void AppendRows(ExtractValidation v, int extractId, DuckDBTransaction tx)
    {
        var contract = v.File.Contract!;
        var vintage = v.File.Vintage!.Value.Date;
        var schema = contract.RawTable.Split('.')[0];
        var table = contract.RawTable.Split('.')[1];
        using (var appender = connection.CreateAppender(schema, table))
        {
            foreach (var row in v.Rows)
            {
                var r = appender.CreateRow().AppendValue(extractId).AppendValue((DateOnly?)vintage).AppendValue(row.LineNumber);
                for (var c = 0; c < contract.Columns.Length; c++)
                {
                    r = row.Values[c] switch
                    {
                        null when contract.Columns[c].SqlType == "BIGINT" => r.AppendValue((long?)null),
                        null when contract.Columns[c].SqlType == "INTEGER" => r.AppendValue((int?)null),
                        null when contract.Columns[c].SqlType == "DOUBLE" => r.AppendValue((double?)null),
                        null when contract.Columns[c].SqlType == "DATE" => r.AppendValue((DateOnly?)null),
                        null => r.AppendValue((string?)null),
                        int i => r.AppendValue(i),
                        long l => r.AppendValue(l),
                        double d => r.AppendValue(d),
                        DateOnly date => r.AppendValue((DateOnly?)date),
                        string s => r.AppendValue(s),
                        var other => throw new InvalidOperationException($"unexpected value type {other.GetType()} for {contract.Columns[c].Header}"),
                    };
                    if (contract.Columns[c].HasStatus)
                        r = r.AppendValue(row.Statuses[c] switch { CellStatus.Missing => "missing", CellStatus.Suppressed => "suppressed", _ => null });
                }
                r.EndRow();
            }
        }
        // The first and last day of each period of the file (meta.period_bounds), worked out by Domain.Period.
        var periodColumn = Array.FindIndex(contract.Columns, c => PeriodBounds.KindOf(c.Type) is not null);
        if (periodColumn >= 0)
            PeriodBounds.Register(connection,
                v.Rows.Select(row => row.Values[periodColumn]).Distinct().Select(value => PeriodBounds.Of(contract.Columns[periodColumn], value)), tx);
    }
}
