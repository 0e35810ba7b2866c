// Domain time: periods are parsed once at the edge and passed around typed.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Domain;

/// <summary>A calendar year as the suppliers write it: <c>2023</c> or CBS-style <c>2023JJ00</c>.</summary>
public readonly record struct Year(int Value) : IComparable<Year>
{
    /// <summary>The plausible years: every period type (year, quarter, school year, forecast period) keeps its years in this range.</summary>
    public const int Min = 1900, Max = 2100;

    /// <summary>For messages: the range every period's years must lie in.</summary>
    public static string RangeText => $", years {Min}–{Max}";

    public static bool InRange(int year) => year is >= Min and <= Max;

    public static bool TryParse(string text, out Year year)
    {
        year = default;
        var t = text.Trim();
        if (t.Length == 8 && t.EndsWith("JJ00", StringComparison.OrdinalIgnoreCase)) t = t[..4];
        if (t.Length != 4 || !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!InRange(y)) return false;
        year = new Year(y);
        return true;
    }

    public int CompareTo(Year other) => Value.CompareTo(other.Value);
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A quarter, <c>2023KW1</c> (also <c>2023KW01</c>); quarter 1–4, year within <see cref="Year.Min"/>–<see cref="Year.Max"/>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    static readonly Regex Pattern = new(@"^([0-9]{4})KW0?([1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool TryParse(string text, out Quarter quarter)
    {
        quarter = default;
        var m = Pattern.Match(text.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!Domain.Year.InRange(year)) return false;
        quarter = new Quarter(year, m.Groups[2].Value[0] - '0');
        return true;
    }

    /// <summary>The last day of the quarter: the moment "open at the end of the quarter" refers to.</summary>
    public DateOnly EndDate => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1);
    public int Ordinal => Year * 10 + Number;
    public int CompareTo(Quarter other) => Ordinal.CompareTo(other.Ordinal);
    public override string ToString() => $"{Year}KW{Number}";
}

/// <summary>A school year, <c>2023/2024</c>; the second year must follow the first.</summary>
public readonly record struct SchoolYear(int StartYear) : IComparable<SchoolYear>
{
    static readonly Regex Pattern = new(@"^([0-9]{4})/([0-9]{4})$", RegexOptions.CultureInvariant);

    public static bool TryParse(string text, out SchoolYear schoolYear)
    {
        schoolYear = default;
        var m = Pattern.Match(text.Trim());
        if (!m.Success) return false;
        var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (b != a + 1 || !Year.InRange(a) || !Year.InRange(b)) return false;
        schoolYear = new SchoolYear(a);
        return true;
    }

    public int CompareTo(SchoolYear other) => StartYear.CompareTo(other.StartYear);
    public override string ToString() => $"{StartYear}/{StartYear + 1}";
}

/// <summary>A forecast period, <c>2021-2026</c>.</summary>
public readonly record struct ForecastPeriod(int StartYear, int EndYear) : IComparable<ForecastPeriod>
{
    static readonly Regex Pattern = new(@"^([0-9]{4})-([0-9]{4})$", RegexOptions.CultureInvariant);

    public static bool TryParse(string text, out ForecastPeriod period)
    {
        period = default;
        var m = Pattern.Match(text.Trim());
        if (!m.Success) return false;
        var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (b <= a || !Year.InRange(a) || !Year.InRange(b)) return false;
        period = new ForecastPeriod(a, b);
        return true;
    }

    public int CompareTo(ForecastPeriod other) => (StartYear, EndYear).CompareTo((other.StartYear, other.EndYear));
    public override string ToString() => $"{StartYear}-{EndYear}";
}

/// <summary>The publication date of an extract, taken from its file name.</summary>
public readonly record struct Vintage(DateOnly Date) : IComparable<Vintage>
{
    public static bool TryParse(string text, out Vintage vintage)
    {
        vintage = default;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        vintage = new Vintage(d);
        return true;
    }

    public int CompareTo(Vintage other) => Date.CompareTo(other.Date);
    public override string ToString() => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
