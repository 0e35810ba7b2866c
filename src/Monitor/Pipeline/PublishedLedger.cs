// Copying the record of a run that publishes nothing from its work copy into the published warehouse.
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Pipeline;

static class PublishedLedger
{
    /// <summary>The run's meta.runs and meta.run_steps rows as the work copy has them, and its findings.</summary>
    public static void CopyRun(WarehouseDb db, string workDb, string runId)
    {
        Attached(db, workDb, c =>
        {
            using var tx = c.BeginTransaction();
            c.Execute("DELETE FROM meta.runs WHERE run_id = $runId; DELETE FROM meta.run_steps WHERE run_id = $runId;", new { runId }, tx);
            c.Execute("INSERT INTO meta.runs SELECT * FROM work.meta.runs WHERE run_id = $runId", new { runId }, tx);
            c.Execute("INSERT INTO meta.run_steps SELECT * FROM work.meta.run_steps WHERE run_id = $runId", new { runId }, tx);
            CopyFindings(c, tx, runId);
            tx.Commit();
        });
    }

    /// <summary>
    /// What the run found: meta.run_files (the extract id kept only for unchanged files, whose extracts are published),
    /// and the new extracts it read, with their quarantined rows and messages, into meta.unpublished_*.
    /// </summary>
    public static void CopyFindings(WarehouseDb db, string workDb, string runId) =>
        Attached(db, workDb, c =>
        {
            using var tx = c.BeginTransaction();
            CopyFindings(c, tx, runId);
            tx.Commit();
        });

    static void CopyFindings(DuckDB.NET.Data.DuckDBConnection c, System.Data.IDbTransaction tx, string runId)
    {
        var p = new { runId };
        c.Execute("""
            DELETE FROM meta.run_files WHERE run_id = $runId;
            DELETE FROM meta.unpublished_extracts WHERE run_id = $runId;
            DELETE FROM meta.unpublished_quarantine WHERE run_id = $runId;
            DELETE FROM meta.unpublished_extract_messages WHERE run_id = $runId;
            """, p, tx);
        c.Execute("""
            INSERT INTO meta.run_files (run_id, file_name, folder, extract_id, outcome, reason)
            SELECT run_id, file_name, folder, CASE WHEN outcome = 'unchanged' THEN extract_id END, outcome, reason
            FROM work.meta.run_files WHERE run_id = $runId
            """, p, tx);
        c.Execute("""
            INSERT INTO meta.unpublished_extracts (run_id, extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes,
                encoding, rows_total, rows_loaded, rows_quarantined, state, reason)
            SELECT run_id, extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes,
                encoding, rows_total, rows_loaded, rows_quarantined, state, reason
            FROM work.meta.extracts WHERE run_id = $runId
            """, p, tx);
        c.Execute("""
            INSERT INTO meta.unpublished_quarantine (run_id, extract_id, file_name, line_number, column_name, raw_value, reason, raw_record)
            SELECT $runId, q.extract_id, q.file_name, q.line_number, q.column_name, q.raw_value, q.reason, q.raw_record
            FROM work.meta.quarantine AS q JOIN work.meta.extracts AS e USING (extract_id) WHERE e.run_id = $runId
            """, p, tx);
        c.Execute("""
            INSERT INTO meta.unpublished_extract_messages (run_id, extract_id, level, message)
            SELECT $runId, m.extract_id, m.level, m.message
            FROM work.meta.extract_messages AS m JOIN work.meta.extracts AS e USING (extract_id) WHERE e.run_id = $runId
            """, p, tx);
    }

    static void Attached(WarehouseDb db, string workDb, Action<DuckDB.NET.Data.DuckDBConnection> action)
    {
        var c = db.Connection;
        c.Execute($"ATTACH '{workDb.Replace("'", "''")}' AS work (READ_ONLY)");
        try
        {
            action(c);
        }
        finally
        {
            c.Execute("DETACH work");
        }
    }
}
