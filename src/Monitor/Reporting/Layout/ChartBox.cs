// A chart with its title and unit above, a legend, the plot, and the source line under it.
using Monitor.Reporting.Charts;
using ScottPlot;
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public static class ChartBox
{
    static readonly TextStyle TitleStyle = new(9.5f, Bold: true);
    static readonly TextStyle SubtitleStyle = new(7.6f, Color: Palette.Muted);
    static readonly TextStyle LegendStyle = new(7f);
    static readonly TextStyle SourceStyle = new(6.8f, Color: Palette.Muted);
    const float Gap = 4f;

    public static float Height(TextPainter text, ChartSpec spec, float width) =>
        text.Height(spec.Title, width, TitleStyle) + 1f
        + text.Height(spec.Subtitle, width, SubtitleStyle) + Gap
        + LegendHeight(text, spec, width)
        + spec.PlotHeight + Gap
        + text.Height(SourceText(spec), width, SourceStyle);

    /// <param name="dashes">False when drawing to SVG, whose Skia canvas has no dash patterns.</param>
    public static void Draw(SKCanvas canvas, TextPainter text, ChartSpec spec, float x, float y, float width, bool dashes = true)
    {
        y += text.DrawWrapped(canvas, spec.Title, x, y, width, TitleStyle) + 1f;
        y += text.DrawWrapped(canvas, spec.Subtitle, x, y, width, SubtitleStyle) + Gap;
        y += DrawLegend(canvas, text, spec, x, y, width, dashes);
        ChartRenderer.Draw(canvas, spec.Model, x, y, width, spec.PlotHeight, dashes);
        y += spec.PlotHeight + Gap;
        text.DrawWrapped(canvas, SourceText(spec), x, y, width, SourceStyle);
    }

    static string SourceText(ChartSpec spec) => spec.Note is { Length: > 0 } note ? spec.Source + " " + note : spec.Source;

    /// <summary>A legend only when there is more than one series, or when the one series needs naming.</summary>
    static bool HasLegend(ChartSpec spec) => spec.Model.Series.Count > 1 && spec.Model.HighlightCategories is null;

    static IEnumerable<List<ChartSeries>> LegendLines(TextPainter text, ChartSpec spec, float width)
    {
        var line = new List<ChartSeries>();
        var used = 0f;
        foreach (var series in spec.Model.Series)
        {
            var w = ItemWidth(text, series);
            if (line.Count > 0 && used + w > width)
            {
                yield return line;
                line = [];
                used = 0;
            }
            line.Add(series);
            used += w;
        }
        if (line.Count > 0) yield return line;
    }

    static float ItemWidth(TextPainter text, ChartSeries series) => 22f + text.Measure(series.Name, LegendStyle) + 12f;

    static float LegendHeight(TextPainter text, ChartSpec spec, float width) =>
        HasLegend(spec) ? LegendLines(text, spec, width).Count() * 11f + 2f : 0f;

    static float DrawLegend(SKCanvas canvas, TextPainter text, ChartSpec spec, float x, float y, float width, bool dashes)
    {
        if (!HasLegend(spec)) return 0f;
        var top = y;
        foreach (var line in LegendLines(text, spec, width))
        {
            var cx = x;
            foreach (var series in line)
            {
                DrawSwatch(canvas, spec.Model.Kind, SeriesStyles.Get(series.Style), cx, y + 5f, dashes);
                text.Draw(canvas, series.Name, cx + 22f, y, LegendStyle);
                cx += ItemWidth(text, series);
            }
            y += 11f;
        }
        return y - top + 2f;
    }

    static void DrawSwatch(SKCanvas canvas, ChartKind kind, SeriesStyle style, float x, float midY, bool dashes)
    {
        if (kind != ChartKind.Line)
        {
            using var fill = new SKPaint { Color = style.Fill, Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawRect(x + 4f, midY - 4f, 10f, 8f, fill);
            return;
        }
        using var effect = dashes ? style.Pattern.GetPathEffect() : null;
        using var line = new SKPaint { Color = style.Line, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true, PathEffect = effect };
        canvas.DrawLine(x, midY, x + 18f, midY, line);
        DrawMarker(canvas, style, x + 9f, midY, 2.6f);
    }

    static void DrawMarker(SKCanvas canvas, SeriesStyle style, float cx, float cy, float r)
    {
        var open = style.Marker is MarkerShape.OpenCircle or MarkerShape.OpenSquare or MarkerShape.OpenTriangleUp or MarkerShape.OpenDiamond;
        using var paint = new SKPaint
        {
            Color = style.Line,
            Style = open ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
            StrokeWidth = 1f,
            IsAntialias = true,
        };
        using var backing = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var path = new SKPath();
        switch (style.Marker)
        {
            case MarkerShape.FilledSquare or MarkerShape.OpenSquare:
                path.AddRect(new SKRect(cx - r, cy - r, cx + r, cy + r));
                break;
            case MarkerShape.FilledTriangleUp or MarkerShape.OpenTriangleUp:
                path.MoveTo(cx, cy - r * 1.15f);
                path.LineTo(cx + r * 1.1f, cy + r * 0.85f);
                path.LineTo(cx - r * 1.1f, cy + r * 0.85f);
                path.Close();
                break;
            case MarkerShape.FilledDiamond or MarkerShape.OpenDiamond:
                path.MoveTo(cx, cy - r * 1.25f);
                path.LineTo(cx + r * 1.25f, cy);
                path.LineTo(cx, cy + r * 1.25f);
                path.LineTo(cx - r * 1.25f, cy);
                path.Close();
                break;
            default:
                path.AddCircle(cx, cy, r);
                break;
        }
        if (open) canvas.DrawPath(path, backing);
        canvas.DrawPath(path, paint);
    }
}
