// Writes the blocks of the document model as HTML: the site's renderer, beside the PDF's.
// Every chart comes with a text alternative and the table of its figures; every map with its table.
using System.Globalization;
using System.Text;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Document;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Maps;

namespace Monitor.Reporting.Site;

/// <summary>A chart as the page shows it: its SVG markup (inlined, so it is drawn in the site's own font) and the CSV of its figures.</summary>
public delegate (string Svg, string Csv) ChartFiles(ChartBlock chart);

public sealed class HtmlRenderer(ChartFiles chartFiles)
{
    /// <summary>A section's blocks; headings start at <paramref name="headingLevel"/> (h2 on a page of its own).</summary>
    public void Write(StringBuilder html, DocumentSection section, int headingLevel)
    {
        foreach (var block in section.Blocks) Write(html, block, headingLevel);
    }

    void Write(StringBuilder html, Block block, int level)
    {
        switch (block)
        {
            case HeadingBlock h: html.Append(CultureInfo.InvariantCulture, $"<h{level}>{Html.Text(h.Text)}</h{level}>\n"); break;
            case ParagraphBlock p:
                html.Append(p.Style is { Size: < 9f } ? "<p class=\"klein\">" : "<p>").Append(Html.Text(p.Text)).Append("</p>\n");
                break;
            case BulletsBlock b:
                html.Append("<ul>\n");
                foreach (var item in b.Items) html.Append("<li>").Append(Html.Text(item)).Append("</li>\n");
                html.Append("</ul>\n");
                break;
            case NoteBlock n: html.Append("<div class=\"noot\" role=\"note\"><p>").Append(Html.Text(n.Text)).Append("</p></div>\n"); break;
            case TableBlock t: Table(html, t); break;
            case ChartBlock c: Chart(html, c); break;
            case ChartGroupBlock g:
                if (g.Heading is not null) html.Append(CultureInfo.InvariantCulture, $"<h{level}>{Html.Text(g.Heading)}</h{level}>\n");
                if (g.Note is not null) Write(html, new NoteBlock(g.Note), level);
                if (g.Intro is not null) html.Append("<p>").Append(Html.Text(g.Intro)).Append("</p>\n");
                Chart(html, g.Chart);
                break;
            case TilesBlock t: Tiles(html, t, level); break;
            case PillarTilesBlock p: PillarTiles(html, p, level); break;
            case MapBlock m: Map(html, m); break;
            default: throw new InvalidOperationException($"the site cannot show a {block.GetType().Name}");
        }
    }

    static void Table(StringBuilder html, TableBlock t)
    {
        // A wide table scrolls inside its box; the box takes keyboard focus so it can be scrolled without a mouse.
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"tabel\" tabindex=\"0\" role=\"region\" aria-label=\"{Html.Attr(t.Caption ?? "Tabel")}\"><table>\n");
        if (t.Caption is not null) html.Append("<caption>").Append(Html.Text(t.Caption)).Append("</caption>\n");
        html.Append("<thead><tr>");
        foreach (var c in t.Columns)
            html.Append(c.Align == TextAlign.Right ? "<th scope=\"col\" class=\"getal\">" : "<th scope=\"col\">").Append(Html.Text(c.Header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            var classes = new List<string>();
            if (row.Bold) classes.Add("totaal");
            if (row.Highlight) classes.Add("markering");
            html.Append(classes.Count == 0 ? "<tr>" : $"<tr class=\"{string.Join(' ', classes)}\">");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var right = i < t.Columns.Count && t.Columns[i].Align == TextAlign.Right;
                // The first cell names the row: a row header for screen readers.
                var tag = i == 0 ? "th scope=\"row\"" : "td";
                var close = i == 0 ? "th" : "td";
                html.Append('<').Append(tag).Append(right ? " class=\"getal\">" : ">").Append(Html.Text(row.Cells[i])).Append("</").Append(close).Append('>');
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }

    void Chart(StringBuilder html, ChartBlock c)
    {
        var spec = c.Spec;
        var (svg, csv) = chartFiles(c);
        var m = spec.Model;
        html.Append("<figure class=\"grafiek\">\n");
        // The chart's own text is in the SVG; for a screen reader it is one image with a short description.
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"svg\" role=\"img\" aria-label=\"{Html.Attr(AltText(spec))}\">").Append(svg).Append("</div>\n");
        // The title, subtitle and source are drawn in the chart itself; the caption repeats them for screen readers.
        html.Append("<figcaption class=\"visueel-verborgen\"><span class=\"titel\">").Append(Html.Text(spec.Title)).Append("</span> ")
            .Append(Html.Text(spec.Subtitle)).Append("<br><span class=\"bron\">")
            .Append(Html.Text(spec.Note is { Length: > 0 } note ? spec.Source + " " + note : spec.Source)).Append("</span></figcaption>\n");
        html.Append(CultureInfo.InvariantCulture, $"<details><summary>Cijfers bij deze grafiek</summary>\n<div class=\"tabel\" tabindex=\"0\" role=\"region\" aria-label=\"{Html.Attr("Cijfers: " + spec.Title)}\"><table>\n");
        html.Append("<caption>").Append(Html.Text(spec.Title)).Append("</caption>\n<thead><tr><th scope=\"col\">")
            .Append(m.CategoryMeaning switch { CategoryMeaning.Period => "Periode", CategoryMeaning.Region => "Gebied", _ => "Categorie" })
            .Append("</th>");
        foreach (var s in m.Series) html.Append("<th scope=\"col\" class=\"getal\">").Append(Html.Text(s.Name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < m.Categories.Count; i++)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Text(m.Categories[i])).Append("</th>");
            foreach (var s in m.Series)
                html.Append("<td class=\"getal\">").Append(s.Values[i] is { } v ? Html.Text(m.Format(v)) : "–").Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
        foreach (var r in m.References)
            html.Append("<p class=\"klein\">Referentielijn: ").Append(Html.Text(r.Label)).Append(" (").Append(Html.Text(m.Format(r.Value))).Append(").</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"klein\"><a href=\"{Html.Attr(csv)}\" download>Download deze cijfers (CSV)</a></p>\n");
        html.Append("</details>\n</figure>\n");
    }

