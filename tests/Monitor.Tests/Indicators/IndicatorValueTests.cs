// Every indicator against values worked out by hand from fixtures/indicators/every_indicator.sql.
using Monitor.Indicators;

namespace Monitor.Tests.Indicators;

[TestFixture]
public class IndicatorValueTests
{
    const double Tolerance = 1e-9;
    IndicatorWarehouse w = null!;
    IndicatorBuildResult build = null!;

    [OneTimeSetUp]
    public void BuildFixture()
    {
        w = IndicatorWarehouse.With("every_indicator.sql");
        build = w.Build();
    }

    [OneTimeTearDown]
    public void Cleanup() => w.Dispose();

    void AssertValue(string indicator, string domain, string period, double expected, string region = "NL", string? category = null,
        string status = "no_target", string? label = null)
    {
        var row = w.Row(indicator, domain, period, region, category);
        Assert.Multiple(() =>
        {
            Assert.That(row.Value, Is.EqualTo(expected).Within(Tolerance), "value");
            Assert.That(row.Status, Is.EqualTo(status), "status");
            Assert.That(row.Label, Is.EqualTo(label), "label");
        });
    }

    [Test]
    public void Build_reports_rows_for_every_catalogue_code()
    {
        var missing = build.RowsPerIndicator.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList();
        Assert.That(missing, Is.Empty, "catalogue codes without a value in the fixture");
        Assert.That(build.RowsPerIndicator.Values.Sum(), Is.EqualTo(build.TotalRows));
        Assert.That(build.RowsPerIndicator, Has.Count.EqualTo(IndicatorCatalogue.Embedded().Count));
    }

    // Education (Techniekpactmonitor), NL as delivered, 2023/2024.
    // instroom betatechniek: mbo 300+100 = 400, hbo 150+70 = 220, total 620.
    [Test]
    public void Onderwijs_instroom_sums_betatechniek_over_sexes_and_levels()
    {
        AssertValue("onderwijs_instroom", "techniek", "2023/2024", 400, category: "mbo");
        AssertValue("onderwijs_instroom", "techniek", "2023/2024", 220, category: "hbo");
        AssertValue("onderwijs_instroom", "techniek", "2023/2024", 620);
        var row = w.Row("onderwijs_instroom", "techniek", "2023/2024");
        Assert.That((row.PeriodType, row.PeriodOrder, row.RegionLevel, row.Unit, row.Source),
            Is.EqualTo(("school_year", 2023, "nl", "aantal", "Techniekpactmonitor")));
    }

    // ingeschreven betatechniek: mbo 900+300 = 1200, hbo 500+100 = 600 (the overig row 1000 does not count).
    [Test]
    public void Onderwijs_ingeschreven_counts_betatechniek_only()
    {
        AssertValue("onderwijs_ingeschreven", "techniek", "2023/2024", 1200, category: "mbo");
        AssertValue("onderwijs_ingeschreven", "techniek", "2023/2024", 1800);
    }

    // gediplomeerd: mbo 80+20 = 100, hbo 40+10 = 50, total 150.
    [Test]
    public void Gediplomeerden()
    {
        AssertValue("gediplomeerden", "techniek", "2023/2024", 100, category: "mbo");
        AssertValue("gediplomeerden", "techniek", "2023/2024", 50, category: "hbo");
        AssertValue("gediplomeerden", "techniek", "2023/2024", 150);
    }

    // aandeel_betatechniek: mbo 400/(400+600) = 40%; hbo 220/(220+350) = 38.596..%; total 620/1570 = 39.490..%.
    [Test]
    public void Aandeel_betatechniek_divides_summed_counts()
    {
        AssertValue("aandeel_betatechniek", "techniek", "2023/2024", 40.0, category: "mbo");
        AssertValue("aandeel_betatechniek", "techniek", "2023/2024", 100.0 * 220 / 570, category: "hbo");
        AssertValue("aandeel_betatechniek", "techniek", "2023/2024", 100.0 * 620 / 1570);
        var total = w.Row("aandeel_betatechniek", "techniek", "2023/2024");
        Assert.That((total.Numerator, total.Denominator, total.Unit), Is.EqualTo(((double?)620, (double?)1570, "procent")));
    }

