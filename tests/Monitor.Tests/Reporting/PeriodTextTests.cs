using Monitor.Reporting;
using Monitor.Reporting.Charts;

namespace Monitor.Tests.Reporting;

public class PeriodNotationTests
{
    [TestCase("2024 K4", "2024KW4")]
    [TestCase("2024KW4", "2024KW4")]
    [TestCase("2024kw04", "2024KW4")]
    [TestCase(" 2024 k 1 ", "2024KW1")]
    [TestCase("2023/24", "2023/2024")]
    [TestCase("2099/00", "2099/2100")]
    [TestCase("2023/2024", "2023/2024")]
    [TestCase("2021–2026", "2021-2026")]
    [TestCase("2023", "2023")]
    public void Both_the_reports_and_the_warehouses_notation_are_read(string typed, string canonical) =>
        Assert.That(PeriodText.Canonical(typed), Is.EqualTo(canonical));

    [Test]
    public void What_the_report_prints_reads_back_as_the_period_it_came_from()
    {
        foreach (var period in new[] { "2024KW4", "2023/2024", "2021-2026", "2022" })
            Assert.That(PeriodText.Canonical(PeriodText.Short(period)), Is.EqualTo(period));
    }
}

public class ValueAxisTests
{
    [Test]
    public void A_series_up_to_85000_gets_ticks_every_20000()
    {
        // The vacancy chart of the report: 0 to about 92.000 after padding.
        Assert.That(ChartRenderer.NiceTicks(0, 91_800, integers: true), Is.EqualTo(new double[] { 0, 20_000, 40_000, 60_000, 80_000 }));
    }

    [Test]
    public void Ratios_get_round_decimal_steps_and_negative_ranges_include_zero()
    {
        Assert.That(ChartRenderer.NiceTicks(0, 5.2, integers: false), Is.EqualTo(new[] { 0, 1d, 2, 3, 4, 5 }));
        Assert.That(ChartRenderer.NiceTicks(-12_000, 78_000, integers: true), Is.EqualTo(new double[] { -0, 20_000, 40_000, 60_000 }.Prepend(-20_000).Where(t => t >= -12_000).ToArray()));
    }
}
