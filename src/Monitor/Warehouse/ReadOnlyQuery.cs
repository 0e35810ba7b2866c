// Read-only SQL for researchers and the CLI, read-only by construction: the warehouse is opened read-only,
// DuckDB's own settings forbid file access outside what the caller allows and are then locked, and every
// statement DuckDB's parser finds must be a read (or a SET VARIABLE before the read), checked before any runs.
using System.Runtime.InteropServices;
using Dapper;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Monitor.Warehouse;

public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

public sealed class ReadOnlyQuery : IDisposable
{
    readonly DuckDBConnection connection;

    ReadOnlyQuery(DuckDBConnection connection) => this.connection = connection;

    /// <summary>The directories a query may read files from (empty: none); DuckDB refuses every other path.</summary>
    public IReadOnlyList<string> ReadableDirectories { get; private init; } = [];

    /// <summary>Opens the warehouse for reading only. Files outside it can be read only in
    /// <paramref name="readableDirectories"/>; nothing anywhere can be written.</summary>
    public static ReadOnlyQuery Open(string warehousePath, IReadOnlyList<string>? readableDirectories = null)
    {
        if (!File.Exists(warehousePath))
            throw new FileNotFoundException(
                $"no warehouse at {warehousePath}: run 'monitor run' first, or pass --out to the directory that holds warehouse.duckdb", warehousePath);
        var dirs = (readableDirectories ?? []).Select(DirectoryPrefix).Distinct().ToList();
        var builder = new DuckDBConnectionStringBuilder { DataSource = warehousePath };
        builder["ACCESS_MODE"] = "READ_ONLY";
        // At open, before any SQL: an extension can neither be fetched nor loaded behind a function name.
        builder["autoinstall_known_extensions"] = "false";
        builder["autoload_known_extensions"] = "false";
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            // The order matters: allowed_directories cannot change once external access is off, the
            // temp directory cannot change then either, and nothing can change once the configuration is locked.
            // No temp directory: a large sort fails for lack of memory instead of spilling files beside the warehouse.
            var list = string.Join(", ", dirs.Select(d => "'" + d.Replace("'", "''") + "'"));
            connection.Execute($"SET allowed_directories = [{list}]");
            connection.Execute("SET temp_directory = ''");
            connection.Execute("SET enable_external_access = false");
            connection.Execute("SET lock_configuration = true");
            var locked = connection.QuerySingle<(bool External, string Temp, bool Lock, bool AutoInstall, bool AutoLoad)>("""
                SELECT current_setting('enable_external_access'), current_setting('temp_directory'), current_setting('lock_configuration'),
                       current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions')
                """);
            if (locked != (false, "", true, false, false))
                throw new InvalidOperationException($"DuckDB did not take the read-only settings for {warehousePath}: {locked}");
            return new ReadOnlyQuery(connection) { ReadableDirectories = dirs };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Checks <paramref name="sql"/> without running any of it and returns its statements, in order:
    /// zero or more SET VARIABLE statements and then one read. Anything else throws <see cref="ReadOnlyViolationException"/>
    /// (a statement that is not allowed) or <see cref="QueryFailedException"/> (SQL DuckDB cannot parse or bind).</summary>
    public IReadOnlyList<string> Check(string sql) => StatementGate.Check(connection, sql, ReadableDirectories);

    /// <summary>Checks and then runs <paramref name="sql"/>, handing each row to <paramref name="onRow"/> as DuckDB
    /// produces it (nothing is buffered here); <paramref name="onRow"/> returns false to stop early. With
    /// <paramref name="asOf"/>, 'SET VARIABLE as_of' runs first. Cancelling <paramref name="cancel"/> interrupts DuckDB.</summary>
    public void Run(string sql, DateOnly? asOf, Action<IReadOnlyList<string>> onColumns, Func<object?[], bool> onRow,
        CancellationToken cancel = default)
    {
        var statements = Check(sql);
        using var interrupter = new Interrupter(connection, cancel);
        try
        {
            cancel.ThrowIfCancellationRequested();
            if (asOf is { } d)
                Execute($"SET VARIABLE as_of = DATE '{d:yyyy-MM-dd}'");
            foreach (var set in statements.SkipLast(1))
            {
                cancel.ThrowIfCancellationRequested();
                Execute(set);
            }
            cancel.ThrowIfCancellationRequested();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = statements[^1];
            cmd.UseStreamingMode = true;
            using var reader = cmd.ExecuteReader();
            onColumns(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList());
            for (var n = 1L; reader.Read(); n++)
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = Value(reader, i, n);
                if (!onRow(row)) break;
                cancel.ThrowIfCancellationRequested();
            }
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("the query was interrupted", e, cancel);
        }
        catch (DuckDBException e) when (e.ErrorType == DuckDBErrorType.Permission)
        {
            throw StatementGate.FileAccessRefused(e.Message, ReadableDirectories);
        }
    }