    // aandeel_vrouwen techniek: mbo 100/400 = 25%, hbo 70/220, total 170/620 (not the mean of 25% and 31.8%).
    [Test]
    public void Aandeel_vrouwen_techniek()
    {
        AssertValue("aandeel_vrouwen", "techniek", "2023/2024", 25.0, category: "mbo");
        AssertValue("aandeel_vrouwen", "techniek", "2023/2024", 100.0 * 70 / 220, category: "hbo");
        AssertValue("aandeel_vrouwen", "techniek", "2023/2024", 100.0 * 170 / 620);
    }

    // TP1 mbo: betatechniek 120+30 = 150 of 150+80+170 = 400 entrants; women 30/150.
    // TP2 mbo: the suppressed women's cell leaves 180 from the delivered cell, marked incomplete.
    [Test]
    public void Techniekpact_regions_and_a_suppressed_cell()
    {
        AssertValue("onderwijs_instroom", "techniek", "2023/2024", 150, region: "TP1", category: "mbo");
        AssertValue("aandeel_betatechniek", "techniek", "2023/2024", 37.5, region: "TP1", category: "mbo");
        AssertValue("aandeel_vrouwen", "techniek", "2023/2024", 20.0, region: "TP1", category: "mbo");
        AssertValue("onderwijs_instroom", "techniek", "2023/2024", 180, region: "TP2", category: "mbo", status: "incomplete");
        Assert.That(w.Row("onderwijs_instroom", "techniek", "2023/2024", "TP1").RegionLevel, Is.EqualTo("techniekpactregio"));
    }

    // pr-eDICT education, provinces only, NL = their sum.
    // ict: PV20 100+20+200+40 = 360, PV21 60+10+100+20 = 190 -> NL 550; hybride: 50+30 + 30+30 = 140; total 690.
    [Test]
    public void Ict_opleiding_instroom_by_type_from_the_provinces()
    {
        AssertValue("ict_opleiding_instroom", "ict", "2023/2024", 550, category: "ict");
        AssertValue("ict_opleiding_instroom", "ict", "2023/2024", 140, category: "hybride");
        AssertValue("ict_opleiding_instroom", "ict", "2023/2024", 690);
        AssertValue("ict_opleiding_instroom", "ict", "2023/2024", 440, region: "PV20");
        AssertValue("ict_opleiding_instroom", "ict", "2023/2024", 250, region: "PV21");
        Assert.That(w.Row("ict_opleiding_instroom", "ict", "2023/2024", "PV20").Source, Is.EqualTo("pr-eDICT"));
    }

    // aandeel_vrouwen ict: mbo women 20+30+10 = 60 of 270; hbo 40+20+30 = 90 of 420; total 150/690; PV20 90/440.
    [Test]
    public void Aandeel_vrouwen_ict()
    {
        AssertValue("aandeel_vrouwen", "ict", "2023/2024", 100.0 * 60 / 270, category: "mbo");
        AssertValue("aandeel_vrouwen", "ict", "2023/2024", 100.0 * 90 / 420, category: "hbo");
        AssertValue("aandeel_vrouwen", "ict", "2023/2024", 100.0 * 150 / 690);
        AssertValue("aandeel_vrouwen", "ict", "2023/2024", 100.0 * 90 / 440, region: "PV20");
    }

    // 2023: 200+500+350 = 1050 >= 1000 on_track; 2022: 150+400 with hbo missing = 550, incomplete.
    [Test]
    public void Hybride_docenten_target_on_the_total()
    {
        AssertValue("hybride_docenten", "techniek", "2023", 1050, status: "on_track");
        Assert.That(w.Row("hybride_docenten", "techniek", "2023").Target, Is.EqualTo(1000));
        AssertValue("hybride_docenten", "techniek", "2023", 500, category: "mbo");
        Assert.That(w.Row("hybride_docenten", "techniek", "2023", category: "mbo").Target, Is.Null);
        AssertValue("hybride_docenten", "techniek", "2022", 550, status: "incomplete");
    }

