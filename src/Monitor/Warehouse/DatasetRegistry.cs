// meta.datasets: the declared datasets (Contracts.All) written into the warehouse, so that SQL such as
// the freshness check reads the one list the code has instead of keeping its own.
using Dapper;
using DuckDB.NET.Data;
using Monitor.Sources;

namespace Monitor.Warehouse;

public static class DatasetRegistry
{
    /// <summary>Replaces the rows of meta.datasets with the declarations of this build.</summary>
    public static void Write(DuckDBConnection connection)
    {
        using var tx = connection.BeginTransaction();
        connection.Execute("DELETE FROM meta.datasets", transaction: tx);
        foreach (var c in Contracts.All)
        {
            connection.Execute("""
                INSERT INTO meta.datasets (name, source, dataset, supplier, folder, frequency, max_age_months, optional)
                VALUES ($name, $source, $dataset, $supplier, $folder, $frequency, $max_age_months, $optional)
                """,
                new { name = c.Name, source = c.Source, dataset = c.Dataset, supplier = c.Supplier, folder = c.Folder,
                      frequency = c.Frequency, max_age_months = c.MaxAgeMonths, optional = c.Optional }, tx);
        }
        tx.Commit();
    }
}
