// The region boundaries as a decoded TopoJSON topology: shared arcs in RD metres and, per region,
// its polygons as rings of signed arc indices. Keeping the arcs shared lets a map draw the border
// between two areas once, and leave out the borders inside a union (the Techniekpact regions).
using System.Text.Json;
using Monitor.Warehouse;

namespace Monitor.Reporting.Maps;

public readonly record struct MapPoint(double X, double Y);

/// <summary>One area of a boundary file: its CBS code, its name and its polygons (each a list of rings of arc references).</summary>
public sealed record TopoArea(string Code, string Name, IReadOnlyList<IReadOnlyList<int[]>> Polygons)
{
    /// <summary>Every arc index (not reversed) this area's rings run along.</summary>
    public IEnumerable<int> ArcIndices => Polygons.SelectMany(p => p).SelectMany(r => r).Select(Topology.ArcIndex);
}

public sealed class Topology
{
    public IReadOnlyList<MapPoint[]> Arcs { get; }
    public IReadOnlyList<TopoArea> Areas { get; }
    public (double MinX, double MinY, double MaxX, double MaxY) Bounds { get; }

    Topology(IReadOnlyList<MapPoint[]> arcs, IReadOnlyList<TopoArea> areas)
    {
        Arcs = arcs;
        Areas = areas;
        var used = areas.SelectMany(a => a.ArcIndices).Distinct().SelectMany(i => arcs[i]).ToList();
        Bounds = (used.Min(p => p.X), used.Min(p => p.Y), used.Max(p => p.X), used.Max(p => p.Y));
    }

    /// <summary>A reference <c>~i</c> (written as -i-1) runs along arc i backwards.</summary>
    public static int ArcIndex(int reference) => reference < 0 ? ~reference : reference;

    static readonly Dictionary<string, Lazy<Topology>> Shipped = new()
    {
        ["provincie"] = new(() => Parse(SqlResources.Read("geo/provincie_2024.topojson"))),
        ["arbeidsmarktregio"] = new(() => Parse(SqlResources.Read("geo/arbeidsmarktregio_2024.topojson"))),
    };

    /// <summary>The 12 provinces of CBS's 2024 division, shipped with the monitor.</summary>
    public static Topology Provinces => Shipped["provincie"].Value;

    /// <summary>The 35 labour-market regions of CBS's 2024 division, shipped with the monitor.</summary>
    public static Topology LabourMarketRegions => Shipped["arbeidsmarktregio"].Value;

    public TopoArea? Area(string code) => Areas.FirstOrDefault(a => a.Code == code);

    /// <summary>The points of one ring, in RD metres; the ring is closed (last point equals the first).</summary>
    public IReadOnlyList<MapPoint> Ring(int[] references)
    {
        var points = new List<MapPoint>();
        foreach (var reference in references)
        {
            var arc = Arcs[ArcIndex(reference)];
            var run = reference < 0 ? arc.Reverse() : arc;
            // Consecutive arcs share their end and start point: keep it once.
            points.AddRange(points.Count == 0 ? run : run.Skip(1));
        }
        return points;
    }

    /// <summary>Reads a quantized, delta-encoded TopoJSON topology holding one GeometryCollection of (Multi)Polygons.</summary>
    public static Topology Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.GetProperty("type").GetString() != "Topology") throw new InvalidDataException("not a TopoJSON topology");

        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = root.TryGetProperty("transform", out var transform);
        if (quantized)
        {
            sx = transform.GetProperty("scale")[0].GetDouble();
            sy = transform.GetProperty("scale")[1].GetDouble();
            tx = transform.GetProperty("translate")[0].GetDouble();
            ty = transform.GetProperty("translate")[1].GetDouble();
        }

        var arcs = new List<MapPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new MapPoint[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                var px = position[0].GetDouble();
                var py = position[1].GetDouble();
                // Quantized arcs store the first position absolutely and every later one as an offset.
                if (quantized) { x += px; y += py; points[i++] = new(x * sx + tx, y * sy + ty); }
                else points[i++] = new(px, py);
            }
            arcs.Add(points);
        }

        var areas = new List<TopoArea>();
        foreach (var collection in root.GetProperty("objects").EnumerateObject())
            foreach (var geometry in collection.Value.GetProperty("geometries").EnumerateArray())
            {
                var props = geometry.GetProperty("properties");
                var code = props.GetProperty("statcode").GetString() ?? throw new InvalidDataException("geometry without statcode");
                var name = props.TryGetProperty("statnaam", out var n) ? n.GetString() ?? code : code;
                var polygons = geometry.GetProperty("type").GetString() switch
                {
                    "Polygon" => [ReadPolygon(geometry.GetProperty("arcs"))],
                    "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().Select(ReadPolygon).ToList(),
                    var other => throw new InvalidDataException($"{code}: geometry type {other} is not a polygon"),
                };
                areas.Add(new TopoArea(code, name, polygons));
            }
        return new Topology(arcs, areas);

        static IReadOnlyList<int[]> ReadPolygon(JsonElement rings) =>
            rings.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToList();
    }
}
