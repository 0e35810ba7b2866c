// docs/warehouse.md documents every mart table and column, in order and with its type, as the built
// warehouse has them; docs/indicators.md names every indicator and every check.
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Indicators;
using Monitor.Tests.Support;

namespace Monitor.Tests.Indicators;

public class WarehouseDocsTests
{
    /// <summary>Per "### mart.x" (or meta.x, ref.x) heading, the rows of the first table under it: (column, type).</summary>
    static Dictionary<string, List<(string Column, string Type)>> DocumentedMartTables(string markdown)
    {
        var tables = new Dictionary<string, List<(string, string)>>();
        List<(string, string)>? current = null;
        var inTable = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            var heading = Regex.Match(line, @"^###\s+`?((?:mart|meta|ref)\.[a-z_]+)`?\s*$");
            if (heading.Success)
            {
                current = [];
                tables[heading.Groups[1].Value] = current;
                inTable = false;
                continue;
            }
            if (line.StartsWith('#')) { current = null; continue; }
            if (current is null) continue;
            if (!line.StartsWith('|')) { if (inTable) current = null; continue; }
            inTable = true;
            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (cells[0] is "column" || cells[0].StartsWith("---")) continue;
            current.Add((cells[0], cells[1]));
        }
        return tables;
    }

    [Test]
    public void Documented_mart_columns_match_the_built_schema()
    {
        var documented = DocumentedMartTables(File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "docs", "warehouse.md")));
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        var actual = w.Db.Connection.Query<(string Table, string Column, string Type)>("""
            SELECT 'mart.' || table_name, column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = 'mart'
            ORDER BY table_name, ordinal_position
            """).GroupBy(r => r.Table).ToDictionary(g => g.Key, g => g.Select(r => (r.Column, r.Type)).ToList());

        Assert.That(documented.Keys.Where(k => k.StartsWith("mart.")), Is.EquivalentTo(actual.Keys), "mart tables in docs/warehouse.md vs the warehouse");
        // The as-of view is documented as having the columns of the table it defines.
        Assert.That(documented["mart.indicator_values_as_of"], Is.Empty, "docs/warehouse.md refers mart.indicator_values_as_of to mart.indicator_values");
        documented["mart.indicator_values_as_of"] = documented["mart.indicator_values"];
        foreach (var (table, columns) in actual)
            Assert.That(documented[table], Is.EqualTo(columns), $"columns of {table} (name, type, order) in docs/warehouse.md");

        var reference = w.Db.Connection.Query<(string Table, string Column, string Type)>("""
            SELECT 'ref.' || table_name, column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = 'ref'
            ORDER BY table_name, ordinal_position
            """).GroupBy(r => r.Table).ToDictionary(g => g.Key, g => g.Select(r => (r.Column, r.Type)).ToList());
        Assert.That(documented.Keys.Where(k => k.StartsWith("ref.")), Is.EquivalentTo(reference.Keys), "ref tables in docs/warehouse.md vs the warehouse");
        foreach (var (table, columns) in reference)
            Assert.That(documented[table], Is.EqualTo(columns), $"columns of {table} (name, type, order) in docs/warehouse.md");

        var checkResults = w.Db.Connection.Query<(string Column, string Type)>("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'meta' AND table_name = 'check_results' ORDER BY ordinal_position
            """).ToList();
        Assert.That(documented["meta.check_results"], Is.EqualTo(checkResults), "columns of meta.check_results in docs/warehouse.md");

        var datasets = w.Db.Connection.Query<(string Column, string Type)>("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'meta' AND table_name = 'datasets' ORDER BY ordinal_position
            """).ToList();
        Assert.That(documented["meta.datasets"], Is.EqualTo(datasets), "columns of meta.datasets in docs/warehouse.md");
    }

    [Test]
    public void Indicator_docs_name_every_indicator_and_every_check_with_its_severity()
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "docs", "indicators.md"));
        foreach (var entry in IndicatorCatalogue.Embedded())
            Assert.That(text, Does.Contain($"`{entry.Code}`"), entry.Code);
        foreach (var check in CheckDefinition.All())
            Assert.That(Regex.IsMatch(text, $@"`{check.Name}`[^\n]*\b{check.Severity}\b"), Is.True,
                $"docs/indicators.md lists check {check.Name} with severity {check.Severity} on one line");
    }

    [Test]
    public void The_catalogue_holds_exactly_the_codes_of_the_mart_contract()
    {
        string[] contract =
        [
            "onderwijs_instroom", "onderwijs_ingeschreven", "gediplomeerden", "aandeel_betatechniek", "aandeel_vrouwen",
            "ict_opleiding_instroom", "hybride_docenten", "werkzaam", "nettogroei", "instroom", "zij_instroom",
            "zij_instroom_aandeel", "uitstroom", "saldo_stromen", "behoud", "groeitekort", "benodigd_tempo", "jaar_een_miljoen",
            "openstaande_vacatures", "ww_kort", "spanningsindicator", "baanopeningen", "instroom_schoolverlaters",
            "verwacht_tekort", "roa_knelpunt", "aandeel_vrouwen_werkzaam", "arbeidsproductiviteit_groei",
            "acties", "acties_afgerond", "acties_achter_schema", "aandeel_acties_op_schema", "overleggen", "aanwezigheid",
        ];
        Assert.That(IndicatorCatalogue.Embedded().Select(c => c.Code), Is.EquivalentTo(contract));
    }
}
