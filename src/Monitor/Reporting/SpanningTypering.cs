// UWV's typering of the spanningsindicator, in one place for the text, the charts and the maps.
using Monitor.Reporting.Maps;

namespace Monitor.Reporting;

/// <summary>
/// The bounds of the UWV typering of the spanningsindicator: below 0,25 zeer ruim, then ruim, gemiddeld, krap, from 4 zeer krap.
/// A definition of the indicator, not a policy target.
/// </summary>
public static class SpanningTypering
{
    public const double KrapFrom = 1.5, ZeerKrapFrom = 4.0;
    public static readonly double[] Bounds = [0.25, 0.67, KrapFrom, ZeerKrapFrom];
    public static readonly string[] Words = ["zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap"];

    /// <summary>The five classes of a map of the spanningsindicator, with their bounds in the legend.</summary>
    public static MapClassification Classes() => MapClassification.FromBreaks(Bounds,
        Words.Select((w, i) => i == 0 ? $"< {Number(Bounds[0])} {w}"
            : i == Words.Length - 1 ? $"≥ {Number(Bounds[^1])} {w}"
            : $"{Number(Bounds[i - 1])}–{Number(Bounds[i])} {w}").ToArray(),
        MapClassification.Tension);

    static string Number(double v) => DutchFormat.Number(v, v == Math.Round(v) ? 0 : v * 10 == Math.Round(v * 10) ? 1 : 2);
}
