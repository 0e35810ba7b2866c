// `monitor export`: every table of the mart schema to <out>/exports/<table>.parquet or .csv, with DuckDB COPY,
// and the vacancy-level records, when there are any, as a dataset partitioned by year.
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Indicators;

public enum ExportFormat { Parquet, Csv }

public sealed record ExportedTable(string Table, string Path, long Rows);

public static class MartExporter
{
    /// <param name="includeDetail">False for the site, which offers the marts but not the vacancy-level records.</param>
    public static IReadOnlyList<ExportedTable> Export(WarehouseDb db, string outDir, ExportFormat format, bool includeDetail = true)
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
        if (includeDetail && ExportDetail(db, dir, extension, options) is { } detail) exported.Add(detail);
        return exported;
    }

    public const string DetailFolder = "uwv_vacatures_detail";

    /// <summary>
    /// The vacancy-level records in force, as a Hive-partitioned dataset (uwv_vacatures_detail/jaar=YYYY/…) by the
    /// year the vacancy arose: Spark, Trino, DuckDB and pandas read the folder directly and skip years a query does
    /// not touch. Built in a side folder and swapped in, so readers never see a half-written dataset.
    /// </summary>
    static ExportedTable? ExportDetail(WarehouseDb db, string dir, string extension, string options)
    {
        db.SetAsOf(null);
        var rows = db.Connection.ExecuteScalar<long>("SELECT count(*) FROM staging.stg_uwv_vacatures_detail");
        var target = Path.GetFullPath(Path.Combine(dir, DetailFolder));
        if (rows == 0)
        {
            // No records (any more): an old export would claim figures the warehouse does not hold.
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            return null;
        }
        var partial = target + ".partial";
        var old = target + ".old";
        foreach (var leftover in new[] { partial, old }) if (Directory.Exists(leftover)) Directory.Delete(leftover, recursive: true);
        db.Connection.Execute($"""
            COPY (SELECT vacature_id, datum_ontstaan, datum_vervuld, beroepsklasse, arbeidsmarktregio, aantal_posities,
                         vintage, extract_id, line_number, year(datum_ontstaan) AS jaar
                  FROM staging.stg_uwv_vacatures_detail)
            TO '{partial.Replace("'", "''")}' ({options}, PARTITION_BY (jaar), FILE_EXTENSION '{extension}')
            """);
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(partial, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        return new ExportedTable("staging.stg_uwv_vacatures_detail", target, rows);
    }
}
