using Monitor.Reporting;
using Monitor.Reporting.Charts;

namespace Monitor.Tests.Reporting;

public class DutchFormatTests
{
    [TestCase(0, "0")]
    [TestCase(5, "5")]
    [TestCase(999, "999")]
    [TestCase(1000, "1.000")]
    [TestCase(86250, "86.250")]
    [TestCase(673000, "673.000")]
    [TestCase(1850000, "1.850.000")]
    [TestCase(-3000, "-3.000")]
    [TestCase(-999, "-999")]
    [TestCase(47142.857142857145, "47.143")]
    [TestCase(0.4, "0")]
    [TestCase(-0.4, "0")]
    [TestCase(2.5, "3")]
    [TestCase(-2.5, "-3")]
    public void Integers_get_a_dot_every_three_digits(double value, string expected) =>
        Assert.That(DutchFormat.Integer(value), Is.EqualTo(expected));

    [TestCase(4.3, 1, "4,3")]
    [TestCase(4.749433, 2, "4,75")]
    [TestCase(4.0, 2, "4,00")]
    [TestCase(1234.5, 1, "1.234,5")]
    [TestCase(-0.04, 1, "0,0")]
    [TestCase(0.675, 2, "0,68")]
    [TestCase(1234567.891, 2, "1.234.567,89")]
    public void Decimals_use_a_comma(double value, int decimals, string expected) =>
        Assert.That(DutchFormat.Number(value, decimals), Is.EqualTo(expected));

    [TestCase(36, 0, "36%")]
    [TestCase(35.5, 0, "36%")]
    [TestCase(92.2734, 1, "92,3%")]
    [TestCase(100, 0, "100%")]
    public void Percentages_have_no_space(double value, int decimals, string expected) =>
        Assert.That(DutchFormat.Percent(value, decimals), Is.EqualTo(expected));

    [TestCase(70000, 0, "+70.000")]
    [TestCase(-3000, 0, "-3.000")]
    [TestCase(0, 0, "0")]
    [TestCase(0.04, 1, "0,0")]
    [TestCase(2.0, 1, "+2,0")]
    public void Changes_carry_their_sign(double value, int decimals, string expected) =>
        Assert.That(DutchFormat.Signed(value, decimals), Is.EqualTo(expected));

    [Test]
    public void Years_are_never_grouped() => Assert.That(DutchFormat.Year(2034), Is.EqualTo("2034"));

    [Test]
    public void Dates_are_written_out_in_dutch()
    {
        Assert.That(DutchFormat.Date(new DateOnly(2024, 6, 1)), Is.EqualTo("1 juni 2024"));
        Assert.That(DutchFormat.Date(new DateOnly(2023, 3, 15)), Is.EqualTo("15 maart 2023"));
        Assert.That(DutchFormat.DateTime(new DateTimeOffset(2024, 7, 1, 10, 0, 0, TimeSpan.Zero)), Is.EqualTo("1 juli 2024, 10:00 uur (UTC)"));
        Assert.That(DutchFormat.DateTime(new DateTimeOffset(2024, 7, 1, 12, 5, 0, TimeSpan.FromHours(2))), Is.EqualTo("1 juli 2024, 12:05 uur (UTC+02:00)"));
    }

    [Test]
    public void The_result_does_not_depend_on_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.That(DutchFormat.Number(1234.5, 1), Is.EqualTo("1.234,5"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [TestCase(0.5, "ratio", "0,5")]
    [TestCase(1.0, "ratio", "1")]
    [TestCase(2.25, "ratio", "2,25")]
    [TestCase(500000, "aantal", "500.000")]
    [TestCase(92.5, "procent", "92,5%")]
    [TestCase(20, "procent", "20%")]
    public void Axis_ticks_show_only_the_decimals_they_need(double value, string unit, string expected) =>
        Assert.That(ValueFormat.Tick(value, unit), Is.EqualTo(expected));

    [TestCase("2023", "2023", "2023")]
    [TestCase("2023KW4", "2023 K4", "het 4e kwartaal van 2023")]
    [TestCase("2023KW01", "2023 K1", "het 1e kwartaal van 2023")]
    [TestCase("2023/2024", "2023/24", "studiejaar 2023/2024")]
    [TestCase("2021-2026", "2021–2026", "de periode 2021–2026")]
    public void Periods_are_written_for_readers(string period, string shortForm, string longForm)
    {
        Assert.That(PeriodText.Short(period), Is.EqualTo(shortForm));
        Assert.That(PeriodText.Long(period), Is.EqualTo(longForm));
    }

    [TestCase("Instroom in bètatechnisch onderwijs", "instroom-in-betatechnisch-onderwijs")]
    [TestCase("ICT-werkzamen tegen het pad naar 1.000.000 in 2030", "ict-werkzamen-tegen-het-pad-naar-1-000-000-in-20")]
    public void Chart_file_names_are_plain_ascii(string title, string slug) =>
        Assert.That(ChartExport.Slug(title), Is.EqualTo(slug));
}