    // Technical workforce: PV20 1200/1280/1350, PV21 600/630/680, NL 1800/1910/2030.
    [Test]
    public void Werkzaam_and_nettogroei_techniek_by_province_and_nationally()
    {
        AssertValue("werkzaam", "techniek", "2023", 2030);
        AssertValue("werkzaam", "techniek", "2021", 1200, region: "PV20");
        AssertValue("nettogroei", "techniek", "2022", 110);
        AssertValue("nettogroei", "techniek", "2023", 120);
        AssertValue("nettogroei", "techniek", "2023", 70, region: "PV20");
        AssertValue("nettogroei", "techniek", "2023", 50, region: "PV21");
        Assert.That(w.Exists("nettogroei", "techniek", "2021"), Is.False, "no growth without the year before");
        Assert.That(w.Row("werkzaam", "techniek", "2023", "PV21").RegionLevel, Is.EqualTo("provincie"));
    }

    // ICT stock 501,000 / 520,000 / 545,000 / 600,000 / 665,000 (2019-2023).
    // nettogroei 19,000 / 25,000 / 55,000 / 65,000; the shipped register's minimum of 60,000 holds from 2022:
    // 2020 has no target, 2022 is behind, 2023 on track.
    [Test]
    public void Nettogroei_ict_against_60000()
    {
        AssertValue("nettogroei", "ict", "2020", 19000, status: "no_target");
        AssertValue("nettogroei", "ict", "2022", 55000, status: "behind");
        AssertValue("nettogroei", "ict", "2023", 65000, status: "on_track");
        Assert.That(w.Row("nettogroei", "ict", "2023").Target, Is.EqualTo(60000));
    }

    // groeitekort = 60,000 - nettogroei in the years the norm is in force (from 2022): 2022 5,000 (behind);
    // 2023 -5,000, growth beat the norm (on_track); 2020 lies before the norm.
    [Test]
    public void Groeitekort_turns_negative_when_growth_beats_the_norm()
    {
        Assert.That(w.Exists("groeitekort", "ict", "2020"), Is.False, "no norm in force before its Basisjaar");
        AssertValue("groeitekort", "ict", "2022", 5000, status: "behind");
        AssertValue("groeitekort", "ict", "2023", -5000, status: "on_track");
        Assert.That(w.Row("groeitekort", "ict", "2023").Target, Is.EqualTo(0));
        Assert.That(w.Exists("groeitekort", "techniek", "2023"), Is.False, "ICT only");
    }

    // (1,000,000 - stock_t) / (2030 - t): 2019 499,000/11; 2023 335,000/7 = 47,857.14...
    [Test]
    public void Benodigd_tempo()
    {
        AssertValue("benodigd_tempo", "ict", "2019", 499000.0 / 11);
        AssertValue("benodigd_tempo", "ict", "2023", 335000.0 / 7);
    }

    // Mean growth of the last three years: 2022: (19,000+25,000+55,000)/3 = 33,000; 400,000/33,000 = 12.1 -> 2022+13 = 2035.
    // 2023: (25,000+55,000+65,000)/3 = 48,333.3; 335,000/48,333.3 = 6.93 -> 2023+7 = 2030. 2021 has only two growth years.
    [Test]
    public void Jaar_een_miljoen()
    {
        AssertValue("jaar_een_miljoen", "ict", "2022", 2035);
        AssertValue("jaar_een_miljoen", "ict", "2023", 2030);
        Assert.That(w.Row("jaar_een_miljoen", "ict", "2023").Unit, Is.EqualTo("jaar"));
        Assert.That(w.Exists("jaar_een_miljoen", "ict", "2021"), Is.False);
    }

    // ICT flows 2023: instroom 20,000+40,000+25,000+10,000+5,000 = 100,000; uitstroom 40,000.
    [Test]
    public void Instroom_uitstroom_and_zij_instroom_ict()
    {
        AssertValue("instroom", "ict", "2023", 100000);
        AssertValue("instroom", "ict", "2023", 25000, category: "buitenland");
        AssertValue("uitstroom", "ict", "2023", 40000);
        AssertValue("uitstroom", "ict", "2023", 16000, category: "ander_werk");
        AssertValue("zij_instroom", "ict", "2023", 40000);
        AssertValue("zij_instroom_aandeel", "ict", "2023", 40.0);
        AssertValue("saldo_stromen", "ict", "2023", 60000);
    }

