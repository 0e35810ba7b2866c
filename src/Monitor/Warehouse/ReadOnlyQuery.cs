// Read-only SQL for researchers and the CLI: the warehouse is opened read-only, so DuckDB itself refuses writes.
using System.Data;
using DuckDB.NET.Data;

namespace Monitor.Warehouse;

public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

public static class ReadOnlyQuery
{
    public static QueryResult Run(WarehouseDb db, string sql)
    {
        try
        {
            using var cmd = db.Connection.CreateCommand();
            cmd.CommandText = sql;
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
        catch (DuckDBException e) when (e.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase))
        {
            throw new ReadOnlyViolationException(
                "this statement would change the warehouse, and 'monitor query' is read-only; the warehouse is written only by 'monitor run'. " +
                $"(DuckDB: {e.Message.Split('\n')[0]})", e);
        }
    }
}

public sealed class ReadOnlyViolationException(string message, Exception inner) : Exception(message, inner);
