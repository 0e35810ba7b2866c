// Every indicator appears for every domain, region level and period type its source supports
// (docs/indicators.md), on a complete synthetic warehouse the size of the sample data.
using Dapper;
using Monitor.Indicators;

namespace Monitor.Tests.Indicators;

[TestFixture]
public class CoverageTests
{
    IndicatorWarehouse w = null!;

    [OneTimeSetUp]
    public void BuildFixture()
    {
        w = IndicatorWarehouse.With("synthetic_full.sql");
        w.Build();
    }

    [OneTimeTearDown]
    public void Cleanup() => w.Dispose();

    static IEnumerable<(string, string, string, string)> Expand(string[] indicators, string[] domains, string[] levels, string periodType) =>
        from i in indicators from d in domains from l in levels select (i, d, l, periodType);

    [Test]
    public void Indicators_by_domain_region_level_and_period_type()
    {
        string[] onderwijs = ["onderwijs_instroom", "onderwijs_ingeschreven", "gediplomeerden", "aandeel_betatechniek", "aandeel_vrouwen"];
        string[] arbeidsmarkt = ["werkzaam", "nettogroei", "instroom", "zij_instroom", "zij_instroom_aandeel", "uitstroom", "saldo_stromen", "behoud"];
        string[] uwv = ["openstaande_vacatures", "ww_kort", "spanningsindicator"];
        string[] roa = ["baanopeningen", "instroom_schoolverlaters", "verwacht_tekort"];
        var expected = Expand(onderwijs, ["techniek"], ["nl", "techniekpactregio"], "school_year")
            .Concat(Expand(["aandeel_vrouwen", "ict_opleiding_instroom"], ["ict"], ["nl", "provincie"], "school_year"))
            .Concat(Expand(["hybride_docenten"], ["techniek"], ["nl"], "year"))
            .Concat(Expand(arbeidsmarkt, ["techniek", "ict"], ["nl", "provincie"], "year"))
            .Concat(Expand(["aandeel_vrouwen_werkzaam"], ["techniek", "ict"], ["nl", "provincie"], "year"))
            .Concat(Expand(["groeitekort", "benodigd_tempo", "jaar_een_miljoen"], ["ict"], ["nl"], "year"))
            .Concat(Expand(uwv, ["techniek", "ict", "totaal"], ["nl", "provincie", "arbeidsmarktregio"], "quarter"))
            .Concat(Expand(roa, ["techniek", "ict", "totaal"], ["nl"], "forecast_period"))
            .Concat(Expand(["roa_knelpunt"], ["techniek", "ict"], ["nl"], "forecast_period"))
            .ToList();

        var actual = w.Db.Connection.Query<(string, string, string, string)>(
            "SELECT DISTINCT indicator, domain, region_level, period_type FROM mart.indicator_values").ToList();
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void Every_region_of_a_level_is_present()
    {
        var regions = w.Db.Connection.Query<(string Level, long Regions)>("""
            SELECT region_level, count(DISTINCT region) FROM mart.indicator_values
            WHERE indicator IN ('spanningsindicator', 'onderwijs_instroom', 'werkzaam') GROUP BY region_level
            """).ToDictionary(r => r.Level, r => r.Regions);
        Assert.That(regions, Is.EquivalentTo(new Dictionary<string, long>
        {
            ["nl"] = 1, ["provincie"] = 12, ["arbeidsmarktregio"] = 35, ["techniekpactregio"] = 5,
        }));
    }

    [Test]
    public void Categories_of_the_flows_and_the_education_levels()
    {
        var categories = w.Db.Connection.Query<(string Indicator, string Category)>("""
            SELECT DISTINCT indicator, coalesce(category, '(total)') FROM mart.indicator_values
            WHERE indicator IN ('instroom', 'uitstroom', 'ict_opleiding_instroom', 'onderwijs_instroom') AND region = 'NL'
            """).GroupBy(r => r.Indicator).ToDictionary(g => g.Key, g => g.Select(r => r.Category).OrderBy(c => c).ToList());
        Assert.That(categories["instroom"], Is.EqualTo(new[] { "(total)", "buitenland", "onderwijs", "overig", "uitkering", "zij_instroom" }));
        Assert.That(categories["uitstroom"], Is.EqualTo(new[] { "(total)", "ander_werk", "buitenland", "overig", "pensioen", "uitkering" }));
        Assert.That(categories["ict_opleiding_instroom"], Is.EqualTo(new[] { "(total)", "hybride", "ict" }));
        Assert.That(categories["onderwijs_instroom"], Is.EqualTo(new[] { "(total)", "havo", "hbo", "mbo", "vmbo", "vwo", "wo" }));
    }

    [Test]
    public void National_figures_equal_the_sum_of_their_regions_for_counts()
    {
        // NL spanningsindicator numerator = sum of the AM numerators = sum of the province numerators.
        var sums = w.Db.Connection.Query<(string Level, double Sum)>("""
            SELECT region_level, sum(numerator) FROM mart.indicator_values
            WHERE indicator = 'spanningsindicator' AND domain = 'ict' AND period = '2023KW4' GROUP BY region_level
            """).ToDictionary(r => r.Level, r => r.Sum);
        Assert.That(sums["provincie"], Is.EqualTo(sums["nl"]));
        Assert.That(sums["arbeidsmarktregio"], Is.EqualTo(sums["nl"]));
        Assert.That(w.Row("werkzaam", "ict", "2022").Value, Is.EqualTo(673000), "twelve provinces add up to the anchored national stock");
    }

    [Test]
    public void No_check_of_severity_error_fails()
    {
        var results = CheckRunner.Run(w.Db, "coverage", new DateOnly(2024, 6, 1));
        Assert.That(results.Where(r => r.Blocking).Select(r => $"{r.Name}: {r.Sample}"), Is.Empty);
    }
}
