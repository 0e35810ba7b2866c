// What a run published into an output directory, captured so that a test can show it did not change.
using System.Security.Cryptography;
using Dapper;
using Monitor.Pipeline.Locking;
using Monitor.Pipeline.Publishing;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

/// <param name="Files">sha256 of every published file by its path under the output directory (the warehouse apart).</param>
/// <param name="Tables">Per table of the published warehouse, the row count and an md5 of its sorted rows; the ledger apart.</param>
/// <param name="Runs">The ledger: meta.runs as (run_id, status), in run order.</param>
sealed record PublishedState(
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, string> Tables,
    IReadOnlyList<(string RunId, string Status)> Runs)
{
    /// <summary>
    /// The ledger tables are written even by a failed run (that is how it says why it failed, and what it found in
    /// the delivery); every other table must stay as the last good publish left it.
    /// </summary>
    public static readonly string[] LedgerTables =
        ["meta.runs", "meta.run_steps", "meta.run_files", "meta.unpublished_extracts", "meta.unpublished_quarantine", "meta.unpublished_extract_messages"];

    /// <summary>
    /// last-run.json describes the last run whatever its outcome, and the lock file is the lock: neither is a
    /// published result. The warehouse file is compared by content (Tables), because the ledger is inside it.
    /// </summary>
    static readonly string[] NotResults = ["last-run.json", RunLock.FileName, "warehouse.duckdb"];

    public static PublishedState Capture(string outDir) => new(HashFiles(outDir), TableFingerprints(Path.Combine(outDir, "warehouse.duckdb")), RunsOf(outDir));

    /// <summary>sha256 per file below <paramref name="outDir"/>, except run bookkeeping (.work, .publish, logs).</summary>
    public static Dictionary<string, string> HashFiles(string outDir, IEnumerable<string>? alsoSkip = null)
    {
        var skip = NotResults.Concat(alsoSkip ?? []).ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/'))
            .Where(rel => !skip.Contains(rel) && !skip.Contains(Path.GetFileName(rel))
                          && !rel.StartsWith(Publisher.WorkFolder + "/", StringComparison.Ordinal)
                          && !rel.StartsWith(Publisher.PublishFolder + "/", StringComparison.Ordinal)
                          && !rel.StartsWith("logs/", StringComparison.Ordinal))
            .OrderBy(rel => rel, StringComparer.Ordinal)
            .ToDictionary(rel => rel, rel => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(outDir, rel)))));
    }

    public static Dictionary<string, string> TableFingerprints(string warehouse)
    {
        using var db = WarehouseDb.OpenReadOnly(warehouse);
        var tables = db.Connection.Query<string>(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1").ToList();
        return tables.Where(t => !LedgerTables.Contains(t)).ToDictionary(t => t, t => db.Connection.QuerySingle<string>(
            $"SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(r::VARCHAR, chr(10) ORDER BY r::VARCHAR)), '-') FROM {t} AS r"));
    }

    public static List<(string, string)> RunsOf(string outDir)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        return db.Connection.Query<(string, string)>("SELECT run_id, status FROM meta.runs ORDER BY started_at, run_id").ToList();
    }

    /// <summary>A run's ledger entry and its steps, from the published warehouse.</summary>
    public static (string Trigger, string Status, string? Message, List<(string Step, string Status, string? Message)> Steps) Ledger(string outDir, string runId)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        var run = db.Connection.QuerySingle<(string, string, string?)>("SELECT trigger, status, message FROM meta.runs WHERE run_id = $runId", new { runId });
        var steps = db.Connection.Query<(string, string, string?)>(
            "SELECT step, status, message FROM meta.run_steps WHERE run_id = $runId ORDER BY started_at, step", new { runId }).ToList();
        return (run.Item1, run.Item2, run.Item3, steps);
    }
}

/// <summary>A small data directory that a full run (report included) accepts: the reference tables and UWV extracts.</summary>
static class SmallData
{
    public const string Header = "Periode;Arbeidsmarktregio;Beroepsklasse;Openstaande_vacatures;WW_korter_dan_half_jaar\n";

    /// <summary>2023KW3 and 2023KW4 for AM01 and AM13, classes 01, 07 and 08: 12 rows. Vacancies 100 + 10·class + quarter, WW 40.</summary>
    public static string BaseRows()
    {
        var rows = new System.Text.StringBuilder(Header);
        foreach (var (quarter, q) in new[] { ("2023KW3", 3), ("2023KW4", 4) })
            foreach (var region in new[] { "AM01", "AM13" })
                foreach (var cls in new[] { 1, 7, 8 })
                    rows.Append($"{quarter};{region};{cls:00};{100 + 10 * cls + q};40\n");
        return rows.ToString();
    }

    /// <summary>A data directory with the reference tables and uwv/uwv_vacatures_2024-02-15.csv (BaseRows).</summary>
    public static string Create(string dir)
    {
        Fixtures.CopyDirectory(Path.Combine(Fixtures.RepoRoot, "sample-data", "reference"), Path.Combine(dir, "reference"));
        Directory.CreateDirectory(Path.Combine(dir, "uwv"));
        File.WriteAllText(Path.Combine(dir, "uwv", "uwv_vacatures_2024-02-15.csv"), BaseRows());
        return dir;
    }
}
