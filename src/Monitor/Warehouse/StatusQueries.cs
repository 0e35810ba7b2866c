// What `monitor status` shows: the last runs, and per extract whether its figures are still in force.
using Dapper;
using Monitor.Sources;

namespace Monitor.Warehouse;

public sealed record RunRow(string RunId, string Trigger, DateTime StartedAt, DateTime? EndedAt, string Status, DateOnly? AsOf,
    int? FilesSeen, int? FilesLoaded, int? FilesRejected, long? RowsLoaded, long? RowsQuarantined, string? Message);

public sealed record ExtractRow(int ExtractId, string Folder, string FileName, string? Source, string? Dataset, DateOnly? Vintage, string? Encoding,
    long? RowsTotal, long? RowsLoaded, long? RowsQuarantined, string State, string? Reason, long RowsInForce)
{
    /// <summary>
    /// How many of a loaded extract's rows are still in force (latest vintage per key): "all", "7 of 12 (partly
    /// superseded)", "none (superseded)"; empty for a rejected extract. This is not a second state: the state is
    /// <see cref="State"/>, stored once in meta.extracts.state.
    /// </summary>
    public string InForce => State != "loaded" || RowsLoaded is not > 0 ? ""
        : RowsInForce >= RowsLoaded ? "all"
        : RowsInForce == 0 ? "none (superseded)"
        : $"{RowsInForce} of {RowsLoaded} (partly superseded)";
}

/// <summary>One file of one run (meta.run_files); for a run that published nothing, with the rows it quarantined.</summary>
public sealed record RunFileRow(string Folder, string FileName, string Outcome, string? Reason, long UnpublishedQuarantined);

public sealed record StepRow(string Step, string Status, DateTime StartedAt, DateTime? EndedAt, long? Rows, string? Message);

public sealed record CheckRow(string RunId, string CheckName, string Severity, string Status, long FailingRows, string? Sample, string? Description);

public static class StatusQueries
{
    /// <summary>The steps of one run in the order they ran.</summary>
    public static IReadOnlyList<StepRow> Steps(WarehouseDb db, string runId) =>
        db.Connection.Query<StepRow>("""
            SELECT step AS Step, status AS Status, started_at AS StartedAt, ended_at AS EndedAt, rows AS Rows, message AS Message
            FROM meta.run_steps WHERE run_id = $run_id ORDER BY started_at, step
            """, new { run_id = runId }).ToList();

    /// <summary>The data-quality checks of the most recent run that ran them; failures first.</summary>
    public static IReadOnlyList<CheckRow> LatestChecks(WarehouseDb db) =>
        db.Connection.Query<CheckRow>("""
            SELECT c.run_id AS RunId, c.check_name AS CheckName, c.severity AS Severity, c.status AS Status, c.failing_rows AS FailingRows,
                   c.sample AS Sample, c.description AS Description
            FROM meta.check_results AS c
            WHERE c.run_id = (SELECT x.run_id FROM meta.check_results AS x JOIN meta.runs AS r USING (run_id)
                              ORDER BY r.started_at DESC, x.run_id DESC LIMIT 1)
            ORDER BY CASE c.status WHEN 'failed' THEN 0 ELSE 1 END, CASE c.severity WHEN 'error' THEN 0 ELSE 1 END, c.check_name
            """).ToList();

    public static IReadOnlyList<RunRow> LastRuns(WarehouseDb db, int count = 10) =>
        db.Connection.Query<RunRow>($"""
            SELECT run_id AS RunId, trigger AS Trigger, started_at AS StartedAt, ended_at AS EndedAt, status AS Status, as_of AS AsOf,
                   files_seen AS FilesSeen, files_loaded AS FilesLoaded, files_rejected AS FilesRejected,
                   rows_loaded AS RowsLoaded, rows_quarantined AS RowsQuarantined, message AS Message
            FROM meta.runs ORDER BY started_at DESC, run_id DESC LIMIT {count}
            """).ToList();

    /// <summary>What a run did with each file it found, ignored entries included, in folder and name order.</summary>
    public static IReadOnlyList<RunFileRow> RunFiles(WarehouseDb db, string runId) =>
        db.Connection.Query<RunFileRow>("""
            SELECT f.folder AS Folder, f.file_name AS FileName, f.outcome AS Outcome, f.reason AS Reason,
                   (SELECT count(DISTINCT q.line_number) FROM meta.unpublished_quarantine AS q
                    WHERE q.run_id = f.run_id AND q.file_name = f.file_name) AS UnpublishedQuarantined
            FROM meta.run_files AS f WHERE f.run_id = $run_id ORDER BY f.folder, f.file_name
            """, new { run_id = runId }).ToList();

    /// <summary>Every extract with the number of its rows still in force (latest vintage per key, no as-of).</summary>
    public static IReadOnlyList<ExtractRow> Extracts(WarehouseDb db)
    {
        var inForce = string.Join("\nUNION ALL\n", Contracts.All.Select(c => $"SELECT extract_id, count(*) AS n FROM staging.stg_{c.Name} GROUP BY extract_id"));
        db.SetAsOf(null);
        return db.Connection.Query<ExtractRow>($"""
            WITH in_force AS ({inForce})
            SELECT e.extract_id AS ExtractId, e.folder AS Folder, e.file_name AS FileName, e.source AS Source, e.dataset AS Dataset,
                   e.vintage AS Vintage, e.encoding AS Encoding, e.rows_total AS RowsTotal, e.rows_loaded AS RowsLoaded,
                   e.rows_quarantined AS RowsQuarantined, e.state AS State, e.reason AS Reason, COALESCE(f.n, 0) AS RowsInForce
            FROM meta.extracts e LEFT JOIN in_force f USING (extract_id)
            ORDER BY e.folder, e.dataset, e.vintage, e.extract_id
            """).ToList();
    }
}
