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
    public DateOnly EndDate => Period.Of(this).End;
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

/// <summary>The kinds of <see cref="Period"/>.</summary>
public enum PeriodKind { Year, Quarter, SchoolYear, ForecastPeriod }

/// <summary>
/// A period of any kind the suppliers deliver: a year (<c>2023</c>), a quarter (<c>2023KW4</c>), a school year
/// (<c>2023/2024</c>) or a forecast period (<c>2021-2026</c>). It owns its parsing (through <see cref="Year"/>,
/// <see cref="Quarter"/>, <see cref="SchoolYear"/> and <see cref="ForecastPeriod"/>), its order, its first and last day,
/// its name in the mart (<c>period_type</c>, <c>period_order</c>) and its Dutch short and long text.
/// A year runs 1 January–31 December, a quarter its three months, a school year 1 August–31 July and a forecast
/// period 1 January of its first year to 31 December of its last.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    /// <summary>The year of a year or quarter, the first year of a school year or forecast period.</summary>
    public int FirstYear { get; }
    /// <summary>The year a school year or forecast period ends in; for a year or quarter its year.</summary>
    public int LastYear { get; }
    /// <summary>1–4 for a quarter, otherwise 0.</summary>
    public int QuarterNumber { get; }
    public PeriodKind Kind { get; }

    Period(PeriodKind kind, int firstYear, int lastYear, int quarterNumber) =>
        (Kind, FirstYear, LastYear, QuarterNumber) = (kind, firstYear, lastYear, quarterNumber);

    public static Period Of(Year year) => new(PeriodKind.Year, year.Value, year.Value, 0);
    public static Period Of(Quarter quarter) => new(PeriodKind.Quarter, quarter.Year, quarter.Year, quarter.Number);
    public static Period Of(SchoolYear schoolYear) => new(PeriodKind.SchoolYear, schoolYear.StartYear, schoolYear.StartYear + 1, 0);
    public static Period Of(ForecastPeriod period) => new(PeriodKind.ForecastPeriod, period.StartYear, period.EndYear, 0);

    /// <summary>Parses a period as the given kind, in the suppliers' notation (see the kinds' TryParse).</summary>
    public static bool TryParse(string text, PeriodKind kind, out Period period)
    {
        period = default;
        switch (kind)
        {
            case PeriodKind.Year when Domain.Year.TryParse(text, out var y): period = Of(y); return true;
            case PeriodKind.Quarter when Domain.Quarter.TryParse(text, out var q): period = Of(q); return true;
            case PeriodKind.SchoolYear when Domain.SchoolYear.TryParse(text, out var s): period = Of(s); return true;
            case PeriodKind.ForecastPeriod when Domain.ForecastPeriod.TryParse(text, out var f): period = Of(f); return true;
            default: return false;
        }
    }

    /// <summary>Parses a period of whichever kind the text has (2023, 2023JJ00, 2023KW1, 2023/2024, 2021-2026).</summary>
    public static bool TryParse(string text, out Period period)
    {
        foreach (var kind in Enum.GetValues<PeriodKind>())
            if (TryParse(text, kind, out period)) return true;
        period = default;
        return false;
    }

    public static Period Parse(string text) => TryParse(text, out var p) ? p
        : throw new FormatException($"'{text}' is not a period: expected a year (2023), a quarter (2023KW1), a school year (2023/2024) or a forecast period (2021-2026){Domain.Year.RangeText}");

    /// <summary>
    /// A period as someone types it, in the report's notation or the warehouse's: "2024 K4", "2024k4", "2024Q4" and
    /// "2024KW04" are 2024KW4; "2023/24" is 2023/2024; "2021–2026" is 2021-2026; and the notations of <see cref="TryParse(string, out Period)"/>.
    /// </summary>
    public static bool TryParseTyped(string typed, out Period period)
    {
        var t = typed.Trim();
        if (TypedQuarter.Match(t) is { Success: true } q)
            return TryParse($"{q.Groups[1].Value}KW{q.Groups[2].Value}", PeriodKind.Quarter, out period);
        if (TypedSchoolYear.Match(t) is { Success: true } s)
        {
            var start = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture);
            var end = s.Groups[2].Value.Length == 2 ? start / 100 * 100 + second : second;
            if (end < start) end += 100;
            return TryParse($"{start}/{end}", PeriodKind.SchoolYear, out period);
        }
        if (TypedForecast.Match(t) is { Success: true } f)
            return TryParse($"{f.Groups[1].Value}-{f.Groups[2].Value}", PeriodKind.ForecastPeriod, out period);
        return TryParse(t, out period);
    }

    static readonly Regex TypedQuarter = new(@"^(\d{4})\s*(?:KW|K|Q)\s*0?([1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    static readonly Regex TypedSchoolYear = new(@"^(\d{4})\s*/\s*(\d{2}|\d{4})$", RegexOptions.CultureInvariant);
    static readonly Regex TypedForecast = new(@"^(\d{4})\s*[-–]\s*(\d{4})$", RegexOptions.CultureInvariant);

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Quarter => new DateOnly(FirstYear, QuarterNumber * 3 - 2, 1),
        PeriodKind.SchoolYear => new DateOnly(FirstYear, 8, 1),
        _ => new DateOnly(FirstYear, 1, 1),
    };

    /// <summary>The last day of the period (a quarter's is the day "open at the end of the quarter" refers to).</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Quarter => new DateOnly(FirstYear, QuarterNumber * 3, 1).AddMonths(1).AddDays(-1),
        PeriodKind.SchoolYear => new DateOnly(LastYear, 7, 31),
        _ => new DateOnly(LastYear, 12, 31),
    };

    /// <summary>The mart's period_type: year, quarter, school_year or forecast_period.</summary>
    public string TypeName => TypeNameOf(Kind);

    public static string TypeNameOf(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "year",
        PeriodKind.Quarter => "quarter",
        PeriodKind.SchoolYear => "school_year",
        _ => "forecast_period",
    };

    /// <summary>The kind a mart period_type names.</summary>
    public static PeriodKind KindOf(string typeName) => typeName switch
    {
        "year" => PeriodKind.Year,
        "quarter" => PeriodKind.Quarter,
        "school_year" => PeriodKind.SchoolYear,
        "forecast_period" => PeriodKind.ForecastPeriod,
        _ => throw new FormatException($"'{typeName}' is not a period type (year, quarter, school_year, forecast_period)"),
    };

    /// <summary>The mart's period_order: the year; year × 10 + quarter; the first year of a school year or forecast period.</summary>
    public int Order => Kind == PeriodKind.Quarter ? FirstYear * 10 + QuarterNumber : FirstYear;

    /// <summary>The calendar year the period falls in or ends with (2023KW4: 2023; 2023/2024: 2024); none for a forecast period.</summary>
    public int? CalendarYear => Kind == PeriodKind.ForecastPeriod ? null : LastYear;

    /// <summary>Dutch, for axes and table cells: 2023, 2023 K4, 2023/24, 2021–2026.</summary>
    public string ShortText => Kind switch
    {
        PeriodKind.Quarter => $"{FirstYear} K{QuarterNumber}",
        PeriodKind.SchoolYear => $"{FirstYear}/{(LastYear % 100).ToString("00", CultureInfo.InvariantCulture)}",
        PeriodKind.ForecastPeriod => $"{FirstYear}–{LastYear}",
        _ => ToString(),
    };

    /// <summary>Dutch, for running text: 2023, het 4e kwartaal van 2023, studiejaar 2023/2024, de periode 2021–2026.</summary>
    public string LongText => Kind switch
    {
        PeriodKind.Quarter => $"het {QuarterNumber}e kwartaal van {FirstYear}",
        PeriodKind.SchoolYear => $"studiejaar {this}",
        PeriodKind.ForecastPeriod => $"de periode {FirstYear}–{LastYear}",
        _ => ToString(),
    };

    /// <summary>Periods of one kind in time order; kinds in the order of <see cref="PeriodKind"/>.</summary>
    public int CompareTo(Period other) => (Kind, Start, End).CompareTo((other.Kind, other.Start, other.End));

    /// <summary>The warehouse's notation: 2023, 2023KW4, 2023/2024, 2021-2026.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Quarter => $"{FirstYear}KW{QuarterNumber}",
        PeriodKind.SchoolYear => $"{FirstYear}/{LastYear}",
        PeriodKind.ForecastPeriod => $"{FirstYear}-{LastYear}",
        _ => FirstYear.ToString(CultureInfo.InvariantCulture),
    };
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
