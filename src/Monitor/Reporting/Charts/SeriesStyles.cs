// Series styles that stay apart in black and white: each line has its own pattern and marker,
// each bar series its own grey value; the accent colour marks what the chart is about.
using ScottPlot;
using SkiaSharp;

namespace Monitor.Reporting.Charts;

public sealed record SeriesStyle(SKColor Line, LinePattern Pattern, MarkerShape Marker, SKColor Fill);

public static class SeriesStyles
{
    static readonly SKColor Accent = Layout.Palette.Accent;

    static readonly SeriesStyle[] Styles =
    [
        new(Accent, LinePattern.Solid, MarkerShape.FilledCircle, Accent),
        new(new SKColor(0x80, 0x80, 0x80), LinePattern.Dashed, MarkerShape.FilledSquare, new SKColor(0x9A, 0x9A, 0x9A)),
        new(new SKColor(0x2B, 0x2B, 0x2B), LinePattern.Dotted, MarkerShape.FilledTriangleUp, new SKColor(0x4D, 0x4D, 0x4D)),
        new(new SKColor(0x5B, 0x87, 0xB5), LinePattern.DenselyDashed, MarkerShape.OpenCircle, new SKColor(0xC8, 0xC8, 0xC8)),
        new(new SKColor(0xA0, 0xA0, 0xA0), LinePattern.Solid, MarkerShape.FilledDiamond, new SKColor(0x70, 0x70, 0x70)),
        new(new SKColor(0x00, 0x00, 0x00), LinePattern.Dashed, MarkerShape.OpenSquare, new SKColor(0xE0, 0xE0, 0xE0)),
    ];

    public static SeriesStyle Get(int index) => Styles[((index % Styles.Length) + Styles.Length) % Styles.Length];

    /// <summary>Bars that are not the point of the chart.</summary>
    public static readonly SKColor QuietBar = new(0xB0, 0xB0, 0xB0);
    public static readonly SKColor ReferenceLine = new(0xA8, 0x23, 0x1B);

    public static Color ToScottPlot(this SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);
}
