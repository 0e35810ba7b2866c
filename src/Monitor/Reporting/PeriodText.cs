// How periods from the mart are written for a Dutch reader.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Reporting;

public static partial class PeriodText
{
    [GeneratedRegex(@"^(\d{4})KW0?([1-4])$")] private static partial Regex QuarterPattern();
    [GeneratedRegex(@"^(\d{4})/(\d{4})$")] private static partial Regex SchoolYearPattern();
    [GeneratedRegex(@"^(\d{4})-(\d{4})$")] private static partial Regex ForecastPattern();

    /// <summary>For axes and table cells: 2023, 2023 K4, 2023/24, 2021–2026.</summary>
    public static string Short(string period)
    {
        if (QuarterPattern().Match(period) is { Success: true } q) return $"{q.Groups[1].Value} K{q.Groups[2].Value}";
        if (SchoolYearPattern().Match(period) is { Success: true } s) return $"{s.Groups[1].Value}/{s.Groups[2].Value[2..]}";
        if (ForecastPattern().Match(period) is { Success: true } f) return $"{f.Groups[1].Value}–{f.Groups[2].Value}";
        return period;
    }

    [GeneratedRegex(@"^\s*(\d{4})\s*(?:KW|K|Q)\s*0?([1-4])\s*$", RegexOptions.IgnoreCase)] private static partial Regex TypedQuarterPattern();
    [GeneratedRegex(@"^\s*(\d{4})\s*/\s*(\d{2}|\d{4})\s*$")] private static partial Regex TypedSchoolYearPattern();
    [GeneratedRegex(@"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")] private static partial Regex TypedForecastPattern();

    /// <summary>
    /// A period as someone types it, in the report's notation or the warehouse's, as the warehouse writes it:
    /// "2024 K4", "2024k4" and "2024KW04" are 2024KW4; "2023/24" is 2023/2024; "2021–2026" is 2021-2026. Anything else is returned trimmed.
    /// </summary>
    public static string Canonical(string typed)
    {
        if (TypedQuarterPattern().Match(typed) is { Success: true } q) return $"{q.Groups[1].Value}KW{q.Groups[2].Value}";
        if (TypedSchoolYearPattern().Match(typed) is { Success: true } s)
        {
            var start = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
            var end = s.Groups[2].Value.Length == 2 ? start / 100 * 100 + int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture) : int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture);
            if (end < start) end += 100;
            return $"{start}/{end}";
        }
        if (TypedForecastPattern().Match(typed) is { Success: true } f) return $"{f.Groups[1].Value}-{f.Groups[2].Value}";
        return typed.Trim();
    }

    /// <summary>For running text: "het 4e kwartaal van 2023", "studiejaar 2023/2024", "2021–2026".</summary>
    public static string Long(string period)
    {
        if (QuarterPattern().Match(period) is { Success: true } q) return $"het {q.Groups[2].Value}e kwartaal van {q.Groups[1].Value}";
        if (SchoolYearPattern().Match(period) is { Success: true }) return $"studiejaar {period}";
        if (ForecastPattern().Match(period) is { Success: true } f) return $"de periode {f.Groups[1].Value}–{f.Groups[2].Value}";
        return period;
    }

    /// <summary>The calendar year a period falls in or ends with (quarter 2023KW4 -> 2023, school year 2023/2024 -> 2024).</summary>
    public static int? Year(string period)
    {
        if (QuarterPattern().Match(period) is { Success: true } q) return int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture);
        if (SchoolYearPattern().Match(period) is { Success: true } s) return int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture);
        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return y;
        return null;
    }
}
