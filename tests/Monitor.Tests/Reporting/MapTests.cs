using System.Text.RegularExpressions;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Maps;
using SkiaSharp;

namespace Monitor.Tests.Reporting;

public class MapTests
{
    static readonly Dictionary<string, string> ProvinceToTp = new()
    {
        ["PV20"] = "TP1", ["PV21"] = "TP1", ["PV22"] = "TP1", ["PV23"] = "TP2", ["PV25"] = "TP2",
        ["PV24"] = "TP3", ["PV26"] = "TP3", ["PV27"] = "TP3", ["PV28"] = "TP4",
        ["PV29"] = "TP5", ["PV30"] = "TP5", ["PV31"] = "TP5",
    };

    static Dictionary<string, string> Provinces() =>
        Topology.Provinces.Areas.ToDictionary(a => a.Code, a => a.Name);

    static readonly MapClassification TwoClasses =
        MapClassification.FromBreaks([100], ["minder dan 100", "100 of meer"], ["#eff3ff", "#08519c"]);

    [Test]
    public void Decodes_the_delta_encoded_arcs_into_rd_metres()
    {
        // First arc of provincie_2024.topojson: [256354,233396], then [-1403,748]; translate (13565, 306960), scale 1.
        var arc = Topology.Provinces.Arcs[0];
        Assert.That(arc[0], Is.EqualTo(new MapPoint(269919, 540356)));
        Assert.That(arc[1], Is.EqualTo(new MapPoint(268516, 541104)));
        Assert.That(Topology.Provinces.Bounds, Is.EqualTo((13565d, 306960d, 277529d, 619172d)));
    }

    [Test]
    public void Holds_every_province_and_labour_market_region_of_the_contract()
    {
        Assert.That(Topology.Provinces.Areas.Select(a => a.Code),
            Is.EquivalentTo(Enumerable.Range(20, 12).Select(i => $"PV{i}")));
        var am = new[] { 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 32, 33, 34, 35, 36, 37, 38 };
        Assert.That(Topology.LabourMarketRegions.Areas.Select(a => a.Code), Is.EquivalentTo(am.Select(i => $"AM{i:00}")));
        Assert.That(Topology.Provinces.Area("PV21")!.Name, Is.EqualTo("Fryslân"));
    }

    [Test]
    public void Rings_are_closed()
    {
        foreach (var area in Topology.LabourMarketRegions.Areas)
            foreach (var ring in area.Polygons.SelectMany(p => p))
            {
                var points = Topology.LabourMarketRegions.Ring(ring);
                Assert.That(points[^1], Is.EqualTo(points[0]), area.Code);
            }
    }

    [Test]
    public void A_value_falls_in_the_class_whose_lower_break_it_reaches()
    {
        var typering = MapClassification.FromBreaks([0.25, 0.67, 1.5, 4],
            ["zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap"], MapClassification.Tension);
        Assert.That(typering.For(0.1).Label, Is.EqualTo("zeer ruim"));
        Assert.That(typering.For(0.25).Label, Is.EqualTo("ruim"));
        Assert.That(typering.For(3.99).Label, Is.EqualTo("krap"));
        Assert.That(typering.For(4).Label, Is.EqualTo("zeer krap"));
    }

    [Test]
    public void Quantile_classes_hold_equally_many_regions_with_round_breaks()
    {
        // Ten values 1..10 in five classes: breaks at the 3rd, 5th, 7th and 9th smallest value.
        var c = MapClassification.Quantiles(Enumerable.Range(1, 10).Select(i => (double)i), 5, v => v.ToString("0"));
        Assert.That(c.Breaks, Is.EqualTo(new[] { 3d, 5, 7, 9 }));
        Assert.That(c.Classes.Select(k => k.Label), Is.EqualTo(new[] { "minder dan 3", "3 tot 5", "5 tot 7", "7 tot 9", "9 of meer" }));
        // 7.981 rounds to two significant digits: 8.0.
        var rounded = MapClassification.Quantiles([1000, 7981, 12044, 20000], 2, v => v.ToString("0"));
        Assert.That(rounded.Breaks, Is.EqualTo(new[] { 12000d }));
        Assert.That(rounded.Classes.Select(k => k.Fill), Is.EqualTo(new[] { "#eff3ff", "#08519c" }));
    }

