using System.Text;
using Monitor.Domain;
using Monitor.Sources;

namespace Monitor.Tests.Sources;

public class PeriodAndDecodingTests
{
    [TestCase("2023", 2023)]
    [TestCase("2023JJ00", 2023)]
    public void YearsParse(string raw, int year)
    {
        Assert.That(Year.TryParse(raw, out var y), Is.True);
        Assert.That(y.Value, Is.EqualTo(year));
    }

    [TestCase("2023KW1", 2023, 1, "2023-03-31")]
    [TestCase("2023KW04", 2023, 4, "2023-12-31")]
    [TestCase("2024KW1", 2024, 1, "2024-03-31")]
    [TestCase("2024kw2", 2024, 2, "2024-06-30")]
    public void QuartersParseAndKnowTheirLastDay(string raw, int year, int number, string end)
    {
        Assert.That(Quarter.TryParse(raw, out var q), Is.True);
        Assert.That((q.Year, q.Number, q.EndDate.ToString("yyyy-MM-dd")), Is.EqualTo((year, number, end)));
    }

    [TestCase("2023KW5")]
    [TestCase("2023Q1")]
    [TestCase("2023KW")]
    public void BadQuartersAreRefused(string raw) => Assert.That(Quarter.TryParse(raw, out _), Is.False);

    [TestCase("2023/2024", true)]
    [TestCase("2023/2025", false)]
    [TestCase("2023-2024", false)]
    public void SchoolYearsSpanOneYear(string raw, bool ok) => Assert.That(SchoolYear.TryParse(raw, out _), Is.EqualTo(ok));

    [TestCase("2021-2026", true)]
    [TestCase("2026-2021", false)]
    public void ForecastPeriodsRunForward(string raw, bool ok) => Assert.That(ForecastPeriod.TryParse(raw, out _), Is.EqualTo(ok));

    [Test]
    public void Utf8WithBomIsDetectedAndTheBomDropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Naam\nFryslân\n")).ToArray();
        var d = TextDecoding.Decode(bytes);
        Assert.That((d.Encoding, d.Text, d.LineEnding), Is.EqualTo(("utf-8-bom", "Naam\nFryslân\n", "lf")));
    }

    [Test]
    public void Windows1252IsDetectedAndAccentsSurvive()
    {
        // é = 0xE9, ë = 0xEB, ï = 0xEF in Windows-1252; on their own these bytes are not valid UTF-8.
        var bytes = new byte[] { (byte)'c', 0xE9, (byte)';', 0xEB, (byte)';', 0xEF, (byte)'\r', (byte)'\n' };
        var d = TextDecoding.Decode(bytes);
        Assert.That((d.Encoding, d.Text, d.LineEnding), Is.EqualTo(("windows-1252", "cé;ë;ï\r\n", "crlf")));
    }

    [Test]
    public void PlainUtf8IsUtf8() =>
        Assert.That(TextDecoding.Decode(Encoding.UTF8.GetBytes("één")).Encoding, Is.EqualTo("utf-8"));
}
