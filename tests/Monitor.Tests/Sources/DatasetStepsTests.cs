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
    /// <summary>What the repository and a fresh warehouse hold, read once per test.</summary>
    sealed record Repository(HashSet<string> Tables, List<string> Models, string Readme, string WarehouseDoc,
        List<string> FixtureFiles, string FixtureSql, string TestSources);

    static Repository Load(WarehouseDb db)
    {
        static string Read(params string[] path) => File.ReadAllText(Path.Combine([Fixtures.RepoRoot, .. path]));
        var tests = Path.Combine(Fixtures.RepoRoot, "tests", "Monitor.Tests");
        var fixtureFiles = Directory.EnumerateFiles(Path.Combine(tests, "fixtures"), "*", SearchOption.AllDirectories).ToList();
        return new Repository(
            db.Connection.Query<string>("SELECT table_schema || '.' || table_name FROM information_schema.tables").ToHashSet(),
            new[] { "intermediate", "marts" }.SelectMany(layer => Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "sql", layer), "*.sql"))
                .Select(File.ReadAllText).ToList(),
            Read("README.md"),
            Read("docs", "warehouse.md"),
            fixtureFiles,
            string.Join("\n", fixtureFiles.Where(f => f.EndsWith(".sql", StringComparison.Ordinal)).Select(File.ReadAllText)),
            // Some inputs are written by the tests themselves (the vacancy-level files are generated per test).
            string.Join("\n", Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith(nameof(DatasetStepsTests) + ".cs", StringComparison.Ordinal))
                .Select(File.ReadAllText)));
    }

    /// <summary>The steps of README "Adding a dataset" that this dataset lacks, each named.</summary>
    static List<string> MissingSteps(DatasetContract c, Repository r)
    {
        var missing = new List<string>();
        void Need(bool ok, string step) { if (!ok) missing.Add($"{c.Name}: {step}"); }
        var view = $"staging.stg_{c.Name}";
        Need(r.Tables.Contains(c.RawTable), $"migration creating {c.RawTable}");
        Need(r.Tables.Contains(view), $"staging view {view} (sql/staging/stg_{c.Name}.sql)");
        Need(r.Models.Any(m => Regex.IsMatch(m, $@"\b{Regex.Escape(view)}\b")), $"a model in sql/intermediate/ or sql/marts/ reading {view}");
        Need(r.Readme.Contains($"{c.Name}_", StringComparison.Ordinal), $"README data-directory entry {c.Folder}/{c.Name}_<vintage>.csv");
        Need(r.WarehouseDoc.Contains($"`{c.RawTable}`", StringComparison.Ordinal) && r.WarehouseDoc.Contains($"`{view}`", StringComparison.Ordinal),
            $"docs/warehouse.md naming `{c.RawTable}` and `{view}`");
        Need(r.FixtureFiles.Any(f => Regex.IsMatch(Path.GetFileName(f), $@"^{c.Name}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$"))
             || r.FixtureSql.Contains($"INSERT INTO {c.RawTable} ", StringComparison.Ordinal)
             || Regex.IsMatch(r.TestSources, $@"\b{c.Name}_\d{{4}}-\d{{2}}-\d{{2}}\.csv"),
            $"a fixture: tests/Monitor.Tests/fixtures/**/{c.Name}_<vintage>.csv, rows for {c.RawTable} in a fixture .sql, or a test writing such a file");
        return missing;
    }

    [Test]
    public void Every_declared_dataset_has_all_its_steps()
    {
        using var t = new TempDir();
        using var db = WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"));
        var repository = Load(db);
        Assert.That(Contracts.All.SelectMany(c => MissingSteps(c, repository)), Is.Empty);
    }

    [Test]
    public void A_declaration_without_its_steps_is_named_step_by_step()
    {
        using var t = new TempDir();
        using var db = WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"));
        var undeclared = new DatasetContract("nieuw", "nieuw", "bron", "Nieuwe leverancier", "yearly", [new ColumnSpec("Jaar", CellType.Year, Key: true)]);
        Assert.That(MissingSteps(undeclared, Load(db)), Is.EqualTo(new[]
        {
            "nieuw_bron: migration creating raw.nieuw_bron",
            "nieuw_bron: staging view staging.stg_nieuw_bron (sql/staging/stg_nieuw_bron.sql)",
            "nieuw_bron: a model in sql/intermediate/ or sql/marts/ reading staging.stg_nieuw_bron",
            "nieuw_bron: README data-directory entry nieuw/nieuw_bron_<vintage>.csv",
            "nieuw_bron: docs/warehouse.md naming `raw.nieuw_bron` and `staging.stg_nieuw_bron`",
            "nieuw_bron: a fixture: tests/Monitor.Tests/fixtures/**/nieuw_bron_<vintage>.csv, rows for raw.nieuw_bron in a fixture .sql, or a test writing such a file",
        }));
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
        Assert.That(rows.Where(r => r.Item2 is "cbs" or "programma").Select(r => (r.Item1, r.Item4, r.Item6, r.Item7, r.Item8)), Is.EquivalentTo(new[]
        {
            ("cbs_arbeidsproductiviteit", "CBS", "yearly", 15, true),
            ("programma_acties", "Programmabureau", "quarterly", 5, true),
            ("programma_overleggen", "Programmabureau", "quarterly", 5, true),
        }));
    }

    [Test]
    public void The_source_folders_are_those_of_the_declarations()
    {
        Assert.That(ExtractDiscovery.SourceFolders, Is.EqualTo(new[] { "techniekpact", "predict", "uwv", "roa", "cbs", "programma" }));
        var acties = ExtractDiscovery.Classify("/x/programma_acties_2025-03-31.csv", "programma", "programma_acties_2025-03-31.csv");
        Assert.That(acties.NameFits, Is.True);
        Assert.That(Monitor.Sources.Detail.DetailValidator.Handles(acties), Is.False, "only the vacancy-level file takes the fast path");
    }
}
