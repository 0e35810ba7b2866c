// A pillar in a small box for the summary: its name, how many of its KPIs with a target are on course,
// its headline figure and the pillar's status badge.
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public sealed record PillarTileData(string Label, string Value, string Detail, string Headline, Status Status);

public static class PillarTile
{
    public const float Height = 58f;

    public static void Draw(SKCanvas canvas, TextPainter text, PillarTileData tile, float x, float y, float width)
    {
        using var border = new SKPaint { Color = Palette.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
        canvas.DrawRect(x, y, width, Height, text.Paint(Palette.AccentLight));
        canvas.DrawRect(x, y, 3f, Height, text.Paint(tile.Status.Colour()));
        canvas.DrawRect(x, y, width, Height, border);

        const float pad = 6f;
        var inner = width - 2 * pad - 3f;
        var left = x + 3f + pad;
        var top = y + 5f;
        var labelStyle = new TextStyle(7.6f, Bold: true);
        text.Draw(canvas, Fit(text, tile.Label, inner, labelStyle), left, top, labelStyle);
        top += text.LineHeight(labelStyle) + 1f;

        // The count and the badge share a line: the badge is what a reader looks for first.
        var valueStyle = new TextStyle(11f, Bold: true, Color: Palette.Accent);
        text.Draw(canvas, tile.Value, left, top, valueStyle);
        var badgeX = x + width - pad - KpiTile.BadgeWidth(text, tile.Status);
        KpiTile.DrawBadge(canvas, text, tile.Status, badgeX, top + 1.5f);
        top += 15f;
        var small = new TextStyle(6.6f);
        var lines = new List<string>();
        if (tile.Detail.Length > 0) lines.Add(tile.Detail);
        lines.AddRange(text.Wrap(tile.Headline, inner, small));
        foreach (var line in lines.Take(2))
        {
            text.Draw(canvas, Fit(text, line, inner, small), left, top, small);
            top += text.LineHeight(small);
        }
    }

    static string Fit(TextPainter text, string value, float width, TextStyle style)
    {
        if (text.Measure(value, style) <= width) return value;
        var s = value;
        while (s.Length > 1 && text.Measure(s + "…", style) > width) s = s[..^1];
        return s.TrimEnd() + "…";
    }
}
