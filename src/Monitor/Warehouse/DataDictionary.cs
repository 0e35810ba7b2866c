// The data dictionary: a comment on every table, view and column of mart, ref, staging and meta, kept as data in
// sql/dictionary/<schema>.yaml (embedded, see Monitor.csproj) and written into the warehouse with COMMENT ON, so
// duckdb_tables(), duckdb_views(), duckdb_columns() and any client's schema browser show it. DuckDB drops a
// comment when its object is recreated, so Apply runs again after the staging views are created and after the
// mart models ran.
using System.Data;
using System.Globalization;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Warehouse;

public static class DataDictionary
{
    public const string Folder = "sql/dictionary/";

    /// <summary>The schemas the dictionary covers.</summary>
    public static readonly IReadOnlyList<string> Schemas = ["mart", "meta", "ref", "staging"];

    public sealed class SchemaFile
    {
        public string Schema { get; set; } = "";
        /// <summary>Comments for a column name in any table of the schema that has no entry of its own.</summary>
        public Dictionary<string, string> Common { get; set; } = new(StringComparer.Ordinal);
        public Dictionary<string, TableEntry> Tables { get; set; } = new(StringComparer.Ordinal);
    }

    public sealed class TableEntry
    {
        public string Comment { get; set; } = "";
        public Dictionary<string, string> Columns { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>The embedded files as <see cref="Apply"/> reads them: parsed once a process (they are part of the build).</summary>
    static readonly Lazy<IReadOnlyDictionary<string, SchemaFile>> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Starts parsing the embedded files on a thread-pool thread, so that a later <see cref="Apply"/> finds them ready
    /// (opening a warehouse calls this before it migrates). A failure is not lost: <see cref="Apply"/> raises it.
    /// </summary>
    public static void Prefetch()
    {
        if (Embedded.IsValueCreated) return;
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try { _ = Embedded.Value; }
            catch (Exception) { /* cached by the Lazy and raised again where Apply reads it */ }
        }, null);
    }

    /// <summary>The embedded dictionary files, keyed by schema.</summary>
    public static IReadOnlyDictionary<string, SchemaFile> Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var files = new Dictionary<string, SchemaFile>(StringComparer.Ordinal);
        foreach (var name in typeof(DataDictionary).Assembly.GetManifestResourceNames()
                     .Select(n => n.Replace('\\', '/'))
                     .Where(n => n.StartsWith(Folder, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var file = deserializer.Deserialize<SchemaFile>(SqlResources.Read(name))
                ?? throw new InvalidOperationException($"{name} is empty");
            if (string.IsNullOrWhiteSpace(file.Schema))
                throw new InvalidOperationException($"{name} names no schema ('schema: <name>')");
            files[file.Schema] = file;
        }
        return files;
    }

    /// <summary>The comment the dictionary has for a table or view, or null.</summary>
    public static string? TableComment(IReadOnlyDictionary<string, SchemaFile> dictionary, string schema, string table) =>
        dictionary.TryGetValue(schema, out var f) && f.Tables.TryGetValue(table, out var t) && !string.IsNullOrWhiteSpace(t.Comment)
            ? t.Comment.Trim() : null;

    /// <summary>The comment the dictionary has for a column (its own entry, else the schema's common one), or null.</summary>
    public static string? ColumnComment(IReadOnlyDictionary<string, SchemaFile> dictionary, string schema, string table, string column)
    {
        if (!dictionary.TryGetValue(schema, out var f)) return null;
        if (f.Tables.TryGetValue(table, out var t) && t.Columns.TryGetValue(column, out var own) && !string.IsNullOrWhiteSpace(own))
            return own.Trim();
        return f.Common.TryGetValue(column, out var common) && !string.IsNullOrWhiteSpace(common) ? common.Trim() : null;
    }

    /// <summary>
    /// Writes the comments onto every table, view and column of the covered schemas that exists in the warehouse and
    /// that the dictionary describes (objects it does not describe are left alone; the tests name them). A comment the
    /// object already has is not written again (a table keeps its comments from run to run; recreated views lose
    /// theirs). All in one transaction: <paramref name="tx"/>, else one of its own. Returns the number of comments written.
    /// </summary>
    public static int Apply(IDbConnection connection, IDbTransaction? tx = null)
    {
        var dictionary = Embedded.Value;
        var schemas = string.Join(", ", Schemas.Select(s => $"'{s}'"));
        var objects = WarehouseDb.Rows(connection, tx, $"""
            SELECT schema_name, table_name, 'TABLE', comment FROM duckdb_tables() WHERE schema_name IN ({schemas}) AND database_name = current_database()
            UNION ALL
            SELECT schema_name, view_name, 'VIEW', comment FROM duckdb_views() WHERE schema_name IN ({schemas}) AND NOT internal AND database_name = current_database()
            """, r => (Schema: r.GetString(0), Name: r.GetString(1), Kind: r.GetString(2), Comment: r.IsDBNull(3) ? null : r.GetString(3)));
        var kinds = objects.ToDictionary(o => (o.Schema, o.Name), o => o.Kind);
        var columns = WarehouseDb.Rows(connection, tx, $"""
            SELECT schema_name, table_name, column_name, comment FROM duckdb_columns()
            WHERE schema_name IN ({schemas}) AND database_name = current_database()
            ORDER BY schema_name, table_name, column_index
            """, r => (Schema: r.GetString(0), Table: r.GetString(1), Column: r.GetString(2), Comment: r.IsDBNull(3) ? null : r.GetString(3)));

        var sql = new StringBuilder();
        var written = 0;
        foreach (var o in objects)
        {
            if (TableComment(dictionary, o.Schema, o.Name) is not { } comment || comment == o.Comment) continue;
            sql.Append(CultureInfo.InvariantCulture, $"COMMENT ON {o.Kind} {o.Schema}.\"{o.Name}\" IS {Literal(comment)};\n");
            written++;
        }
        foreach (var c in columns)
        {
            if (!kinds.ContainsKey((c.Schema, c.Table))) continue;
            if (ColumnComment(dictionary, c.Schema, c.Table, c.Column) is not { } comment || comment == c.Comment) continue;
            sql.Append(CultureInfo.InvariantCulture, $"COMMENT ON COLUMN {c.Schema}.\"{c.Table}\".\"{c.Column}\" IS {Literal(comment)};\n");
            written++;
        }
        if (sql.Length == 0) return 0;
        if (tx is not null) WarehouseDb.Run(connection, tx, sql.ToString());
        else
        {
            // One commit for all of them, not one a comment.
            using var own = connection.BeginTransaction();
            WarehouseDb.Run(connection, own, sql.ToString());
            own.Commit();
        }
        return written;
    }

    static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
