// The unchanged-input skip of `monitor run`: the fingerprint of a published run, and the ledger entry of a skipped one.
using Dapper;
using DuckDB.NET.Data;
using Monitor.Sources;
using Monitor.Warehouse;

namespace Monitor.Pipeline;

public sealed record PublishedRun(string RunId, string Fingerprint);

public static class UnchangedInput
{
    /// <summary>The ledger word of a skipped run; see <see cref="RunState.SkippedUnchanged"/>.</summary>
    public static readonly string SkippedStatus = RunState.SkippedUnchanged.ToLedgerValue();

    /// <summary>The latest published run that succeeded without data problems and recorded a fingerprint, read from the
    /// published warehouse opened read-only; null when there is none or the warehouse predates fingerprints.
    /// A run with data problems is not skipped over: its rejected files and quarantined rows are reported again
    /// (exit code 3) every night until the input changes.</summary>
    public static PublishedRun? LastPublished(string publishedDb)
    {
        if (!File.Exists(publishedDb)) return null;
        try
        {
            using var db = WarehouseDb.OpenReadOnly(publishedDb);
            return db.Connection.QueryFirstOrDefault<PublishedRun>("""
                SELECT run_id AS RunId, input_fingerprint AS Fingerprint FROM meta.runs
                WHERE status = $succeeded AND input_fingerprint IS NOT NULL
                ORDER BY started_at DESC, run_id DESC LIMIT 1
                """, new { succeeded = RunState.Succeeded.ToLedgerValue() });
        }
        catch (DuckDBException)
        {
            // An older warehouse without the column, or one another process holds: then the run simply runs.
            return null;
        }
    }

    /// <summary>Stores the fingerprint with a succeeded run, unless a file was left for later (deferred, unreadable):
    /// then the same input must be looked at again next time.</summary>
    public static void Remember(DuckDBConnection connection, string runId, string fingerprint, IngestSummary? ingest)
    {
        if (ingest is not null && ingest.Files.Any(f => f.State is FileState.Deferred or FileState.Unreadable)) return;
        connection.Execute("UPDATE meta.runs SET input_fingerprint = $fingerprint WHERE run_id = $runId", new { fingerprint, runId });
    }

    /// <summary>Writes the skipped run into the published warehouse's ledger and returns its result (exit code 0).</summary>
    public static RunResult RecordSkip(string publishedDb, string runId, RunRequest request, DateTimeOffset started, DateTimeOffset now,
        string lastRunId, IRunObserver observer)
    {
        var message = $"input unchanged since run {lastRunId} (same files, reference data, options and program); nothing to do — use --force to rebuild";
        using (var db = WarehouseDb.OpenForWrite(publishedDb))
        {
            // Freshness depends on the date, not on the input: a skipped night still says when deliveries are overdue.
            var overdue = OverdueDatasets(db, request.AsOf ?? DateOnly.FromDateTime(now.UtcDateTime), request.AsOf);
            if (overdue.Count > 0)
                message += $"; check source_freshness: {overdue.Count} dataset(s) overdue ({string.Join(", ", overdue)})";
            observer.Info(message);
            var ledger = new RunLedger(db.Connection);
            ledger.Start(runId, request, started);
            ledger.Finish(runId, RunState.SkippedUnchanged, now, null, message);
        }
        return new RunResult(runId, RunState.SkippedUnchanged, ExitCodes.Success, null, [], message, null);
    }

    /// <summary>The datasets the source_freshness check finds overdue at <paramref name="today"/>.</summary>
    static IReadOnlyList<string> OverdueDatasets(WarehouseDb db, DateOnly today, DateOnly? asOf)
    {
        var check = Monitor.Indicators.CheckDefinition.All().Single(c => c.Name == "source_freshness");
        db.SetAsOf(asOf);
        db.Connection.Execute($"SET VARIABLE today = DATE '{today:yyyy-MM-dd}'");
        return db.Connection.Query<string>($"SELECT DISTINCT CAST(dataset AS VARCHAR) FROM ({check.Sql}) ORDER BY 1").ToList();
    }
}
