// What every section needs while it writes: the data, the selected region, the page cursor and the
// building blocks (heading, paragraph, note, table, chart, tiles), each of which also records the
// figures it prints.
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;
using SkiaSharp;

namespace Monitor.Reporting;

public sealed class ReportContext
{
    public required MartData Data { get; init; }
    public required RegionCatalog Regions { get; init; }
    /// <summary>NULL for the national edition.</summary>
    public required ReportRegion? Selected { get; init; }
    public required PageWriter Page { get; init; }
    public required TextPainter Text { get; init; }
    public required ReportOptions Options { get; init; }
    /// <summary>The reporting year, e.g. "2023".</summary>
    public required string Period { get; init; }
    /// <summary>Page numbers of the sections from the first layout pass; NULL during that pass.</summary>
    public IReadOnlyList<(string Title, int Page)>? Contents { get; init; }
    public int? TotalPages { get; init; }

    public FigureLog Figures { get; } = new();
    /// <summary>The charts in print order with the width they were drawn at, for the PNG and SVG export.</summary>
    public List<(ChartSpec Spec, float Width)> Charts { get; } = [];
    public string Section { get; private set; } = "";

    public bool IsRegional => Selected is not null;

    // ---- regions -------------------------------------------------------------------------------

    /// <summary>
    /// The region whose figures a block shows: the selected region when the indicator has values at its
    /// level, otherwise NL. The caller says in words when it fell back to national figures.
    /// </summary>
    public string RegionFor(string indicator)
    {
        if (Selected is null) return "NL";
        return Data.Has(indicator, Selected.Code) ? Selected.Code : "NL";
    }

    /// <summary>The supplier behind a dataset's file-name prefix (tpm, predict, uwv, roa, cbs, programma), as the declarations name it.</summary>
    public string Supplier(string source) => Data.Suppliers.Name(source);

    public string RegionName(string code) => code == "NL" ? "Nederland" : Regions.Name(code);

    /// <summary>
    /// The sentence that says plainly a block shows national figures because the source has none for the
    /// selected region; NULL in the national edition.
    /// </summary>
    public string? RegionalGap(string what, string levels) => Selected is null
        ? null
        : $"Voor {Regions.Describe(Selected.Code)} zijn geen cijfers over {what} beschikbaar: de bron levert deze alleen {levels}. " +
          "Hieronder staan de landelijke cijfers.";

    public void NoRegionalData(string what, string levels)
    {
        if (RegionalGap(what, levels) is { } gap) Note(gap);
    }

    /// <summary>A heading, an optional note and introduction, and the chart they lead to, kept on one page where they fit.</summary>
    public void ChartBlock(string? heading, ChartSpec chart, string? intro = null, string? note = null)
    {
        var chartHeight = HeightOf(chart);
        var introHeight = intro is null ? 0 : HeightOf(intro);
        var noteHeight = note is null ? 0 : NoteHeight(note);
        if (heading is not null) Heading(heading, keepWithNext: noteHeight + introHeight + chartHeight);
        if (note is not null)
        {
            Page.EnsureSpace(noteHeight + introHeight + chartHeight);
            Note(note);
        }
        if (intro is not null) Paragraph(intro, keepWithNext: chartHeight);
        Chart(chart);
    }

    // ---- text blocks -----------------------------------------------------------------------------

    static readonly TextStyle H1 = new(17f, Bold: true, Color: Palette.Accent);
    static readonly TextStyle H2 = new(11.5f, Bold: true, Color: Palette.Accent);

    /// <summary>Starts a section on a new page and lists it in the table of contents.</summary>
    public void Section1(string title)
    {
        Section = title;
        Page.NewPage();
        Page.Mark(title);
        Page.Y += Text.DrawWrapped(Page.Canvas, title, PageWriter.Left, Page.Y, PageWriter.Width, H1);
        using var rule = new SKPaint { Color = Palette.Accent, StrokeWidth = 1.2f, Style = SKPaintStyle.Stroke };
        Page.Canvas.DrawLine(PageWriter.Left, Page.Y + 3, PageWriter.Left + 60, Page.Y + 3, rule);
        Page.Space(14);
    }

    /// <summary>A sub-heading that is never left alone at the bottom of a page.</summary>
    public void Heading(string title, float keepWithNext = 120f)
    {
        var height = Text.Height(title, PageWriter.Width, H2) + 4f;
        if (Page.Y > PageWriter.Top + 1) Page.Space(6);
        Page.EnsureSpace(height + keepWithNext);
        Page.Y += Text.DrawWrapped(Page.Canvas, title, PageWriter.Left, Page.Y, PageWriter.Width, H2) + 4f;
    }

