// `monitor explain`: the value, its formula and the input cells with their extract files and lines.
using Monitor.Indicators;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

[TestFixture]
public class ExplainTests
{
    IndicatorWarehouse w = null!;

    [OneTimeSetUp]
    public void BuildFixture()
    {
        w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
    }

    [OneTimeTearDown]
    public void Cleanup() => w.Dispose();

    ExplainResult Explain(ExplainRequest request)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(w.OutDir, "warehouse.duckdb"));
        return IndicatorExplainer.Explain(db, request);
    }

    [Test]
    public void Spanningsindicator_lists_each_regional_cell_with_its_file_and_line()
    {
        var result = Explain(new ExplainRequest("spanningsindicator", Period: "2023KW01", Domain: "techniek"));
        Assert.That(result.Indicator.Formule, Does.Contain("nooit het gemiddelde"));
        var v = result.Values.Single();
        Assert.That((v.Value.Value, v.Value.Label, v.Value.Region), Is.EqualTo(((double?)1.25, "gemiddeld", "NL")));

        var inputs = v.Inputs.Select(i => (i.Role, i.InputRegion, i.Measure, i.Value, i.FileName, i.LineNumber)).ToList();
        Assert.That(inputs, Is.EquivalentTo(new[]
        {
            ("numerator", "AM01", "openstaande_vacatures", (double?)10, "uwv_vacatures_2024-02-15.csv", 2L),
            ("numerator", "AM02", "openstaande_vacatures", (double?)30, "uwv_vacatures_2024-02-15.csv", 3L),
            ("denominator", "AM01", "ww_korter_dan_half_jaar", (double?)2, "uwv_vacatures_2024-02-15.csv", 2L),
            ("denominator", "AM02", "ww_korter_dan_half_jaar", (double?)30, "uwv_vacatures_2024-02-15.csv", 3L),
        }));
        // The inputs reproduce the value: (10 + 30) / (2 + 30).
        var num = v.Inputs.Where(i => i.Role == "numerator").Sum(i => i.Value);
        var den = v.Inputs.Where(i => i.Role == "denominator").Sum(i => i.Value);
        Assert.That(num / den, Is.EqualTo(v.Value.Value));
        Assert.That(v.Extracts.Single(), Is.EqualTo(new ExtractRef(8, "uwv_vacatures_2024-02-15.csv", new DateOnly(2024, 2, 15), 4)));
        Assert.That(v.RoleTotals, Is.EquivalentTo(new[]
        {
            new RoleTotal("numerator", "openstaande_vacatures", 40, 2, 0),
            new RoleTotal("denominator", "ww_korter_dan_half_jaar", 32, 2, 0),
        }));
    }

    [Test]
    public void A_suppressed_input_is_shown_with_its_status()
    {
        var v = Explain(new ExplainRequest("ww_kort", Period: "2023KW1", Domain: "ict")).Values.Single();
        Assert.That(v.Value.Status, Is.EqualTo("incomplete"));
        var suppressed = v.Inputs.Single(i => i.InputRegion == "AM01");
        Assert.That((suppressed.Value, suppressed.ValueStatus, suppressed.LineNumber), Is.EqualTo(((double?)null, "suppressed", 4L)));
        Assert.That(v.RoleTotals.Single(), Is.EqualTo(new RoleTotal("summed", "ww_korter_dan_half_jaar", 6, 2, 1)));
    }

    [Test]
    public void Without_domain_every_domain_is_explained_and_without_period_the_latest()
    {
        var result = Explain(new ExplainRequest("openstaande_vacatures"));
        Assert.That(result.Values.Select(v => (v.Value.Domain, v.Value.Period)),
            Is.EqualTo(new[] { ("ict", "2023KW2"), ("techniek", "2023KW2"), ("totaal", "2023KW2") }));
        Assert.That(result.AsOf, Is.Null);
    }

    [Test]
    public void Nettogroei_shows_both_years_of_stock()
    {
        var v = Explain(new ExplainRequest("nettogroei", Period: "2023", Region: "pv20", Domain: "techniek")).Values.Single();
        Assert.That(v.Value.Value, Is.EqualTo(70));
        Assert.That(v.Inputs.Select(i => (i.Role, i.Period, i.InputKey, i.Value)), Is.EquivalentTo(new[]
        {
            ("werkzaam t", "2023", "man", (double?)1100), ("werkzaam t", "2023", "vrouw", (double?)250),
            ("werkzaam t-1", "2022", "man", (double?)1050), ("werkzaam t-1", "2022", "vrouw", (double?)230),
        }));
    }

    [Test]
    public void A_national_value_derived_from_provinces_lists_the_provincial_rows()
    {
        var v = Explain(new ExplainRequest("ict_opleiding_instroom", Category: "hybride")).Values.Single();
        Assert.That(v.Value.Value, Is.EqualTo(140));
        Assert.That(v.Inputs.Select(i => i.InputRegion).Distinct(), Is.EquivalentTo(new[] { "PV20", "PV21" }));
        Assert.That(v.Inputs.Sum(i => i.Value), Is.EqualTo(140));
        Assert.That(v.Extracts.Single().FileName, Is.EqualTo("predict_onderwijs_2024-04-01.csv"));
    }

    [TestCase("onderwijs_instroom", "techniek", "2023/2024", null)]
    [TestCase("onderwijs_ingeschreven", "techniek", "2023/2024", "mbo")]
    [TestCase("gediplomeerden", "techniek", "2023/2024", null)]
    [TestCase("aandeel_betatechniek", "techniek", "2023/2024", "hbo")]
    [TestCase("aandeel_vrouwen", "techniek", "2023/2024", null)]
    [TestCase("aandeel_vrouwen", "ict", "2023/2024", "mbo")]
    [TestCase("ict_opleiding_instroom", "ict", "2023/2024", null)]
    [TestCase("hybride_docenten", "techniek", "2023", null)]
    [TestCase("werkzaam", "ict", "2023", null)]
    [TestCase("nettogroei", "ict", "2023", null)]
    [TestCase("instroom", "techniek", "2023", "onderwijs")]
    [TestCase("zij_instroom", "ict", "2023", null)]
    [TestCase("zij_instroom_aandeel", "techniek", "2023", null)]
    [TestCase("uitstroom", "ict", "2023", null)]
    [TestCase("saldo_stromen", "ict", "2023", null)]
    [TestCase("behoud", "techniek", "2023", null)]
    [TestCase("groeitekort", "ict", "2023", null)]
    [TestCase("benodigd_tempo", "ict", "2023", null)]
    [TestCase("jaar_een_miljoen", "ict", "2023", null)]
    [TestCase("openstaande_vacatures", "totaal", "2023KW1", null)]
    [TestCase("ww_kort", "techniek", "2023KW1", null)]
    [TestCase("spanningsindicator", "totaal", "2023KW1", null)]
    [TestCase("baanopeningen", "totaal", "2021-2026", null)]
    [TestCase("instroom_schoolverlaters", "ict", "2021-2026", null)]
    [TestCase("verwacht_tekort", "techniek", "2021-2026", null)]
    [TestCase("roa_knelpunt", "ict", "2021-2026", null)]
    [TestCase("aandeel_vrouwen_werkzaam", "techniek", "2023", null)]
    [TestCase("aandeel_vrouwen_werkzaam", "ict", "2023", null)]
    [TestCase("arbeidsproductiviteit_groei", "totaal", "2023", null)]
    [TestCase("arbeidsproductiviteit_groei", "totaal", "2023", "F")]
    [TestCase("acties", "totaal", "2024KW1", null)]
    [TestCase("acties_afgerond", "totaal", "2024KW1", "pijler1")]
    [TestCase("acties_achter_schema", "totaal", "2024KW1", null)]
    [TestCase("aandeel_acties_op_schema", "totaal", "2024KW1", null)]
    [TestCase("overleggen", "totaal", "2024", "koersoverleg")]
    [TestCase("aanwezigheid", "totaal", "2024", "koersoverleg")]
    public void Every_indicator_recomputes_from_its_inputs(string indicator, string domain, string period, string? category)
    {
        var v = Explain(new ExplainRequest(indicator, period, "NL", domain, category)).Values.Single();
        Assert.That(v.Inputs, Is.Not.Empty);
        Assert.That(v.Inputs.All(i => i.FileName is not null && i.LineNumber > 1), Is.True, "every input names its file and line");
        Assert.That(Recompute(v), Is.EqualTo(v.Value.Value).Within(1e-9), "value recomputed from the listed inputs");
    }

    /// <summary>The indicator's formula applied to the listed inputs, written independently of the SQL.</summary>
    static double? Recompute(ExplainedValue v)
    {
        double Sum(Func<ExplainInput, bool> where) => v.Inputs.Where(where).Sum(i => i.Value ?? 0);
        var t = v.Value.PeriodOrder;
        return v.Value.Indicator switch
        {
            "aandeel_betatechniek" or "aandeel_vrouwen" or "zij_instroom_aandeel" or "aandeel_vrouwen_werkzaam" or "aandeel_acties_op_schema" =>
                100 * Sum(i => i.Role.StartsWith("numerator")) / Sum(_ => true),
            "spanningsindicator" => Sum(i => i.Role == "numerator") / Sum(i => i.Role == "denominator"),
            "nettogroei" => Sum(i => i.Role == "werkzaam t") - Sum(i => i.Role == "werkzaam t-1"),
            "groeitekort" => 60000 - (Sum(i => i.Role == "werkzaam t") - Sum(i => i.Role == "werkzaam t-1")),
            "benodigd_tempo" => (1_000_000 - Sum(_ => true)) / (2030 - t),
            "jaar_een_miljoen" => t + Math.Ceiling((1_000_000 - Sum(i => i.Role == "werkzaam t")) /
                                                   ((Sum(i => i.Role == "werkzaam t") - Sum(i => i.Role == "werkzaam t-3")) / 3)),
            "saldo_stromen" => Sum(i => i.Role.EndsWith("(+)")) - Sum(i => i.Role.EndsWith("(-)")),
            "verwacht_tekort" => Sum(i => i.Role.EndsWith("(+)")) - Sum(i => i.Role.EndsWith("(-)")),
            "behoud" => 100 * (1 - Sum(i => i.Role == "uitstroom t") / Sum(i => i.Role == "werkzaam t-1")),
            "roa_knelpunt" => v.Inputs.Single().Value,
            "arbeidsproductiviteit_groei" => v.Inputs.Single(i => i.Role == "value").Value,
            "aanwezigheid" => 100 * Sum(i => i.Role == "numerator") / Sum(i => i.Role == "denominator"),
            _ => Sum(_ => true),
        };
    }

    [Test]
    public void An_unknown_code_names_the_known_ones()
    {
        var e = Assert.Throws<ExplainException>(() => Explain(new ExplainRequest("spanning")));
        Assert.That(e!.Message, Does.Contain("unknown indicator 'spanning'").And.Contain("spanningsindicator"));
    }

    [Test]
    public void A_value_that_does_not_exist_says_what_does()
    {
        var e = Assert.Throws<ExplainException>(() => Explain(new ExplainRequest("werkzaam", Period: "2031", Domain: "ict")));
        Assert.That(e!.Message, Does.Contain("no value for indicator werkzaam").And.Contain("periods 2019 .. 2023"));
    }

    [TestCase("2023JJ00", "2023")]
    [TestCase("2023KW01", "2023KW1")]
    [TestCase(" 2023/2024 ", "2023/2024")]
    [TestCase("2021-2026", "2021-2026")]
    public void Periods_are_accepted_in_the_extract_spellings(string given, string expected) =>
        Assert.That(IndicatorExplainer.NormalizePeriod(given), Is.EqualTo(expected));

    [Test]
    public void An_as_of_mart_is_explained_with_the_vintages_it_was_built_with()
    {
        using var r = IndicatorWarehouse.With("revision.sql");
        r.Build(new DateOnly(2023, 6, 30));
        r.Db.Dispose();
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(r.OutDir, "warehouse.duckdb"));
        var result = IndicatorExplainer.Explain(db, new ExplainRequest("openstaande_vacatures", Region: "AM01", Domain: "techniek"));
        Assert.That(result.AsOf, Is.EqualTo(new DateOnly(2023, 6, 30)));
        var v = result.Values.Single();
        Assert.That((v.Value.Period, v.Value.Value), Is.EqualTo(("2023KW1", (double?)10)));
        Assert.That(v.Extracts.Single().FileName, Is.EqualTo("uwv_vacatures_2023-05-15.csv"));
    }
}
