// Writes a chart (title, legend, plot and source line, exactly as printed) to PNG and SVG beside the PDF.
using Monitor.Reporting.Layout;
using SkiaSharp;

namespace Monitor.Reporting.Charts;

public static class ChartExport
{
    const float Margin = 12f;
    const float PngScale = 2f;

    public static void WritePng(ChartSpec spec, float width, Stream output)
    {
        using var text = new TextPainter();
        var height = ChartBox.Height(text, spec, width) + 2 * Margin;
        var info = new SKImageInfo((int)Math.Ceiling((width + 2 * Margin) * PngScale), (int)Math.Ceiling(height * PngScale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(PngScale);
        ChartBox.Draw(canvas, text, spec, Margin, Margin, width);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(output);
    }

    public static void WriteSvg(ChartSpec spec, float width, Stream output)
    {
        using var text = new TextPainter();
        var height = ChartBox.Height(text, spec, width) + 2 * Margin;
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width + 2 * Margin, height), output))
        {
            canvas.DrawRect(0, 0, width + 2 * Margin, height, text.Paint(SKColors.White));
            ChartBox.Draw(canvas, text, spec, Margin, Margin, width, dashes: false);
        }
    }

    /// <summary>A file-name fragment from a title: lower case ASCII words joined by hyphens.</summary>
    public static string Slug(string title)
    {
        var folded = title.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        var chars = folded.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 48 ? slug[..48].TrimEnd('-') : slug;
    }
}
