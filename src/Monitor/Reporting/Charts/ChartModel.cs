// What a chart shows, independent of how it is drawn: the same model is drawn into the PDF,
// exported as PNG and SVG, and written row by row to the figures CSV.
namespace Monitor.Reporting.Charts;

public enum ChartKind { Line, Bars, StackedBars, HorizontalBars }

/// <summary>What the categories along the axis are, so that the figures CSV can file each point correctly.</summary>
public enum CategoryMeaning { Period, Region, Other }

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, int Style = 0, bool Emphasis = false);

/// <summary>A horizontal line across the plot, such as a target, with its label.</summary>
public sealed record ReferenceLine(double Value, string Label);

public sealed class ChartModel
{
    public required ChartKind Kind { get; init; }
    /// <summary>Labels along the category axis, as printed.</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>The codes behind the categories (period or region codes); defaults to the labels.</summary>
    public IReadOnlyList<string>? CategoryKeys { get; init; }
    public CategoryMeaning CategoryMeaning { get; init; } = CategoryMeaning.Period;
    public required IReadOnlyList<ChartSeries> Series { get; init; }
    public IReadOnlyList<ReferenceLine> References { get; init; } = [];
    /// <summary>aantal, procent or ratio: how values and ticks are written.</summary>
    public required string Unit { get; init; }
    public int Decimals { get; init; }
    /// <summary>Categories drawn in the accent colour, the others quiet (the regions of a regional edition); null: none.</summary>
    public IReadOnlyList<int>? HighlightCategories { get; init; }
    /// <summary>Print the value at the end of each bar.</summary>
    public bool ValueLabels { get; init; }

    public string Key(int category) => (CategoryKeys ?? Categories)[category];

    public string Format(double value) => ValueFormat.Format(value, Unit, Decimals);
}

/// <summary>The text of a chart around the plot.</summary>
public sealed class ChartSpec
{
    public required string Title { get; init; }
    /// <summary>What is measured and in which unit, under the title.</summary>
    public required string Subtitle { get; init; }
    /// <summary>The source line, e.g. "Bron: pr-eDICT, publicatie 2024-06-01".</summary>
    public required string Source { get; init; }
    public string? Note { get; init; }
    public required ChartModel Model { get; init; }
    public float PlotHeight { get; init; } = 190f;
    /// <summary>Region code and period the figures belong to when the categories do not say it.</summary>
    public required string Region { get; init; }
    public string Period { get; init; } = "";
}
