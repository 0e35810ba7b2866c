// mart.indicator_revisions: the revision history of every indicator value. The value models are evaluated as of
// every vintage date of the loaded extracts (up to the run's own as-of date), and a row is kept where a value first
// appears, changes, or disappears. Only the value models that read a dataset with an extract of that vintage date
// are evaluated for it: the other values cannot have changed, since a value depends only on the rows in force.
using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

namespace Monitor.Indicators;

public static class RevisionBuilder
{
    static readonly Regex ViewReference = new(@"\b(staging|intermediate)\.([a-z0-9_]+)", RegexOptions.CultureInvariant);
    static readonly Regex RawReference = new(@"\braw\.([a-z0-9_]+)", RegexOptions.CultureInvariant);
    static readonly Regex ValueModel = new(@"\bintermediate\.(int_[a-z0-9_]+)", RegexOptions.CultureInvariant);

    /// <summary>A value model of the union intermediate.int_indicator_values: the raw datasets it reads (transitively), and the
    /// intermediate tables on its way (materialised for the build's date, so they are rebuilt for each vintage date).</summary>
    public sealed record ValueModelInputs(IReadOnlySet<string> Datasets, IReadOnlyList<(string Table, string Sql)> Tables);

    public static IReadOnlyDictionary<string, ValueModelInputs> ModelInputs(IDbConnection connection, IDbTransaction? tx = null)
    {
        var views = connection.Query<(string Schema, string Name, string Sql)>(
                "SELECT schema_name, view_name, sql FROM duckdb_views() WHERE NOT internal AND schema_name IN ('staging', 'intermediate')",
                transaction: tx)
            .ToDictionary(v => $"{v.Schema}.{v.Name}", v => v.Sql, StringComparer.Ordinal);
        if (!views.TryGetValue("intermediate.int_indicator_values", out var union))
            throw new InvalidOperationException("intermediate.int_indicator_values does not exist: the indicator models have not run");
        // Intermediate tables, with the model file that creates them.
        var tableModels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in connection.Query<string>(
                     "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'intermediate' AND database_name = current_database()", transaction: tx))
        {
            var model = Monitor.Warehouse.SqlResources.Folder("intermediate")
                .FirstOrDefault(m => m.Sql.Contains($"TABLE intermediate.{table} ", StringComparison.Ordinal));
            if (model.Sql is not null) tableModels[$"intermediate.{table}"] = model.Sql;
        }
        var result = new Dictionary<string, ValueModelInputs>(StringComparer.Ordinal);
        foreach (var model in ValueModel.Matches(union).Select(m => m.Groups[1].Value).Distinct().Where(m => m != "int_indicator_values"))
        {
            var datasets = new SortedSet<string>(StringComparer.Ordinal);
            var tables = new List<(string, string)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var todo = new Stack<string>([$"intermediate.{model}"]);
            while (todo.Count > 0)
            {
                var name = todo.Pop();
                if (!seen.Add(name)) continue;
                string? sql;
                if (tableModels.TryGetValue(name, out var tableSql)) { sql = tableSql; tables.Add((name, tableSql)); }
                else if (!views.TryGetValue(name, out sql)) continue;
                foreach (Match m in RawReference.Matches(sql)) datasets.Add(m.Groups[1].Value);
                foreach (Match m in ViewReference.Matches(sql)) todo.Push($"{m.Groups[1].Value}.{m.Groups[2].Value}");
            }
            tables.Reverse(); // a table found later in the walk is read by one found earlier: build it first
            result[model] = new ValueModelInputs(datasets, tables);
        }
        return result;
    }

    /// <summary>
    /// Rebuilds mart.indicator_revisions inside the build's transaction. Leaves the as_of variable at the build's date. Returns the number of revision rows.
    /// </summary>
    public static long Build(IDbConnection connection, IDbTransaction tx, DateOnly? asOf)
    {
        var models = ModelInputs(connection, tx);
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE revision_model_datasets (model VARCHAR, dataset VARCHAR);
            CREATE OR REPLACE TEMP TABLE revision_state (
                model VARCHAR, indicator VARCHAR, domain VARCHAR, period VARCHAR, period_type VARCHAR, period_order INTEGER,
                region VARCHAR, region_level VARCHAR, category VARCHAR, value DOUBLE, unit VARCHAR,
                numerator DOUBLE, denominator DOUBLE, source VARCHAR);
            CREATE OR REPLACE TEMP TABLE revision_rows (
                indicator VARCHAR, domain VARCHAR, period VARCHAR, period_type VARCHAR, period_order INTEGER,
                region VARCHAR, region_level VARCHAR, category VARCHAR, vintage DATE, change VARCHAR,
                value DOUBLE, previous_value DOUBLE, unit VARCHAR, numerator DOUBLE, denominator DOUBLE, source VARCHAR,
                extract_ids INTEGER[], file_names VARCHAR[]);
            """, transaction: tx);
        foreach (var (model, inputs) in models)
            foreach (var dataset in inputs.Datasets)
                connection.Execute("INSERT INTO revision_model_datasets VALUES ($model, $dataset)", new { model, dataset }, tx);

        // Every vintage date of a loaded extract, with the datasets that have an extract of that date.
        var vintages = connection.Query<(DateTime Vintage, string Dataset)>("""
                SELECT DISTINCT vintage, source || '_' || dataset
                FROM meta.extracts
                WHERE state = 'loaded' AND vintage <= coalesce(CAST($asOf AS DATE), DATE '9999-12-31')
                ORDER BY 1, 2
                """, new { asOf = asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, tx)
            .GroupBy(v => DateOnly.FromDateTime(v.Vintage), v => v.Dataset)
            .ToList();

        foreach (var group in vintages)
        {
            var day = group.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var affected = models.Where(m => m.Value.Datasets.Overlaps(group)).Select(m => m.Key).ToList();
            if (affected.Count == 0) continue;
            connection.Execute($"SET VARIABLE as_of = DATE '{day}'", transaction: tx);
            RebuildTables(connection, tx, affected.SelectMany(m => models[m].Tables));
            var now = string.Join("\nUNION ALL\n", affected.Select(m => $"""
                SELECT '{m}' AS model, indicator, domain, period, period_type, period_order, region, region_level, category,
                       CAST(value AS DOUBLE) AS value, unit, CAST(numerator AS DOUBLE) AS numerator,
                       CAST(denominator AS DOUBLE) AS denominator, source
                FROM intermediate.{m}
                """));
            var inList = string.Join(", ", affected.Select(m => $"'{m}'"));
            connection.Execute($"""
                CREATE OR REPLACE TEMP TABLE revision_now AS
                {now};

                INSERT INTO revision_rows
                WITH before AS (SELECT * FROM revision_state WHERE model IN ({inList})),
                brought AS (
                    -- the extracts of this vintage date of the datasets a model reads, per supplier
                    SELECT md.model, d.supplier,
                           list(e.extract_id ORDER BY e.extract_id) AS extract_ids,
                           list(e.file_name ORDER BY e.extract_id) AS file_names
                    FROM revision_model_datasets AS md
                    JOIN meta.extracts AS e ON e.source || '_' || e.dataset = md.dataset
                    JOIN meta.datasets AS d ON d.name = md.dataset
                    WHERE e.state = 'loaded' AND e.vintage = DATE '{day}'
                    GROUP BY md.model, d.supplier
                ),
                compared AS (
                    SELECT coalesce(n.model, b.model) AS model,
                           coalesce(n.indicator, b.indicator) AS indicator, coalesce(n.domain, b.domain) AS domain,
                           coalesce(n.period, b.period) AS period, coalesce(n.period_type, b.period_type) AS period_type,
                           coalesce(n.period_order, b.period_order) AS period_order, coalesce(n.region, b.region) AS region,
                           coalesce(n.region_level, b.region_level) AS region_level,
                           CASE WHEN n.indicator IS NULL THEN b.category ELSE n.category END AS category,
                           CASE WHEN b.indicator IS NULL THEN 'first' WHEN n.indicator IS NULL THEN 'removed' ELSE 'revised' END AS change,
                           n.value, b.value AS previous_value, coalesce(n.unit, b.unit) AS unit,
                           n.numerator, n.denominator, coalesce(n.source, b.source) AS source
                    FROM revision_now AS n
                    FULL JOIN before AS b
                      ON b.model = n.model AND b.indicator = n.indicator AND b.domain = n.domain AND b.period = n.period
                     AND b.region = n.region AND b.category IS NOT DISTINCT FROM n.category
                    WHERE b.indicator IS NULL OR n.indicator IS NULL OR n.value IS DISTINCT FROM b.value
                )
                SELECT c.indicator, c.domain, c.period, c.period_type, c.period_order, c.region, c.region_level, c.category,
                       DATE '{day}', c.change, c.value, c.previous_value, c.unit, c.numerator, c.denominator, c.source,
                       coalesce(x.extract_ids, []), coalesce(x.file_names, [])
                FROM compared AS c
                LEFT JOIN brought AS x ON x.model = c.model AND x.supplier = c.source;

                DELETE FROM revision_state WHERE model IN ({inList});
                INSERT INTO revision_state SELECT * FROM revision_now;
                """, transaction: tx);
        }

        // Back to the build's own date for the intermediate tables the mart was built from.
        if (asOf is { } d) connection.Execute($"SET VARIABLE as_of = DATE '{d:yyyy-MM-dd}'", transaction: tx);
        else connection.Execute("RESET VARIABLE as_of", transaction: tx);
        RebuildTables(connection, tx, models.Values.SelectMany(m => m.Tables));
        connection.Execute("""
            CREATE OR REPLACE TABLE mart.indicator_revisions AS
            SELECT indicator, domain, period, period_type, period_order, region, region_level, category,
                   vintage, change, value, previous_value, unit, numerator, denominator, source,
                   CAST(extract_ids AS INTEGER[]) AS extract_ids, CAST(file_names AS VARCHAR[]) AS file_names
            FROM revision_rows
            ORDER BY indicator, domain, region_level, region, period_order, category NULLS FIRST, vintage;
            DROP TABLE revision_rows;
            DROP TABLE IF EXISTS revision_now;
            DROP TABLE revision_state;
            DROP TABLE revision_model_datasets;
            """, transaction: tx);
        return connection.ExecuteScalar<long>("SELECT count(*) FROM mart.indicator_revisions", transaction: tx);
    }

    /// <summary>Recreates intermediate tables (each once, in walk order) for the as-of date now set.</summary>
    static void RebuildTables(IDbConnection connection, IDbTransaction tx, IEnumerable<(string Table, string Sql)> tables)
    {
        foreach (var sql in tables.Select(t => t.Sql).Distinct())
            connection.Execute(sql, transaction: tx);
    }
}
