// Makes ScottPlot draw every label with the shipped DejaVu font, whatever font name a plot component asks for.
using Monitor.Reporting.Layout;
using ScottPlot;
using SkiaSharp;

namespace Monitor.Reporting.Charts;

public sealed class ChartFontResolver : IFontResolver
{
    static readonly object Gate = new();
    static bool registered;

    /// <summary>
    /// Puts this resolver in front of ScottPlot's system-font resolver. ScottPlot keeps its resolvers and
    /// typeface cache in static state, so this is done once per process, before the first chart is drawn.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            Fonts.FontResolvers.Insert(0, new ChartFontResolver());
            Fonts.Default = ReportFonts.FamilyName;
            Fonts.Sans = ReportFonts.FamilyName;
            registered = true;
        }
    }

    // Every name resolves to DejaVu: falling through to the system resolver would make the charts
    // depend on the fonts installed on the machine that builds the report. The typefaces are the ones the
    // page text uses, so the PDF embeds each font once (ScottPlot caches typefaces and never disposes them).
    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        weight >= FontWeight.SemiBold ? ReportFonts.Bold : ReportFonts.Regular;

    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => bold ? ReportFonts.Bold : ReportFonts.Regular;
}
