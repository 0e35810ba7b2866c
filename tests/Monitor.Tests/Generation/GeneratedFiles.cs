// Reading generated files back the simple way: the tests must not depend on the loader under test elsewhere.
using System.Text;

namespace Monitor.Tests.Generation;

sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    public int Col(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i : throw new ArgumentException($"no column {name}");

    public static CsvTable Read(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false)).TrimStart('\uFEFF').Replace("\r\n", "\n");
        var lines = text.Split('\n');
        if (lines[^1].Length == 0) lines = lines[..^1];
        return new CsvTable(Split(lines[0]), lines.Skip(1).Select(Split).ToList());
    }

    /// <summary>Splits one line at ';' outside double quotes; the quotes themselves are dropped (the generator never writes a quote inside a cell).</summary>
    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ';' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else cell.Append(ch);
        }
        if (quoted) throw new FormatException($"unclosed quote in '{line}'");
        cells.Add(cell.ToString());
        return cells.ToArray();
    }

    public long Sum(string column, Func<string[], bool> where)
    {
        var c = Col(column);
        return Rows.Where(where).Sum(r => long.Parse(r[c]));
    }
}
