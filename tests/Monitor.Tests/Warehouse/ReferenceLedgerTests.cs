// The quarantined rows of the target register carry extract_id 0 in meta.quarantine. The appender must write that as a
// whole INTEGER: bound as sbyte (what a bare constant 0 picks among DuckDB.NET's overloads) it writes one byte of the
// cell, and the other three are whatever the memory held, so many rows after memory was used show other ids.
using Dapper;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Warehouse;

public class ReferenceLedgerTests
{
    [Test]
    public void Every_quarantined_register_row_has_extract_id_0_and_is_replaced_by_the_next_run()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t.Combine("data", "reference"));
        // 3,000 rows for an unknown indicator: each one quarantined (line 2 to 3,001).
        var lines = Enumerable.Range(0, 3000).Select(i => $"bestaat_niet;ict;NL;;minimum;{i};;;test");
        File.WriteAllText(t.Combine("data", "reference", "doelen.csv"),
            "Indicator;Domein;Regio;Categorie;Soort;Waarde;Basisjaar;Doeljaar;Bron\n" + string.Join("\n", lines) + "\n");
        var reference = ReferenceLoader.Load(t.Combine("data"));
        Assert.That(reference.RegisterErrors.Select(e => e.LineNumber).Distinct().Count(), Is.EqualTo(3000));

        using var db = WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"));
        db.Migrate();
        for (var run = 1; run <= 8; run++)
        {
            // Memory that held other numbers before the appender's buffers take it.
            db.Connection.Execute("CREATE OR REPLACE TABLE scratch AS SELECT (range % 97 + 1)::INTEGER * 16843009 AS x FROM range(200000)");
            ReferenceLedger.Record(db.Connection, $"run-{run}", reference);
        }
        db.Connection.Execute("DROP TABLE scratch");

        var ids = db.Connection.Query<(int Id, long Rows)>(
            "SELECT extract_id, count(*) FROM meta.quarantine GROUP BY extract_id ORDER BY extract_id").ToList();
        Assert.That(ids, Is.EqualTo(new[] { (0, (long)reference.RegisterErrors.Count) }), "extract_id 0 on every row, and only the last run's rows");
    }
}