    static object? Value(DuckDBDataReader reader, int column, long row)
    {
        try
        {
            return reader.IsDBNull(column) ? null : reader.GetValue(column);
        }
        catch (InvalidCastException e)
        {
            // DuckDB.NET cannot hand over some values, a list holding NULL for one.
            var name = reader.GetName(column);
            throw new QueryFailedException(
                $"row {row}, column '{name}': the value cannot be read ({e.Message}); cast it in the SQL, for example CAST({name} AS VARCHAR)");
        }
    }

    /// <summary>Runs SQL past the statement check, for tests that show DuckDB's own settings hold by themselves.</summary>
    internal void ExecuteUnchecked(string sql) => Execute(sql);

    void Execute(string statement)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = statement;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a read on an already open read-only warehouse and returns every row; the same statement
    /// check as 'monitor query', for small results inside the program.</summary>
    public static QueryResult Run(WarehouseDb db, string sql)
    {
        var statements = StatementGate.Check(db.Connection, sql);
        foreach (var set in statements.SkipLast(1)) db.Connection.Execute(set);
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = statements[^1];
        using var reader = cmd.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new QueryResult(columns, rows);
    }

    static string DirectoryPrefix(string dir)
    {
        var full = Path.GetFullPath(dir);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"--allow-file-read: no directory {full}");
        // DuckDB compares path prefixes: without the separator, /data/in would also open /data/input.
        return Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
    }

    public void Dispose() => connection.Dispose();

    /// <summary>Interrupts DuckDB when the token fires, and again every 200 ms until the query is over: an
    /// interrupt that lands between two statements is otherwise forgotten when the next one starts.</summary>
    sealed class Interrupter : IDisposable
    {
        readonly object gate = new();
        readonly DuckDBConnection connection;
        readonly CancellationTokenRegistration registration;
        Timer? timer;
        bool done;

        public Interrupter(DuckDBConnection connection, CancellationToken cancel)
        {
            this.connection = connection;
            registration = cancel.Register(() =>
            {
                lock (gate)
                    if (!done) timer = new Timer(_ => Interrupt(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
            });
        }

        void Interrupt()
        {
            lock (gate)
                if (!done) connection.NativeConnection.Interrupt();
        }

        public void Dispose()
        {
            registration.Dispose();
            lock (gate)
            {
                done = true;
                timer?.Dispose();
            }
        }
    }
}

/// <summary>The statement check, before anything runs: DuckDB's parser finds the statements; only a SET VARIABLE
/// or what DuckDB parses as a SELECT is then bound (prepared, not run), and DuckDB confirms its type.</summary>
static class StatementGate
{
    // The values of duckdb_statement_type in DuckDB's C API (duckdb.h). DuckDB.NET 1.5.6.1's own
    // DuckDBStatementType has an extra member and is off by one from PRAGMA on, so it is not used.
    enum StatementType
    {
        Invalid = 0, Select = 1, Insert = 2, Update = 3, Explain = 4, Delete = 5, Prepare = 6, Create = 7, Execute = 8,
        Alter = 9, Transaction = 10, Copy = 11, Analyze = 12, VariableSet = 13, CreateFunc = 14, Drop = 15, Export = 16,
        Pragma = 17, Vacuum = 18, Call = 19, Set = 20, Load = 21, Relation = 22, Extension = 23, LogicalPlan = 24,
        Attach = 25, Detach = 26, Multi = 27,
    }

    [DllImport("duckdb", EntryPoint = "duckdb_prepared_statement_type")]
    static extern int PreparedStatementType(DuckDBPreparedStatement statement);

    const string WhatRuns =
        "'monitor query' runs one read (SELECT, WITH, FROM, VALUES, or what DuckDB turns into a SELECT: DESCRIBE, SHOW, SUMMARIZE), " +
        "optionally preceded by SET VARIABLE statements";

    public static IReadOnlyList<string> Check(DuckDBConnection connection, string sql, IReadOnlyList<string>? readable = null)
    {
        int count;
        using (var parsed = new Parsed(connection, sql, readable)) count = parsed.Count;
        if (count == 0)
            throw new ReadOnlyViolationException("no SQL statement was given");
        var pieces = SqlStatementText.Split(sql);

        // First from the parse alone, nothing bound: binding some statements touches files (EXPORT DATABASE creates
        // its directory when binding), so only what parses as a SET VARIABLE or a SELECT is bound at all.
        for (var i = 0; i < pieces.Count; i++)
        {
            var where = pieces.Count == 1 ? "the statement" : $"statement {i + 1} of {pieces.Count}";
            var words = SqlStatementText.LeadingWords(pieces[i], 2);
            var shown = $"({string.Join(' ', words)} …)";
            if (i < pieces.Count - 1 && words is not ["SET", "VARIABLE"])
                throw new ReadOnlyViolationException(words.FirstOrDefault() is "SET" or "RESET" or "USE" or "PRAGMA"
                    ? $"{where} {shown} changes a setting: only SET VARIABLE statements may come before the read, and DuckDB's settings are locked. Nothing was run."
                    : $"{where} {shown} is not a SET VARIABLE: only SET VARIABLE statements may come before the read. {WhatRuns}. Nothing was run.");
            if (i == pieces.Count - 1 && !ParsesAsSelect(connection, pieces[i]))
                throw new ReadOnlyViolationException(
                    $"{where} {shown} is not a read, and {WhatRuns}; 'monitor query' is read-only, the warehouse is written only by 'monitor run'. Nothing was run.");
        }

        if (pieces.Count != count)
            throw new ReadOnlyViolationException(
                $"DuckDB reads {count} statement(s) where the semicolons give {pieces.Count}; write the SQL as SET VARIABLE statements and one read, each ended by a semicolon. Nothing was run.");

        // Then bound, and DuckDB says the type: each piece alone must be one statement of the type expected, so
        // running the pieces one by one runs exactly what was checked.
        for (var i = 0; i < count; i++)
        {
            var where = count == 1 ? "the statement" : $"statement {i + 1} of {count}";
            var expected = i == count - 1 ? StatementType.Select : StatementType.Set;
            using var alone = new Parsed(connection, pieces[i], readable);
            if (alone.Count != 1)
                throw new ReadOnlyViolationException(
                    $"{where} could not be cut out of the SQL unambiguously; write the SQL as SET VARIABLE statements and one read, each ended by a semicolon. Nothing was run.");
            var type = alone.Type(0, where);
            if (type != expected)
                throw new ReadOnlyViolationException(
                    $"{where} is {Describe(type)} where {Describe(expected)} was expected. {WhatRuns}. Nothing was run.");
        }
        return pieces;
    }

    /// <summary>DuckDB's json_serialize_sql serializes SELECT statements only; it parses and does not bind.</summary>
    static bool ParsesAsSelect(DuckDBConnection connection, string statement)
    {
        var json = connection.ExecuteScalar<string>("SELECT json_serialize_sql(CAST($sql AS VARCHAR))", new { sql = statement })!;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.GetProperty("error").GetBoolean()) return true;
        if (root.TryGetProperty("error_type", out var kind) && kind.GetString() == "parser")
            throw new QueryFailedException($"the SQL does not parse: {root.GetProperty("error_message").GetString()}");
        return false;
    }

    /// <summary>The statements DuckDB's parser finds in a SQL string; <see cref="Type"/> prepares one (binds it, does not run it).</summary>
    sealed class Parsed : IDisposable
    {
        readonly DuckDBConnection connection;
        readonly DuckDBExtractedStatements extracted;
        readonly IReadOnlyList<string>? readable;
        public int Count { get; }

        public Parsed(DuckDBConnection connection, string sql, IReadOnlyList<string>? readable)
        {
            this.connection = connection;
            this.readable = readable;
            Count = NativeMethods.ExtractStatements.DuckDBExtractStatements(connection.NativeConnection, sql, out extracted);
            if (Count == 0)
            {
                var error = NativeMethods.ExtractStatements.DuckDBExtractStatementsError(extracted);
                if (!string.IsNullOrEmpty(error))
                {
                    extracted.Dispose();
                    // IMPORT DATABASE reads its files while the SQL is parsed, and is stopped there.
                    if (error.StartsWith("Permission Error", StringComparison.Ordinal)) throw FileAccessRefused(error, readable);
                    throw new QueryFailedException($"the SQL does not parse: {error}");
                }
            }
        }

        public StatementType Type(int index, string where)
        {
            var state = NativeMethods.ExtractStatements.DuckDBPrepareExtractedStatement(connection.NativeConnection, extracted, index, out var prepared);
            using (prepared)
            {
                if (state == DuckDBState.Success) return (StatementType)PreparedStatementType(prepared);
                var error = NativeMethods.PreparedStatements.DuckDBPrepareError(prepared) ?? "unknown error";
                if (error.StartsWith("Permission Error", StringComparison.Ordinal))
                    throw FileAccessRefused(error, readable);
                throw new QueryFailedException($"{where} failed in DuckDB before anything ran: {error.Split('\n')[0]}");
            }
        }

        public void Dispose() => extracted.Dispose();
    }

    public static ReadOnlyViolationException FileAccessRefused(string duckDbMessage, IReadOnlyList<string>? readable) =>
        new($"the query tried to open a file that 'monitor query' may not touch: it reads the warehouse and, only when asked " +
            $"with --allow-file-read DIR, files in DIR; it never writes. " +
            (readable is { Count: > 0 } ? $"Readable now: {string.Join(", ", readable)}. " : "") +
            $"(DuckDB: {duckDbMessage.Split('\n')[0]})");

    static string Describe(StatementType type) => type switch
    {
        StatementType.Select => "a read",
        StatementType.Set => "a SET VARIABLE",
        _ => $"a statement of type {type.ToString().ToUpperInvariant()}",
    };
}

/// <summary>A statement that 'monitor query' does not run: it is not a read, or it opens a file it may not.</summary>
public sealed class ReadOnlyViolationException : Exception
{
    public ReadOnlyViolationException(string message) : base(message) { }
    public ReadOnlyViolationException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>SQL that DuckDB could not parse or bind; nothing of it ran.</summary>
public sealed class QueryFailedException(string message) : Exception(message);