    // behoud = 100 * (1 - uitstroom_t / werkzaam_t-1) = 100 * (1 - 40,000/600,000) = 93.33%.
    [Test]
    public void Behoud_ict()
    {
        AssertValue("behoud", "ict", "2023", 100.0 * (1 - 40000.0 / 600000));
        var row = w.Row("behoud", "ict", "2023");
        Assert.That((row.Numerator, row.Denominator), Is.EqualTo(((double?)560000, (double?)600000)));
    }

    // Technical flows: PV20 instroom 40+30+10+5 = 85 with uitkering suppressed; PV21 45 complete.
    // NL: instroom 130 (incomplete), uitstroom 45+20 = 65; zij-instroom 30+15 = 45 complete, its share 45/130 incomplete.
    [Test]
    public void Stromen_techniek_with_a_suppressed_cell()
    {
        AssertValue("instroom", "techniek", "2023", 85, region: "PV20", status: "incomplete");
        AssertValue("instroom", "techniek", "2023", 45, region: "PV21");
        AssertValue("instroom", "techniek", "2023", 130, status: "incomplete");
        AssertValue("instroom", "techniek", "2023", 4, category: "uitkering", status: "incomplete");
        AssertValue("instroom", "techniek", "2023", 60, category: "onderwijs");
        AssertValue("uitstroom", "techniek", "2023", 65);
        AssertValue("zij_instroom", "techniek", "2023", 45);
        AssertValue("zij_instroom_aandeel", "techniek", "2023", 100.0 * 15 / 45, region: "PV21");
        AssertValue("zij_instroom_aandeel", "techniek", "2023", 100.0 * 45 / 130, status: "incomplete");
        AssertValue("saldo_stromen", "techniek", "2023", 65, status: "incomplete");
        AssertValue("saldo_stromen", "techniek", "2023", 25, region: "PV21");
    }

    // behoud techniek NL: 100 * (1 - 65/1910); PV21: 100 * (1 - 20/630).
    [Test]
    public void Behoud_techniek()
    {
        AssertValue("behoud", "techniek", "2023", 100.0 * (1 - 65.0 / 1910));
        AssertValue("behoud", "techniek", "2023", 100.0 * (1 - 20.0 / 630), region: "PV21");
    }

    // Two regions, 10/2 (5.0) and 30/30 (1.0): the national ratio is 40/32 = 1.25 'gemiddeld', not the mean 3.0 'krap'.
    [Test]
    public void Spanningsindicator_nationally_is_the_ratio_of_sums()
    {
        AssertValue("spanningsindicator", "techniek", "2023KW1", 5.0, region: "AM01", label: "zeer krap");
        AssertValue("spanningsindicator", "techniek", "2023KW1", 1.0, region: "AM02", label: "gemiddeld");
        AssertValue("spanningsindicator", "techniek", "2023KW1", 1.25, label: "gemiddeld");
        var nl = w.Row("spanningsindicator", "techniek", "2023KW1");
        Assert.That((nl.Numerator, nl.Denominator, nl.Unit, nl.PeriodType, nl.PeriodOrder),
            Is.EqualTo(((double?)40, (double?)32, "ratio", "quarter", 20231)));
        AssertValue("openstaande_vacatures", "techniek", "2023KW1", 40);
        AssertValue("ww_kort", "techniek", "2023KW1", 32);
    }

    // AM01 is in PV20 and AM02 in PV21 (ref.arbeidsmarktregios), so each province equals its one region.
    [Test]
    public void Uwv_provinces_come_from_the_labour_market_regions()
    {
        AssertValue("spanningsindicator", "techniek", "2023KW1", 5.0, region: "PV20", label: "zeer krap");
        AssertValue("openstaande_vacatures", "techniek", "2023KW1", 30, region: "PV21");
        Assert.That(w.Row("openstaande_vacatures", "techniek", "2023KW1", "PV21").RegionLevel, Is.EqualTo("provincie"));
        Assert.That(w.Row("openstaande_vacatures", "techniek", "2023KW1", "AM01").RegionLevel, Is.EqualTo("arbeidsmarktregio"));
    }

