// 'monitor query' cannot change a file on disk, whatever SQL it gets: every write and escape route is
// refused with exit code 2 and the output directory (and a directory outside it) is byte-for-byte unchanged.
using System.Text.Json;
using Dapper;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Warehouse;

public class QuerySafetyTests
{
    QueryWarehouse w = null!;

    [OneTimeSetUp]
    public void BuildWarehouse() => w = new QueryWarehouse();

    [OneTimeTearDown]
    public void RemoveWarehouse() => w.Dispose();

    const string NotRun = "Nothing was run";
    const string FileAccess = "--allow-file-read";

    // {out} is the output directory, {outside} a directory beside it holding people.csv.
    static readonly object[] Refused =
    [
        new object[] { "COPY (SELECT 1 AS x) TO '{out}/warehouse.duckdb'", "COPY" },
        new object[] { "COPY mart.indicator_values TO '{out}/warehouse.duckdb' (FORMAT parquet)", "COPY" },
        new object[] { "COPY (SELECT 'not a pdf') TO '{out}/reports/monitor.pdf'", "COPY" },
        new object[] { "COPY mart.indicator_values TO '{outside}/copy.csv'", "COPY" },
        new object[] { "COPY mart.indicator_values TO '{outside}/new-dir/copy.parquet' (FORMAT parquet)", "COPY" },
        new object[] { "COPY mart.indicator_values FROM '{outside}/people.csv'", "COPY" },
        new object[] { "ATTACH '{out}/warehouse.previous.duckdb' AS previous (READ_WRITE)", "ATTACH" },
        new object[] { "ATTACH '{out}/warehouse.previous.duckdb' AS previous (READ_WRITE); DROP TABLE previous.mart.indicator_values; SELECT 1", "ATTACH" },
        new object[] { "ATTACH '{outside}/other.duckdb' AS other", "ATTACH" },
        new object[] { "DETACH warehouse", "DETACH" },
        new object[] { "EXPORT DATABASE '{outside}/export'", "EXPORT" },
        new object[] { "EXPORT DATABASE '{out}/reports' (FORMAT parquet)", "EXPORT" },
        new object[] { "CREATE TABLE mart.extra AS SELECT 1 AS x", "CREATE" },
        new object[] { "CREATE TEMP TABLE scratch AS SELECT 1 AS x", "CREATE" },
        new object[] { "CREATE VIEW mart.v AS SELECT 1 AS x", "CREATE" },
        new object[] { "CREATE MACRO twice(x) AS x * 2", "CREATE" },
        new object[] { "CREATE SCHEMA extra", "CREATE" },
        new object[] { "INSERT INTO mart.indicator_values (indicator) VALUES ('x')", "INSERT" },
        new object[] { "UPDATE mart.indicator_values SET value = 0", "UPDATE" },
        new object[] { "DELETE FROM meta.runs", "DELETE" },
        new object[] { "DROP TABLE mart.indicator_values", "DROP" },
        new object[] { "ALTER TABLE mart.indicator_values ADD COLUMN extra INTEGER", "ALTER" },
        new object[] { "SET enable_external_access = true", "SET" },
        new object[] { "SET lock_configuration = false", "SET" },
        new object[] { "SET allowed_directories = ['/']", "SET" },
        new object[] { "SET temp_directory = '{out}/spill'", "SET" },
        new object[] { "RESET enable_external_access", "SET" },
        new object[] { "SET enable_external_access = true; SELECT * FROM read_csv('{outside}/people.csv')", "changes a setting" },
        new object[] { "SET VARIABLE a = 1; SET lock_configuration = false; SELECT 1", "changes a setting" },
        new object[] { "USE memory; SELECT 1", "changes a setting" },
        new object[] { "INSTALL httpfs", "INSTALL" },
        new object[] { "LOAD httpfs", "LOAD" },
        new object[] { "LOAD '{outside}/evil.duckdb_extension'", "LOAD" },
        new object[] { "PRAGMA enable_profiling = 'json'", NotRun },
        new object[] { "PRAGMA profiling_output = '{out}/profile.json'", NotRun },
        new object[] { "PRAGMA force_checkpoint", NotRun },
        new object[] { "CHECKPOINT", "(CHECKPOINT …) is not a read" },
        new object[] { "FORCE CHECKPOINT", "(FORCE CHECKPOINT …)" },
        new object[] { "VACUUM", "VACUUM" },
        new object[] { "ANALYZE", NotRun },
        new object[] { "BEGIN TRANSACTION", "BEGIN" },
        new object[] { "PREPARE p AS SELECT 1", "PREPARE" },
        new object[] { "CALL pragma_table_info('mart.indicator_values')", "CALL" },
        new object[] { "EXPLAIN SELECT 1", "EXPLAIN" },
        new object[] { "IMPORT DATABASE '{outside}'", FileAccess },
        new object[] { "EXECUTE p", "EXECUTE" },
        new object[] { "PRAGMA table_info('mart.indicator_values')", NotRun },
        new object[] { "EXPLAIN ANALYZE COPY (SELECT 1) TO '{out}/warehouse.duckdb'", "EXPLAIN" },
        new object[] { "PIVOT mart.indicator_values ON unit USING count(*)", "(PIVOT MART …) is not a read" },
        new object[] { "DROP TABLE mart.indicator_values; SELECT 1", "DROP" },
        new object[] { "COPY (SELECT 1) TO '{out}/warehouse.duckdb'; SELECT 1", "COPY" },
        new object[] { "SELECT 1; DELETE FROM meta.runs", "statement 1 of 2 (SELECT …) is not a SET VARIABLE" },
        new object[] { "SELECT 1; SELECT 2", "only SET VARIABLE" },
        new object[] { "SET VARIABLE a = 1", "not a read" },
        new object[] { "SELECT * FROM read_csv('{outside}/people.csv')", FileAccess },
        new object[] { "SELECT * FROM read_parquet('{outside}/*.parquet')", FileAccess },
        new object[] { "SELECT * FROM glob('{outside}/*')", FileAccess },
        new object[] { "SELECT * FROM read_text('{out}/warehouse.previous.duckdb')", FileAccess },
        new object[] { "SELECT * FROM '{outside}/people.csv'", FileAccess },
        new object[] { "SET VARIABLE f = (SELECT count(*) FROM read_csv('{outside}/people.csv')); SELECT getvariable('f')", FileAccess },
        new object[] { "", "no SQL statement" },
    ];