    /// <summary>A paragraph that wraps and, if needed, continues on the next page.</summary>
    /// <param name="keepWithNext">Height of what follows that must stay on the same page (a chart it introduces).</param>
    public void Paragraph(string text, TextStyle? style = null, float keepWithNext = 0)
    {
        var s = style ?? TextStyle.Body;
        var lines = Text.Wrap(text, PageWriter.Width, s);
        if (keepWithNext > 0) Page.EnsureSpace(lines.Count * Text.LineHeight(s) + 5 + keepWithNext);
        foreach (var line in lines)
        {
            Page.EnsureSpace(Text.LineHeight(s));
            Text.Draw(Page.Canvas, line, PageWriter.Left, Page.Y, s);
            Page.Y += Text.LineHeight(s);
        }
        Page.Space(5);
    }

    public float BulletsHeight(IEnumerable<string> items, TextStyle style) =>
        items.Sum(i => Text.Wrap(i, PageWriter.Width - 12f, style).Count * Text.LineHeight(style) + 2.5f) + 4f;

    public void Bullets(IEnumerable<string> items, TextStyle? style = null)
    {
        var s = style ?? TextStyle.Body;
        const float indent = 12f;
        foreach (var item in items)
        {
            var lines = Text.Wrap(item, PageWriter.Width - indent, s);
            for (var i = 0; i < lines.Count; i++)
            {
                Page.EnsureSpace(Text.LineHeight(s));
                if (i == 0) Text.Draw(Page.Canvas, "•", PageWriter.Left + 2, Page.Y, s);
                Text.Draw(Page.Canvas, lines[i], PageWriter.Left + indent, Page.Y, s);
                Page.Y += Text.LineHeight(s);
            }
            Page.Space(2.5f);
        }
        Page.Space(4);
    }

    /// <summary>Height a paragraph of body text will take.</summary>
    public float HeightOf(string paragraph, TextStyle? style = null) => Text.Height(paragraph, PageWriter.Width, style ?? TextStyle.Body) + 5;

    /// <summary>Height a full-width chart will take, for keeping its heading and introduction with it.</summary>
    public float HeightOf(ChartSpec chart) => ChartBox.Height(Text, chart, PageWriter.Width) + 14;

    static readonly TextStyle NoteStyle = new(8.2f);
    const float NotePad = 6f;

    float NoteHeight(string text) => Text.Wrap(text, PageWriter.Width - 2 * NotePad - 3, NoteStyle).Count * Text.LineHeight(NoteStyle) + 2 * NotePad + 8;

    /// <summary>A shaded box for caveats and missing data, so it cannot be mistaken for a finding.</summary>
    public void Note(string text)
    {
        var style = NoteStyle;
        const float pad = NotePad;
        var lines = Text.Wrap(text, PageWriter.Width - 2 * pad - 3, style);
        var height = lines.Count * Text.LineHeight(style) + 2 * pad;
        Page.EnsureSpace(height);
        Page.Canvas.DrawRect(PageWriter.Left, Page.Y, PageWriter.Width, height, Text.Paint(Palette.AccentLight));
        Page.Canvas.DrawRect(PageWriter.Left, Page.Y, 2.5f, height, Text.Paint(Palette.Accent));
        var y = Page.Y + pad;
        foreach (var line in lines)
        {
            Text.Draw(Page.Canvas, line, PageWriter.Left + pad + 3, y, style);
            y += Text.LineHeight(style);
        }
        Page.Y += height;
        Page.Space(8);
    }

    // ---- figures -----------------------------------------------------------------------------------

    /// <summary>Formats a mart value for print and records it; "–" when there is none.</summary>
    public string Show(IndicatorValue? v, string label, int? decimals = null)
    {
        if (v?.Value is not { } value) return "–";
        var text = ValueFormat.Format(value, v.Unit, decimals ?? Decimals(v));
        Figures.Add(new Figure(Section, label, v.Period, v.Region, value, v.Unit, text));
        return text;
    }

    /// <summary>Records a figure computed for print (a difference, a path point) and returns its text.</summary>
    public string Show(double value, string unit, string label, string period, string region, int decimals = 0, bool signed = false)
    {
        var text = signed
            ? (unit == "procent" ? DutchFormat.Signed(value, decimals) + " procentpunt" : DutchFormat.Signed(value, decimals))
            : ValueFormat.Format(value, unit, decimals);
        Figures.Add(new Figure(Section, label, period, region, value, unit, text));
        return text;
    }

