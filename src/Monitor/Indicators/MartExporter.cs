// `monitor export`: every table of the mart schema to <out>/exports/<table>.parquet or .csv, with DuckDB COPY.
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Indicators;

public enum ExportFormat { Parquet, Csv }

public sealed record ExportedTable(string Table, string Path, long Rows);

public static class MartExporter
{
    public static IReadOnlyList<ExportedTable> Export(WarehouseDb db, string outDir, ExportFormat format)
    {
        var dir = Path.Combine(outDir, "exports");
        Directory.CreateDirectory(dir);
        var tables = db.Connection.Query<string>("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'mart' AND table_type = 'BASE TABLE'
            ORDER BY table_name
            """).ToList();
        var (extension, options) = format switch
        {
            ExportFormat.Parquet => ("parquet", "FORMAT parquet, COMPRESSION zstd"),
            _ => ("csv", "FORMAT csv, HEADER true, DELIMITER ','"),
        };
        var exported = new List<ExportedTable>();
        foreach (var table in tables)
        {
            var target = Path.GetFullPath(Path.Combine(dir, $"{table}.{extension}"));
            // Write beside the target and move, so a reader never sees half a file.
            var partial = target + ".partial";
            db.Connection.Execute($"COPY (SELECT * FROM mart.\"{table}\") TO '{partial.Replace("'", "''")}' ({options})");
            File.Move(partial, target, overwrite: true);
            var rows = db.Connection.ExecuteScalar<long>($"SELECT count(*) FROM mart.\"{table}\"");
            exported.Add(new ExportedTable($"mart.{table}", target, rows));
        }
        return exported;
    }
}
