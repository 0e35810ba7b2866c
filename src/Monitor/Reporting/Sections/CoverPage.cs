// The cover: title, edition, reporting period, data date, generation date and the contents.
using Monitor.Reporting.Layout;
using SkiaSharp;

namespace Monitor.Reporting.Sections;

public static class CoverPage
{
    public const string Title = "Monitor Groene en Digitale Banen — Indicatorrapport";

    /// <param name="contents">Page numbers of the sections from the first layout pass; NULL during that pass.</param>
    public static void Write(ReportContext ctx, PageWriter page, TextPainter text, IReadOnlyList<(string Title, int Page)>? contents,
        IReadOnlyList<string> sectionTitles)
    {
        page.NewPage();
        page.Plain = true;
        var canvas = page.Canvas;

        canvas.DrawRect(0, 0, PageWriter.PageWidth, 12f, text.Paint(Palette.Accent));
        canvas.DrawRect(PageWriter.Left, 120f, 4f, 118f, text.Paint(Palette.Accent));

        var x = PageWriter.Left + 16f;
        var width = PageWriter.Width - 16f;
        var y = 124f;
        y += text.DrawWrapped(canvas, Title, x, y, width, new TextStyle(24f, Bold: true, Color: Palette.Accent)) + 8f;
        y += text.DrawWrapped(canvas, "Voortgang van het Actieplan Groene en Digitale Banen, voor het koersoverleg",
            x, y, width, new TextStyle(12f, Color: Palette.Muted)) + 6f;
        var edition = ctx.Selected is null ? "Landelijke editie" : "Regionale editie: " + ctx.Regions.Describe(ctx.Selected.Code);
        y += text.DrawWrapped(canvas, edition, x, y, width, new TextStyle(12f, Bold: true)) + 4f;
        if (ctx.Options.MeetingLine is { } meeting)
            text.DrawWrapped(canvas, meeting, x, y, width, new TextStyle(12f, Color: Palette.Accent));

        y = 300f;
        var facts = new List<(string, string)>
        {
            ("Verslagperiode", ctx.Period),
            ("Stand van de gegevens", DataDateLong(ctx)),
            ("Gemaakt op", DutchFormat.DateTime(ctx.Options.GeneratedAt)),
        };
        var labelStyle = new TextStyle(9.5f, Color: Palette.Muted);
        var valueStyle = new TextStyle(9.5f, Bold: true);
        foreach (var (label, value) in facts)
        {
            text.Draw(canvas, label, x, y, labelStyle);
            y += text.DrawWrapped(canvas, value, x + 140f, y, width - 140f, valueStyle) + 4f;
        }

        y += 30f;
        text.Draw(canvas, "Inhoud", x, y, new TextStyle(12f, Bold: true, Color: Palette.Accent));
        y += 22f;
        var entry = new TextStyle(10f);
        foreach (var title in sectionTitles)
        {
            var pageNumber = contents?.FirstOrDefault(c => c.Title == title).Page;
            text.Draw(canvas, title, x, y, entry);
            var number = pageNumber is > 0 ? pageNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            text.Draw(canvas, number, PageWriter.Right, y, entry, TextAlign.Right);
            using var dots = new SKPaint { Color = Palette.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([1f, 2.5f], 0) };
            var from = x + text.Measure(title, entry) + 6f;
            var to = PageWriter.Right - text.Measure(number, entry) - 6f;
            if (to > from) canvas.DrawLine(from, y + 8.5f, to, y + 8.5f, dots);
            canvas.DrawLinkDestinationAnnotation(new SKRect(x, y - 2f, PageWriter.Right, y + 12f), PageWriter.Anchor(title));
            y += 19f;
        }

        var foot = new TextStyle(8f, Color: Palette.Muted);
        var note = $"Samengesteld uit de gegevens van {ctx.Data.Suppliers.Enumerate()}. Alle cijfers komen uit het datawarehouse " +
                   "van de monitor; elk cijfer staat ook in het CSV-bestand naast dit rapport. " +
                   "Bronnen, definities en kwaliteitscontroles staan achterin.";
        var noteHeight = text.Height(note, PageWriter.Width, foot);
        text.DrawWrapped(canvas, note, PageWriter.Left, PageWriter.PageHeight - 60f - noteHeight, PageWriter.Width, foot);
    }

    /// <summary>"publicaties tot en met 1 juni 2024" or, for a pinned run, "peildatum 1 maart 2024".</summary>
    public static string DataDateLong(ReportContext ctx)
    {
        if (ctx.Data.MartAsOf is { } d)
            return $"peildatum {DutchFormat.Date(d)} (alleen publicaties tot en met die datum)";
        if (ctx.Data.LatestVintage is { } latest)
            return $"publicaties tot en met {DutchFormat.Date(latest)}";
        return "onbekend";
    }

    /// <summary>The short form for the running header.</summary>
    public static string DataDateShort(ReportContext ctx)
    {
        if (ctx.Data.MartAsOf is { } d)
            return $"Peildatum {DutchFormat.Date(d)}";
        if (ctx.Data.LatestVintage is { } latest)
            return $"Gegevens t/m {DutchFormat.Date(latest)}";
        return "";
    }
}
