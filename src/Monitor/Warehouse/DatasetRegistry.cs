// meta.datasets: the declared datasets (Contracts.All) written into the warehouse, so that SQL such as
// the freshness check reads the one list the code has instead of keeping its own.
using System.Data;
using DuckDB.NET.Data;
using Monitor.Sources;

namespace Monitor.Warehouse;

public static class DatasetRegistry
{
    sealed record Row(string Name, string Source, string Dataset, string Supplier, string Folder, string Frequency, int MaxAgeMonths, bool Optional);

    /// <summary>
    /// Brings meta.datasets in line with the declarations of this build. Nothing is written when they already agree
    /// (the usual case); otherwise rows are updated in place, added or removed by name. A key is never deleted and
    /// inserted again in one transaction: DuckDB cannot undo that from its primary-key index if the commit then fails
    /// (a full disk), and stops the process.
    /// </summary>
    public static void Write(DuckDBConnection connection, IDbTransaction? transaction = null)
    {
        var declared = Contracts.All.Select(c => new Row(c.Name, c.Source, c.Dataset, c.Supplier, c.Folder, c.Frequency, c.MaxAgeMonths, c.Optional))
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
        var stored = WarehouseDb.Rows(connection, transaction,
                "SELECT name, source, dataset, supplier, folder, frequency, max_age_months, optional FROM meta.datasets",
                r => new Row(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetBoolean(7)))
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
        if (declared.Count == stored.Count && declared.All(d => stored.TryGetValue(d.Key, out var s) && s == d.Value)) return;

        using var own = transaction is null ? connection.BeginTransaction() : null;
        var tx = transaction ?? own;
        foreach (var gone in stored.Keys.Except(declared.Keys))
            WarehouseDb.Run(connection, tx, "DELETE FROM meta.datasets WHERE name = $name", ("name", gone));
        foreach (var (name, r) in declared)
        {
            (string, object?)[] args = [("name", name), ("source", r.Source), ("dataset", r.Dataset), ("supplier", r.Supplier), ("folder", r.Folder),
                                        ("frequency", r.Frequency), ("max_age_months", r.MaxAgeMonths), ("optional", r.Optional)];
            if (!stored.TryGetValue(name, out var s))
                WarehouseDb.Run(connection, tx, """
                    INSERT INTO meta.datasets (name, source, dataset, supplier, folder, frequency, max_age_months, optional)
                    VALUES ($name, $source, $dataset, $supplier, $folder, $frequency, $max_age_months, $optional)
                    """, args);
            else if (s != r)
                WarehouseDb.Run(connection, tx, """
                    UPDATE meta.datasets SET source = $source, dataset = $dataset, supplier = $supplier, folder = $folder,
                        frequency = $frequency, max_age_months = $max_age_months, optional = $optional
                    WHERE name = $name
                    """, args);
        }
        own?.Commit();
    }
}
