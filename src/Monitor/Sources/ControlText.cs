// Control characters in supplier text: a cell may not hold them, and a quarantined value shows them escaped.
using System.Globalization;
using System.Text;

namespace Monitor.Sources;

public static class ControlText
{
    /// <summary>C0 controls (U+0000–U+001F, tab and carriage return included), DEL and the C1 controls U+0080–U+009F.</summary>
    public static bool IsControl(char c) => c < '\u0020' || c is >= '\u007F' and <= '\u009F';

    /// <summary>The index of the first control character in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++) if (IsControl(text[i])) return i;
        return -1;
    }

    /// <summary>The text with every control character written as <c>\uXXXX</c>, so it can be stored and shown.</summary>
    public static string? Escape(string? text)
    {
        if (text is null || IndexOfControl(text) < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>U+XXXX of one character, for messages.</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
