// What every section needs while it writes: the data, the selected region, and the building blocks
// (heading, paragraph, note, table, chart, tiles, map), which it records as the report's document model;
// each also records the figures it prints. Pages are the PDF renderer's business, not the sections'.
using Monitor.Domain;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Document;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Maps;

namespace Monitor.Reporting;

public sealed class ReportContext
{
    public required MartData Data { get; init; }
    public required RegionCatalog Regions { get; init; }
    /// <summary>NULL for the national edition.</summary>
    public required ReportRegion? Selected { get; init; }
    public required ReportOptions Options { get; init; }
    /// <summary>The reporting year, e.g. "2023".</summary>
    public required string Period { get; init; }

    public FigureLog Figures { get; } = new();
    /// <summary>Every mart value the report printed, once per key, in print order: what meta.edition_values records.</summary>
    public IReadOnlyList<IndicatorValue> Printed => printed;
    /// <summary>The charts in print order with the width they were drawn at, for the PNG and SVG export.</summary>
    public List<(ChartSpec Spec, float Width)> Charts { get; } = [];
    public string Section { get; private set; } = "";
    /// <summary>How many figures with status 'onvolledig' this section has printed so far: a note about them is due only then.</summary>
    public int IncompleteShown { get; private set; }

    readonly List<DocumentSection> sections = [];
    readonly List<IndicatorValue> printed = [];
    readonly HashSet<(string, string, Period, string, string?)> printedKeys = [];
    // Measures text for the few layout hints a section gives (a table's height to keep its heading with it).
    readonly Lazy<TextPainter> measure = new(() => new TextPainter());
    List<Block> blocks = [];

    /// <summary>The sections written so far, each with its blocks, in reading order.</summary>
    public IReadOnlyList<DocumentSection> Document => sections;

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
    public void ChartBlock(string? heading, ChartSpec chart, string? intro = null, string? note = null) =>
        blocks.Add(new ChartGroupBlock(heading, note, intro, AddChart(chart)));

    // ---- text blocks -----------------------------------------------------------------------------

    /// <summary>Starts a section: a new page in the PDF, a page of its own on the site, an entry in the contents.</summary>
    public void Section1(string title)
    {
        Section = title;
        IncompleteShown = 0;
        blocks = [];
        sections.Add(new DocumentSection(title, blocks));
    }

    /// <summary>A sub-heading that is never left alone at the bottom of a page.</summary>
    public void Heading(string title, float keepWithNext = 120f) => blocks.Add(new HeadingBlock(title, keepWithNext));

    /// <summary>A paragraph that wraps and, if needed, continues on the next page.</summary>
    /// <param name="keepWithNext">Height of what follows that must stay on the same page (a chart it introduces).</param>
    public void Paragraph(string text, TextStyle? style = null, float keepWithNext = 0) =>
        blocks.Add(new ParagraphBlock(text, style, keepWithNext));

    public void Bullets(IEnumerable<string> items, TextStyle? style = null) =>
        blocks.Add(new BulletsBlock(items.ToList(), style));

    /// <summary>A list printed at the first of <paramref name="sizes"/> at which it fits on the rest of the PDF page.</summary>
    public void BulletsFitted(IEnumerable<string> items, IReadOnlyList<TextStyle> sizes) =>
        blocks.Add(new BulletsBlock(items.ToList(), sizes[^1], sizes));

    /// <summary>A shaded box for caveats and missing data, so it cannot be mistaken for a finding.</summary>
    public void Note(string text) => blocks.Add(new NoteBlock(text));

    // ---- figures -----------------------------------------------------------------------------------

    /// <summary>Formats a mart value for print and records it; "–" when there is none.</summary>
    public string Show(IndicatorValue? v, string label, int? decimals = null)
    {
        if (v?.Value is not { } value) return "–";
        if (v.Status == "incomplete") IncompleteShown++;
        var text = ValueFormat.Format(value, v.Unit, decimals ?? Decimals(v));
        Figures.Add(new Figure(Section, label, v.Period.ToString(), v.Region, value, v.Unit, text));
        if (printedKeys.Add((v.Indicator, v.Domain, v.Period, v.Region, v.Category))) printed.Add(v);
        return text;
    }

    /// <summary>Records a figure computed for print (a difference, a path point) of a period and returns its text.</summary>
    public string Show(double value, string unit, string label, Period period, string region, int decimals = 0, bool signed = false) =>
        Show(value, unit, label, period.ToString(), region, decimals, signed);

    /// <summary>Records a figure computed for print (a difference, a path point) and returns its text.</summary>
    /// <param name="period">What the figure is of, as the figures CSV names it: a period in the warehouse's notation or a date.</param>
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
                var vintage = g.Max(r => r!.Vintage);
                return vintage is { } date ? $"{g.Key}, publicatie {DutchFormat.Iso(date)}" : g.Key;
            })
            .ToList();
        return parts.Count == 0 ? "Bron: geen gegevens." : "Bron: " + string.Join("; ", parts) + ".";
    }

    // ---- tables, tiles, charts and maps ---------------------------------------------------------------

    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, string? caption = null) =>
        blocks.Add(new TableBlock(columns, rows, caption));

    /// <summary>A chart at the cursor (on a new page if it does not fit); its figures are recorded.</summary>
    public void Chart(ChartSpec spec) => blocks.Add(AddChart(spec));

    ChartBlock AddChart(ChartSpec spec)
    {
        Register(spec);
        return new ChartBlock(spec, Charts.Count);
    }

    void Register(ChartSpec spec, float width = PageWriter.Width)
    {
        Charts.Add((spec, width));
        foreach (var figure in ChartFigures(spec, Section)) Figures.Add(figure);
    }

    /// <summary>Every point a chart shows, as a printed figure: the chart's rows of the figures CSV.</summary>
    public static IEnumerable<Figure> ChartFigures(ChartSpec spec, string section)
    {
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
                yield return new Figure(section, label, period, region, v, m.Unit, m.Format(v));
            }
        }
    }

    public void Tiles(IReadOnlyList<KpiTileData> tiles, int columns) => blocks.Add(new TilesBlock(tiles, columns));

    /// <summary>The pillars side by side in one row.</summary>
    public void PillarTiles(IReadOnlyList<PillarTileData> tiles) => blocks.Add(new PillarTilesBlock(tiles));

    /// <summary>Height a table will take in the PDF, to keep a heading with it.</summary>
    public float TableHeight(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows) =>
        new Table { Columns = columns, Rows = rows }.Height(measure.Value);

    /// <summary>Choropleths and the table of their figures; the figures are recorded once, by the table's cells.</summary>
    public void Maps(IReadOnlyList<ChoroplethMap> maps, string caption, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, string tableCaption) =>
        blocks.Add(new MapBlock(maps, caption, new TableBlock(columns, rows, tableCaption)));
}
