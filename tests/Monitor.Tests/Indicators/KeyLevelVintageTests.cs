// The vintage rule at key level (staging.key_level_in_force): per key without its region, the latest vintage that
// delivers the key decides whether its national figure is the NL row or the sum of the regions, so one national
// total may add parts of different levels and vintages, and is never short of the parts an earlier vintage held.
using Dapper;

namespace Monitor.Tests.Indicators;

public class KeyLevelVintageTests
{
    // Vintage A (2024-05-15) and a later vintage B (2025-05-15) of each regional dataset.
    const string Extracts = """
        INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, state, run_id, loaded_at) VALUES
            (51, 'tpm_werkzaam_2024-05-15.csv', 'techniekpact', 'tpm', 'werkzaam', DATE '2024-05-15', 'a', 1, 'loaded', 'x', TIMESTAMP '2024-05-16 00:00:00'),
            (52, 'tpm_werkzaam_2025-05-15.csv', 'techniekpact', 'tpm', 'werkzaam', DATE '2025-05-15', 'b', 1, 'loaded', 'x', TIMESTAMP '2025-05-16 00:00:00'),
            (53, 'tpm_onderwijs_2024-05-15.csv', 'techniekpact', 'tpm', 'onderwijs', DATE '2024-05-15', 'c', 1, 'loaded', 'x', TIMESTAMP '2024-05-16 00:00:00'),
            (54, 'tpm_onderwijs_2025-05-15.csv', 'techniekpact', 'tpm', 'onderwijs', DATE '2025-05-15', 'd', 1, 'loaded', 'x', TIMESTAMP '2025-05-16 00:00:00'),
            (55, 'predict_onderwijs_2024-05-15.csv', 'predict', 'predict', 'onderwijs', DATE '2024-05-15', 'e', 1, 'loaded', 'x', TIMESTAMP '2024-05-16 00:00:00'),
            (56, 'predict_onderwijs_2025-05-15.csv', 'predict', 'predict', 'onderwijs', DATE '2025-05-15', 'f', 1, 'loaded', 'x', TIMESTAMP '2025-05-16 00:00:00'),
            (57, 'predict_stromen_2024-05-15.csv', 'predict', 'predict', 'stromen', DATE '2024-05-15', 'g', 1, 'loaded', 'x', TIMESTAMP '2024-05-16 00:00:00'),
            (58, 'predict_stromen_2025-05-15.csv', 'predict', 'predict', 'stromen', DATE '2025-05-15', 'h', 1, 'loaded', 'x', TIMESTAMP '2025-05-16 00:00:00'),
            (59, 'predict_werkzaam_2024-05-15.csv', 'predict', 'predict', 'werkzaam', DATE '2024-05-15', 'i', 1, 'loaded', 'x', TIMESTAMP '2024-05-16 00:00:00'),
            (60, 'predict_werkzaam_2025-05-15.csv', 'predict', 'predict', 'werkzaam', DATE '2025-05-15', 'j', 1, 'loaded', 'x', TIMESTAMP '2025-05-16 00:00:00');
        """;

    static readonly DateOnly VintageA = new(2024, 5, 15);
    static readonly DateOnly VintageB = new(2025, 5, 15);
    static readonly DateOnly BeforeB = new(2024, 12, 31);

    // The example: A has 2012 NL men 1,000 and women 400; B has 2012 by province, men only:
    // PV20 300 + PV21 450 + PV22 280 = 1,030.
    const string WorkforceMenByProvinceLater = """
        INSERT INTO raw.tpm_werkzaam VALUES
            (51, DATE '2024-05-15', 2, 2012, 'NL', 'man', 1000, NULL),
            (51, DATE '2024-05-15', 3, 2012, 'NL', 'vrouw', 400, NULL),
            (52, DATE '2025-05-15', 2, 2012, 'PV20', 'man', 300, NULL),
            (52, DATE '2025-05-15', 3, 2012, 'PV21', 'man', 450, NULL),
            (52, DATE '2025-05-15', 4, 2012, 'PV22', 'man', 280, NULL);
        """;