    /// <summary>What the chart shows in one sentence, for a reader who cannot see it; the table gives every value.</summary>
    static string AltText(ChartSpec spec)
    {
        var m = spec.Model;
        var kind = m.Kind switch { ChartKind.Line => "Lijngrafiek", ChartKind.HorizontalBars => "Staafdiagram (liggend)", _ => "Staafdiagram" };
        var series = m.Series.Count == 1 ? "" : $", {m.Series.Count} reeksen: {string.Join(", ", m.Series.Select(s => s.Name))}";
        var range = m.Categories.Count == 0 ? "" : $", van {m.Categories[0]} tot {m.Categories[^1]}";
        return $"{kind}: {spec.Title}{range}{series}. De cijfers staan in de tabel onder de grafiek.";
    }

    static void Tiles(StringBuilder html, TilesBlock t, int level)
    {
        html.Append("<ul class=\"tegels\">\n");
        foreach (var tile in t.Tiles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"tegel status-{StatusClass(tile.Status)}\">\n");
            html.Append(CultureInfo.InvariantCulture, $"<h{level + 1} class=\"tegel-label\">{Html.Text(tile.Label)}</h{level + 1}>\n");
            if (tile.Period.Length > 0) html.Append("<p class=\"periode\">").Append(Html.Text(tile.Period)).Append("</p>\n");
            html.Append("<p class=\"waarde\">").Append(Html.Text(tile.Value)).Append("</p>\n");
            html.Append("<p class=\"verandering\">").Append(Html.Text(tile.Change)).Append("</p>\n");
            html.Append("<p class=\"doel\">").Append(Html.Text(tile.Target)).Append("</p>\n");
            html.Append("<p class=\"status\"><span class=\"badge\">").Append(Html.Text(tile.Status.Word())).Append("</span>");
            if (tile.Footnote.Length > 0) html.Append(" <span class=\"bron\">").Append(Html.Text(tile.Footnote)).Append("</span>");
            html.Append("</p>\n</li>\n");
        }
        html.Append("</ul>\n");
    }

    static void PillarTiles(StringBuilder html, PillarTilesBlock p, int level)
    {
        html.Append("<ul class=\"tegels pijlers\">\n");
        foreach (var tile in p.Tiles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"tegel pijler status-{StatusClass(tile.Status)}\">\n")
                .Append(CultureInfo.InvariantCulture, $"<h{level + 1} class=\"tegel-label\">{Html.Text(tile.Label)}</h{level + 1}>\n")
                .Append("<p class=\"waarde\">").Append(Html.Text(tile.Value)).Append("</p>\n")
                .Append("<p class=\"verandering\">").Append(Html.Text(tile.Detail)).Append("</p>\n")
                .Append("<p class=\"doel\">").Append(Html.Text(tile.Headline)).Append("</p>\n")
                .Append("<p class=\"status\"><span class=\"badge\">").Append(Html.Text(tile.Status.Word())).Append("</span></p>\n</li>\n");
        }
        html.Append("</ul>\n");
    }

    static void Map(StringBuilder html, MapBlock m)
    {
        if (m.Maps.Count == 0) { Table(html, m.Table); return; }
        html.Append("<figure class=\"kaartblok\">\n<figcaption class=\"titel\">").Append(Html.Text(m.Caption)).Append("</figcaption>\n");
        html.Append("<div class=\"kaarten\">\n");
        foreach (var map in m.Maps)
        {
            html.Append("<div class=\"kaart\">\n<p class=\"kaarttitel\" aria-hidden=\"true\">").Append(Html.Text(map.Title)).Append("</p>\n")
                .Append(SvgMapWriter.Write(map));
            if (map.Missing.Count > 0)
                html.Append("<p class=\"klein\">Zonder gegevens: ")
                    .Append(Html.Text(string.Join(", ", map.Missing.Select(c => map.Regions[c])))).Append(".</p>\n");
            html.Append("</div>\n");
        }
        html.Append("</div>\n");
        Table(html, m.Table);
        html.Append("</figure>\n");
    }

    public static string StatusClass(Status status) => status switch
    {
        Status.OnTrack => "op-koers",
        Status.Behind => "achter",
        Status.Incomplete => "onvolledig",
        _ => "geen-doel",
    };
}

/// <summary>Escaping for HTML text and attribute values; letters such as ë and â stay as they are.</summary>
public static class Html
{
    public static string Text(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    public static string Attr(string s) => Text(s).Replace("\"", "&quot;");
    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
