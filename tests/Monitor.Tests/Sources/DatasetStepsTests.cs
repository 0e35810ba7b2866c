// "Adding a dataset" (README) as a test: every dataset declared in Contracts.cs has each of its steps.
// A declaration without its raw table, staging view, model, docs or fixture fails here by name.
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Sources;

public class DatasetStepsTests
{
    static string Read(params string[] path) => File.ReadAllText(Path.Combine([Fixtures.RepoRoot, .. path]));

    static IEnumerable<string> SqlFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "sql", folder), "*.sql").Select(File.ReadAllText);

    [Test]
    public void Every_declared_dataset_has_all_its_steps()
    {
        using var t = new TempDir();
        using var db = WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"));
        var tables = db.Connection.Query<string>("SELECT table_schema || '.' || table_name FROM information_schema.tables").ToHashSet();
        var models = SqlFiles("marts").ToList();
        var readme = Read("README.md");
        var warehouseDoc = Read("docs", "warehouse.md");
        var fixtureRoot = Path.Combine(Fixtures.RepoRoot, "tests", "Monitor.Tests", "fixtures");
        var fixtureFiles = Directory.EnumerateFiles(fixtureRoot, "*", SearchOption.AllDirectories).ToList();
        var fixtureSql = string.Join("\n", fixtureFiles.Where(f => f.EndsWith(".sql", StringComparison.Ordinal)).Select(File.ReadAllText));
        // Some inputs are written by the tests themselves (the vacancy-level files are generated per test).
        var testSources = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "tests", "Monitor.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(nameof(DatasetStepsTests) + ".cs", StringComparison.Ordinal)).Select(File.ReadAllText));

        var missing = new List<string>();
        foreach (var c in Contracts.All)
        {
            void Need(bool ok, string step) { if (!ok) missing.Add($"{c.Name}: {step}"); }
            var view = $"staging.stg_{c.Name}";
            Need(tables.Contains(c.RawTable), $"migration creating {c.RawTable}");
            Need(tables.Contains(view), $"staging view {view} (sql/staging/stg_{c.Name}.sql)");
            Need(models.Any(m => Regex.IsMatch(m, $@"\b{Regex.Escape(view)}\b")), $"a model in sql/marts/ reading {view}");
            Need(readme.Contains($"{c.Name}_", StringComparison.Ordinal), $"README data-directory entry {c.Folder}/{c.Name}_<vintage>.csv");
            Need(warehouseDoc.Contains($"`{c.RawTable}`", StringComparison.Ordinal) && warehouseDoc.Contains($"`{view}`", StringComparison.Ordinal),
                $"docs/warehouse.md naming `{c.RawTable}` and `{view}`");
            Need(fixtureFiles.Any(f => Regex.IsMatch(Path.GetFileName(f), $@"^{c.Name}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$"))
                 || fixtureSql.Contains($"INSERT INTO {c.RawTable} ", StringComparison.Ordinal)
                 || Regex.IsMatch(testSources, $@"\b{c.Name}_\d{{4}}-\d{{2}}-\d{{2}}\.csv"),
                $"a fixture: tests/Monitor.Tests/fixtures/**/{c.Name}_<vintage>.csv, rows for {c.RawTable} in a fixture .sql, or a test writing such a file");
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Meta_datasets_holds_the_declarations()
    {
        using var t = new TempDir();
        using var db = WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"));
        var rows = db.Connection.Query<(string, string, string, string, string, string, int, bool)>(
            "SELECT name, source, dataset, supplier, folder, frequency, max_age_months, optional FROM meta.datasets ORDER BY name").ToList();
        var expected = Contracts.All
            .Select(c => (c.Name, c.Source, c.Dataset, c.Supplier, c.Folder, c.Frequency, c.MaxAgeMonths, c.Optional))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.That(rows, Is.EqualTo(expected));
        Assert.That(rows.Where(r => r.Item2 is "cbs" or "programma").Select(r => (r.Item1, r.Item4, r.Item6)), Is.EquivalentTo(new[]
        {
            ("cbs_arbeidsproductiviteit", "CBS", "yearly"),
            ("programma_acties", "Programmabureau", "quarterly"),
            ("programma_overleggen", "Programmabureau", "quarterly"),
        }));
    }

    [Test]
    public void The_source_folders_are_those_of_the_declarations()
    {
        Assert.That(ExtractDiscovery.SourceFolders, Is.EqualTo(new[] { "techniekpact", "predict", "uwv", "roa", "cbs", "programma" }));
        Assert.That(Monitor.Sources.Detail.DetailValidator.Handles(ExtractDiscovery.Classify("/x/programma_acties_2025-03-31.csv", "programma", "programma_acties_2025-03-31.csv")),
            Is.False, "only the vacancy-level file takes the fast path");
    }
}
