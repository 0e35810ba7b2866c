// `monitor export`: every table of the mart schema to <out>/exports/<table>.parquet or .csv with a name next to
// each code, the ref tables to <out>/exports/ref/, with DuckDB COPY, and the vacancy-level records, when there are
// any, as a dataset partitioned by year.
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Indicators;

public enum ExportFormat { Parquet, Csv }

public sealed record ExportedTable(string Table, string Path, long Rows);

public static class MartExporter
{
    /// <summary>Folder under exports/ that holds the reference tables.</summary>
    public const string ReferenceFolder = "ref";

    /// <summary>
    /// Every mart table, with a name next to each code (<see cref="NamedSelect"/>), and every ref table (in exports/ref/),
    /// and, when <paramref name="includeDetail"/>, the vacancy-level records in force.
    /// </summary>
    public static IReadOnlyList<ExportedTable> Export(WarehouseDb db, string outDir, ExportFormat format, bool includeDetail = true)
    {
        var dir = Path.Combine(outDir, "exports");
        Directory.CreateDirectory(dir);
        var (extension, options) = format switch
        {
            ExportFormat.Parquet => ("parquet", "FORMAT parquet, COMPRESSION zstd"),
            _ => ("csv", "FORMAT csv, HEADER true, DELIMITER ','"),
        };
        var exported = new List<ExportedTable>();
        foreach (var table in Tables(db, "mart"))
            exported.Add(Copy(db, NamedSelect(db, table), $"mart.{table}", Path.Combine(dir, $"{table}.{extension}"), options));
        var refDir = Path.Combine(dir, ReferenceFolder);
        Directory.CreateDirectory(refDir);
        foreach (var table in Tables(db, "ref"))
            exported.Add(Copy(db, $"SELECT * FROM ref.\"{table}\"", $"ref.{table}", Path.Combine(refDir, $"{table}.{extension}"), options));
        if (includeDetail && ExportDetail(db, dir, extension, options) is { } detail) exported.Add(detail);
        return exported;
    }

    static List<string> Tables(WarehouseDb db, string schema) => db.Connection.Query<string>("""
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = $schema AND table_type = 'BASE TABLE'
        ORDER BY table_name
        """, new { schema }).ToList();

    static ExportedTable Copy(WarehouseDb db, string select, string name, string path, string options)
    {
        var target = Path.GetFullPath(path);
        // Write beside the target and move, so a reader never sees half a file.
        var partial = target + ".partial";
        db.Connection.Execute($"COPY ({select}) TO '{partial.Replace("'", "''")}' ({options})");
        File.Move(partial, target, overwrite: true);
        var rows = db.Connection.ExecuteScalar<long>($"SELECT count(*) FROM ({select})");
        return new ExportedTable(name, target, rows);
    }

    /// <summary>Every region code of the mart with its name: NL, the provinces, labour-market and Techniekpact regions.</summary>
    const string RegionNames = """
        (SELECT 'NL' AS code, 'Nederland' AS naam
         UNION ALL SELECT code, naam FROM ref.provincies
         UNION ALL SELECT code, naam FROM ref.arbeidsmarktregios
         UNION ALL SELECT code, naam FROM ref.techniekpactregios)
        """;

    /// <summary>
    /// The rows of a mart table in its own order, with a name column right after each code column: indicator →
    /// indicator_name (mart.indicator_catalogue), region → region_name, category → category_name (the industry of
    /// arbeidsproductiviteit_groei; NULL for the other indicators, whose categories are words already),
    /// arbeidsmarktregio → arbeidsmarktregio_naam, beroepsklasse → beroepsklasse_naam, provincie → provincie_naam.
    /// </summary>
    public static string NamedSelect(WarehouseDb db, string table)
    {
        var columns = db.Connection.Query<string>("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'mart' AND table_name = $table ORDER BY ordinal_position
            """, new { table }).ToList();
        var select = new List<string>();
        var joins = new List<string>();
        foreach (var c in columns)
        {
            select.Add($"t.\"{c}\"");
            var alias = $"n{joins.Count}";
            switch (c)
            {
                case "indicator":
                    joins.Add($"LEFT JOIN mart.indicator_catalogue AS {alias} ON {alias}.code = t.indicator");
                    select.Add($"{alias}.naam AS indicator_name");
                    break;
                case "region":
                    joins.Add($"LEFT JOIN {RegionNames} AS {alias} ON {alias}.code = t.region");
                    select.Add($"{alias}.naam AS region_name");
                    break;
                case "category" when columns.Contains("indicator"):
                    joins.Add($"LEFT JOIN ref.bedrijfstakken AS {alias} ON t.indicator = 'arbeidsproductiviteit_groei' AND {alias}.code = t.category");
                    select.Add($"{alias}.naam AS category_name");
                    break;
                case "arbeidsmarktregio":
                    joins.Add($"LEFT JOIN ref.arbeidsmarktregios AS {alias} ON {alias}.code = t.arbeidsmarktregio");
                    select.Add($"{alias}.naam AS arbeidsmarktregio_naam");
                    break;
                case "beroepsklasse":
                    joins.Add($"LEFT JOIN ref.beroepen AS {alias} ON {alias}.beroepsklasse = t.beroepsklasse");
                    select.Add($"{alias}.naam AS beroepsklasse_naam");
                    break;
                case "provincie":
                    joins.Add($"LEFT JOIN ref.provincies AS {alias} ON {alias}.code = t.provincie");
                    select.Add($"{alias}.naam AS provincie_naam");
                    break;
            }
        }
        return $"SELECT {string.Join(", ", select)} FROM mart.\"{table}\" AS t {string.Join(" ", joins)} ORDER BY t.rowid";
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
            COPY (SELECT d.vacature_id, d.datum_ontstaan, d.datum_vervuld, d.beroepsklasse, b.naam AS beroepsklasse_naam,
                         d.arbeidsmarktregio, a.naam AS arbeidsmarktregio_naam, d.aantal_posities,
                         d.vintage, d.extract_id, d.line_number, year(d.datum_ontstaan) AS jaar
                  FROM staging.stg_uwv_vacatures_detail AS d
                  LEFT JOIN ref.beroepen AS b ON b.beroepsklasse = d.beroepsklasse
                  LEFT JOIN ref.arbeidsmarktregios AS a ON a.code = d.arbeidsmarktregio)
            TO '{partial.Replace("'", "''")}' ({options}, PARTITION_BY (jaar), FILE_EXTENSION '{extension}')
            """);
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(partial, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        return new ExportedTable("staging.stg_uwv_vacatures_detail", target, rows);
    }
}
