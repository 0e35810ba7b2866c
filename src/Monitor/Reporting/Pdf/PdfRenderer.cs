// Lays the document model out on A4 pages: a section starts a page, blocks flow down it, headings and
// introductions stay with what they lead to, and a block that does not fit moves to the next page.
using Monitor.Reporting.Charts;
using Monitor.Reporting.Document;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Maps;
using SkiaSharp;

namespace Monitor.Reporting.Pdf;

public sealed class PdfRenderer(PageWriter page, TextPainter text)
{
    public PageWriter Page { get; } = page;
    public TextPainter Text { get; } = text;

    static readonly TextStyle H1 = new(17f, Bold: true, Color: Palette.Accent);
    static readonly TextStyle H2 = new(11.5f, Bold: true, Color: Palette.Accent);
    static readonly TextStyle NoteStyle = new(8.2f);
    const float NotePad = 6f;

    public void Write(DocumentSection section)
    {
        Page.NewPage();
        Page.Mark(section.Title);
        Page.Y += Text.DrawWrapped(Page.Canvas, section.Title, PageWriter.Left, Page.Y, PageWriter.Width, H1);
        using var rule = new SKPaint { Color = Palette.Accent, StrokeWidth = 1.2f, Style = SKPaintStyle.Stroke };
        Page.Canvas.DrawLine(PageWriter.Left, Page.Y + 3, PageWriter.Left + 60, Page.Y + 3, rule);
        Page.Space(14);
        foreach (var block in section.Blocks) Write(block);
    }

    void Write(Block block)
    {
        switch (block)
        {
            case HeadingBlock h: Heading(h.Text, h.KeepWithNext); break;
            case ParagraphBlock p: Paragraph(p.Text, p.Style, p.KeepWithNext); break;
            case BulletsBlock b: Bullets(b.Items, FittedStyle(b)); break;
            case NoteBlock n: Note(n.Text); break;
            case TableBlock t: Table(t); break;
            case ChartBlock c: Chart(c.Spec); break;
            case ChartGroupBlock g: ChartGroup(g); break;
            case TilesBlock t: Tiles(t.Tiles, t.Columns); break;
            case PillarTilesBlock p: PillarTiles(p.Tiles); break;
            case MapBlock m: Map(m); break;
            default: throw new InvalidOperationException($"the PDF cannot draw a {block.GetType().Name}");
        }
    }

    void ChartGroup(ChartGroupBlock g)
    {
        var chartHeight = HeightOf(g.Chart.Spec);
        var introHeight = g.Intro is null ? 0 : HeightOf(g.Intro);
        var noteHeight = g.Note is null ? 0 : NoteHeight(g.Note);
        if (g.Heading is not null) Heading(g.Heading, keepWithNext: noteHeight + introHeight + chartHeight);
        if (g.Note is not null)
        {
            Page.EnsureSpace(noteHeight + introHeight + chartHeight);
            Note(g.Note);
        }
        if (g.Intro is not null) Paragraph(g.Intro, null, keepWithNext: chartHeight);
        Chart(g.Chart.Spec);
    }

    void Heading(string title, float keepWithNext)
    {
        var height = Text.Height(title, PageWriter.Width, H2) + 4f;
        if (Page.Y > PageWriter.Top + 1) Page.Space(6);
        Page.EnsureSpace(height + keepWithNext);
        Page.Y += Text.DrawWrapped(Page.Canvas, title, PageWriter.Left, Page.Y, PageWriter.Width, H2) + 4f;
    }

    void Paragraph(string text, TextStyle? style, float keepWithNext)
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

    float BulletsHeight(IEnumerable<string> items, TextStyle style) =>
        items.Sum(i => Text.Wrap(i, PageWriter.Width - 12f, style).Count * Text.LineHeight(style) + 2.5f) + 4f;

    TextStyle FittedStyle(BulletsBlock b) => b.FitStyles is { } sizes
        ? sizes.FirstOrDefault(st => BulletsHeight(b.Items, st) <= Page.Remaining, sizes[^1])
        : b.Style ?? TextStyle.Body;

