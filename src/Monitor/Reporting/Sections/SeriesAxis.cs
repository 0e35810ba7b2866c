// Lines up mart series on a shared period axis for charts and tables.
using Monitor.Domain;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;

namespace Monitor.Reporting.Sections;

public sealed class SeriesAxis
{
    public IReadOnlyList<Period> Keys { get; }
    /// <summary>The periods in Dutch, for the axis: 2023, 2023 K4, 2023/24, 2021–2026.</summary>
    public IReadOnlyList<string> Labels => Keys.Select(k => k.ShortText).ToList();
    /// <summary>The periods in the warehouse's notation: the chart's category keys (the figures CSV, the site's tables).</summary>
    public IReadOnlyList<string> KeyTexts => Keys.Select(k => k.ToString()).ToList();

    SeriesAxis(IReadOnlyList<Period> keys) => Keys = keys;

    /// <summary>Every period that occurs in any of the series, in period order.</summary>
    public static SeriesAxis Of(params IReadOnlyList<IndicatorValue>[] series) =>
        new(series.SelectMany(s => s)
            .GroupBy(v => v.Period)
            .OrderBy(g => g.First().PeriodOrder).ThenBy(g => g.Key)
            .Select(g => g.Key).ToList());

    public static SeriesAxis FromKeys(IReadOnlyList<Period> keys) => new(keys);

    /// <summary>The values of a series at each period of the axis; NULL where it has none.</summary>
    public IReadOnlyList<double?> Align(IReadOnlyList<IndicatorValue> series)
    {
        var byPeriod = series.GroupBy(v => v.Period).ToDictionary(g => g.Key, g => g.First().Value);
        return Keys.Select(k => byPeriod.GetValueOrDefault(k)).ToList();
    }

    public int Count => Keys.Count;

    /// <summary>A line chart of named mart series over every period any of them has; series are styled in the order given.</summary>
    public static ChartModel LineModel(IReadOnlyList<(string Name, IReadOnlyList<IndicatorValue> Values)> series, string unit, int decimals = 0,
        IReadOnlyList<ReferenceLine>? references = null)
    {
        var axis = Of(series.Select(s => s.Values).ToArray());
        return new ChartModel
        {
            Kind = ChartKind.Line,
            Categories = axis.Labels,
            CategoryKeys = axis.KeyTexts,
            Series = series.Select((s, i) => new ChartSeries(s.Name, axis.Align(s.Values), i)).ToList(),
            Unit = unit,
            Decimals = decimals,
            References = references ?? [],
        };
    }
}
