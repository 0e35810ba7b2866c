// The DuckDB warehouse: opening, migrating in place, and running SQL model folders.
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Monitor.Warehouse;

public sealed class WarehouseDb : IDisposable
{
    public DuckDBConnection Connection { get; }
    public string Path { get; }

    WarehouseDb(string path, DuckDBConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    /// <summary>Opens (creating if needed) a warehouse for writing and brings its schema up to date.</summary>
    public static WarehouseDb OpenForWrite(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        var db = new WarehouseDb(path, connection);
        DataDictionary.Prefetch(); // parsed on another thread while the schema is brought up to date
        // The migrations, the dataset register, the staging views and the comments are one transaction: a new
        // warehouse then costs one commit instead of one for every migration, view and comment (hundreds), and a
        // failure leaves the warehouse as it was.
        using (var tx = connection.BeginTransaction())
        {
            db.Migrate(tx);
            DatasetRegistry.Write(connection, tx);
            db.RunModels("staging", tx);
            DataDictionary.Apply(connection, tx); // the staging views were just recreated, without their comments
            tx.Commit();
        }
        return db;
    }

    /// <summary>Opens an existing warehouse read-only: any statement that writes fails in DuckDB itself.</summary>
    public static WarehouseDb OpenReadOnly(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"no warehouse at {path}: run 'monitor run' first, or pass --out to the directory that holds warehouse.duckdb", path);
        var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return new WarehouseDb(path, connection);
    }

    /// <summary>
    /// Applies the migrations of sql/warehouse/ that this warehouse has not had yet, all in one transaction
    /// (<paramref name="transaction"/>, else one of its own): either all of them are applied or none.
    /// </summary>
    public IReadOnlyList<string> Migrate(IDbTransaction? transaction = null)
    {
        if (transaction is null)
        {
            using var own = Connection.BeginTransaction();
            var names = Migrate(own);
            own.Commit();
            return names;
        }
        Run(Connection, transaction, """
            CREATE SCHEMA IF NOT EXISTS meta;
            CREATE TABLE IF NOT EXISTS meta.schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
            """);
        var applied = Rows(Connection, transaction, "SELECT version, checksum FROM meta.schema_migrations", r => (Version: r.GetInt32(0), Checksum: r.GetString(1)))
            .ToDictionary(r => r.Version, r => r.Checksum);
        var done = new List<string>();
        foreach (var (name, sql) in SqlResources.Folder("warehouse"))
        {
            var version = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16];
            if (applied.TryGetValue(version, out var had))
            {
                if (had != checksum)
                    throw new InvalidOperationException(
                        $"migration {name} was changed after it was applied to {Path} (checksum {had} there, {checksum} now); add a new migration instead of editing an old one");
                continue;
            }
            Run(Connection, transaction, sql);
            Run(Connection, transaction, "INSERT INTO meta.schema_migrations VALUES ($version, $name, $checksum, now()::TIMESTAMP)",
                ("version", version), ("name", name), ("checksum", checksum));
            done.Add(name);
        }
        return done;
    }

    // The statements run once when a warehouse is opened go through plain commands rather than Dapper: Dapper emits
    // and compiles a reader or a parameter writer for every new statement shape, tens of milliseconds of a process's
    // start for a handful of rows.

    /// <summary>The rows of <paramref name="sql"/>, each read by <paramref name="row"/>.</summary>
    internal static List<T> Rows<T>(IDbConnection connection, IDbTransaction? transaction, string sql, Func<IDataRecord, T> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    /// <summary>Runs <paramref name="sql"/> with named parameters ($name in the SQL).</summary>
    internal static void Run(IDbConnection connection, IDbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs every model of a sql/ layer folder (staging) in the order of their depends_on headers, in
    /// <paramref name="transaction"/> when given.
    /// </summary>
    public void RunModels(string folder, IDbTransaction? transaction = null)
    {
        foreach (var model in SqlModels.Order(SqlModels.Layers(folder)))
            Run(Connection, transaction, model.Sql);
    }

    /// <summary>Sets the as-of date the staging views filter on (NULL: latest vintages).</summary>
    public void SetAsOf(DateOnly? asOf)
    {
        if (asOf is { } d)
            Connection.Execute($"SET VARIABLE as_of = DATE '{d:yyyy-MM-dd}'");
        else
            Connection.Execute("RESET VARIABLE as_of");
    }

    public void Dispose() => Connection.Dispose();
}
