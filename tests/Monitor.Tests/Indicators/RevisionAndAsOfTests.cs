// Revisions (a later vintage of the same key) and --as-of builds; and how NL is formed when both NL
// and regional rows exist.
namespace Monitor.Tests.Indicators;

public class RevisionAndAsOfTests
{
    [Test]
    public void The_latest_vintage_is_used_by_default()
    {
        using var w = IndicatorWarehouse.With("revision.sql");
        w.Build();
        var row = w.Row("openstaande_vacatures", "techniek", "2023KW1", "AM01");
        Assert.That((row.Value, row.Vintage, row.AsOf), Is.EqualTo(((double?)14, (DateOnly?)new DateOnly(2023, 8, 15), (DateOnly?)null)));
        Assert.That(w.Row("spanningsindicator", "techniek", "2023KW1").Value, Is.EqualTo(14.0 / 5));
        Assert.That(w.Exists("spanningsindicator", "techniek", "2023KW2"), Is.True);
    }

    [Test]
    public void As_of_before_the_revision_uses_the_first_vintage_and_records_the_date()
    {
        using var w = IndicatorWarehouse.With("revision.sql");
        var asOf = new DateOnly(2023, 6, 30);
        var result = w.Build(asOf);
        var row = w.Row("openstaande_vacatures", "techniek", "2023KW1", "AM01");
        Assert.That((row.Value, row.Vintage, row.AsOf), Is.EqualTo(((double?)10, (DateOnly?)new DateOnly(2023, 5, 15), (DateOnly?)asOf)));
        Assert.That(w.Row("spanningsindicator", "techniek", "2023KW1").Value, Is.EqualTo(2.0));
        Assert.That(w.Exists("spanningsindicator", "techniek", "2023KW2"), Is.False, "2023KW2 was first published after the as-of date");
        Assert.That(result.AsOf, Is.EqualTo(asOf));

        // A later build without as-of goes back to the latest vintages.
        w.Build();
        Assert.That(w.Row("openstaande_vacatures", "techniek", "2023KW1", "AM01").Value, Is.EqualTo(14));
    }

    const string Extracts = """
        INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, state, run_id, loaded_at) VALUES
            (41, 'tpm_onderwijs_2024-03-01.csv', 'techniekpact', 'tpm', 'onderwijs', DATE '2024-03-01', 'a', 1, 'loaded', 'x', TIMESTAMP '2024-03-02 00:00:00'),
            (42, 'predict_werkzaam_2023-06-01.csv', 'predict', 'predict', 'werkzaam', DATE '2023-06-01', 'b', 1, 'loaded', 'x', TIMESTAMP '2023-06-02 00:00:00'),
            (43, 'predict_werkzaam_2024-06-01.csv', 'predict', 'predict', 'werkzaam', DATE '2024-06-01', 'c', 1, 'loaded', 'x', TIMESTAMP '2024-06-02 00:00:00'),
            (44, 'predict_werkzaam_2024-01-01.csv', 'predict', 'predict', 'werkzaam', DATE '2024-01-01', 'd', 1, 'rejected', 'x', TIMESTAMP '2024-01-02 00:00:00');
        """;

    [Test]
    public void Nl_is_the_sum_of_the_techniekpact_regions_when_no_nl_row_was_delivered()
    {
        // TP1 30 + TP3 50 entrants in betatechniek wo; no NL rows for 2024/2025.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.tpm_onderwijs VALUES
                (41, DATE '2024-03-01', 2, '2024/2025', 'wo', 'instroom', 'betatechniek', 'TP1', 'man', 30, NULL),
                (41, DATE '2024-03-01', 3, '2024/2025', 'wo', 'instroom', 'betatechniek', 'TP3', 'vrouw', 50, NULL);
            """);
        w.Build();
        Assert.That(w.Row("onderwijs_instroom", "techniek", "2024/2025", category: "wo").Value, Is.EqualTo(80));
        Assert.That(w.Row("aandeel_vrouwen", "techniek", "2024/2025").Value, Is.EqualTo(100.0 * 50 / 80));
        Assert.That(w.Row("onderwijs_instroom", "techniek", "2024/2025", "TP3").Value, Is.EqualTo(50));
    }

    [Test]
    public void A_later_provincial_delivery_replaces_an_earlier_nl_row_for_the_national_figure()
    {
        // 2022: NL row 600,000 (2023-06-01); the 2024-06-01 vintage delivers provinces PV20 250,000 + PV21 360,000.
        // The rejected extract's rows never count.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.predict_werkzaam VALUES
                (42, DATE '2023-06-01', 2, 2022, 'NL', 'man', 600000, NULL),
                (43, DATE '2024-06-01', 2, 2022, 'PV20', 'man', 250000, NULL),
                (43, DATE '2024-06-01', 3, 2022, 'PV21', 'man', 360000, NULL),
                (44, DATE '2024-01-01', 2, 2021, 'NL', 'man', 1, NULL);
            """);
        w.Build();
        Assert.That(w.Row("werkzaam", "ict", "2022").Value, Is.EqualTo(610000));
        Assert.That(w.Exists("werkzaam", "ict", "2021"), Is.False, "rows of a rejected extract");
        w.Build(new DateOnly(2023, 12, 31));
        Assert.That(w.Row("werkzaam", "ict", "2022").Value, Is.EqualTo(600000));
        Assert.That(w.Exists("werkzaam", "ict", "2022", "PV20"), Is.False);
    }

    [Test]
    public void Jaar_een_miljoen_is_empty_with_a_label_when_the_workforce_shrinks()
    {
        // 700,000 -> 690,000 -> 680,000 -> 675,000: mean growth (-10,000 - 10,000 - 5,000) / 3 < 0.
        using var w = IndicatorWarehouse.With(Extracts, """
            INSERT INTO raw.predict_werkzaam VALUES
                (43, DATE '2024-06-01', 2, 2020, 'NL', 'man', 700000, NULL),
                (43, DATE '2024-06-01', 3, 2021, 'NL', 'man', 690000, NULL),
                (43, DATE '2024-06-01', 4, 2022, 'NL', 'man', 680000, NULL),
                (43, DATE '2024-06-01', 5, 2023, 'NL', 'man', 675000, NULL);
            """);
        w.Build();
        var row = w.Row("jaar_een_miljoen", "ict", "2023");
        Assert.That((row.Value, row.Label, row.Status), Is.EqualTo(((double?)null, "niet bij huidig tempo", "no_target")));
    }
}
