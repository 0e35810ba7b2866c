// Turns a ChartModel into a ScottPlot plot and draws it as vectors onto any Skia canvas (PDF page, PNG, SVG).
using Monitor.Reporting.Layout;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;
using Palette = Monitor.Reporting.Layout.Palette;

namespace Monitor.Reporting.Charts;

public static class ChartRenderer
{
    const float TickFont = 7f;

    /// <summary>Draws the plot into the rectangle (x, y, width, height) of the canvas.</summary>
    /// <param name="dashes">False for Skia's SVG canvas, which cannot draw dash patterns (lines then differ by marker and grey).</param>
    public static void Draw(SKCanvas canvas, ChartModel model, float x, float y, float width, float height, bool dashes = true)
    {
        ChartFontResolver.Register();
        using var plot = Create(model, width, height, dashes);
        canvas.Save();
        canvas.Translate(x, y);
        canvas.ClipRect(new SKRect(0, 0, width, height));
        plot.Render(canvas, (int)Math.Round(width), (int)Math.Round(height));
        canvas.Restore();
    }

    public static Plot Create(ChartModel model, float width, float height, bool dashes = true)
    {
        var plot = new Plot();
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set(ReportFonts.FamilyName, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        StyleAxes(plot, model, LabelStep(model, width, height));

        switch (model.Kind)
        {
            case ChartKind.Line: AddLines(plot, model, dashes); break;
            case ChartKind.Bars: AddBars(plot, model, stacked: false, horizontal: false); break;
            case ChartKind.StackedBars: AddBars(plot, model, stacked: true, horizontal: false); break;
            case ChartKind.HorizontalBars: AddBars(plot, model, stacked: false, horizontal: true); break;
        }
        AddReferences(plot, model, dashes);
        SetLimits(plot, model);
        return plot;
    }

    /// <summary>
    /// Print every n-th category label so that neighbouring labels never touch; counted back from the
    /// last category, so the latest period is always labelled.
    /// </summary>
    static int LabelStep(ChartModel model, float width, float height)
    {
        var n = model.Categories.Count;
        if (n == 0) return 1;
        // A ranking names every bar; its section gives the plot the height that takes.
        if (model.Kind == ChartKind.HorizontalBars) return 1;
        using var font = new SKFont(ReportFonts.Regular, TickFont);
        var widest = model.Categories.Max(c => font.MeasureText(c));
        var need = n * (widest + 8f);
        return Math.Max(1, (int)Math.Ceiling(need / Math.Max(width - 70f, 1f)));
    }

    static void StyleAxes(Plot plot, ChartModel model, int step)
    {
        var horizontal = model.Kind == ChartKind.HorizontalBars;
        var categoryAxis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom;
        var valueAxis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left;

        var n = model.Categories.Count;
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < n; i++)
        {
            if ((n - 1 - i) % step != 0) continue;
            positions.Add(horizontal ? n - 1 - i : i);
            labels.Add(model.Categories[i]);
        }
        categoryAxis.TickGenerator = new NumericManual(positions.ToArray(), labels.ToArray());

        foreach (var axis in new[] { categoryAxis, valueAxis })
        {
            axis.TickLabelStyle.FontSize = TickFont;
            axis.TickLabelStyle.ForeColor = Palette.Ink.ToScottPlot();
            axis.MajorTickStyle.Length = 3;
            axis.MajorTickStyle.Color = Palette.Rule.ToScottPlot();
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Palette.Muted.ToScottPlot();
            axis.FrameLineStyle.Width = 0.6f;
        }
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;

        plot.Grid.MajorLineColor = new SKColor(0xE2, 0xE2, 0xE2).ToScottPlot();
        plot.Grid.MajorLineWidth = 0.5f;
        if (horizontal) plot.Grid.YAxisStyle.IsVisible = false;
        else plot.Grid.XAxisStyle.IsVisible = false;
    }

