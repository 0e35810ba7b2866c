using Dapper;
using Monitor.Pipeline.Scheduling;
using Monitor.Tests.Support;
using Monitor.Warehouse;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class RunHistoryTests
{
    [Test]
    public void The_last_scheduled_run_is_the_latest_start_of_a_schedule_or_catch_up_run()
    {
        using var dir = new TempDir();
        using (var db = WarehouseDb.OpenForWrite(dir.Combine("warehouse.duckdb")))
        {
            db.Connection.Execute("""
                INSERT INTO meta.runs (run_id, trigger, started_at, status, data_dir, bad_row_threshold) VALUES
                  ('20260327T010005Z-a1', 'schedule', TIMESTAMP '2026-03-27 01:00:05', 'succeeded', '/data', 0.05),
                  ('20260328T090000Z-b2', 'catch_up', TIMESTAMP '2026-03-28 09:00:00', 'failed',    '/data', 0.05),
                  ('20260329T120000Z-c3', 'manual',   TIMESTAMP '2026-03-29 12:00:00', 'succeeded', '/data', 0.05)
                """);
        }

        // The manual run on the 29th does not count; the failed catch-up run does (it did run).
        Assert.That(RunHistory.LastScheduledRunStart(dir.Path), Is.EqualTo(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void No_warehouse_or_no_scheduled_run_means_no_history()
    {
        using var dir = new TempDir();
        Assert.That(RunHistory.LastScheduledRunStart(dir.Path), Is.Null);
        using (WarehouseDb.OpenForWrite(dir.Combine("warehouse.duckdb"))) { }
        Assert.That(RunHistory.LastScheduledRunStart(dir.Path), Is.Null);
    }
}
