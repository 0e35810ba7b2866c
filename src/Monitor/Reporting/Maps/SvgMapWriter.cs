// A choropleth as a self-contained SVG for the site: one path per region with its figure as a tooltip
// and data attributes, a legend, a hatched fill for regions without data, and the boundary attribution.
using System.Globalization;
using System.Text;
using static Monitor.Reporting.Maps.MapAttribution;

namespace Monitor.Reporting.Maps;

public static class SvgMapWriter
{
    const double MapWidth = 330, LegendLeft = 345, Width = 560, Swatch = 14, LegendLine = 20;

    /// <summary>
    /// The drawn outlines of one map level: the path data of every shape, of the borders and of the coast. They depend
    /// on the level (and, for Techniekpact regions, on which provinces form a region) only, never on the figures, so
    /// they are worked out once per process and shared by every map of that level (the site draws hundreds).
    /// </summary>
    sealed record Outlines(MapGeometry Geometry, double MapHeight, IReadOnlyList<string> Shapes, string Borders, string Coast);

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Outlines>> OutlinesByLevel = new(StringComparer.Ordinal);

    static Outlines OutlinesOf(ChoroplethMap map)
    {
        var key = map.Level + "|" + (map.ProvinceToRegion is null ? "" :
            string.Join(",", map.ProvinceToRegion.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value)));
        return OutlinesByLevel.GetOrAdd(key, _ => new Lazy<Outlines>(() =>
        {
            var geometry = MapGeometry.For(map.Level, map.ProvinceToRegion);
            var mapHeight = Math.Round(MapWidth * geometry.Aspect);
            var project = geometry.Projection(4, 4, MapWidth - 8, mapHeight - 8);
            string Path(IEnumerable<IReadOnlyList<MapPoint>> rings, bool close)
            {
                var d = new StringBuilder();
                foreach (var ring in rings) AppendRing(d, ring, project, close);
                return d.ToString();
            }
            return new Outlines(geometry, mapHeight, geometry.Shapes.Select(s => Path(s.Rings, close: true)).ToList(),
                Path(geometry.Borders, close: false), Path(geometry.Outline, close: false));
        })).Value;
    }

    public static string Write(ChoroplethMap map)
    {
        var outlines = OutlinesOf(map);
        var geometry = outlines.Geometry;
        var mapHeight = outlines.MapHeight;
        var height = mapHeight + 28;
        var id = Attr(map.Id);
        var hatch = $"{id}-geen";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Coordinate(height)}\" ")
           .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-labelledby=\"{id}-titel {id}-omschrijving\" class=\"kaart\" id=\"{id}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titel\">{Text(map.Title)}</title>\n");
        var missing = map.Missing;
        var description = $"Kaart met {map.Regions.Count} gebieden, gekleurd in {map.Classification.Classes.Count} klassen. " +
            (missing.Count == 0 ? "Alle gebieden hebben een waarde." : $"Zonder gegevens: {string.Join(", ", missing.Select(c => map.Regions[c]))}.") +
            " De tabel bij de kaart geeft dezelfde cijfers.";
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-omschrijving\">{Text(description)}</desc>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><pattern id=\"{hatch}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
           .Append(CultureInfo.InvariantCulture, $"<rect width=\"6\" height=\"6\" fill=\"{ChoroplethMap.NoDataFill}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8c8c8c\" stroke-width=\"1.5\"/></pattern></defs>\n");

        svg.Append("<g class=\"gebieden\">\n");
        for (var i = 0; i < geometry.Shapes.Count; i++)
        {
            var shape = geometry.Shapes[i];
            var has = map.Values.ContainsKey(shape.Region);
            var fill = has ? map.FillOf(shape.Region) : $"url(#{hatch})";
            // Same-coloured stroke closes the hairline gaps anti-aliasing leaves between neighbours.
            var stroke = has ? map.FillOf(shape.Region) : ChoroplethMap.NoDataFill;
            svg.Append(CultureInfo.InvariantCulture, $"<path id=\"{id}-{Attr(shape.Area)}\" data-regio=\"{Attr(shape.Region)}\"")
               .Append(has ? $" data-waarde=\"{Coordinate(map.Values[shape.Region].Value)}\"" : " data-geen-gegevens=\"true\"")
               .Append(CultureInfo.InvariantCulture, $" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"0.6\" fill-rule=\"evenodd\" d=\"");
            svg.Append(outlines.Shapes[i]);
            svg.Append(CultureInfo.InvariantCulture, $"\"><title>{Text(map.Describe(shape.Region))}</title></path>\n");
        }
        svg.Append("</g>\n<path class=\"grenzen\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"0.9\" stroke-linejoin=\"round\" d=\"");
        svg.Append(outlines.Borders);
        // The coast in grey, so that the lightest class still stands apart from the page.
        svg.Append("\"/>\n<path class=\"kust\" fill=\"none\" stroke=\"#8c8c8c\" stroke-width=\"0.6\" stroke-linejoin=\"round\" d=\"");
        svg.Append(outlines.Coast);
        svg.Append("\"/>\n");
        if (map.Highlight is { } highlighted)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"markering\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2.4\" stroke-linejoin=\"round\" d=\"");
            for (var i = 0; i < geometry.Shapes.Count; i++)
                if (geometry.Shapes[i].Region == highlighted) svg.Append(outlines.Shapes[i]);
            svg.Append("\"/>\n");
        }

        var y = 12.0;
        svg.Append("<g class=\"legenda\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\" fill=\"#1a1a1a\">\n");
        foreach (var c in map.Classification.Classes)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LegendLeft}\" y=\"{Coordinate(y)}\" width=\"{Swatch}\" height=\"{Swatch}\" fill=\"{c.Fill}\" stroke=\"#555555\" stroke-width=\"0.5\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{LegendLeft + Swatch + 6}\" y=\"{Coordinate(y + 11)}\">{Text(c.Label)}</text>\n");
            y += LegendLine;
        }
        if (missing.Count > 0)
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LegendLeft}\" y=\"{Coordinate(y)}\" width=\"{Swatch}\" height=\"{Swatch}\" fill=\"url(#{hatch})\" stroke=\"#555555\" stroke-width=\"0.5\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{LegendLeft + Swatch + 6}\" y=\"{Coordinate(y + 11)}\">{ChoroplethMap.NoDataLabel} ({missing.Count})</text>\n");
        svg.Append("</g>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Coordinate(height - 8)}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"9\" fill=\"#555555\">{Text(MapAttribution.Text)}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    static void AppendRing(StringBuilder svg, IReadOnlyList<MapPoint> ring, Func<MapPoint, (double X, double Y)> project, bool close)
    {
        (double X, double Y)? last = null;
        for (var i = 0; i < ring.Count; i++)
        {
            var (x, y) = project(ring[i]);
            x = Math.Round(x, 1);
            y = Math.Round(y, 1);
            if (last is { } l && l.X == x && l.Y == y) continue;  // points closer than the drawing grid
            svg.Append(last is null ? 'M' : 'L').Append(Coordinate(x)).Append(',').Append(Coordinate(y));
            last = (x, y);
        }
        if (close) svg.Append('Z');
    }

    // Only the characters XML needs escaped: Dutch letters such as â in Fryslân stay readable in the file.
    static string Text(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    static string Attr(string s) => Text(s).Replace("\"", "&quot;");
}
