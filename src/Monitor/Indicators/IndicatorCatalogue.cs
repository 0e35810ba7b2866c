// The indicator catalogue (codes, Dutch names, formulas, sources, target rules), as the SQL model
// sql/seeds/indicator_catalogue.sql defines it.
using Dapper;
using DuckDB.NET.Data;
using Monitor.Warehouse;

namespace Monitor.Indicators;

public static class IndicatorCatalogue
{
    const string Select = """
        SELECT code AS Code, naam AS Naam, beschrijving AS Beschrijving, pijler AS Pijler, unit AS Unit,
               formule AS Formule, bron AS Bron, definitie AS Definitie, doelregel AS Doelregel
        FROM mart.indicator_catalogue
        ORDER BY pijler, code
        """;

    /// <summary>The catalogue as the warehouse holds it (after a build).</summary>
    public static IReadOnlyList<CatalogueEntry> FromWarehouse(WarehouseDb db) =>
        db.Connection.Query<CatalogueEntry>(Select).ToList();

    /// <summary>
    /// The catalogue of this build of the program, without a warehouse: the model runs in memory, its target rules
    /// written from the shipped target register.
    /// </summary>
    // Both come from resources embedded in this build, so they are worked out once per process: every reference load
    // (each run, validate, the benchmark) asks for the codes, and each answer costs an in-memory DuckDB.
    static readonly Lazy<IReadOnlyList<CatalogueEntry>> embedded = new(() =>
    {
        var shipped = Monitor.Sources.ReferenceLoader.Load("/nonexistent-so-the-shipped-reference-is-used").Data;
        using var connection = InMemory(shipped);
        return connection.Query<CatalogueEntry>(Select).ToList();
    });

    static readonly Lazy<IReadOnlySet<string>> embeddedCodes = new(() =>
    {
        using var connection = InMemory(null);
        return connection.Query<string>("SELECT code FROM mart.indicator_catalogue").ToHashSet(StringComparer.Ordinal);
    });

    public static IReadOnlyList<CatalogueEntry> Embedded() => embedded.Value;

    /// <summary>The indicator codes of this build (what a target register row may name).</summary>
    public static IReadOnlySet<string> EmbeddedCodes() => embeddedCodes.Value;

    static DuckDBConnection InMemory(Monitor.Domain.ReferenceData? reference)
    {
        var model = SqlResources.Read(IndicatorBuilder.CatalogueSeed);
        var targets = SqlResources.Folder("warehouse").Single(m => m.Name.EndsWith("_targets", StringComparison.Ordinal));
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE SCHEMA mart; CREATE SCHEMA ref; CREATE SCHEMA meta;");
        connection.Execute(targets.Sql);
        if (reference is not null) Monitor.Sources.ReferenceLoader.WriteBedrijfstakkenAndDoelen(connection, reference);
        connection.Execute(model);
        return connection;
    }
}
