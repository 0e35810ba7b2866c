// What the scheduler needs to know from the run ledger in the published warehouse.
using Dapper;
using Monitor.Warehouse;
using Polly;

namespace Monitor.Pipeline.Scheduling;

public static class RunHistory
{
    /// <summary>
    /// When the last run started by the scheduler (trigger schedule or catch_up) began, from meta.runs of
    /// &lt;out&gt;/warehouse.duckdb; null when there is no warehouse yet or no such run. Failed and blocked runs count:
    /// catch-up makes up for fire times nobody ran at, not for runs that went wrong.
    /// </summary>
    /// <param name="warehouseLock">Retries while another process holds the warehouse locked (the "warehouse-lock" pipeline).</param>
    public static DateTimeOffset? LastScheduledRunStart(string outDir, ResiliencePipeline? warehouseLock = null)
    {
        var path = Path.Combine(outDir, "warehouse.duckdb");
        if (!File.Exists(path)) return null;
        return (warehouseLock ?? ResiliencePipeline.Empty).Execute(() =>
        {
            using var db = WarehouseDb.OpenReadOnly(path);
            // started_at is written as UTC by the run ledger.
            var started = db.Connection.ExecuteScalar<DateTime?>(
                "SELECT max(started_at) FROM meta.runs WHERE trigger IN ('schedule', 'catch_up')");
            return started is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        });
    }
}