    [Test]
    public void National_workforce_adds_the_men_of_the_later_provinces_to_the_women_of_the_earlier_nl_row()
    {
        using var w = IndicatorWarehouse.With(Extracts, WorkforceMenByProvinceLater);
        w.Build();
        var nl = w.Row("werkzaam", "techniek", "2012");
        // men 300 + 450 + 280 = 1,030 from B's provinces, women 400 from A's NL row (not 1,030: the men alone).
        Assert.That((nl.Value, nl.Status, nl.Vintage), Is.EqualTo(((double?)1430, "no_target", (DateOnly?)VintageB)));
        Assert.That(w.Row("werkzaam", "techniek", "2012", "PV21").Value, Is.EqualTo(450));

        var inputs = w.Db.Connection.Query<(string Region, string Sex, int Extract)>("""
            SELECT input_region, geslacht, extract_id FROM intermediate.int_werkzaam_cells
            WHERE dataset = 'tpm_werkzaam' AND region = 'NL' AND jaar = 2012 ORDER BY input_region, geslacht
            """).ToList();
        Assert.That(inputs, Is.EqualTo(new[] { ("NL", "vrouw", 51), ("PV20", "man", 52), ("PV21", "man", 52), ("PV22", "man", 52) }));
    }

    [Test]
    public void The_superseded_nl_row_leaves_staging_and_the_other_sex_stays_in_force()
    {
        using var w = IndicatorWarehouse.With(Extracts, WorkforceMenByProvinceLater);
        var rows = w.Db.Connection.Query<(string Region, string Sex, int Extract, bool InNational)>("""
            SELECT regio, geslacht, extract_id, in_national FROM staging.stg_tpm_werkzaam ORDER BY regio, geslacht
            """).ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("NL", "vrouw", 51, true), ("PV20", "man", 52, true), ("PV21", "man", 52, true), ("PV22", "man", 52, true),
        }));
    }

    [Test]
    public void As_of_before_the_later_vintage_gives_the_earlier_nl_rows()
    {
        using var w = IndicatorWarehouse.With(Extracts, WorkforceMenByProvinceLater);
        w.Build(BeforeB);
        var nl = w.Row("werkzaam", "techniek", "2012");
        Assert.That((nl.Value, nl.Status, nl.Vintage, nl.AsOf), Is.EqualTo(((double?)1400, "no_target", (DateOnly?)VintageA, (DateOnly?)BeforeB)));
        Assert.That(w.Exists("werkzaam", "techniek", "2012", "PV20"), Is.False);

        w.Build();
        Assert.That(w.Row("werkzaam", "techniek", "2012").Value, Is.EqualTo(1430));
    }

    [Test]
    public void A_later_nl_row_decides_its_own_key_and_leaves_the_earlier_provinces_as_regional_figures()
    {
        // A: 2013 by province, men PV20 100 + PV21 200, women PV20 50 + PV21 60. B: 2013 NL, men only, 320.
        // NL = men 320 (B's NL row, not A's 300) + women 50 + 60 = 430. The provinces keep A's rows: B did not
        // deliver them, so PV20 = 100 + 50 = 150 and PV21 = 200 + 60 = 260.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.tpm_werkzaam VALUES
                (51, DATE '2024-05-15', 2, 2013, 'PV20', 'man', 100, NULL),
                (51, DATE '2024-05-15', 3, 2013, 'PV21', 'man', 200, NULL),
                (51, DATE '2024-05-15', 4, 2013, 'PV20', 'vrouw', 50, NULL),
                (51, DATE '2024-05-15', 5, 2013, 'PV21', 'vrouw', 60, NULL),
                (52, DATE '2025-05-15', 2, 2013, 'NL', 'man', 320, NULL);
            """);
        w.Build();
        Assert.That(w.Row("werkzaam", "techniek", "2013").Value, Is.EqualTo(430));
        Assert.That(w.Row("werkzaam", "techniek", "2013", "PV20").Value, Is.EqualTo(150));
        Assert.That(w.Row("werkzaam", "techniek", "2013", "PV21").Value, Is.EqualTo(260));

        w.Build(BeforeB);
        Assert.That(w.Row("werkzaam", "techniek", "2013").Value, Is.EqualTo(410), "A alone: 100 + 200 + 50 + 60");
    }

    [Test]
    public void A_mixed_total_is_incomplete_when_a_later_province_is_suppressed()
    {
        // predict_werkzaam 2012, A: NL men 5,000, women 2,000. B: men PV20 2,600, PV21 suppressed.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.predict_werkzaam VALUES
                (59, DATE '2024-05-15', 2, 2012, 'NL', 'man', 5000, NULL),
                (59, DATE '2024-05-15', 3, 2012, 'NL', 'vrouw', 2000, NULL),
                (60, DATE '2025-05-15', 2, 2012, 'PV20', 'man', 2600, NULL),
                (60, DATE '2025-05-15', 3, 2012, 'PV21', 'man', NULL, 'suppressed');
            """);
        w.Build();
        var nl = w.Row("werkzaam", "ict", "2012");
        Assert.That((nl.Value, nl.Status), Is.EqualTo(((double?)4600, "incomplete")), "2,600 + 2,000, with a suppressed part");
        Assert.That(w.Row("werkzaam", "ict", "2012", "PV21").Status, Is.EqualTo("incomplete"));
        Assert.That(w.Row("werkzaam", "ict", "2012", "PV20").Status, Is.Not.EqualTo("incomplete"));

        w.Build(BeforeB);
        nl = w.Row("werkzaam", "ict", "2012");
        Assert.That((nl.Value, nl.Status), Is.EqualTo(((double?)7000, "no_target")), "A alone: 5,000 + 2,000");
    }

    [Test]
    public void A_mixed_total_is_incomplete_when_the_earlier_nl_part_is_missing()
    {
        // A: NL women missing ('.'); B: men by province PV20 700 + PV21 800. The men are complete, the total is not.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.tpm_werkzaam VALUES
                (51, DATE '2024-05-15', 2, 2012, 'NL', 'man', 1400, NULL),
                (51, DATE '2024-05-15', 3, 2012, 'NL', 'vrouw', NULL, 'missing'),
                (52, DATE '2025-05-15', 2, 2012, 'PV20', 'man', 700, NULL),
                (52, DATE '2025-05-15', 3, 2012, 'PV21', 'man', 800, NULL);
            """);
        w.Build();
        var nl = w.Row("werkzaam", "techniek", "2012");
        Assert.That((nl.Value, nl.Status), Is.EqualTo(((double?)1500, "incomplete")));
        Assert.That(w.Row("werkzaam", "techniek", "2012", "PV20").Status, Is.EqualTo("no_target"));
    }

    [Test]
    public void Techniekpact_education_adds_later_tp_regions_to_an_earlier_nl_row()
    {
        // 2023/2024 wo instroom betatechniek. A: NL men 500, women 200. B: men by TP region
        // 120 + 130 + 140 + 60 + 90 = 540. NL = 540 + 200 = 740; women's share 200 / 740.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.tpm_onderwijs VALUES
                (53, DATE '2024-05-15', 2, '2023/2024', 'wo', 'instroom', 'betatechniek', 'NL', 'man', 500, NULL),
                (53, DATE '2024-05-15', 3, '2023/2024', 'wo', 'instroom', 'betatechniek', 'NL', 'vrouw', 200, NULL),
                (54, DATE '2025-05-15', 2, '2023/2024', 'wo', 'instroom', 'betatechniek', 'TP1', 'man', 120, NULL),
                (54, DATE '2025-05-15', 3, '2023/2024', 'wo', 'instroom', 'betatechniek', 'TP2', 'man', 130, NULL),
                (54, DATE '2025-05-15', 4, '2023/2024', 'wo', 'instroom', 'betatechniek', 'TP3', 'man', 140, NULL),
                (54, DATE '2025-05-15', 5, '2023/2024', 'wo', 'instroom', 'betatechniek', 'TP4', 'man', 60, NULL),
                (54, DATE '2025-05-15', 6, '2023/2024', 'wo', 'instroom', 'betatechniek', 'TP5', 'man', 90, NULL);
            """);
        w.Build();
        var wo = w.Row("onderwijs_instroom", "techniek", "2023/2024", category: "wo");
        Assert.That((wo.Value, wo.Status, wo.Vintage), Is.EqualTo(((double?)740, "no_target", (DateOnly?)VintageB)));
        Assert.That(w.Row("onderwijs_instroom", "techniek", "2023/2024").Value, Is.EqualTo(740));
        var share = w.Row("aandeel_vrouwen", "techniek", "2023/2024");
        Assert.That((share.Value, share.Numerator, share.Denominator), Is.EqualTo(((double?)(100.0 * 200 / 740), (double?)200, (double?)740)));
        Assert.That(w.Row("onderwijs_instroom", "techniek", "2023/2024", "TP3").Value, Is.EqualTo(140));

        w.Build(BeforeB);
        Assert.That(w.Row("onderwijs_instroom", "techniek", "2023/2024", category: "wo").Value, Is.EqualTo(700));
        Assert.That(w.Row("aandeel_vrouwen", "techniek", "2023/2024").Value, Is.EqualTo(100.0 * 200 / 700));
    }

    [Test]
    public void Predict_education_adds_later_provinces_to_an_earlier_nl_row()
    {
        // 2023/2024 hbo instroom ict. A: NL men 800, women 200. B: men PV20 300 + PV27 550 = 850.
        // NL = 850 + 200 = 1,050; women's share in hbo 200 / 1,050.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.predict_onderwijs VALUES
                (55, DATE '2024-05-15', 2, '2023/2024', 'hbo', 'instroom', 'ict', 'NL', 'man', 800, NULL),
                (55, DATE '2024-05-15', 3, '2023/2024', 'hbo', 'instroom', 'ict', 'NL', 'vrouw', 200, NULL),
                (56, DATE '2025-05-15', 2, '2023/2024', 'hbo', 'instroom', 'ict', 'PV20', 'man', 300, NULL),
                (56, DATE '2025-05-15', 3, '2023/2024', 'hbo', 'instroom', 'ict', 'PV27', 'man', 550, NULL);
            """);
        w.Build();
        var ict = w.Row("ict_opleiding_instroom", "ict", "2023/2024", category: "ict");
        Assert.That((ict.Value, ict.Status), Is.EqualTo(((double?)1050, "no_target")));
        var share = w.Row("aandeel_vrouwen", "ict", "2023/2024", category: "hbo");
        Assert.That((share.Value, share.Numerator, share.Denominator), Is.EqualTo(((double?)(100.0 * 200 / 1050), (double?)200, (double?)1050)));

        w.Build(BeforeB);
        Assert.That(w.Row("ict_opleiding_instroom", "ict", "2023/2024", category: "ict").Value, Is.EqualTo(1000));
        Assert.That(w.Row("aandeel_vrouwen", "ict", "2023/2024", category: "hbo").Value, Is.EqualTo(20));
    }

    [Test]
    public void Flows_add_a_later_provincial_category_to_the_earlier_nl_categories()
    {
        // predict_stromen 2022. A: NL instroom zij_instroom 300, onderwijs 700; uitstroom pensioen 400.
        // B: instroom zij_instroom by province PV20 120 + PV21 200 = 320.
        // instroom = 320 + 700 = 1,020; zij-instroom share 320 / 1,020; saldo 1,020 - 400 = 620.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.predict_stromen VALUES
                (57, DATE '2024-05-15', 2, 2022, 'instroom', 'zij_instroom', 'NL', 300, NULL),
                (57, DATE '2024-05-15', 3, 2022, 'instroom', 'onderwijs', 'NL', 700, NULL),
                (57, DATE '2024-05-15', 4, 2022, 'uitstroom', 'pensioen', 'NL', 400, NULL),
                (58, DATE '2025-05-15', 2, 2022, 'instroom', 'zij_instroom', 'PV20', 120, NULL),
                (58, DATE '2025-05-15', 3, 2022, 'instroom', 'zij_instroom', 'PV21', 200, NULL);
            """);
        w.Build();
        var instroom = w.Row("instroom", "ict", "2022");
        Assert.That((instroom.Value, instroom.Status, instroom.Vintage), Is.EqualTo(((double?)1020, "no_target", (DateOnly?)VintageB)));
        Assert.That(w.Row("instroom", "ict", "2022", category: "zij_instroom").Value, Is.EqualTo(320));
        Assert.That(w.Row("instroom", "ict", "2022", category: "onderwijs").Value, Is.EqualTo(700));
        Assert.That(w.Row("zij_instroom_aandeel", "ict", "2022").Value, Is.EqualTo(100.0 * 320 / 1020));
        Assert.That(w.Row("saldo_stromen", "ict", "2022").Value, Is.EqualTo(620));
        Assert.That(w.Row("instroom", "ict", "2022", "PV21").Value, Is.EqualTo(200));

        w.Build(BeforeB);
        Assert.That(w.Row("instroom", "ict", "2022").Value, Is.EqualTo(1000));
        Assert.That(w.Row("saldo_stromen", "ict", "2022").Value, Is.EqualTo(600));
        Assert.That(w.Row("zij_instroom_aandeel", "ict", "2022").Value, Is.EqualTo(30));
    }
}
