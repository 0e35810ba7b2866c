// meta.period_bounds (migration 012): the first and last day of every period of the raw tables, from Domain.Period.
// ExtractStore registers a file's periods when it loads the file; Fill adds whatever period of the raw tables is still
// missing (rows loaded before the migration, rows written by hand), so the bounds always come from the one type and
// SQL never parses a period's text.
using System.Data;
using System.Globalization;
using Dapper;
using Monitor.Domain;
using Monitor.Sources;

namespace Monitor.Warehouse;

public static class PeriodBounds
{
    /// <summary>The kind of period a column holds, or null for a column that is no period.</summary>
    public static PeriodKind? KindOf(CellType type) => type switch
    {
        CellType.Year => PeriodKind.Year,
        CellType.Quarter => PeriodKind.Quarter,
        CellType.SchoolYear => PeriodKind.SchoolYear,
        CellType.ForecastPeriod => PeriodKind.ForecastPeriod,
        _ => null,
    };

    /// <summary>The datasets keyed by a period: the contract, its period column and that column's kind.</summary>
    public static IEnumerable<(DatasetContract Contract, ColumnSpec Column, PeriodKind Kind)> PeriodKeyed() =>
        Contracts.All
            .Select(c => (Contract: c, Column: c.Columns.FirstOrDefault(col => KindOf(col.Type) is not null)))
            .Where(p => p.Column is not null)
            .Select(p => (p.Contract, p.Column!, KindOf(p.Column!.Type)!.Value));

    /// <summary>The period of a validated cell of a period column (its canonical text, or the year as a number).</summary>
    public static Period Of(ColumnSpec column, object? value)
    {
        var kind = KindOf(column.Type) ?? throw new ArgumentException($"column {column.Header} holds no period", nameof(column));
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return Period.TryParse(text, kind, out var period)
            ? period
            : throw new InvalidOperationException($"column {column.Header}: '{text}' is not a {Period.TypeNameOf(kind)}");
    }

    /// <summary>Adds the periods that meta.period_bounds does not have yet.</summary>
    public static void Register(IDbConnection connection, IEnumerable<Period> periods, IDbTransaction? tx = null)
    {
        foreach (var p in periods.Distinct().Order())
            connection.Execute("""
                INSERT INTO meta.period_bounds VALUES ($type, $period, CAST($start AS DATE), CAST($end AS DATE))
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    type = p.TypeName, period = p.ToString(),
                    start = p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    end = p.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }, tx);
    }

    /// <summary>Registers every period of the raw tables that meta.period_bounds lacks. Returns how many it added.</summary>
    public static int Fill(IDbConnection connection, IDbTransaction? tx = null)
    {
        var added = 0;
        foreach (var (contract, column, kind) in PeriodKeyed())
        {
            var missing = connection.Query<string>($"""
                SELECT DISTINCT CAST(r.{column.SqlName} AS VARCHAR) FROM {contract.RawTable} AS r
                WHERE NOT EXISTS (SELECT 1 FROM meta.period_bounds AS b
                                  WHERE b.period_type = $type AND b.period = CAST(r.{column.SqlName} AS VARCHAR))
                """, new { type = Period.TypeNameOf(kind) }, tx).ToList();
            Register(connection, missing.Select(text => Of(column, text)), tx);
            added += missing.Count;
        }
        return added;
    }
}
