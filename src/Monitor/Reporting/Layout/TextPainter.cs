// Measuring, wrapping and drawing text in the shipped fonts.
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public enum TextAlign { Left, Center, Right }

public readonly record struct TextStyle(float Size, bool Bold = false, SKColor? Color = null)
{
    public SKColor Ink => Color ?? Palette.Ink;
    public TextStyle WithColor(SKColor color) => this with { Color = color };
    public TextStyle AsBold() => this with { Bold = true };

    public static readonly TextStyle Body = new(9.5f);
    public static readonly TextStyle Small = new(8f);
    public static readonly TextStyle Caption = new(7f, Color: Palette.Muted);
}

public sealed class TextPainter : IDisposable
{
    readonly Dictionary<(float, bool), SKFont> fonts = [];
    readonly Dictionary<SKColor, SKPaint> paints = [];

    public SKFont Font(TextStyle style)
    {
        if (!fonts.TryGetValue((style.Size, style.Bold), out var font))
        {
            font = new SKFont(style.Bold ? ReportFonts.Bold : ReportFonts.Regular, style.Size)
            {
                Subpixel = true,
                Edging = SKFontEdging.Antialias,
                Hinting = SKFontHinting.None,
            };
            fonts[(style.Size, style.Bold)] = font;
        }
        return font;
    }

    public float Measure(string text, TextStyle style) => Font(style).MeasureText(text);

    public float LineHeight(TextStyle style) => style.Size * 1.32f;

    public IReadOnlyList<string> Wrap(string text, float width, TextStyle style) =>
        TextWrapper.Wrap(text, width, s => Measure(s, style));

    /// <summary>Height of a wrapped block of text.</summary>
    public float Height(string text, float width, TextStyle style) => Wrap(text, width, style).Count * LineHeight(style);

    /// <summary>Draws one line whose line box starts at <paramref name="top"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float top, TextStyle style, TextAlign align = TextAlign.Left)
    {
        var font = Font(style);
        var baseline = top + style.Size * 0.98f;
        var skAlign = align switch { TextAlign.Center => SKTextAlign.Center, TextAlign.Right => SKTextAlign.Right, _ => SKTextAlign.Left };
        canvas.DrawText(text, x, baseline, skAlign, font, Paint(style.Ink));
    }

    /// <summary>Draws wrapped text and returns the height used.</summary>
    public float DrawWrapped(SKCanvas canvas, string text, float x, float top, float width, TextStyle style, TextAlign align = TextAlign.Left)
    {
        var y = top;
        var anchor = align switch { TextAlign.Center => x + width / 2, TextAlign.Right => x + width, _ => x };
        foreach (var line in Wrap(text, width, style))
        {
            Draw(canvas, line, anchor, y, style, align);
            y += LineHeight(style);
        }
        return y - top;
    }

    public SKPaint Paint(SKColor color)
    {
        if (!paints.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            paints[color] = paint;
        }
        return paint;
    }

    public void Dispose()
    {
        foreach (var f in fonts.Values) f.Dispose();
        foreach (var p in paints.Values) p.Dispose();
    }
}
