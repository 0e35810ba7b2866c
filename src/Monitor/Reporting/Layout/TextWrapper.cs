namespace Monitor.Reporting.Layout;

/// <summary>Greedy line breaking on spaces; measuring is passed in so the rule can be tested without a font.</summary>
public static class TextWrapper
{
    /// <summary>
    /// Splits text into lines no wider than maxWidth. Explicit newlines start a new line; a single word
    /// wider than the line is broken between characters rather than allowed to run off the page.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add("");
                continue;
            }
            var current = "";
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (measure(candidate) <= maxWidth)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (current.Length > 1 && measure(current) > maxWidth)
                {
                    var fit = LongestFittingPrefix(current, maxWidth, measure);
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    static int LongestFittingPrefix(string word, float maxWidth, Func<string, float> measure)
    {
        var fit = 1;
        for (var n = 2; n < word.Length; n++)
        {
            if (measure(word[..n]) > maxWidth) break;
            fit = n;
        }
        return fit;
    }
}
