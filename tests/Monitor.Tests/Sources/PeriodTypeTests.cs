// Domain.Period: one type for year, quarter, school year and forecast period, with its bounds, order and Dutch text.
// Every expected value below is worked out by hand from the calendar.
using Monitor.Domain;
using Monitor.Reporting.Data;

namespace Monitor.Tests.Sources;

public class PeriodTypeTests
{
    [TestCase("2023", "2023-01-01", "2023-12-31")]
    [TestCase("2023JJ00", "2023-01-01", "2023-12-31")]
    [TestCase("2023KW1", "2023-01-01", "2023-03-31")]
    [TestCase("2023KW2", "2023-04-01", "2023-06-30")]
    [TestCase("2023KW3", "2023-07-01", "2023-09-30")]
    [TestCase("2023KW4", "2023-10-01", "2023-12-31")]
    [TestCase("2024KW1", "2024-01-01", "2024-03-31")]
    [TestCase("2023/2024", "2023-08-01", "2024-07-31")]
    [TestCase("2099/2100", "2099-08-01", "2100-07-31")]
    [TestCase("2021-2026", "2021-01-01", "2026-12-31")]
    public void A_period_knows_its_first_and_last_day(string text, string start, string end)
    {
        var p = Period.Parse(text);
        Assert.That((p.Start.ToString("yyyy-MM-dd"), p.End.ToString("yyyy-MM-dd")), Is.EqualTo((start, end)));
    }

    [TestCase("2023", PeriodKind.Year, "year", 2023, 2023, "2023")]
    [TestCase("2023JJ00", PeriodKind.Year, "year", 2023, 2023, "2023")]
    [TestCase("2023KW04", PeriodKind.Quarter, "quarter", 20234, 2023, "2023KW4")]
    [TestCase("2023/2024", PeriodKind.SchoolYear, "school_year", 2023, 2024, "2023/2024")]
    [TestCase("2021-2026", PeriodKind.ForecastPeriod, "forecast_period", 2021, null, "2021-2026")]
    public void A_period_has_the_marts_type_and_order_and_writes_itself_as_the_warehouse_does(
        string text, PeriodKind kind, string typeName, int order, int? calendarYear, string canonical)
    {
        var p = Period.Parse(text);
        Assert.That((p.Kind, p.TypeName, p.Order, p.CalendarYear, p.ToString()), Is.EqualTo((kind, typeName, order, calendarYear, canonical)));
        Assert.That(Period.KindOf(typeName), Is.EqualTo(kind));
    }

    [TestCase("2023", "2023", "2023")]
    [TestCase("2023KW4", "2023 K4", "het 4e kwartaal van 2023")]
    [TestCase("2023/2024", "2023/24", "studiejaar 2023/2024")]
    [TestCase("2099/2100", "2099/00", "studiejaar 2099/2100")]
    [TestCase("2021-2026", "2021–2026", "de periode 2021–2026")]
    public void A_period_has_a_short_and_a_long_Dutch_text(string text, string shortText, string longText)
    {
        var p = Period.Parse(text);
        Assert.That((p.ShortText, p.LongText), Is.EqualTo((shortText, longText)));
    }

    [Test]
    public void Periods_of_a_kind_sort_in_time_order()
    {
        var sorted = new[] { "2024KW1", "2023KW4", "2023KW1", "2023KW2" }
            .Select(Period.Parse).Order().Select(p => p.ToString());
        Assert.That(sorted, Is.EqualTo(new[] { "2023KW1", "2023KW2", "2023KW4", "2024KW1" }));
        Assert.That(Period.Parse("2023/2024").CompareTo(Period.Parse("2024/2025")), Is.LessThan(0));
        Assert.That(Period.Parse("2021-2026").CompareTo(Period.Parse("2021-2030")), Is.LessThan(0), "same start: the shorter ends first");
    }

    [TestCase("2023KW5")]
    [TestCase("2023/2025")]
    [TestCase("2026-2021")]
    [TestCase("1899")]
    [TestCase("2023Q1")]
    [TestCase("")]
    public void Text_that_is_no_period_is_refused(string text)
    {
        Assert.That(Period.TryParse(text, out _), Is.False);
        Assert.Throws<FormatException>(() => Period.Parse(text));
    }

    [Test]
    public void A_period_is_parsed_as_the_kind_its_column_declares()
    {
        Assert.That(Period.TryParse("2023", PeriodKind.Quarter, out _), Is.False);
        Assert.That(Period.TryParse("2023KW1", PeriodKind.Quarter, out var q), Is.True);
        Assert.That(q, Is.EqualTo(Period.Of(new Quarter(2023, 1))));
    }

    [TestCase("2024 K4", "2024KW4")]
    [TestCase("2024q4", "2024KW4")]
    [TestCase("2023/24", "2023/2024")]
    [TestCase("2099/00", "2099/2100")]
    [TestCase("2021–2026", "2021-2026")]
    [TestCase(" 2023 ", "2023")]
    public void What_someone_types_is_read_in_either_notation(string typed, string canonical)
    {
        Assert.That(Period.TryParseTyped(typed, out var p), Is.True);
        Assert.That(p.ToString(), Is.EqualTo(canonical));
    }

    [Test]
    public void A_mart_row_reads_as_types()
    {
        var v = new IndicatorValue { Period = Period.Parse("2023KW4"), RegionLevel = RegionLevels.FromSql("provincie"), Vintage = new DateOnly(2024, 2, 15), AsOf = null };
        Assert.That((v.Period.Kind, v.Period.Start, v.Period.End, v.RegionLevel, v.Vintage, v.AsOf),
            Is.EqualTo((PeriodKind.Quarter, new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31), RegionLevel.Provincie,
                (DateOnly?)new DateOnly(2024, 2, 15), (DateOnly?)null)));
        Assert.That(RegionLevels.FromSql(RegionLevel.Techniekpactregio.ToSql()), Is.EqualTo(RegionLevel.Techniekpactregio));
        Assert.Throws<FormatException>(() => RegionLevels.FromSql("gemeente"));
    }
}