    string Fill(string sql) => sql.Replace("{out}", w.Out).Replace("{outside}", w.Outside);

    [TestCaseSource(nameof(Refused))]
    public void A_statement_that_writes_or_escapes_is_refused_and_nothing_on_disk_changes(string sql, string expected)
    {
        var before = w.Disk();
        var (exit, stdout, stderr) = w.Query(Fill(sql));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage), stderr);
            Assert.That(stderr, Does.StartWith("error: ").And.Contain(expected));
            Assert.That(stdout, Is.Empty);
            Assert.That(w.Disk(), Is.EqualTo(before));
        });
    }

    [Test]
    public void A_refused_multi_statement_runs_nothing_before_the_refusal()
    {
        // If the first statement had run, the second query would see the variable.
        var (exit, _, stderr) = w.Query("SET VARIABLE seen = 'ran'; SELECT 1; SELECT 2");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), stderr);
        Assert.That(stderr, Does.Contain("statement 2 of 3"));
        using var q = ReadOnlyQuery.Open(w.Warehouse);
        Assert.That(Single(q, "SELECT getvariable('seen') IS NULL"), Is.EqualTo(true));
    }

    [Test]
    public void The_duckdb_settings_are_read_only_and_locked()
    {
        var (exit, stdout, stderr) = w.Query("""
            SELECT current_setting('access_mode') AS access_mode, current_setting('enable_external_access') AS external,
                   current_setting('lock_configuration') AS locked, current_setting('autoinstall_known_extensions') AS autoinstall,
                   current_setting('autoload_known_extensions') AS autoload, current_setting('temp_directory') AS temp
            """, "--format", "csv");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), stderr);
        Assert.That(stdout.Split('\n')[1].TrimEnd('\r'), Is.EqualTo("read_only;False;True;False;False;"));
    }

    [TestCase("SET enable_external_access = true", "locked")]
    [TestCase("SET lock_configuration = false", "locked")]
    [TestCase("SET allowed_directories = ['/']", "")]
    [TestCase("COPY (SELECT 1) TO '{out}/warehouse.duckdb'", "disabled by configuration")]
    [TestCase("COPY (SELECT 1) TO '{outside}/x.csv'", "disabled by configuration")]
    [TestCase("EXPORT DATABASE '{outside}/export'", "disabled by configuration")]
    [TestCase("ATTACH '{out}/warehouse.previous.duckdb' AS p (READ_WRITE)", "disabled by configuration")]
    [TestCase("CREATE TABLE mart.extra AS SELECT 1 AS x", "read-only")]
    [TestCase("DELETE FROM meta.runs", "read-only")]
    [TestCase("INSTALL httpfs", "disabled by configuration")]
    [TestCase("LOAD httpfs", "disabled")]
    public void Without_the_statement_check_duckdb_itself_still_refuses(string sql, string expected)
    {
        // The second line of defence on its own: the statement check is bypassed, DuckDB's settings must hold.
        var before = w.Disk();
        using (var q = ReadOnlyQuery.Open(w.Warehouse))
        {
            var e = Assert.Catch<Exception>(() => q.ExecuteUnchecked(Fill(sql)));
            Assert.That(e!.Message, Does.Contain(expected));
            Assert.That(Single(q, "SELECT current_setting('enable_external_access')"), Is.EqualTo(false));
        }
        Assert.That(w.Disk(), Is.EqualTo(before));
    }

    [Test]
    public void A_read_that_passes_the_check_but_would_checkpoint_changes_nothing()
    {
        var before = w.Disk();
        var (exit, _, stderr) = w.Query("SELECT * FROM checkpoint()");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), stderr);
        Assert.That(w.Disk(), Is.EqualTo(before));
    }

    [Test]
    public void Set_variable_before_a_read_works_and_as_of_gives_the_earlier_vintage()
    {
        // revision.sql: AM01 class 07 2023KW1 has 10 vacancies in the 2023-05-15 vintage and 14 in 2023-08-15.
        const string Sql = "SELECT openstaande_vacatures, vintage FROM staging.stg_uwv_vacatures WHERE periode = '2023KW1' AND arbeidsmarktregio = 'AM01'";
        var before = w.Disk();
        var latest = w.Query(Sql, "--format", "csv");
        var viaSet = w.Query("SET VARIABLE as_of = DATE '2023-06-30';\n" + Sql + ";", "--format", "csv");
        var viaOption = w.Query(Sql, "--format", "csv", "--as-of", "2023-06-30");
        Assert.Multiple(() =>
        {
            Assert.That(latest, Is.EqualTo((0, "openstaande_vacatures;vintage\n14;2023-08-15\n", "")));
            Assert.That(viaSet, Is.EqualTo((0, "openstaande_vacatures;vintage\n10;2023-05-15\n", "")));
            Assert.That(viaOption, Is.EqualTo((0, "openstaande_vacatures;vintage\n10;2023-05-15\n", "")));
            Assert.That(w.Disk(), Is.EqualTo(before));
        });
    }

    [TestCase("DESCRIBE mart.indicator_values", "\nindicator;VARCHAR;")]
    [TestCase("SUMMARIZE mart.indicator_values", "\nindicator;VARCHAR;")]
    [TestCase("SHOW ALL TABLES", ";mart;indicator_values;")]
    [TestCase("SELECT name, type FROM pragma_table_info('mart.indicator_values') WHERE name = 'value'", "\nvalue;DOUBLE\n")]
    [TestCase("WITH t AS (SELECT 41 AS x) FROM t SELECT x + 1 AS y", "y\n42\n")]
    [TestCase("VALUES (1, 'a') UNION ALL VALUES (2, 'b') ORDER BY 1", "\n2;b\n")]
    public void Reads_in_any_of_duckdbs_select_forms_are_allowed(string sql, string expected)
    {
        var before = w.Disk();
        var (exit, stdout, stderr) = w.Query(sql, "--format", "csv");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), stderr);
        Assert.That(stdout, Does.Contain(expected));
        Assert.That(w.Disk(), Is.EqualTo(before));
    }

    [Test]
    public void The_table_stops_at_the_row_limit_and_says_so_on_stderr()
    {
        var (exit, stdout, stderr) = w.Query("SELECT range AS n FROM range(1500)");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), stderr);
        Assert.That(Cells(stdout), Does.Contain("999").And.Not.Contain("1000"));
        Assert.That(Cells(stdout).Count(c => int.TryParse(c, out _)), Is.EqualTo(1000));
        Assert.That(stdout, Does.EndWith("(first 1000 rows; more not shown)" + Environment.NewLine));
        Assert.That(stderr, Does.Contain("stops at 1000 rows").And.Contain("--max-rows"));

        var five = w.Query("SELECT range AS n FROM range(1500)", "--max-rows", "5");
        Assert.That(Cells(five.Out).Where(c => int.TryParse(c, out _)), Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));
        Assert.That(five.Out, Does.Contain("(first 5 rows; more not shown)"));
        Assert.That(five.Error, Does.Contain("stops at 5 rows"));

        var all = w.Query("SELECT range AS n FROM range(1500)", "--max-rows", "0");
        Assert.That((all.ExitCode, all.Error), Is.EqualTo((0, "")));
        Assert.That(Cells(all.Out).Count(c => int.TryParse(c, out _)), Is.EqualTo(1500));
        Assert.That(all.Out, Does.Contain("(1500 rows)"));

        var exact = w.Query("SELECT range AS n FROM range(1000)");
        Assert.That((exact.ExitCode, exact.Error), Is.EqualTo((0, "")));
        Assert.That(exact.Out, Does.Contain("(1000 rows)"));
    }

    static List<string> Cells(string table) => table.Split('\n').Select(l => l.Trim()).ToList();

    [Test]
    public void Csv_and_json_are_never_cut()
    {
        var (exit, stdout, stderr) = w.Query("SELECT range AS n, 'r' || range AS label FROM range(5000) ORDER BY range", "--format", "csv");
        Assert.That((exit, stderr), Is.EqualTo((0, "")));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(5001));
        Assert.That((lines[0], lines[1], lines[^1]), Is.EqualTo(("n;label", "0;r0", "4999;r4999")));

        var json = w.Query("SELECT range AS n, NULL AS nothing, DATE '2024-01-01' + CAST(range AS INTEGER) AS day FROM range(3000) ORDER BY range", "--format", "json");
        Assert.That((json.ExitCode, json.Error), Is.EqualTo((0, "")));
        using var doc = JsonDocument.Parse(json.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.That(rows, Has.Count.EqualTo(3000));
        Assert.That(rows[2999].GetProperty("n").GetInt64(), Is.EqualTo(2999));
        Assert.That(rows[1].GetProperty("day").GetString(), Is.EqualTo("2024-01-02"));
        Assert.That(rows[0].GetProperty("nothing").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var options = w.Query("SELECT 1", "--format", "csv", "--max-rows", "10");
        Assert.That(options.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(options.Error, Does.Contain("table format only"));
    }

    [Test]
    public void Nested_values_times_and_blobs_are_written_out_in_csv()
    {
        var (exit, stdout, stderr) = w.Query(
            "SELECT [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, TIME '12:00:00' AS t, '\\xAA'::BLOB AS b, 'a;b' AS q", "--format", "csv");
        Assert.That((exit, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Is.EqualTo("l;s;t;b;q\n[1, 2];{a: 1, b: 'x'};12:00:00;\\xAA;\"a;b\"\n"));

        // DuckDB.NET cannot read a list holding NULL: a clear failure that says what to do, not a stack trace.
        var unreadable = w.Query("SELECT [1, NULL] AS l", "--format", "csv");
        Assert.That(unreadable.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(unreadable.Error, Does.StartWith("error: the query failed: row 1, column 'l': the value cannot be read").And.Contain("CAST(l AS VARCHAR)"));
        Assert.That(w.Query("SELECT CAST([1, NULL] AS VARCHAR) AS l", "--format", "csv").Out, Is.EqualTo("l\n[1, NULL]\n"));
    }

    [Test]
    public void Allow_file_read_permits_reading_in_that_directory_only_and_never_writing()
    {
        var sibling = w.Outside + "-sibling";
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(sibling, "secret.csv"), "a\n1\n");
        try
        {
            var before = w.Disk();
            var read = w.Query($"SELECT name, age FROM read_csv('{w.OutsideCsv}') ORDER BY age", "--format", "csv", "--allow-file-read", w.Outside);
            Assert.That(read, Is.EqualTo((0, "name;age\nada;36\nalan;41\n", "")));

            var files = w.Query($"SELECT count(*) AS n FROM glob('{w.Outside}/*')", "--format", "csv", "--allow-file-read", w.Outside);
            Assert.That(files, Is.EqualTo((0, "n\n1\n", "")));

            // A directory whose name merely starts with the allowed one, and the parent, stay closed.
            var other = w.Query($"SELECT * FROM read_csv('{sibling}/secret.csv')", "--allow-file-read", w.Outside);
            Assert.That(other.ExitCode, Is.EqualTo(ExitCodes.Usage), other.Error);
            Assert.That(other.Error, Does.Contain("Readable now: " + w.Outside + "/"));
            var up = w.Query($"SELECT * FROM read_csv('{w.Outside}/../outside-sibling/secret.csv')", "--allow-file-read", w.Outside);
            Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Usage), up.Error);

            // Reading is all it allows.
            var copy = w.Query($"COPY (SELECT 1) TO '{w.Outside}/written.csv'", "--allow-file-read", w.Outside);
            Assert.That(copy.ExitCode, Is.EqualTo(ExitCodes.Usage), copy.Error);
            var export = w.Query($"EXPORT DATABASE '{w.Outside}/export'", "--allow-file-read", w.Outside);
            Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Usage), export.Error);
            Assert.That(w.Disk(), Is.EqualTo(before));

            var missing = w.Query("SELECT 1", "--allow-file-read", w.Outside + "-missing");
            Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(missing.Error, Does.Contain("no directory"));
        }
        finally
        {
            Directory.Delete(sibling, recursive: true);
        }
    }

    const string Slow = "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range < 0";

    [Test]
    public void Timeout_stops_a_slow_query()
    {
        var before = w.Disk();
        var (exit, stdout, stderr) = w.Query(Slow, "--timeout", "1");
        Assert.That(exit, Is.EqualTo(ExitCodes.Failure));
        Assert.That(stderr, Is.EqualTo("error: the query timed out after 1 s and was stopped" + Environment.NewLine));
        Assert.That(stdout, Is.Empty);
        Assert.That(w.Disk(), Is.EqualTo(before));

        var bad = w.Query("SELECT 1", "--timeout", "0");
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Cancelling_the_command_interrupts_the_query()
    {
        // System.CommandLine cancels this token on Ctrl-C (SIGINT) and SIGTERM.
        using var cancel = new CancellationTokenSource();
        var stderr = new StringWriter();
        var saved = Console.Error;
        Console.SetError(stderr);
        try
        {
            var parse = Monitor.Cli.CliApp.Root().Parse(["query", Slow, "--out", w.Out]);
            // The query runs on this thread, so the cancellation has to be on its way before it starts.
            cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
            Assert.That(parse.InvokeAsync(cancellationToken: cancel.Token).GetAwaiter().GetResult(), Is.EqualTo(ExitCodes.Failure));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.That(stderr.ToString(), Does.Contain("interrupted"));
    }

    [Test]
    public void A_query_that_fails_in_duckdb_is_a_failure_and_bad_options_are_usage_errors()
    {
        var parse = w.Query("SELEC 1");
        Assert.That(parse.ExitCode, Is.EqualTo(ExitCodes.Failure), parse.Error);
        Assert.That(parse.Error, Does.Contain("does not parse"));
        var bind = w.Query("SELECT * FROM mart.no_such_table");
        Assert.That(bind.ExitCode, Is.EqualTo(ExitCodes.Failure), bind.Error);
        Assert.That(bind.Error, Does.Contain("no_such_table"));
        var run = w.Query("SELECT CAST('x' AS INTEGER)");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.Error);
        Assert.That(w.Query("SELECT 1", "--max-rows", "-1").ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void A_missing_warehouse_is_a_usage_error_and_creates_nothing()
    {
        using var t = new TempDir();
        var @out = t.Combine("nothing-here");
        var (exit, _, stderr) = MonitorCli.Invoke("query", "SELECT 1", "--out", @out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(stderr, Does.Contain("no warehouse at"));
        Assert.That(Directory.Exists(@out), Is.False);
    }

    [Test]
    public void The_locked_settings_do_not_outlive_the_query()
    {
        // DuckDB.NET shares one database instance per file within a process: once the query is closed,
        // the pipeline in the same process must be able to open and write the warehouse again.
        using var t = new TempDir();
        var path = t.Combine("warehouse.duckdb");
        WarehouseDb.OpenForWrite(path).Dispose();
        using (var q = ReadOnlyQuery.Open(path))
            Assert.That(Single(q, "SELECT count(*) FROM meta.schema_migrations"), Is.GreaterThan(0));
        using var db = WarehouseDb.OpenForWrite(path);
        db.Connection.Execute("CREATE TABLE meta.after_query AS SELECT 1 AS x");
        Assert.That(db.Connection.ExecuteScalar<bool>("SELECT current_setting('enable_external_access')"), Is.True);
    }

    static object? Single(ReadOnlyQuery q, string sql)
    {
        object? value = null;
        q.Run(sql, null, _ => { }, row => { value = row[0]; return false; });
        return value;
    }
}