    // ICT WW in AM01 is suppressed: AM01 has no ratio; NL sums the delivered cells (vacatures 8+12 = 20 complete,
    // WW 6 incomplete) and the ratio 20/6 is 'incomplete'.
    [Test]
    public void A_suppressed_ww_cell_makes_the_national_aggregate_incomplete()
    {
        var am01 = w.Row("spanningsindicator", "ict", "2023KW1", "AM01");
        Assert.That((am01.Value, am01.Status, am01.Label), Is.EqualTo(((double?)null, "incomplete", (string?)null)));
        AssertValue("openstaande_vacatures", "ict", "2023KW1", 20);
        AssertValue("ww_kort", "ict", "2023KW1", 6, status: "incomplete");
        AssertValue("spanningsindicator", "ict", "2023KW1", 20.0 / 6, status: "incomplete", label: "krap");
    }

    // totaal = every class: vacatures 10+30+8+12+5+15 = 80, WW 2+30+6+40+20 = 98 (incomplete); never techniek+ict only.
    [Test]
    public void Totaal_is_every_occupation_class()
    {
        AssertValue("openstaande_vacatures", "totaal", "2023KW1", 80);
        AssertValue("spanningsindicator", "totaal", "2023KW1", 80.0 / 98, status: "incomplete", label: "gemiddeld");
        AssertValue("spanningsindicator", "totaal", "2023KW1", 57.0 / 56, region: "AM02", label: "gemiddeld");
    }

    // Typering boundaries: 0.2 zeer ruim, 0.25 ruim, 0.67 gemiddeld, 1.5 krap, 4 zeer krap.
    [Test]
    public void Spanningsindicator_typering_boundaries()
    {
        AssertValue("spanningsindicator", "techniek", "2023KW2", 0.2, region: "AM02", label: "zeer ruim");
        AssertValue("spanningsindicator", "techniek", "2023KW2", 0.25, region: "AM01", label: "ruim");
        AssertValue("spanningsindicator", "ict", "2023KW2", 0.67, region: "AM02", label: "gemiddeld");
        AssertValue("spanningsindicator", "ict", "2023KW2", 1.5, region: "AM01", label: "krap");
        // AM01 all classes: (1 + 3 + 20) / (4 + 2 + 0) = 4.0
        AssertValue("spanningsindicator", "totaal", "2023KW2", 4.0, region: "AM01", label: "zeer krap");
    }

    // ROA 2021-2026: baanopeningen techniek 50,000, ict 12,000, totaal 50,000+12,000+15,000 = 77,000.
    [Test]
    public void Roa_baanopeningen_schoolverlaters_and_tekort()
    {
        AssertValue("baanopeningen", "techniek", "2021-2026", 50000);
        AssertValue("baanopeningen", "ict", "2021-2026", 12000);
        AssertValue("baanopeningen", "totaal", "2021-2026", 77000);
        AssertValue("instroom_schoolverlaters", "techniek", "2021-2026", 35000);
        AssertValue("instroom_schoolverlaters", "totaal", "2021-2026", 49000, status: "incomplete");
        AssertValue("verwacht_tekort", "techniek", "2021-2026", 15000);
        AssertValue("verwacht_tekort", "ict", "2021-2026", -2000);
        AssertValue("verwacht_tekort", "totaal", "2021-2026", 28000, status: "incomplete");
        var row = w.Row("baanopeningen", "ict", "2021-2026");
        Assert.That((row.PeriodType, row.PeriodOrder, row.Source), Is.EqualTo(("forecast_period", 2021, "ROA")));
    }

    // ITKP and Typering per class; no totaal because an index cannot be summed.
    [Test]
    public void Roa_knelpunt()
    {
        AssertValue("roa_knelpunt", "techniek", "2021-2026", 1.45, label: "groot");
        AssertValue("roa_knelpunt", "ict", "2021-2026", 0.9, label: "enige");
        Assert.That(w.Exists("roa_knelpunt", "totaal", "2021-2026"), Is.False);
    }

