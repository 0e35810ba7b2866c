// The names of the suppliers as the dataset declarations give them: meta.datasets when the warehouse has
// it (written from the declarations on every run), otherwise the declarations in the code themselves.
using Dapper;
using Monitor.Sources;
using Monitor.Warehouse;

namespace Monitor.Reporting.Data;

public sealed class SupplierNames
{
    readonly Dictionary<string, string> bySource;

    /// <summary>Every supplier once, in the order of the declarations.</summary>
    public IReadOnlyList<string> All { get; }

    SupplierNames(IEnumerable<(string Source, string Supplier)> declarations)
    {
        var list = declarations.ToList();
        bySource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, supplier) in list) bySource.TryAdd(source, supplier);
        All = list.Select(d => d.Supplier).Distinct(StringComparer.Ordinal).ToList();
    }

    public static SupplierNames FromContracts() => new(Contracts.All.Select(c => (c.Source, c.Supplier)));

    public static SupplierNames Load(WarehouseDb db)
    {
        var columns = db.Connection.Query<string>("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = 'meta' AND table_name = 'datasets'
            """).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!columns.Contains("source") || !columns.Contains("supplier")) return FromContracts();
        var rows = db.Connection.Query<(string Source, string Supplier)>("""
            SELECT DISTINCT source, supplier FROM meta.datasets WHERE source IS NOT NULL AND supplier IS NOT NULL
            """).ToList();
        // The declarations' order where the code knows the dataset, new ones after it by name.
        var order = Contracts.All.Select(c => c.Source).Distinct().ToList();
        rows = rows.OrderBy(r => order.IndexOf(r.Source) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Supplier, StringComparer.Ordinal).ToList();
        return rows.Count == 0 ? FromContracts() : new SupplierNames(rows);
    }

    /// <summary>The supplier behind a file-name prefix (tpm, predict, ...); the prefix itself when none is declared.</summary>
    public string Name(string? source) => source is null ? "onbekend" : bySource.GetValueOrDefault(source, source);

    /// <summary>"de Techniekpactmonitor, pr-eDICT, UWV en ROA"-style enumeration of all suppliers.</summary>
    public string Enumerate() => All.Count switch
    {
        0 => "",
        1 => All[0],
        _ => string.Join(", ", All.Take(All.Count - 1)) + " en " + All[^1],
    };
}
