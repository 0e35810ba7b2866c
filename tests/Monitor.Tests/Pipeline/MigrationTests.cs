using Dapper;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class MigrationTests
{
    [Test]
    public void AnExistingWarehouseIsUpgradedInPlaceKeepingItsData()
    {
        using var t = new TempDir();
        var path = t.Combine("warehouse.duckdb");
        int all;
        using (var db = WarehouseDb.OpenForWrite(path))
        {
            all = db.Connection.ExecuteScalar<int>("SELECT count(*) FROM meta.schema_migrations");
            // Pretend this warehouse was made by an older version that knew only the first migration:
            // forget the later ones and drop what they created.
            db.Connection.Execute("DELETE FROM meta.schema_migrations WHERE version > 1");
            db.Connection.Execute("DROP SCHEMA raw CASCADE; DROP SCHEMA ref CASCADE; DROP SCHEMA staging CASCADE;");
            db.Connection.Execute("CREATE SCHEMA raw; CREATE SCHEMA ref; CREATE SCHEMA staging;");
            db.Connection.Execute("INSERT INTO meta.runs (run_id, trigger, started_at, status, data_dir, bad_row_threshold) VALUES ('old-run', 'manual', TIMESTAMP '2024-01-01 02:00:00', 'succeeded', 'x', 0.05)");
        }
        using (var db = WarehouseDb.OpenForWrite(path))
        {
            Assert.That(db.Connection.ExecuteScalar<int>("SELECT count(*) FROM meta.schema_migrations"), Is.EqualTo(all));
            Assert.That(db.Connection.ExecuteScalar<string>("SELECT run_id FROM meta.runs"), Is.EqualTo("old-run"), "the ledger survives the upgrade");
            Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(0), "the raw tables were created again");
        }
    }

    [Test]
    public void AnAppliedMigrationThatWasEditedIsRefused()
    {
        using var t = new TempDir();
        var path = t.Combine("warehouse.duckdb");
        using (var db = WarehouseDb.OpenForWrite(path))
            db.Connection.Execute("UPDATE meta.schema_migrations SET checksum = 'edited' WHERE version = 1");
        var e = Assert.Throws<InvalidOperationException>(() => WarehouseDb.OpenForWrite(path).Dispose());
        Assert.That(e!.Message, Does.Contain("was changed after it was applied"));
    }

    [Test]
    public void QueryRefusesToWrite()
    {
        using var t = new TempDir();
        var path = t.Combine("warehouse.duckdb");
        WarehouseDb.OpenForWrite(path).Dispose();
        using var db = WarehouseDb.OpenReadOnly(path);
        var e = Assert.Throws<ReadOnlyViolationException>(() => ReadOnlyQuery.Run(db, "DELETE FROM meta.runs"));
        Assert.That(e!.Message, Does.Contain("read-only"));
        Assert.That(ReadOnlyQuery.Run(db, "SELECT 1 + 1 AS two").Rows.Single()[0], Is.EqualTo(2));
    }

    [Test]
    public void RawTablesMatchTheContracts()
    {
        using var t = new TempDir();
        using var db = WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"));
        foreach (var contract in Monitor.Sources.Contracts.All)
        {
            var actual = db.Connection.Query<(string Name, string Type)>(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = $t ORDER BY ordinal_position",
                new { t = contract.Name }).ToList();
            var expected = new List<(string, string)> { ("extract_id", "INTEGER"), ("vintage", "DATE"), ("line_number", "BIGINT") };
            foreach (var c in contract.Columns)
            {
                expected.Add((c.SqlName, c.SqlType));
                if (c.HasStatus) expected.Add((c.SqlName + "_status", "VARCHAR"));
            }
            Assert.That(actual, Is.EqualTo(expected), contract.RawTable);
        }
    }
}