    [Test]
    public void The_svg_fills_a_region_with_the_colour_of_its_class_and_hatches_a_region_without_data()
    {
        var values = Provinces().Keys.Where(c => c != "PV21")
            .ToDictionary(c => c, c => new MapValue(c == "PV27" ? 250 : 50, c == "PV27" ? "250" : "50"));
        var map = new ChoroplethMap("kaart", "Openstaande vacatures", MapLevel.Provincie, Provinces(), values, TwoClasses);
        var svg = SvgMapWriter.Write(map);

        Assert.That(PathAttribute(svg, "kaart-PV27", "fill"), Is.EqualTo("#08519c"));
        Assert.That(PathAttribute(svg, "kaart-PV27", "data-waarde"), Is.EqualTo("250"));
        Assert.That(PathAttribute(svg, "kaart-PV20", "fill"), Is.EqualTo("#eff3ff"));
        Assert.That(PathAttribute(svg, "kaart-PV21", "fill"), Is.EqualTo("url(#kaart-geen)"));
        Assert.That(PathAttribute(svg, "kaart-PV21", "data-geen-gegevens"), Is.EqualTo("true"));
        Assert.That(map.Missing, Is.EqualTo(new[] { "PV21" }));
        Assert.That(svg, Does.Contain("Zonder gegevens: Fryslân."));
        Assert.That(svg, Does.Contain("geen gegevens (1)"));
        Assert.That(svg, Does.Contain("<title>Noord-Holland: 250</title>"));
        Assert.That(svg, Does.Contain(MapAttribution.Text));
    }

    [Test]
    public void A_techniekpact_region_is_the_union_of_its_provinces_without_inner_borders()
    {
        var provinces = MapGeometry.For(MapLevel.Provincie);
        var tp = MapGeometry.For(MapLevel.Techniekpactregio, ProvinceToTp);
        // Worked out from the topology: 323 arcs bound the provinces; 38 of them lie between two provinces
        // of the same Techniekpact region, which leaves 285.
        Assert.That(provinces.Borders, Has.Count.EqualTo(323));
        Assert.That(tp.Borders, Has.Count.EqualTo(285));
        // 244 arcs have a province on one side only: the coast and the national border, the same for both levels.
        Assert.That(provinces.Outline, Has.Count.EqualTo(244));
        Assert.That(tp.Outline, Has.Count.EqualTo(244));
        // Arc 3 separates Groningen and Fryslân, both in TP1 Noord.
        var arc3 = Topology.Provinces.Arcs[3];
        Assert.That(provinces.Borders, Has.Some.EqualTo(arc3));
        Assert.That(tp.Borders, Has.None.EqualTo(arc3));
        Assert.That(tp.Shapes.Where(s => s.Region == "TP1").Select(s => s.Area), Is.EquivalentTo(new[] { "PV20", "PV21", "PV22" }));
    }

    [Test]
    public void The_painted_map_has_the_class_colour_inside_a_region()
    {
        var values = Provinces().ToDictionary(kv => kv.Key, kv => new MapValue(kv.Key == "PV26" ? 500 : 10, ""));
        var map = new ChoroplethMap("kaart", "test", MapLevel.Provincie, Provinces(), values, TwoClasses);
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        using (var text = new TextPainter())
        {
            canvas.Clear(SKColors.White);
            MapPainter.Draw(canvas, text, map, 0, 0, 400, 300);
        }
        // A point well inside Utrecht (PV26), projected the way the painter projects it.
        var geometry = MapGeometry.For(MapLevel.Provincie);
        var legend = Math.Min(170f, 400 * 0.42f);
        var project = geometry.Projection(0, 0, 400 - legend - 8, 300 - (new TextPainter().LineHeight(TextStyle.Caption) + 2));
        var (x, y) = project(new MapPoint(140000, 455000)); // near the city of Utrecht, RD (140 km, 455 km)
        var pixel = bitmap.GetPixel((int)x, (int)y);
        Assert.That(pixel, Is.EqualTo(SKColor.Parse("#08519c")));
        var (gx, gy) = project(new MapPoint(235000, 580000)); // the city of Groningen, PV20
        Assert.That(bitmap.GetPixel((int)gx, (int)gy), Is.EqualTo(SKColor.Parse("#eff3ff")));
    }

    static string PathAttribute(string svg, string id, string attribute)
    {
        var path = Regex.Match(svg, $"<path id=\"{Regex.Escape(id)}\"[^>]*>").Value;
        Assert.That(path, Is.Not.Empty, $"no path {id}");
        return Regex.Match(path, $" {Regex.Escape(attribute)}=\"([^\"]*)\"").Groups[1].Value;
    }
}
