// How periods from the mart are written for a Dutch reader. The notation belongs to Domain.Period; these helpers take
// the mart's period text and leave text that is no period as it is.
using Monitor.Domain;

namespace Monitor.Reporting;

public static class PeriodText
{
    /// <summary>For axes and table cells: 2023, 2023 K4, 2023/24, 2021–2026.</summary>
    public static string Short(string period) => Period.TryParse(period, out var p) ? p.ShortText : period;

    /// <summary>
    /// A period as someone types it, in the report's notation or the warehouse's, as the warehouse writes it:
    /// "2024 K4", "2024k4" and "2024KW04" are 2024KW4; "2023/24" is 2023/2024; "2021–2026" is 2021-2026. Anything else is returned trimmed.
    /// </summary>
    public static string Canonical(string typed) => Period.TryParseTyped(typed, out var p) ? p.ToString() : typed.Trim();

    /// <summary>For running text: "het 4e kwartaal van 2023", "studiejaar 2023/2024", "de periode 2021–2026".</summary>
    public static string Long(string period) => Period.TryParse(period, out var p) ? p.LongText : period;

    /// <summary>The calendar year a period falls in or ends with (quarter 2023KW4 -> 2023, school year 2023/2024 -> 2024).</summary>
    public static int? Year(string period) => Period.TryParse(period, out var p) ? p.CalendarYear : null;
}
