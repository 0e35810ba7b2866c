// The run ledger: meta.runs and meta.run_steps, written as the run goes.
using Dapper;
using DuckDB.NET.Data;

namespace Monitor.Pipeline;

public sealed class RunLedger(DuckDBConnection connection)
{
    public void Start(string runId, RunRequest request, DateTimeOffset startedAt) =>
        connection.Execute("""
            INSERT INTO meta.runs (run_id, trigger, started_at, status, as_of, data_dir, bad_row_threshold)
            VALUES ($run_id, $trigger, $started_at, $status, $as_of, $data_dir, $threshold)
            """,
            new
            {
                run_id = runId,
                status = RunState.Running.ToLedgerValue(),
                trigger = request.Trigger,
                started_at = startedAt.UtcDateTime,
                as_of = request.AsOf?.ToDateTime(TimeOnly.MinValue),
                data_dir = Path.GetFullPath(request.DataDir),
                threshold = request.BadRowThreshold,
            });

    public void Step(string runId, StepRecord step) =>
        connection.Execute("""
            INSERT OR REPLACE INTO meta.run_steps (run_id, step, started_at, ended_at, status, rows, message)
            VALUES ($run_id, $step, $started_at, $ended_at, $status, $rows, $message)
            """,
            new { run_id = runId, step = step.Name, started_at = step.StartedAt.UtcDateTime, ended_at = step.EndedAt?.UtcDateTime, status = step.Status, rows = step.Rows, message = step.Message });

    public void Finish(string runId, RunState state, DateTimeOffset endedAt, IngestSummary? ingest, string? message) =>
        connection.Execute("""
            UPDATE meta.runs SET status = $status, ended_at = $ended_at, files_seen = $seen, files_loaded = $loaded,
                files_rejected = $rejected, rows_loaded = $rows_loaded, rows_quarantined = $rows_quarantined, message = $message
            WHERE run_id = $run_id
            """,
            new
            {
                run_id = runId,
                status = state.ToLedgerValue(),
                ended_at = endedAt.UtcDateTime,
                seen = ingest?.Files.Count,
                loaded = ingest?.Loaded,
                rejected = ingest?.Rejected,
                rows_loaded = ingest?.RowsLoaded,
                rows_quarantined = ingest?.RowsQuarantined,
                message,
            });
}

public sealed record StepRecord(string Name, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, StepState State, long? Rows, string? Message)
{
    /// <summary>The state as meta.run_steps and last-run.json store it: succeeded or failed.</summary>
    public string Status => State.ToLedgerValue();

    public TimeSpan? Duration => EndedAt - StartedAt;
}