    void Bullets(IEnumerable<string> items, TextStyle s)
    {
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

    float HeightOf(string paragraph) => Text.Height(paragraph, PageWriter.Width, TextStyle.Body) + 5;

    float HeightOf(ChartSpec chart) => ChartBox.Height(Text, chart, PageWriter.Width) + 14;

    float NoteHeight(string text) => Text.Wrap(text, PageWriter.Width - 2 * NotePad - 3, NoteStyle).Count * Text.LineHeight(NoteStyle) + 2 * NotePad + 8;

    void Note(string text)
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

    static readonly TextStyle CaptionStyle = new(8.5f, Bold: true);

    void Table(TableBlock block)
    {
        var table = new Table { Columns = block.Columns, Rows = block.Rows };
        if (block.Caption is { } caption)
        {
            var height = table.Height(Text);
            Page.EnsureSpace(Text.Height(caption, PageWriter.Width, CaptionStyle) + 2 + (height <= 330f ? height : 80f));
            Page.Y += Text.DrawWrapped(Page.Canvas, caption, PageWriter.Left, Page.Y, PageWriter.Width, CaptionStyle) + 2;
        }
        table.Draw(Page, Text);
    }

    void Chart(ChartSpec spec)
    {
        var height = ChartBox.Height(Text, spec, PageWriter.Width);
        Page.EnsureSpace(height);
        ChartBox.Draw(Page.Canvas, Text, spec, PageWriter.Left, Page.Y, PageWriter.Width);
        Page.Y += height;
        Page.Space(14);
    }

    void PillarTiles(IReadOnlyList<PillarTileData> tiles)
    {
        const float gap = 8f;
        var width = (PageWriter.Width - gap * (tiles.Count - 1)) / Math.Max(1, tiles.Count);
        Page.EnsureSpace(PillarTile.Height);
        for (var c = 0; c < tiles.Count; c++)
            PillarTile.Draw(Page.Canvas, Text, tiles[c], PageWriter.Left + c * (width + gap), Page.Y, width);
        Page.Y += PillarTile.Height + gap;
    }

    void Tiles(IReadOnlyList<KpiTileData> tiles, int columns)
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

    /// <summary>The maps side by side (two to a row), each with its legend, then the table of the same figures.</summary>
    void Map(MapBlock block)
    {
        // No region of the level has figures: the table alone says so.
        if (block.Maps.Count == 0) { Table(block.Table); return; }
        const float gap = 10f;
        var perRow = block.Maps.Count == 1 ? 1 : 2;
        var width = (PageWriter.Width - gap * (perRow - 1)) / perRow;
        var height = perRow == 1 ? 300f : 215f;
        var titleStyle = new TextStyle(8f, Bold: true);
        var titleHeight = block.Maps.Max(m => Text.Height(m.Title, width, titleStyle)) + 2;
        var captionHeight = Text.Height(block.Caption, PageWriter.Width, CaptionStyle) + 2;
        Page.EnsureSpace(captionHeight + titleHeight + height + 10);
        Page.Y += Text.DrawWrapped(Page.Canvas, block.Caption, PageWriter.Left, Page.Y, PageWriter.Width, CaptionStyle) + 4;
        for (var i = 0; i < block.Maps.Count; i += perRow)
        {
            Page.EnsureSpace(titleHeight + height + 6);
            for (var c = 0; c < perRow && i + c < block.Maps.Count; c++)
            {
                var map = block.Maps[i + c];
                var x = PageWriter.Left + c * (width + gap);
                Text.DrawWrapped(Page.Canvas, map.Title, x, Page.Y, width, titleStyle);
                MapPainter.Draw(Page.Canvas, Text, map, x, Page.Y + titleHeight, width, height);
            }
            Page.Y += titleHeight + height + 6;
        }
        Page.Space(6);
        Table(block.Table);
    }
}
