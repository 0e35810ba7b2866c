// The warehouse documents itself: on a sample-data warehouse after a second, unchanged (skipped) run, every table
// and column of mart, ref, staging and meta has its comment, the dictionary names nothing that does not exist, the
// example queries of docs/warehouse.md return rows, and the as-of view agrees with the revision history.
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class SelfDocumentingWarehouseTests
{
    TempDir temp = null!;
    RunResult second = null!;

    [OneTimeSetUp]
    public void RunTwice()
    {
        temp = new TempDir();
        // A fixed clock after the last sample vintage (2025-12-31, which would be in the future before it): on 2026-01-05
        // the UWV delivery of 2025-02-14 is overdue, so the freshness check fails (a warning).
        var december = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
        var request = new RunRequest
        {
            DataDir = Path.Combine(Fixtures.RepoRoot, "sample-data"), OutDir = temp.Path, StableFiles = Fixtures.NoWatch,
            Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators, PipelineSteps.Checks],
        };
        var first = StandardSteps.Runner(() => december).Run(request);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Message);
        second = StandardSteps.Runner(() => december.AddDays(1)).Run(request);
    }

    [OneTimeTearDown]
    public void Cleanup() => temp.Dispose();

    WarehouseDb Open() => WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));

    static readonly string Schemas = string.Join(", ", DataDictionary.Schemas.Select(s => $"'{s}'"));

    [Test]
    public void The_second_run_was_skipped_as_unchanged() =>
        Assert.That(second.Status, Is.EqualTo(UnchangedInput.SkippedStatus));

    [Test]
    public void Every_table_view_and_column_of_mart_ref_staging_and_meta_has_a_comment()
    {
        using var db = Open();
        var tables = db.Connection.Query<string>($"""
            SELECT schema_name || '.' || table_name FROM duckdb_tables()
            WHERE schema_name IN ({Schemas}) AND database_name = current_database() AND (comment IS NULL OR comment = '')
            UNION ALL
            SELECT schema_name || '.' || view_name FROM duckdb_views()
            WHERE schema_name IN ({Schemas}) AND database_name = current_database() AND NOT internal AND (comment IS NULL OR comment = '')
            ORDER BY 1
            """).ToList();
        var columns = db.Connection.Query<string>($"""
            SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns()
            WHERE schema_name IN ({Schemas}) AND database_name = current_database() AND (comment IS NULL OR comment = '')
            ORDER BY 1
            """).ToList();
        Assert.That(tables, Is.Empty, "tables and views without a comment: add them to sql/dictionary/<schema>.yaml");
        Assert.That(columns, Is.Empty, "columns without a comment: add them to sql/dictionary/<schema>.yaml");

        // Spot checks: a comment is the dictionary's text, on a table, a view column and a common staging column.
        Assert.That(db.Connection.ExecuteScalar<string>(
                "SELECT comment FROM duckdb_columns() WHERE schema_name = 'ref' AND table_name = 'beroepen' AND column_name = 'domein'"),
            Is.EqualTo("Domain the class counts for in the mart; techniek (class 07), ict (class 08) or overig."));
        Assert.That(db.Connection.ExecuteScalar<string>(
                "SELECT comment FROM duckdb_columns() WHERE schema_name = 'staging' AND table_name = 'stg_uwv_vacatures' AND column_name = 'extract_id'"),
            Is.EqualTo("The extract the row came from (meta.extracts.extract_id)."));
        Assert.That(db.Connection.ExecuteScalar<string>(
                "SELECT comment FROM duckdb_tables() WHERE schema_name = 'mart' AND table_name = 'indicator_revisions'"),
            Does.StartWith("The revision history of every indicator value"));
    }

    [Test]
    public void The_dictionary_describes_only_what_exists()
    {
        using var db = Open();
        var existing = db.Connection.Query<(string Schema, string Table, string Column)>($"""
            SELECT schema_name, table_name, column_name FROM duckdb_columns()
            WHERE schema_name IN ({Schemas}) AND database_name = current_database()
            """).ToList();
        var tables = existing.Select(e => (e.Schema, e.Table)).ToHashSet();
        var columns = existing.ToHashSet();
        var stale = new List<string>();
        foreach (var (schema, file) in DataDictionary.Load())
        {
            foreach (var (table, entry) in file.Tables)
            {
                if (!tables.Contains((schema, table))) { stale.Add($"{schema}.{table}"); continue; }
                stale.AddRange(entry.Columns.Keys.Where(c => !columns.Contains((schema, table, c))).Select(c => $"{schema}.{table}.{c}"));
            }
            stale.AddRange(file.Common.Keys.Where(c => !existing.Any(e => e.Schema == schema && e.Column == c)).Select(c => $"{schema}.*.{c}"));
        }
        Assert.That(stale, Is.Empty, "entries of sql/dictionary/*.yaml for tables or columns the warehouse does not have");
    }

    /// <summary>The statements of every ```sql block of docs/warehouse.md.</summary>
    static IEnumerable<string> DocumentedStatements()
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "docs", "warehouse.md"));
        foreach (Match block in Regex.Matches(text, "```sql\n(.*?)```", RegexOptions.Singleline))
        {
            var code = string.Join("\n", block.Groups[1].Value.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            foreach (var statement in code.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
                yield return statement;
        }
    }

    [Test]
    public void Every_example_query_of_the_warehouse_docs_returns_rows_after_an_unchanged_rerun()
    {
        var statements = DocumentedStatements().ToList();
        Assert.That(statements.Count(s => s.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)), Is.GreaterThanOrEqualTo(8));
        using var db = Open();
        var empty = new List<string>();
        foreach (var statement in statements)
        {
            if (Regex.IsMatch(statement, @"^(SET|RESET)\s", RegexOptions.IgnoreCase))
            {
                db.Connection.Execute(statement);
                continue;
            }
            var rows = ReadOnlyQuery.Run(db, statement).Rows.Count;
            if (rows == 0) empty.Add(statement);
        }
        Assert.That(empty, Is.Empty, "example queries in docs/warehouse.md that returned no rows");
    }

    [Test]
    public void The_as_of_view_agrees_with_the_revision_history_on_every_value()
    {
        // As of 2025-01-01 every value is the one of its last revision on or before that date: the view (computed from
        // staging) and the history (computed per vintage date) reach each figure by different routes.
        using var db = Open();
        db.SetAsOf(new DateOnly(2025, 1, 1));
        var differences = db.Connection.Query<string>("""
            WITH history AS (
                SELECT * FROM mart.indicator_revisions WHERE vintage <= DATE '2025-01-01'
                QUALIFY row_number() OVER (PARTITION BY indicator, domain, period, region, category ORDER BY vintage DESC) = 1
            ),
            known AS (SELECT * FROM history WHERE change <> 'removed')
            SELECT concat_ws('/', coalesce(v.indicator, k.indicator), coalesce(v.domain, k.domain), coalesce(v.period, k.period),
                              coalesce(v.region, k.region), coalesce(v.category, k.category, 'total'))
            FROM mart.indicator_values_as_of AS v
            FULL JOIN known AS k
              ON k.indicator = v.indicator AND k.domain = v.domain AND k.period = v.period AND k.region = v.region
             AND k.category IS NOT DISTINCT FROM v.category
            WHERE v.indicator IS NULL OR k.indicator IS NULL OR v.value IS DISTINCT FROM k.value
            LIMIT 20
            """).ToList();
        Assert.That(differences, Is.Empty);

        // By hand (sample-data/techniekpact): Noord-Holland 2023, men 233,208 + women 47,267 = 280,475 in the 2024-05-15
        // vintage; the 2025-05-15 vintage revised the men to 233,638, so 280,905.
        const string pv27 = """
            SELECT value FROM mart.indicator_values_as_of
            WHERE indicator = 'werkzaam' AND domain = 'techniek' AND period = '2023' AND region = 'PV27'
            """;
        var before = db.Connection.ExecuteScalar<double>(pv27);
        db.SetAsOf(null);
        var after = db.Connection.ExecuteScalar<double>(pv27);
        Assert.That((before, after), Is.EqualTo((280_475.0, 280_905.0)));
        var revised = db.Connection.QuerySingle<(double? Previous, double? Value)>("""
            SELECT previous_value, value FROM mart.indicator_revisions
            WHERE indicator = 'werkzaam' AND domain = 'techniek' AND period = '2023' AND region = 'PV27' AND change = 'revised'
            """);
        Assert.That(revised, Is.EqualTo(((double?)280_475, (double?)280_905)));
    }
}
