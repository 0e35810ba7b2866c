// A table that wraps its cells and continues on the next page with its header repeated.
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public sealed record TableColumn(string Header, float Weight, TextAlign Align = TextAlign.Left);

/// <param name="StatusColumn">A cell that holds a status word, printed bold in the status colour.</param>
public sealed record TableRow(IReadOnlyList<string> Cells, bool Bold = false, bool Highlight = false, int? StatusColumn = null, Status? Status = null);

public sealed class Table
{
    const float Pad = 3f;

    public required IReadOnlyList<TableColumn> Columns { get; init; }
    public required IReadOnlyList<TableRow> Rows { get; init; }
    public TextStyle Style { get; init; } = new(7.8f);

    /// <summary>Tables up to this height are kept on one page; longer ones break between rows.</summary>
    const float KeepTogetherUpTo = 330f;

    public float Height(TextPainter text)
    {
        var widths = ColumnWidths(text);
        return RowHeight(Columns.Select(c => c.Header).ToList(), widths, text, Style.AsBold())
               + Rows.Sum(r => RowHeight(r.Cells, widths, text, r.Bold ? Style.AsBold() : Style));
    }

    public void Draw(PageWriter page, TextPainter text)
    {
        var widths = ColumnWidths(text);
        var header = Columns.Select(c => c.Header).ToList();
        var headerStyle = Style.AsBold();
        var headerHeight = RowHeight(header, widths, text, headerStyle);
        var heights = Rows.Select(r => RowHeight(r.Cells, widths, text, r.Bold ? Style.AsBold() : Style)).ToList();

        var total = headerHeight + heights.Sum();
        // Keep a short table whole, and a long one's header with at least three rows.
        page.EnsureSpace(total <= KeepTogetherUpTo ? total : headerHeight + heights.Take(3).Sum());
        DrawRow(page, text, header, widths, headerStyle, headerHeight, Palette.HeaderShade, isHeader: true);

        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var style = row.Bold ? Style.AsBold() : Style;
            // Never carry fewer than three rows (a region and the total, say) over to a new page under a repeated header:
            // the last three rows move together.
            var need = i >= Rows.Count - 3 ? heights.Skip(i).Sum() : heights[i];
            if (page.Y + need > PageWriter.Bottom && i > 0)
            {
                page.NewPage();
                DrawRow(page, text, header, widths, headerStyle, headerHeight, Palette.HeaderShade, isHeader: true);
            }
            SKColor? fill = row.Highlight ? Palette.Highlight : i % 2 == 1 ? Palette.Shade : null;
            DrawRow(page, text, row.Cells, widths, style, heights[i], fill, isHeader: false, row);
        }
        page.Space(8);
    }

    /// <summary>
    /// Every column gets at least the width of its longest word, so words are not split; the rest of the
    /// line is shared out by weight. Only when even that does not fit do the weights alone decide.
    /// </summary>
    float[] ColumnWidths(TextPainter text)
    {
        var weights = Columns.Sum(c => c.Weight);
        var minimum = new float[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            var longest = LongestWord(text, Columns[c].Header, Style.AsBold());
            foreach (var row in Rows)
                longest = Math.Max(longest, LongestWord(text, Cell(row.Cells, c), row.Bold ? Style.AsBold() : Style));
            minimum[c] = longest + 2 * Pad + 0.5f;
        }
        var spare = PageWriter.Width - minimum.Sum();
        if (spare < 0)
            return Columns.Select(c => PageWriter.Width * c.Weight / weights).ToArray();
        return Columns.Select((c, i) => minimum[i] + spare * c.Weight / weights).ToArray();
    }

    static float LongestWord(TextPainter text, string cell, TextStyle style) =>
        cell.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => text.Measure(w, style)).DefaultIfEmpty(0).Max();

    float RowHeight(IReadOnlyList<string> cells, float[] widths, TextPainter text, TextStyle style)
    {
        var lines = 1;
        for (var c = 0; c < Columns.Count; c++)
            lines = Math.Max(lines, text.Wrap(Cell(cells, c), widths[c] - 2 * Pad, style).Count);
        return lines * text.LineHeight(style) + 2 * Pad;
    }

    void DrawRow(PageWriter page, TextPainter text, IReadOnlyList<string> cells, float[] widths, TextStyle style,
        float height, SKColor? fill, bool isHeader, TableRow? row = null)
    {
        var canvas = page.Canvas;
        var y = page.Y;
        if (fill is { } f)
            canvas.DrawRect(PageWriter.Left, y, PageWriter.Width, height, text.Paint(f));
        var x = PageWriter.Left;
        for (var c = 0; c < Columns.Count; c++)
        {
            var cellStyle = row is { StatusColumn: { } sc, Status: { } status } && sc == c ? style.AsBold().WithColor(status.Colour()) : style;
            text.DrawWrapped(canvas, Cell(cells, c), x + Pad, y + Pad, widths[c] - 2 * Pad, cellStyle, Columns[c].Align);
            x += widths[c];
        }
        using var rule = new SKPaint { Color = isHeader ? Palette.Accent : Palette.Rule, StrokeWidth = isHeader ? 0.8f : 0.3f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(PageWriter.Left, y + height, PageWriter.Right, y + height, rule);
        page.Y = y + height;
    }

    static string Cell(IReadOnlyList<string> cells, int c) => c < cells.Count ? cells[c] : "";
}
