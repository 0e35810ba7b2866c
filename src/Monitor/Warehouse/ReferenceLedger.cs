// Records which copy of each reference file a run used (meta.run_reference), and stores the target register like an
// extract: one meta.extracts row (folder and source 'reference', dataset 'doelen') with its bad rows in
// meta.quarantine. The register is reference data, replaced on every run, so only the register of the latest run
// keeps an extract row; the sha256 of every register a run used stays in meta.run_reference.
using Dapper;
using DuckDB.NET.Data;
using Monitor.Sources;

namespace Monitor.Warehouse;

/// <summary>The register as this run stored it.</summary>
public sealed record RegisterOutcome(int ExtractId, string Origin, bool Shipped, int RowsTotal, int RowsApplied, long RowsQuarantined);

public static class ReferenceLedger
{
    public const string Folder = "reference";
    public const string RegisterDataset = "doelen";

    /// <summary>Writes the run's reference ledger and the register extract, inside the caller's transaction.</summary>
    public static RegisterOutcome Record(DuckDBConnection connection, string runId, ReferenceSet reference, DateTimeOffset now)
    {
        connection.Execute("DELETE FROM meta.run_reference WHERE run_id = $runId", new { runId });
        foreach (var f in reference.Files)
            connection.Execute("INSERT INTO meta.run_reference VALUES ($run_id, $file_name, $origin, $shipped, $sha256, $size, $rows)",
                new { run_id = runId, file_name = f.FileName, origin = f.Origin, shipped = f.Shipped, sha256 = f.Sha256, size = f.SizeBytes, rows = f.Rows });

        // The previous register's extract row, quarantine and messages make way for this run's.
        var old = connection.Query<int>("SELECT extract_id FROM meta.extracts WHERE folder = $Folder AND dataset = $RegisterDataset",
            new { Folder, RegisterDataset }).ToList();
        foreach (var id in old)
            connection.Execute("""
                DELETE FROM meta.quarantine WHERE extract_id = $id;
                DELETE FROM meta.extract_messages WHERE extract_id = $id;
                DELETE FROM meta.extracts WHERE extract_id = $id;
                """, new { id });

        var register = reference.Register;
        var errors = reference.RegisterErrors;
        var quarantined = errors.Select(e => e.LineNumber).Distinct().LongCount();
        var extractId = connection.ExecuteScalar<int>("SELECT COALESCE(max(extract_id), 0) + 1 FROM meta.extracts");
        connection.Execute("""
            INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, encoding, line_ending,
                rows_total, rows_loaded, rows_quarantined, state, reason, run_id, loaded_at)
            VALUES ($id, $file_name, $folder, 'reference', $dataset, NULL, $sha256, $size, $encoding, NULL,
                $rows_total, $rows_loaded, $rows_quarantined, 'loaded', NULL, $run_id, $loaded_at)
            """,
            new
            {
                id = extractId, file_name = register.FileName, folder = Folder, dataset = RegisterDataset, sha256 = register.Sha256,
                size = register.SizeBytes, encoding = register.Encoding, rows_total = register.Rows, rows_loaded = reference.Data.Doelen.Count,
                rows_quarantined = quarantined, run_id = runId, loaded_at = now.UtcDateTime,
            });
        if (errors.Count > 0)
        {
            using var q = connection.CreateAppender("meta", "quarantine");
            foreach (var e in errors)
                q.CreateRow().AppendValue(extractId).AppendValue(register.FileName).AppendValue(e.LineNumber)
                    .AppendValue(e.Column).AppendValue(e.RawValue).AppendValue(e.Reason).AppendValue(e.RawRecord).EndRow();
        }
        connection.Execute("INSERT INTO meta.extract_messages VALUES ($id, 'info', $message)",
            new { id = extractId, message = $"target register read from {register.Origin}" });
        return new RegisterOutcome(extractId, register.Origin, register.Shipped, register.Rows, reference.Data.Doelen.Count, quarantined);
    }

    /// <summary>The log line of a run: which copy of each reference file it used, and what became of the register.</summary>
    public static string Describe(ReferenceSet reference, RegisterOutcome register)
    {
        var fromData = reference.Files.Where(f => !f.Shipped).Select(f => f.FileName).ToList();
        var shipped = reference.Files.Where(f => f.Shipped).Select(f => f.FileName).ToList();
        var parts = new List<string>();
        if (fromData.Count > 0) parts.Add($"{string.Join(", ", fromData)} from the data directory");
        if (shipped.Count > 0) parts.Add($"{string.Join(", ", shipped)} shipped with the monitor");
        var quarantine = register.RowsQuarantined == 0 ? "" : $", {register.RowsQuarantined} quarantined (see monitor status)";
        return $"reference: {string.Join("; ", parts)}; target register: {register.RowsApplied} of {register.RowsTotal} rows applied{quarantine}";
    }
}
