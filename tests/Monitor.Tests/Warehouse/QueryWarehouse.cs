// A published-looking output directory for the query tests: a warehouse with the revision fixture and its
// mart built, the restore copy beside it, a report PDF, and a directory outside holding a CSV file.
using System.Security.Cryptography;
using Dapper;
using Monitor.Indicators;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Warehouse;

sealed class QueryWarehouse : IDisposable
{
    readonly TempDir dir = new();
    public string Out => dir.Combine("out");
    public string Outside => dir.Combine("outside");
    public string Warehouse => Path.Combine(Out, "warehouse.duckdb");
    public string Previous => Path.Combine(Out, "warehouse.previous.duckdb");
    public string Pdf => Path.Combine(Out, "reports", "monitor.pdf");
    public string OutsideCsv => Path.Combine(Outside, "people.csv");

    public QueryWarehouse()
    {
        Directory.CreateDirectory(Path.Combine(Out, "reports"));
        Directory.CreateDirectory(Outside);
        using (var db = WarehouseDb.OpenForWrite(Warehouse))
        {
            var reference = ReferenceLoader.Load(dir.Path); // no reference/ here: the shipped tables
            using (var tx = db.Connection.BeginTransaction())
            {
                ReferenceLoader.Write(db.Connection, reference.Data);
                tx.Commit();
            }
            db.Connection.Execute(File.ReadAllText(Path.Combine(Fixtures.Dir("indicators"), "revision.sql")));
            IndicatorBuilder.Build(db, null);
            db.Connection.Execute("CHECKPOINT");
        }
        File.Copy(Warehouse, Previous);
        File.WriteAllBytes(Pdf, "%PDF-1.7 a report"u8.ToArray());
        File.WriteAllText(OutsideCsv, "name,age\nada,36\nalan,41\n");
    }

    /// <summary>Every file and directory under <paramref name="root"/> with its size and SHA-256, one line each.</summary>
    public static string Fingerprint(string root)
    {
        if (!Directory.Exists(root)) return "(no directory)";
        var lines = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p)
                ? $"{Path.GetRelativePath(root, p)} {new FileInfo(p).Length} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))}"
                : $"{Path.GetRelativePath(root, p)}/");
        return string.Join('\n', lines);
    }

    /// <summary>Fingerprints of the output directory and the directory outside, to compare before and after.</summary>
    public string Disk() => Fingerprint(Out) + "\n--\n" + Fingerprint(Outside);

    public (int ExitCode, string Out, string Error) Query(string sql, params string[] options) =>
        MonitorCli.Invoke(["query", sql, "--out", Out, .. options]);

    public void Dispose() => dir.Dispose();
}
