// Runs the data-quality checks of sql/checks/ (each a query returning the offending rows) and
// records their outcome in meta.check_results.
using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Indicators;

/// <summary>
/// One check file: its name, severity, description (English, for logs) and omschrijving (Dutch, for the report)
/// from the header comments, and its query.
/// </summary>
public sealed record CheckDefinition(string Name, string Severity, string Description, string Sql, string? Omschrijving = null)
{
    static readonly Regex Header = new(@"^--\s*(severity|description|omschrijving)\s*:\s*(.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static IReadOnlyList<CheckDefinition> All() =>
        SqlResources.Folder(CheckRunner.CheckFolder).Select(f => Parse(f.Name, f.Sql)).ToList();

    /// <summary>Reads the <c>-- severity:</c>, <c>-- description:</c> and optional <c>-- omschrijving:</c> lines that open a check file.</summary>
    public static CheckDefinition Parse(string name, string sql)
    {
        string? severity = null, description = null, omschrijving = null;
        foreach (var line in sql.Split('\n').Select(l => l.Trim()).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)))
        {
            var m = Header.Match(line);
            if (!m.Success) continue;
            switch (m.Groups[1].Value.ToLowerInvariant())
            {
                case "severity": severity = m.Groups[2].Value.ToLowerInvariant(); break;
                case "description": description = m.Groups[2].Value; break;
                default: omschrijving = m.Groups[2].Value; break;
            }
        }
        if (severity is not ("error" or "warning"))
            throw new InvalidOperationException(
                $"check sql/checks/{name}.sql must start with '-- severity: error' or '-- severity: warning' (found '{severity ?? "nothing"}')");
        if (string.IsNullOrWhiteSpace(description))
            throw new InvalidOperationException($"check sql/checks/{name}.sql has no '-- description: ...' line in its header");
        var query = sql.Trim().TrimEnd(';').TrimEnd();
        return new CheckDefinition(name, severity, description, query, omschrijving);
    }
}

/// <summary>The outcome of one check: failed when its query returned rows.</summary>
public sealed record CheckResult(string Name, string Severity, string Status, long FailingRows, string Sample, string Description,
    string? Omschrijving = null)
{
    public bool Passed => Status == "passed";
    /// <summary>A failed check of severity error: the run must not publish.</summary>
    public bool Blocking => !Passed && Severity == "error";
}

public static class CheckRunner
{
    public const string CheckFolder = "checks";
    const int SampleSize = 5;

    /// <summary>
    /// Runs every check against the warehouse and replaces the run's rows in meta.check_results.
    /// <paramref name="today"/> is the date the freshness check compares vintages with (DuckDB variable
    /// <c>today</c>). The checks see the same vintages as the mart: the as-of date is taken from
    /// mart.indicator_values when it has rows. Run after <see cref="IndicatorBuilder.Build"/>.
    /// </summary>
    public static IReadOnlyList<CheckResult> Run(WarehouseDb db, string runId, DateOnly today)
    {
        var connection = db.Connection;
        PeriodBounds.Fill(connection); // the checks read the staging views, which carry the periods' first and last day
        connection.Execute($"SET VARIABLE today = DATE '{today:yyyy-MM-dd}'");
        AlignAsOfWithMart(db);

        var results = new List<CheckResult>();
        foreach (var check in CheckDefinition.All())
        {
            try
            {
                connection.Execute($"CREATE OR REPLACE TEMP TABLE check_rows AS\n{check.Sql}\n");
                var failing = connection.ExecuteScalar<long>("SELECT count(*) FROM check_rows");
                var sample = failing == 0
                    ? "[]"
                    : connection.ExecuteScalar<string>(
                        $"SELECT CAST(to_json(list(q)) AS VARCHAR) FROM (SELECT * FROM check_rows LIMIT {SampleSize}) AS q") ?? "[]";
                results.Add(new CheckResult(check.Name, check.Severity, failing == 0 ? "passed" : "failed", failing, sample, check.Description, check.Omschrijving));
            }
            catch (DbException e)
            {
                throw new InvalidOperationException($"check sql/checks/{check.Name}.sql could not run: {e.Message}", e);
            }
            finally
            {
                connection.Execute("DROP TABLE IF EXISTS check_rows");
            }
        }

        using var tx = connection.BeginTransaction();
        connection.Execute("DELETE FROM meta.check_results WHERE run_id = $run_id", new { run_id = runId }, tx);
        foreach (var r in results)
        {
            connection.Execute("""
                INSERT INTO meta.check_results (run_id, check_name, severity, status, failing_rows, sample, description, checked_at, omschrijving)
                VALUES ($run_id, $check_name, $severity, $status, $failing_rows, $sample, $description, now()::TIMESTAMP, $omschrijving)
                """,
                new { run_id = runId, check_name = r.Name, severity = r.Severity, status = r.Status, failing_rows = r.FailingRows, sample = r.Sample, description = r.Description, omschrijving = r.Omschrijving },
                tx);
        }
        tx.Commit();
        return results;
    }

    static void AlignAsOfWithMart(WarehouseDb db)
    {
        var built = db.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'mart' AND table_name = 'indicator_values'");
        if (built == 0) return;
        var asOf = db.Connection.Query<DateOnly?>("SELECT DISTINCT as_of FROM mart.indicator_values").ToList();
        if (asOf.Count == 1) db.SetAsOf(asOf[0]);
    }
}
