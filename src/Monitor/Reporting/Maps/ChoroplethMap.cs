// What a choropleth map shows, independent of how it is drawn: one value per region of a level,
// the classes that turn a value into a colour, and the regions that have no value (drawn as such and listed).
using System.Globalization;

namespace Monitor.Reporting.Maps;

public enum MapLevel { Provincie, Arbeidsmarktregio, Techniekpactregio }

/// <summary>A region's figure and the text a reader sees for it (Dutch number formatting).</summary>
public readonly record struct MapValue(double Value, string Text);

/// <summary>One legend entry: its label and its fill as <c>#rrggbb</c>.</summary>
public sealed record MapClass(string Label, string Fill);

/// <summary>
/// Ascending breaks between classes: a value v falls in class i when breaks[i-1] ≤ v &lt; breaks[i]
/// (the first class is open below, the last open above), so n classes have n − 1 breaks.
/// </summary>
public sealed class MapClassification
{
    public IReadOnlyList<double> Breaks { get; }
    public IReadOnlyList<MapClass> Classes { get; }

    /// <summary>Five steps of one hue, light to dark (ColorBrewer "Blues"): readable in grey as well.</summary>
    public static readonly string[] Sequential = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

    /// <summary>Five steps from calm to tight (ColorBrewer "YlOrRd"), for the spanningsindicator typering.</summary>
    public static readonly string[] Tension = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"];

    public MapClassification(IReadOnlyList<double> breaks, IReadOnlyList<MapClass> classes)
    {
        if (classes.Count != breaks.Count + 1) throw new ArgumentException($"{classes.Count} classes need {classes.Count - 1} breaks, got {breaks.Count}");
        for (var i = 1; i < breaks.Count; i++)
            if (!(breaks[i] > breaks[i - 1])) throw new ArgumentException("breaks must rise strictly");
        Breaks = breaks;
        Classes = classes;
    }

    public int ClassOf(double value)
    {
        var i = 0;
        while (i < Breaks.Count && value >= Breaks[i]) i++;
        return i;
    }

    public MapClass For(double value) => Classes[ClassOf(value)];

    /// <summary>Fixed breaks with their own labels, e.g. the spanningsindicator's typering.</summary>
    public static MapClassification FromBreaks(double[] breaks, string[] labels, string[] fills) =>
        new(breaks, labels.Select((l, i) => new MapClass(l, fills[i])).ToList());

    /// <summary>
    /// Up to <paramref name="count"/> classes holding about equally many regions, with breaks rounded to two
    /// significant digits so that a legend reads "8.000 tot 12.000" rather than "7.981 tot 12.044".
    /// </summary>
    public static MapClassification Quantiles(IEnumerable<double> values, int count, Func<double, string> format, string[]? fills = null)
    {
        fills ??= Sequential;
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        var breaks = new List<double>();
        if (sorted.Length > 1)
            for (var k = 1; k < count; k++)
            {
                var b = RoundTwoDigits(sorted[(int)Math.Floor((double)k * sorted.Length / count)]);
                if (b > sorted[0] && (breaks.Count == 0 || b > breaks[^1]) && b <= sorted[^1]) breaks.Add(b);
            }
        var labels = new List<string>();
        for (var i = 0; i <= breaks.Count; i++)
            labels.Add(i == 0 && breaks.Count == 0 ? "alle waarden"
                : i == 0 ? $"minder dan {format(breaks[0])}"
                : i == breaks.Count ? $"{format(breaks[i - 1])} of meer"
                : $"{format(breaks[i - 1])} tot {format(breaks[i])}");
        // Spread the colours over the whole scale when there are fewer classes than colours.
        var chosen = Enumerable.Range(0, labels.Count)
            .Select(i => fills[labels.Count == 1 ? fills.Length / 2 : (int)Math.Round(i * (fills.Length - 1.0) / (labels.Count - 1))])
            .ToArray();
        return new(breaks, labels.Select((l, i) => new MapClass(l, chosen[i])).ToList());
    }

    static double RoundTwoDigits(double v)
    {
        if (v == 0) return 0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v))) - 1);
        return Math.Round(v / magnitude) * magnitude;
    }
}

/// <summary>
/// A choropleth of one level. <paramref name="Regions"/> lists every region of the level with its Dutch name, so
/// a region without a value is still drawn (hatched) and named in <see cref="Missing"/>.
/// For the Techniekpact level, <paramref name="ProvinceToRegion"/> says which region each province belongs to.
/// </summary>
public sealed record ChoroplethMap(
    string Id,
    string Title,
    MapLevel Level,
    IReadOnlyDictionary<string, string> Regions,
    IReadOnlyDictionary<string, MapValue> Values,
    MapClassification Classification,
    IReadOnlyDictionary<string, string>? ProvinceToRegion = null,
    string? Highlight = null)
{
    public const string NoDataLabel = "geen gegevens";
    public const string NoDataFill = "#d9d9d9";

    /// <summary>Regions of the level without a value, in code order.</summary>
    public IReadOnlyList<string> Missing =>
        Regions.Keys.Where(c => !Values.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();

    public string FillOf(string region) =>
        Values.TryGetValue(region, out var v) ? Classification.For(v.Value).Fill : NoDataFill;

    /// <summary>"Groot Amsterdam: 12.345" or "Groot Amsterdam: geen gegevens".</summary>
    public string Describe(string region) =>
        $"{Regions.GetValueOrDefault(region, region)}: {(Values.TryGetValue(region, out var v) ? v.Text : NoDataLabel)}";
}

/// <summary>The attribution every map carries (CC BY 4.0 requires it).</summary>
public static class MapAttribution
{
    public const string Text = "Kaartgrenzen: CBS / Kadaster (PDOK), gegeneraliseerd via cartomap/nl, CC BY 4.0";

    internal static string Coordinate(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
