// Records which copy of each reference file a run used (meta.run_reference) and quarantines the bad rows of the
// target register in meta.quarantine like bad extract rows: file, line, column, raw value, reason and the raw
// record. Reference files are not extracts, so those rows carry extract_id 0; the register is reference data,
// replaced on every run, and so are its quarantined rows (the sha256 of every register a run used stays in
// meta.run_reference).
using Dapper;
using DuckDB.NET.Data;
using Monitor.Sources;

namespace Monitor.Warehouse;

/// <summary>The register as this run applied it.</summary>
public sealed record RegisterOutcome(string Origin, bool Shipped, int RowsTotal, int RowsApplied, long RowsQuarantined);

public static class ReferenceLedger
{
    /// <summary>The extract_id of quarantined reference rows (extract ids start at 1).</summary>
    public const int ReferenceExtractId = 0;
    public const string RegisterFileName = "reference/" + ReferenceLoader.RegisterFile;

    /// <summary>Writes the run's reference ledger and the register's quarantine, inside the caller's transaction.</summary>
    public static RegisterOutcome Record(DuckDBConnection connection, string runId, ReferenceSet reference)
    {
        connection.Execute("DELETE FROM meta.run_reference WHERE run_id = $runId", new { runId });
        foreach (var f in reference.Files)
            connection.Execute("INSERT INTO meta.run_reference VALUES ($run_id, $file_name, $origin, $shipped, $sha256, $size, $rows)",
                new { run_id = runId, file_name = f.FileName, origin = f.Origin, shipped = f.Shipped, sha256 = f.Sha256, size = f.SizeBytes, rows = f.Rows });

        // By file name alone (no extract is named reference/...): rows an earlier version stored with a damaged
        // extract_id (see below) go too.
        connection.Execute("DELETE FROM meta.quarantine WHERE file_name = $file", new { file = RegisterFileName });
        var errors = reference.RegisterErrors;
        if (errors.Count > 0)
        {
            using var q = connection.CreateAppender("meta", "quarantine");
            foreach (var e in errors)
                // As int?: a bare constant 0 binds to AppendValue(sbyte?), which writes one byte of the INTEGER cell and
                // leaves the other three as they were in memory.
                q.CreateRow().AppendValue((int?)ReferenceExtractId).AppendValue(RegisterFileName).AppendValue(e.LineNumber)
                    .AppendValue(e.Column).AppendValue(e.RawValue).AppendValue(e.Reason).AppendValue(e.RawRecord).EndRow();
        }
        var register = reference.Register;
        return new RegisterOutcome(register.Origin, register.Shipped, register.Rows, reference.Data.Doelen.Count,
            errors.Select(e => e.LineNumber).Distinct().LongCount());
    }

    /// <summary>The log line of a run: which copy of each reference file it used, and what became of the register.</summary>
    public static string Describe(ReferenceSet reference, RegisterOutcome register)
    {
        var fromData = reference.Files.Where(f => !f.Shipped).Select(f => f.FileName).ToList();
        var shipped = reference.Files.Where(f => f.Shipped).Select(f => f.FileName).ToList();
        var parts = new List<string>();
        if (fromData.Count > 0) parts.Add($"{string.Join(", ", fromData)} from the data directory");
        if (shipped.Count > 0) parts.Add($"{string.Join(", ", shipped)} shipped with the monitor");
        var quarantine = register.RowsQuarantined == 0 ? "" : $", {register.RowsQuarantined} quarantined (meta.quarantine, file {RegisterFileName})";
        return $"reference: {string.Join("; ", parts)}; target register: {register.RowsApplied} of {register.RowsTotal} rows applied{quarantine}";
    }
}