    [Test]
    public void Vintage_is_the_latest_input_vintage_and_as_of_is_null_for_latest()
    {
        var row = w.Row("behoud", "ict", "2023");
        Assert.That((row.Vintage, row.AsOf), Is.EqualTo(((DateOnly?)new DateOnly(2024, 4, 1), (DateOnly?)null)));
    }
    // Share of women at work, 2023. Techniek NL = sum of PV20 and PV21: women 250 + 120 = 370 of
    // 1100 + 250 + 560 + 120 = 2030; PV20 alone 250 of 1350. ICT NL row: 135,000 of 665,000.
    [Test]
    public void Aandeel_vrouwen_werkzaam_divides_women_by_both_sexes()
    {
        AssertValue("aandeel_vrouwen_werkzaam", "techniek", "2023", 100.0 * 370 / 2030);
        AssertValue("aandeel_vrouwen_werkzaam", "techniek", "2023", 100.0 * 250 / 1350, region: "PV20");
        AssertValue("aandeel_vrouwen_werkzaam", "ict", "2023", 100.0 * 135000 / 665000);
        var row = w.Row("aandeel_vrouwen_werkzaam", "ict", "2023");
        Assert.That((row.Numerator, row.Denominator, row.Unit, row.Source), Is.EqualTo(((double?)135000, (double?)665000, "procent", "pr-eDICT")));
    }

    // CBS rows as delivered: 2022 totaal 1,2; 2023 totaal 0,6; 2023 industry F −0,4.
    [Test]
    public void Arbeidsproductiviteit_groei_is_the_delivered_cell()
    {
        AssertValue("arbeidsproductiviteit_groei", "totaal", "2022", 1.2);
        AssertValue("arbeidsproductiviteit_groei", "totaal", "2023", 0.6);
        AssertValue("arbeidsproductiviteit_groei", "totaal", "2023", -0.4, category: "F");
        Assert.That(w.Row("arbeidsproductiviteit_groei", "totaal", "2023").Source, Is.EqualTo("CBS"));
    }

    // Register of 2024-03-31 (2024KW1): A01 on schedule (planned 2024-12-31), A02 vertraagd, A03 gestopt, A04 afgerond.
    // All: 4 actions, 1 afgerond, 1 behind, on schedule 2 (A01, A04) of 3 not stopped. Pillar 3 has no action: 0.
    [Test]
    public void Actions_per_quarter_and_pillar()
    {
        AssertValue("acties", "totaal", "2024KW1", 4);
        AssertValue("acties_afgerond", "totaal", "2024KW1", 1);
        AssertValue("acties_achter_schema", "totaal", "2024KW1", 1);
        AssertValue("aandeel_acties_op_schema", "totaal", "2024KW1", 100.0 * 2 / 3);
        AssertValue("acties", "totaal", "2024KW1", 2, category: "pijler1");
        AssertValue("aandeel_acties_op_schema", "totaal", "2024KW1", 100.0, category: "pijler1");
        AssertValue("aandeel_acties_op_schema", "totaal", "2024KW1", 0.0, category: "pijler2");
        AssertValue("acties", "totaal", "2024KW1", 0, category: "pijler3");
        AssertValue("acties", "totaal", "2024KW1", 1, category: "pijler4");
        Assert.That(w.Exists("aandeel_acties_op_schema", "totaal", "2024KW1", category: "pijler4"), Is.False, "only a stopped action");
    }

    // Two koersoverleggen up to 2024-03-31: 8 of 10 and 1 of 5 present = 9 / 15 = 60 %. 2024 has not ended on
    // the date of the latest vintage (2024-03-31), so the count is incomplete.
    [Test]
    public void Meetings_and_attendance_per_year_and_type()
    {
        AssertValue("overleggen", "totaal", "2024", 2, category: "koersoverleg", status: "incomplete");
        AssertValue("aanwezigheid", "totaal", "2024", 60.0, category: "koersoverleg");
    }
}
