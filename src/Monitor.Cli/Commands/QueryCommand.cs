using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Monitor.Pipeline;
using Monitor.Warehouse;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor query "SQL"`: read-only SQL on the published warehouse, streamed to the console.</summary>
public static class QueryCommand
{
    /// <summary>How many rows the table format shows unless --max-rows says otherwise.</summary>
    public const int DefaultMaxRows = 1000;

    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The SQL: one read, optionally preceded by SET VARIABLE statements" };
        var @out = CommonOptions.Out();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var asOf = CommonOptions.AsOf();
        asOf.Description = "Set the as-of date first (YYYY-MM-DD): staging and intermediate views then show only vintages published on or before it; " +
                           "the same as starting the SQL with SET VARIABLE as_of = DATE 'YYYY-MM-DD';";
        var maxRows = new Option<int?>("--max-rows")
        {
            Description = $"Table format: show at most this many rows (default {DefaultMaxRows}; 0: all). csv and json always give every row",
        };
        var timeout = new Option<int?>("--timeout") { Description = "Stop the query after this many seconds" };
        var allowFileRead = new Option<string[]>("--allow-file-read")
        {
            Description = "Let the SQL read files (read_csv, read_parquet, glob, …) in this directory; repeat for more. Never writes",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("query", "Run read-only SQL on the warehouse") { sql, @out, format, asOf, maxRows, timeout, allowFileRead };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            Path.Combine(parse.GetValue(@out)!, "warehouse.duckdb"), parse.GetValue(sql)!, parse.GetValue(format)!, parse.GetValue(asOf),
            parse.GetValue(maxRows), parse.GetValue(timeout), parse.GetValue(allowFileRead) ?? [], ct)));
        return command;
    }

    static int Run(string path, string sql, string format, DateOnly? asOf, int? maxRows, int? timeoutSeconds,
        IReadOnlyList<string> readable, CancellationToken interrupted)
    {
        if (maxRows is < 0)
            return Usage($"--max-rows must be 0 (all rows) or more, got {maxRows}");
        if (maxRows is not null && format != "table")
            return Usage("--max-rows limits the table format only; csv and json always give every row");
        if (timeoutSeconds is <= 0)
            return Usage($"--timeout must be a number of seconds above 0, got {timeoutSeconds}");
        using var timer = new CancellationTokenSource();
        if (timeoutSeconds is { } t) timer.CancelAfter(TimeSpan.FromSeconds(t));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(interrupted, timer.Token);
        try
        {
            using var query = ReadOnlyQuery.Open(path, readable);
            using var sink = ResultSink.For(format, Console.Out, maxRows ?? DefaultMaxRows);
            query.Run(sql, asOf, sink.Columns, sink.Row, either.Token);
            sink.Finish();
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ReadOnlyViolationException)
        {
            return Usage(e.Message);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine($"error: the query timed out after {timeoutSeconds} s and was stopped");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: the query was interrupted and stopped");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is QueryFailedException or DuckDBException)
        {
            Console.Error.WriteLine($"error: the query failed: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>Writes rows as they arrive. csv and json hold at most a small buffer; the table holds the rows it shows.</summary>
    abstract class ResultSink : IDisposable
    {
        protected const int FlushAt = 64 * 1024;

        public static ResultSink For(string format, TextWriter output, int maxRows) => format switch
        {
            "csv" => new CsvSink(output),
            "json" => new JsonSink(output),
            _ => new TableSink(output, maxRows),
        };

        public abstract void Columns(IReadOnlyList<string> columns);
        public abstract bool Row(object?[] row);
        public abstract void Finish();
        public virtual void Dispose() { }
    }

    sealed class CsvSink(TextWriter output) : ResultSink
    {
        readonly StringBuilder buffer = new();

        public override void Columns(IReadOnlyList<string> columns) => Line(columns);

        public override bool Row(object?[] row)
        {
            Line(row.Select(Text));
            if (buffer.Length >= FlushAt) Flush();
            return true;
        }

        void Line(IEnumerable<string> cells)
        {
            var first = true;
            foreach (var cell in cells)
            {
                if (!first) buffer.Append(';');
                buffer.Append(Quote(cell));
                first = false;
            }
            buffer.AppendLine();
        }

        void Flush()
        {
            output.Write(buffer);
            buffer.Clear();
        }

        public override void Finish()
        {
            Flush();
            output.Flush();
        }
    }

    sealed class JsonSink : ResultSink
    {
        static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        readonly TextWriter output;
        readonly MemoryStream bytes = new();
        readonly Utf8JsonWriter json;
        IReadOnlyList<string> columns = [];

        public JsonSink(TextWriter output)
        {
            this.output = output;
            json = new Utf8JsonWriter(bytes, new JsonWriterOptions { Indented = true });
            json.WriteStartArray();
        }

        public override void Columns(IReadOnlyList<string> columns) => this.columns = columns;

        public override bool Row(object?[] row)
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(columns[i]);
                Value(row[i]);
            }
            json.WriteEndObject();
            if (json.BytesPending + bytes.Length >= FlushAt) Flush();
            return true;
        }

        void Value(object? v)
        {
            switch (v)
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case double d when !double.IsFinite(d): json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
                case float f when !float.IsFinite(f): json.WriteStringValue(f.ToString(CultureInfo.InvariantCulture)); break;
                case BigInteger b when b >= (BigInteger)decimal.MinValue && b <= (BigInteger)decimal.MaxValue: json.WriteNumberValue((decimal)b); break;
                case BigInteger b: json.WriteStringValue(b.ToString(CultureInfo.InvariantCulture)); break;
                case DateTime or DateOnly: json.WriteStringValue(Text(v)); break;
                case Stream blob: json.WriteStringValue(Text(blob)); break;
                default:
                    try { JsonSerializer.Serialize(json, v, v.GetType(), Options); }
                    catch (NotSupportedException) { json.WriteStringValue(Text(v)); }
                    break;
            }
        }

        void Flush()
        {
            json.Flush();
            output.Write(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
            bytes.SetLength(0);
        }

        public override void Finish()
        {
            json.WriteEndArray();
            Flush();
            output.WriteLine();
            output.Flush();
        }

        public override void Dispose() => json.Dispose();
    }

    sealed class TableSink(TextWriter output, int maxRows) : ResultSink
    {
        readonly List<string[]> rows = [];
        IReadOnlyList<string> columns = [];
        bool cut;

        public override void Columns(IReadOnlyList<string> columns) => this.columns = columns;

        public override bool Row(object?[] row)
        {
            if (maxRows > 0 && rows.Count == maxRows)
            {
                cut = true;
                return false;
            }
            rows.Add(row.Select(v => Markup.Escape(Text(v))).ToArray());
            return true;
        }

        public override void Finish()
        {
            var table = new Table().Border(TableBorder.Simple);
            foreach (var c in columns) table.AddColumn(Markup.Escape(c));
            foreach (var row in rows) table.AddRow(row);
            var writer = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            console.Profile.Width = 200;
            console.Write(table);
            writer.WriteLine(cut
                ? $"(first {rows.Count} rows; more not shown)"
                : $"({rows.Count} row{(rows.Count == 1 ? "" : "s")})");
            output.Write(writer.ToString());
            output.Flush();
            if (cut)
                Console.Error.WriteLine(
                    $"note: the table stops at {maxRows} rows and the result has more; --max-rows N shows up to N (0: all), " +
                    "and --format csv or json always gives every row");
        }
    }

    static string Text(object? v) => v switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        Stream s => "\\x" + Convert.ToHexString(ReadAll(s)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // DuckDB STRUCT and MAP values, then LIST and ARRAY values: written out, not as .NET type names.
        System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{Text(k)}: {Nested(d[k])}")) + "}",
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Select(Nested)) + "]",
        _ => v.ToString() ?? "",
    };

    static string Nested(object? v) => v switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''") + "'",
        _ => Text(v),
    };

    static byte[] ReadAll(Stream s)
    {
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    static string Quote(string s) => s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
