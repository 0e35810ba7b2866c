using System.Text;
using Monitor.Sources.Detail;

namespace Monitor.Tests.Detail;

/// <summary>The byte-level shortcuts of the fast detail path, against what .NET itself says.</summary>
public class DetailParsingTests
{
    [Test]
    public void A_canonical_date_gives_the_day_DateOnly_gives()
    {
        // Every day of years around the leap-year rules (divisible by 4, by 100, by 400), the epoch and the ends of the range.
        int[] years = [1, 2, 3, 4, 5, 99, 100, 101, 399, 400, 401, 1899, 1900, 1901, 1969, 1970, 1971, 1999, 2000, 2001, 2023, 2024, 2100, 9998, 9999];
        foreach (var year in years)
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                Assert.That(DetailValidator.Reader.Day(Encoding.ASCII.GetBytes(day.ToString("yyyy-MM-dd"))), Is.EqualTo(day.DayNumber - 719162), day.ToString("yyyy-MM-dd"));
                if (day == DateOnly.MaxValue) break;
            }
        Assert.That(DetailValidator.Reader.Day("1970-01-01"u8), Is.EqualTo(0));
        Assert.That(DetailValidator.Reader.Day("1969-12-31"u8), Is.EqualTo(-1));
        Assert.That(DetailValidator.Reader.Day("2024-07-15"u8), Is.EqualTo(19919), "54 years of 365 days and 13 leap days, plus 196 days into 2024");
    }

    [TestCase("2023-02-29")]
    [TestCase("1900-02-29")]
    [TestCase("2023-04-31")]
    [TestCase("2023-13-01")]
    [TestCase("2023-00-10")]
    [TestCase("2023-01-00")]
    [TestCase("0000-01-01")]
    [TestCase("2023-1-01")]
    [TestCase("2023-01-1 ")]
    [TestCase("2023/01/01")]
    [TestCase("20230101")]
    [TestCase("2023-0a-01")]
    public void A_date_that_is_not_a_real_canonical_day_is_not_a_day(string text)
    {
        Assert.That(DetailValidator.Reader.Day(Encoding.ASCII.GetBytes(text)), Is.EqualTo(DetailValidator.NoDate));
    }

    [Test]
    public void A_chunk_is_cut_before_a_UTF8_sequence_it_does_not_hold_whole()
    {
        var euro = "€"u8.ToArray(); // E2 82 AC
        var emoji = "😀"u8.ToArray(); // F0 9F 98 80
        Assert.That(DetailFileScan.WholeSequences("abc"u8), Is.EqualTo(3));
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', .. euro]), Is.EqualTo(4));
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', euro[0], euro[1]]), Is.EqualTo(1));
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', euro[0]]), Is.EqualTo(1));
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', .. emoji]), Is.EqualTo(5));
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', emoji[0], emoji[1], emoji[2]]), Is.EqualTo(1));
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', 0xC3]), Is.EqualTo(1), "the lead byte of é alone");
        Assert.That(DetailFileScan.WholeSequences([]), Is.EqualTo(0));
        // Not UTF-8 at all (Windows-1252 é at the end): left in, and the validity check rejects it.
        Assert.That(DetailFileScan.WholeSequences([(byte)'a', 0xE9, (byte)'b']), Is.EqualTo(3));
    }
}