    static void AddLines(Plot plot, ChartModel model, bool dashes)
    {
        foreach (var series in model.Series)
        {
            var style = SeriesStyles.Get(series.Style);
            // A missing value breaks the line instead of being drawn as zero or bridged over.
            foreach (var segment in Segments(series.Values))
            {
                var xs = segment.Select(p => (double)p.Index).ToArray();
                var ys = segment.Select(p => p.Value).ToArray();
                var scatter = plot.Add.Scatter(xs, ys, style.Line.ToScottPlot());
                scatter.LineWidth = series.Emphasis ? 2.2f : 1.5f;
                scatter.LinePattern = dashes ? style.Pattern : LinePattern.Solid;
                scatter.MarkerShape = style.Marker;
                scatter.MarkerSize = 5f;
                scatter.MarkerLineWidth = 1f;
            }
        }
    }

    static IEnumerable<List<(int Index, double Value)>> Segments(IReadOnlyList<double?> values)
    {
        var current = new List<(int, double)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && !double.IsNaN(v)) current.Add((i, v));
            else if (current.Count > 0) { yield return current; current = []; }
        }
        if (current.Count > 0) yield return current;
    }

    static void AddBars(Plot plot, ChartModel model, bool stacked, bool horizontal)
    {
        var n = model.Categories.Count;
        var groups = stacked ? 1 : model.Series.Count;
        const double groupWidth = 0.72;
        var barWidth = groupWidth / groups;
        var bars = new List<Bar>();
        var labels = new List<(double X, double Y, string Text)>();
        var bases = new double[n];
        for (var s = 0; s < model.Series.Count; s++)
        {
            var series = model.Series[s];
            var style = SeriesStyles.Get(series.Style);
            for (var i = 0; i < n; i++)
            {
                if (series.Values[i] is not { } v || double.IsNaN(v)) continue;
                var slot = horizontal ? n - 1 - i : i;
                var position = stacked || groups == 1 ? slot : slot - groupWidth / 2 + barWidth * (s + 0.5);
                var fill = style.Fill;
                if (model.HighlightCategories is { } highlighted)
                    fill = highlighted.Contains(i) ? Palette.Accent : SeriesStyles.QuietBar;
                var bar = new Bar
                {
                    Position = position,
                    ValueBase = stacked ? bases[i] : 0,
                    Value = stacked ? bases[i] + v : v,
                    Size = stacked || groups == 1 ? groupWidth : barWidth * 0.92,
                    FillColor = fill.ToScottPlot(),
                    LineWidth = stacked ? 0.6f : 0f,
                    LineColor = Colors.White,
                    Orientation = horizontal ? ScottPlot.Orientation.Horizontal : ScottPlot.Orientation.Vertical,
                };
                bars.Add(bar);
                if (model.ValueLabels)
                    labels.Add((position, stacked ? bases[i] + v : v, model.Format(v)));
                if (stacked) bases[i] += v;
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = horizontal;

        foreach (var (position, value, text) in labels)
        {
            var label = horizontal ? plot.Add.Text(" " + text, value, position) : plot.Add.Text(text, position, value);
            label.LabelFontSize = 6.5f;
            label.LabelFontColor = Palette.Ink.ToScottPlot();
            label.LabelAlignment = horizontal
                ? (value >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight)
                : (value >= 0 ? Alignment.LowerCenter : Alignment.UpperCenter);
        }
    }

    /// <summary>
    /// Reference lines are dashed and named on the opposite value axis, outside the data area, so their
    /// labels never sit on top of a data line.
    /// </summary>
    static void AddReferences(Plot plot, ChartModel model, bool dashes)
    {
        if (model.References.Count == 0) return;
        var horizontal = model.Kind == ChartKind.HorizontalBars;
        var colour = SeriesStyles.ReferenceLine.ToScottPlot();
        foreach (var reference in model.References)
        {
            var line = horizontal
                ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(reference.Value, 1f, colour, dashes ? LinePattern.Dashed : LinePattern.Solid)
                : plot.Add.HorizontalLine(reference.Value, 1f, colour, dashes ? LinePattern.Dashed : LinePattern.Solid);
            line.ExcludeFromLegend = true;
        }
        var axis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Top : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Right;
        axis.TickGenerator = new NumericManual(model.References.Select(r => r.Value).ToArray(), model.References.Select(r => r.Label).ToArray());
        axis.TickLabelStyle.FontSize = 6.5f;
        axis.TickLabelStyle.ForeColor = colour;
        axis.MajorTickStyle.Length = 3;
        axis.MajorTickStyle.Color = colour;
        axis.MinorTickStyle.Length = 0;
        axis.FrameLineStyle.Width = 0;
    }

    static void SetLimits(Plot plot, ChartModel model)
    {
        var values = model.Series.SelectMany(s => s.Values).Where(v => v is { } d && !double.IsNaN(d)).Select(v => v!.Value).ToList();
        if (model.Kind == ChartKind.StackedBars)
        {
            values = Enumerable.Range(0, model.Categories.Count)
                .Select(i => model.Series.Sum(s => s.Values[i] ?? 0)).ToList();
        }
        values.AddRange(model.References.Select(r => r.Value));
        var lo = values.Count == 0 ? 0 : Math.Min(0, values.Min());
        var hi = values.Count == 0 ? 1 : Math.Max(0, values.Max());
        if (model.Kind == ChartKind.Line && model.Unit is "procent" or "ratio" && values.Count > 0 && values.Min() > 0)
        {
            // Shares and ratios move within a narrow band; a zero base would flatten them into one line.
            var min = values.Min();
            var spread = Math.Max(hi - min, Math.Abs(hi) * 0.05);
            lo = Math.Max(0, min - spread * 0.5);
        }
        if (hi == lo) hi = lo + 1;
        var pad = (hi - lo) * (model.ValueLabels ? 0.14 : 0.08);
        var low = lo < 0 ? lo - pad : lo;
        var high = hi + pad;

        var ticks = NiceTicks(low, high, model.Unit == "aantal");
        var valueAxis = model.Kind == ChartKind.HorizontalBars ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left;
        valueAxis.TickGenerator = new NumericManual(ticks, ticks.Select(t => ValueFormat.Tick(t, model.Unit)).ToArray());

        var n = model.Categories.Count;
        var catLow = model.Kind == ChartKind.Line ? -0.5 : -0.6;
        var catHigh = n - 1 + (model.Kind == ChartKind.Line ? 0.5 : 0.6);
        if (model.Kind == ChartKind.HorizontalBars)
        {
            plot.Axes.SetLimitsX(low, high);
            if (model.References.Count > 0) plot.Axes.SetLimitsX(low, high, plot.Axes.Top);
            plot.Axes.SetLimitsY(catLow, catHigh);
        }
        else
        {
            plot.Axes.SetLimitsX(catLow, catHigh);
            plot.Axes.SetLimitsY(low, high);
            if (model.References.Count > 0) plot.Axes.SetLimitsY(low, high, plot.Axes.Right);
        }
    }

    /// <summary>
    /// Four to six ticks at round steps (1, 2, 2,5 or 5 times a power of ten) across the value axis, so a series up
    /// to 85.000 reads 0, 20.000 … 80.000 and not just 0 and 50.000.
    /// </summary>
    public static double[] NiceTicks(double low, double high, bool integers)
    {
        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / magnitude;
        var step = (norm < 1.5 ? 1 : norm < 2.25 ? 2 : norm < 3.5 ? 2.5 : norm < 7.5 ? 5 : 10) * magnitude;
        if (integers) step = Math.Max(1, Math.Round(step));
        var ticks = new List<double>();
        for (var t = Math.Ceiling(low / step - 1e-9) * step; t <= high + step * 1e-9; t += step)
            ticks.Add(Math.Round(t / step) * step);
        return ticks.ToArray();
    }
}
