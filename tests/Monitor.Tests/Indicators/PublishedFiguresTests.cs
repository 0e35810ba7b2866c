// The real published figures of shared/DOMAIN.md, loaded as extracts, come out of the mart unchanged.
namespace Monitor.Tests.Indicators;

[TestFixture]
public class PublishedFiguresTests
{
    IndicatorWarehouse w = null!;

    [OneTimeSetUp]
    public void BuildFixture()
    {
        w = IndicatorWarehouse.With("published_figures.sql");
        w.Build();
    }

    [OneTimeTearDown]
    public void Cleanup() => w.Dispose();

    [Test]
    public void Ict_workforce_2023_fell_by_3000_and_the_growth_gap_is_63000()
    {
        var groei = w.Row("nettogroei", "ict", "2023");
        Assert.That((groei.Value, groei.Status), Is.EqualTo(((double?)-3000, "behind")));
        var gap = w.Row("groeitekort", "ict", "2023");
        Assert.That((gap.Value, gap.Status), Is.EqualTo(((double?)63000, "behind")));
        Assert.That(w.Row("nettogroei", "ict", "2022").Value, Is.EqualTo(70000));
        Assert.That(w.Row("nettogroei", "ict", "2022").Status, Is.EqualTo("on_track"));
    }

    [Test]
    public void Pace_needed_from_2023_is_about_47100_a_year()
    {
        // (1,000,000 - 670,000) / (2030 - 2023) = 330,000 / 7
        Assert.That(w.Row("benodigd_tempo", "ict", "2023").Value, Is.EqualTo(47142.857142857).Within(1e-6));
    }

    [Test]
    public void Zij_instroom_was_36_percent_of_ict_inflow_in_2022()
    {
        var share = w.Row("zij_instroom_aandeel", "ict", "2022");
        Assert.That((share.Value, share.Numerator, share.Denominator), Is.EqualTo(((double?)36.0, (double?)39600, (double?)110000)));
        Assert.That(w.Row("instroom", "ict", "2022").Value, Is.EqualTo(110000));
        Assert.That(w.Row("uitstroom", "ict", "2022").Value, Is.EqualTo(45000));
        // 100 * (1 - 45,000 / 603,000)
        Assert.That(w.Row("behoud", "ict", "2022").Value, Is.EqualTo(100.0 * (1 - 45000.0 / 603000)).Within(1e-9));
    }

    [Test]
    public void National_spanningsindicator_is_zeer_krap_in_both_quarters()
    {
        var q4 = w.Row("spanningsindicator", "totaal", "2022KW4");
        Assert.That(q4.Value, Is.EqualTo(418900.0 / 88200).Within(1e-12));
        Assert.That(q4.Value, Is.EqualTo(4.75).Within(0.005));
        Assert.That((q4.Numerator, q4.Denominator, q4.Label), Is.EqualTo(((double?)418900, (double?)88200, "zeer krap")));
        var q1 = w.Row("spanningsindicator", "totaal", "2023KW1");
        Assert.That(q1.Value, Is.EqualTo(432900.0 / 100300).Within(1e-12));
        Assert.That(q1.Value, Is.EqualTo(4.32).Within(0.005));
        Assert.That(q1.Label, Is.EqualTo("zeer krap"));
    }

    [Test]
    public void Context_figures_of_the_action_plan()
    {
        Assert.That(w.Row("openstaande_vacatures", "techniek", "2022KW2").Value, Is.EqualTo(86250));
        Assert.That(w.Row("openstaande_vacatures", "ict", "2022KW2").Value, Is.EqualTo(35950));
        Assert.That(w.Row("baanopeningen", "techniek", "2021-2026").Value, Is.EqualTo(210900));
        Assert.That(w.Row("baanopeningen", "ict", "2021-2026").Value, Is.EqualTo(58300));
    }
}
