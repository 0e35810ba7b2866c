// A choropleth drawn onto a Skia canvas (the PDF's regional chapter): the same shapes, classes and
// attribution as the site's SVG, with the legend to the right of the map.
using Monitor.Reporting.Layout;
using SkiaSharp;

namespace Monitor.Reporting.Maps;

public static class MapPainter
{
    /// <summary>Draws the map into (x, y, width, height): the map on the left, the legend on the right, the attribution below.</summary>
    public static void Draw(SKCanvas canvas, TextPainter text, ChoroplethMap map, float x, float y, float width, float height)
    {
        var geometry = MapGeometry.For(map.Level, map.ProvinceToRegion);
        var attribution = new TextStyle(6.2f, Color: Palette.Muted);
        var attributionHeight = text.Height(MapAttribution.Text, width, attribution) + 2;
        var legendWidth = Math.Min(170f, width * 0.42f);
        var mapWidth = width - legendWidth - 8;
        var mapHeight = height - attributionHeight;
        var project = geometry.Projection(x, y, mapWidth, mapHeight);

        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var seam = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.4f };
        using var hatch = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, Color = new SKColor(0x8C, 0x8C, 0x8C) };
        foreach (var shape in geometry.Shapes)
        {
            using var path = ToPath(shape.Rings, project, close: true);
            path.FillType = SKPathFillType.EvenOdd;
            var colour = SKColor.Parse(map.FillOf(shape.Region));
            fill.Color = colour;
            seam.Color = colour;
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, seam);
            if (!map.Values.ContainsKey(shape.Region)) Hatch(canvas, path, hatch);
        }
        using var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.7f, Color = SKColors.White, StrokeJoin = SKStrokeJoin.Round };
        foreach (var line in geometry.Borders)
        {
            using var path = ToPath([line], project, close: false);
            canvas.DrawPath(path, border);
        }
        border.Color = new SKColor(0x8C, 0x8C, 0x8C);
        border.StrokeWidth = 0.5f;
        foreach (var line in geometry.Outline)
        {
            using var path = ToPath([line], project, close: false);
            canvas.DrawPath(path, border);
        }
        if (map.Highlight is { } highlighted)
        {
            using var mark = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.8f, Color = Palette.Ink, StrokeJoin = SKStrokeJoin.Round };
            foreach (var shape in geometry.Shapes.Where(s => s.Region == highlighted))
            {
                using var path = ToPath(shape.Rings, project, close: true);
                canvas.DrawPath(path, mark);
            }
        }

        var lx = x + mapWidth + 8;
        var ly = y + 4;
        var small = TextStyle.Small;
        using var swatch = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.4f, Color = Palette.Muted };
        var entries = map.Classification.Classes.Select(c => (c.Label, c.Fill, NoData: false)).ToList();
        if (map.Missing.Count > 0) entries.Add(($"{ChoroplethMap.NoDataLabel} ({map.Missing.Count})", ChoroplethMap.NoDataFill, true));
        foreach (var (label, colour, noData) in entries)
        {
            var box = new SKRect(lx, ly, lx + 10, ly + 10);
            swatch.Color = SKColor.Parse(colour);
            canvas.DrawRect(box, swatch);
            if (noData)
            {
                using var boxPath = new SKPath();
                boxPath.AddRect(box);
                Hatch(canvas, boxPath, hatch);
            }
            canvas.DrawRect(box, outline);
            foreach (var (line, i) in text.Wrap(label, legendWidth - 16, small).Select((l, i) => (l, i)))
                text.Draw(canvas, line, lx + 15, ly - 1 + i * text.LineHeight(small), small);
            ly += Math.Max(14, text.Wrap(label, legendWidth - 16, small).Count * text.LineHeight(small) + 3);
        }
        text.DrawWrapped(canvas, MapAttribution.Text, x, y + height - attributionHeight + 2, width, attribution);
    }

    static void Hatch(SKCanvas canvas, SKPath path, SKPaint paint)
    {
        var b = path.Bounds;
        canvas.Save();
        canvas.ClipPath(path, antialias: true);
        for (var d = -b.Height; d < b.Width; d += 4)
            canvas.DrawLine(b.Left + d, b.Bottom, b.Left + d + b.Height, b.Top, paint);
        canvas.Restore();
    }

    static SKPath ToPath(IEnumerable<IReadOnlyList<MapPoint>> rings, Func<MapPoint, (double X, double Y)> project, bool close)
    {
        var path = new SKPath();
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var (px, py) = project(ring[i]);
                if (i == 0) path.MoveTo((float)px, (float)py);
                else path.LineTo((float)px, (float)py);
            }
            if (close) path.Close();
        }
        return path;
    }
}
