// Every figure the report prints, one CSV row each, so a reader can check or reuse any number.
using System.Globalization;
using System.Text;

namespace Monitor.Reporting;

public sealed record Figure(string Section, string Label, string Period, string Region, double? Value, string Unit, string Text);

public sealed class FigureLog
{
    readonly List<Figure> figures = [];

    public IReadOnlyList<Figure> Figures => figures;

    public void Add(Figure figure) => figures.Add(figure);

    /// <summary>Semicolon-separated UTF-8 with a byte-order mark, so Excel on a Dutch desktop opens it correctly;
    /// the value column uses a decimal point so scripts can read it, the text column is what the report prints.</summary>
    public void WriteCsv(Stream stream) => WriteCsv(stream, figures);

    /// <summary>The same format for any selection of figures (a page of the site, one chart).</summary>
    public static void WriteCsv(Stream stream, IEnumerable<Figure> figures)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("section;label;period;region;value;unit;text");
        foreach (var f in figures)
        {
            var value = f.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
            writer.WriteLine(string.Join(';', new[] { f.Section, f.Label, f.Period, f.Region, value, f.Unit, f.Text }.Select(Quote)));
        }
    }

    static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
