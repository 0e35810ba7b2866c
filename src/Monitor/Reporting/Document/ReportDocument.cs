// The report as a document model: what the sections say and show, block by block, with no page or
// pixel in it. The PDF and the site are two renderers of the same model, so both print the same
// words and the same figures by construction.
using Monitor.Reporting.Charts;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Maps;

namespace Monitor.Reporting.Document;

public abstract record Block;

/// <summary>A sub-heading; <paramref name="KeepWithNext"/> is how much of what follows the PDF keeps on its page.</summary>
public sealed record HeadingBlock(string Text, float KeepWithNext) : Block;

/// <summary>Body text; a smaller <paramref name="Style"/> marks an introduction or a caption-like paragraph.</summary>
public sealed record ParagraphBlock(string Text, TextStyle? Style, float KeepWithNext) : Block;

/// <summary>
/// A list. With <paramref name="FitStyles"/> the PDF takes the first size at which the list fits on the rest of
/// the page (the summary stays one page); the site shows it at the normal size.
/// </summary>
public sealed record BulletsBlock(IReadOnlyList<string> Items, TextStyle? Style, IReadOnlyList<TextStyle>? FitStyles = null) : Block;

/// <summary>A caveat or a statement about missing data, set apart so it cannot be mistaken for a finding.</summary>
public sealed record NoteBlock(string Text) : Block;

public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, string? Caption) : Block;

/// <summary>A chart; <paramref name="Number"/> is its place among the report's charts (the fig01… files).</summary>
public sealed record ChartBlock(ChartSpec Spec, int Number) : Block;

/// <summary>A heading, note and introduction that lead to a chart and stay on its page.</summary>
public sealed record ChartGroupBlock(string? Heading, string? Note, string? Intro, ChartBlock Chart) : Block;

public sealed record TilesBlock(IReadOnlyList<KpiTileData> Tiles, int Columns) : Block;

/// <summary>One tile per pillar in a row: how many of its KPIs are on course.</summary>
public sealed record PillarTilesBlock(IReadOnlyList<PillarTileData> Tiles) : Block;

/// <summary>One or more choropleths of one level with the table of the same figures, which every map carries.</summary>
public sealed record MapBlock(IReadOnlyList<ChoroplethMap> Maps, string Caption, TableBlock Table) : Block;

public sealed record DocumentSection(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The section's anchor and file stem: "Pijler 1: instroom in onderwijs" → "pijler-1-instroom-in-onderwijs".</summary>
    public string Slug => DocumentText.Slug(Title);
}

public static class DocumentText
{
    public static string Slug(string title)
    {
        var chars = title.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = new string(chars.ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Trim('-');
    }
}
