// Dutch number and date formatting written out by hand, so the report reads the same on every machine
// whether or not ICU and the nl-NL culture are available.
using System.Globalization;

namespace Monitor.Reporting;

public static class DutchFormat
{
    static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>A whole number with a dot every three digits: 673000 -> "673.000", -3000 -> "-3.000".</summary>
    public static string Integer(double value) => Number(value, 0);

    /// <summary>A number with a fixed count of decimals, decimal comma and thousands dots: 1234.5 -> "1.234,5".</summary>
    public static string Number(double value, int decimals)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return "–";
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // "-0" and "-0,0" read as an error to a reader; a value that rounds to zero has no sign.
        if (rounded == 0) rounded = 0;
        var text = Math.Abs(rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var grouped = GroupThousands(whole);
        var result = fraction.Length > 0 ? grouped + "," + fraction : grouped;
        return rounded < 0 ? "-" + result : result;
    }

    /// <summary>A percentage written the Dutch way, without a space: 36 -> "36%", 93.25 with one decimal -> "93,3%".</summary>
    public static string Percent(double value, int decimals = 0) => Number(value, decimals) + "%";

    /// <summary>A change with an explicit sign: +70.000, -3.000, 0.</summary>
    public static string Signed(double value, int decimals = 0)
    {
        var text = Number(value, decimals);
        return text.StartsWith('-') || IsZero(text) ? text : "+" + text;
    }

    /// <summary>A year is a label, not a quantity: never grouped.</summary>
    public static string Year(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>"1 juni 2024".</summary>
    public static string Date(DateOnly date) =>
        $"{date.Day.ToString(CultureInfo.InvariantCulture)} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"1 juli 2024, 10:00 uur (UTC)" or with the offset it was given in.</summary>
    public static string DateTime(DateTimeOffset moment)
    {
        var zone = moment.Offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (moment.Offset < TimeSpan.Zero ? "-" : "+") + moment.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return $"{Date(DateOnly.FromDateTime(moment.DateTime))}, {moment.ToString("HH:mm", CultureInfo.InvariantCulture)} uur ({zone})";
    }

    /// <summary>A date as the warehouse and the sources write it: 2024-06-01.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date written yyyy-MM-dd (a period typed on the command line, a check's sample), or NULL.</summary>

    public static DateOnly? ParseIsoDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static bool IsZero(string text) => text.All(c => c is '0' or ',' or '.');

    static string GroupThousands(string digits)
    {
        if (digits.Length <= 3) return digits;
        var chars = new List<char>(digits.Length + digits.Length / 3);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0) chars.Add('.');
            chars.Add(digits[i]);
        }
        return new string(chars.ToArray());
    }
}
