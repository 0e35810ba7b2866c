// One key figure in a box: what it is, its latest value, the change, the target and a status in words.
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public sealed record KpiTileData(
    string Label,
    string Period,
    string Value,
    string Change,
    string Target,
    Status Status,
    string Footnote);

public static class KpiTile
{
    public const float Height = 92f;

    public static void Draw(SKCanvas canvas, TextPainter text, KpiTileData tile, float x, float y, float width)
    {
        using var border = new SKPaint { Color = Palette.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
        canvas.DrawRect(x, y, width, Height, text.Paint(SKColors.White));
        canvas.DrawRect(x, y, 3f, Height, text.Paint(tile.Status.Colour()));
        canvas.DrawRect(x, y, width, Height, border);

        const float pad = 7f;
        var inner = width - 2 * pad - 3f;
        var left = x + 3f + pad;
        var top = y + 6f;

        var labelStyle = new TextStyle(7.6f, Bold: true);
        var lines = text.Wrap(tile.Label, inner, labelStyle).Take(2).ToList();
        foreach (var line in lines)
        {
            text.Draw(canvas, line, left, top, labelStyle);
            top += text.LineHeight(labelStyle);
        }
        if (lines.Count == 1) top += text.LineHeight(labelStyle);
        text.Draw(canvas, tile.Period, left, top, TextStyle.Caption);
        top += 9f;

        var valueStyle = new TextStyle(tile.Value.Length > 16 ? 10f : tile.Value.Length > 9 ? 13f : 15.5f, Bold: true, Color: Palette.Accent);
        text.Draw(canvas, tile.Value, left, top, valueStyle);
        top += 18f;

        var small = new TextStyle(6.9f);
        text.Draw(canvas, Fit(text, tile.Change, inner, small), left, top, small);
        top += text.LineHeight(small);
        text.Draw(canvas, Fit(text, tile.Target, inner, small), left, top, small);

        var badgeTop = y + Height - 17.5f;
        DrawBadge(canvas, text, tile.Status, left, badgeTop);
        if (tile.Footnote.Length > 0)
        {
            var note = new TextStyle(6.2f, Color: Palette.Muted);
            var badgeWidth = BadgeWidth(text, tile.Status);
            text.Draw(canvas, Fit(text, tile.Footnote, inner - badgeWidth - 5f, note), left + badgeWidth + 5f, badgeTop + 3.5f, note);
        }
    }

    public static float BadgeWidth(TextPainter text, Status status) => text.Measure(status.Word(), Badge) + 12f;

    public static void DrawBadge(SKCanvas canvas, TextPainter text, Status status, float x, float y)
    {
        var width = BadgeWidth(text, status);
        using var path = new SKPath();
        path.AddRoundRect(new SKRoundRect(new SKRect(x, y, x + width, y + 13f), 2.5f));
        canvas.DrawPath(path, text.Paint(status.Colour()));
        text.Draw(canvas, status.Word(), x + 6f, y + 2.6f, Badge.WithColor(SKColors.White));
    }

    static readonly TextStyle Badge = new(7f, Bold: true);

    /// <summary>Shortens a line with an ellipsis rather than letting it run out of the tile.</summary>
    static string Fit(TextPainter text, string value, float width, TextStyle style)
    {
        if (text.Measure(value, style) <= width) return value;
        var s = value;
        while (s.Length > 1 && text.Measure(s + "…", style) > width) s = s[..^1];
        return s.TrimEnd() + "…";
    }
}
