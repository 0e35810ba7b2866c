// The contract's quoting rule, one physical line at a time: a quoted field may hold ';' but never a line break,
// so every line is one record or one row error, and no quote can swallow the lines after it.
using System.Text;

namespace Monitor.Sources;

public static class CsvLine
{
    /// <summary>Why a line could not be split: the reason for the quarantine, and whether a quote was left open.</summary>
    public readonly record struct SplitError(string Reason, bool OpenQuote);

    /// <summary>
    /// Splits one physical line (its line end already removed) into <paramref name="fields"/>. A field that starts
    /// with <c>"</c> is quoted: it ends at the next lone <c>"</c> (<c>""</c> is one quote inside it), which must be
    /// followed by the separator or the end of the line. An unquoted field may not hold a quote. Returns null when
    /// the line splits, else what is wrong with it.
    /// </summary>
    public static SplitError? Split(string line, char separator, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        StringBuilder? quoted = null;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var opened = i;
                quoted ??= new StringBuilder();
                quoted.Clear();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                        return new SplitError($"the quote opened at position {opened + 1} does not close on this line (a quoted value may hold '{separator}' but not a line break)", true);
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { quoted.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    quoted.Append(line[i]);
                    i++;
                }
                if (i < line.Length && line[i] != separator)
                    return new SplitError($"text after the closing quote at position {i + 1} (a quoted value must end at the separator)", false);
                fields.Add(quoted.ToString());
            }
            else
            {
                var end = line.IndexOf(separator, i);
                if (end < 0) end = line.Length;
                var quote = line.IndexOf('"', i, end - i);
                if (quote >= 0)
                    return new SplitError($"a quote inside an unquoted value at position {quote + 1} (quote the whole value and write a quote in it as \"\")", false);
                fields.Add(line[i..end]);
                i = end;
            }
            if (i >= line.Length) return null;
            i++; // past the separator; a separator at the very end opens one more, empty field
            if (i == line.Length) { fields.Add(""); return null; }
        }
    }
}