    /// <summary>How many decimals an indicator is printed with.</summary>
    public static int Decimals(IndicatorValue v) => v.Unit switch
    {
        "ratio" => 2,
        "procent" when v.Indicator is "behoud" or "arbeidsproductiviteit_groei" or "aanwezigheid" => 1,
        _ => 0,
    };

    /// <summary>"Bron: pr-eDICT, publicatie 2024-06-01" from the rows a block rests on.</summary>
    public static string SourceLine(IEnumerable<IndicatorValue?> rows)
    {
        var parts = rows.Where(r => r is not null)
            .GroupBy(r => r!.Source)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var vintage = g.Select(r => r!.Vintage).Where(v => v is not null).Max(StringComparer.Ordinal);
                return vintage is null ? g.Key : $"{g.Key}, publicatie {vintage}";
            })
            .ToList();
        return parts.Count == 0 ? "Bron: geen gegevens." : "Bron: " + string.Join("; ", parts) + ".";
    }

    // ---- tables, tiles and charts ---------------------------------------------------------------------

    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, string? caption = null)
    {
        var table = new Table { Columns = columns, Rows = rows };
        if (caption is not null)
        {
            var style = new TextStyle(8.5f, Bold: true);
            var height = table.Height(Text);
            Page.EnsureSpace(Text.Height(caption, PageWriter.Width, style) + 2 + (height <= 330f ? height : 80f));
            Page.Y += Text.DrawWrapped(Page.Canvas, caption, PageWriter.Left, Page.Y, PageWriter.Width, style) + 2;
        }
        table.Draw(Page, Text);
    }

    /// <summary>Draws a chart at the cursor (on a new page if it does not fit) and records its figures.</summary>
    public void Chart(ChartSpec spec)
    {
        var height = ChartBox.Height(Text, spec, PageWriter.Width);
        Page.EnsureSpace(height);
        ChartBox.Draw(Page.Canvas, Text, spec, PageWriter.Left, Page.Y, PageWriter.Width);
        Page.Y += height;
        Page.Space(14);
        Register(spec);
    }

    void Register(ChartSpec spec, float width = PageWriter.Width)
    {
        Charts.Add((spec, width));
        var m = spec.Model;
        foreach (var series in m.Series)
        {
            for (var i = 0; i < m.Categories.Count; i++)
            {
                if (series.Values[i] is not { } v) continue;
                var label = m.CategoryMeaning == CategoryMeaning.Other
                    ? $"{spec.Title}: {series.Name} – {m.Categories[i]}"
                    : $"{spec.Title}: {series.Name}";
                var period = m.CategoryMeaning == CategoryMeaning.Period ? m.Key(i) : spec.Period;
                var region = m.CategoryMeaning == CategoryMeaning.Region ? m.Key(i) : spec.Region;
                Figures.Add(new Figure(Section, label, period, region, v, m.Unit, m.Format(v)));
            }
        }
    }

    /// <summary>The pillars side by side in one row.</summary>
    public void PillarTiles(IReadOnlyList<PillarTileData> tiles)
    {
        const float gap = 8f;
        var width = (PageWriter.Width - gap * (tiles.Count - 1)) / Math.Max(1, tiles.Count);
        Page.EnsureSpace(PillarTile.Height);
        for (var c = 0; c < tiles.Count; c++)
            PillarTile.Draw(Page.Canvas, Text, tiles[c], PageWriter.Left + c * (width + gap), Page.Y, width);
        Page.Y += PillarTile.Height + gap;
    }

    /// <summary>Height of a table before it is drawn, to keep a heading with it.</summary>
    public float TableHeight(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows) =>
        new Table { Columns = columns, Rows = rows }.Height(Text);

    public void Tiles(IReadOnlyList<KpiTileData> tiles, int columns)
    {
        const float gap = 6f;
        var width = (PageWriter.Width - gap * (columns - 1)) / columns;
        for (var i = 0; i < tiles.Count; i += columns)
        {
            Page.EnsureSpace(KpiTile.Height);
            for (var c = 0; c < columns && i + c < tiles.Count; c++)
                KpiTile.Draw(Page.Canvas, Text, tiles[i + c], PageWriter.Left + c * (width + gap), Page.Y, width);
            Page.Y += KpiTile.Height + gap;
        }
        Page.Space(6);
    }
}
