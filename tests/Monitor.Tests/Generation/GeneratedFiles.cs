// Reading generated files back the simple way: the tests must not depend on the loader under test elsewhere.
using System.Text;

namespace Monitor.Tests.Generation;

internal sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    public int Col(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i : throw new ArgumentException($"no column {name}");

    public static CsvTable Read(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false)).TrimStart('\uFEFF').Replace("\r\n", "\n");
        var lines = text.Split('\n');
        if (lines[^1].Length == 0) lines = lines[..^1];
        return new CsvTable(lines[0].Split(';'), lines.Skip(1).Select(l => l.Split(';')).ToList());
    }

    public long Sum(string column, Func<string[], bool> where)
    {
        var c = Col(column);
        return Rows.Where(where).Sum(r => long.Parse(r[c]));
    }
}
