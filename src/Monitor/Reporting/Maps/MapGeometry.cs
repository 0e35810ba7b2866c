// The shapes of a map level in RD metres: the fill of each region (a province or labour-market region,
// or for a Techniekpact region its provinces) and the borders to stroke, each shared border once.
namespace Monitor.Reporting.Maps;

/// <summary>One filled shape: the region it shows and its rings (outer rings and holes, filled even-odd).</summary>
public sealed record MapShape(string Region, string Area, IReadOnlyList<IReadOnlyList<MapPoint>> Rings);

public sealed class MapGeometry
{
    public IReadOnlyList<MapShape> Shapes { get; }
    /// <summary>Border lines: every arc that separates two regions, or a region from outside.</summary>
    public IReadOnlyList<IReadOnlyList<MapPoint>> Borders { get; }
    /// <summary>The arcs of <see cref="Borders"/> with a region on one side only: the coast and the national border.</summary>
    public IReadOnlyList<IReadOnlyList<MapPoint>> Outline { get; }
    public (double MinX, double MinY, double MaxX, double MaxY) Bounds { get; }

    MapGeometry(IReadOnlyList<MapShape> shapes, IReadOnlyList<IReadOnlyList<MapPoint>> borders,
        IReadOnlyList<IReadOnlyList<MapPoint>> outline, (double, double, double, double) bounds)
    {
        Shapes = shapes;
        Borders = borders;
        Outline = outline;
        Bounds = bounds;
    }

    public static MapGeometry For(MapLevel level, IReadOnlyDictionary<string, string>? provinceToRegion = null)
    {
        var topology = level == MapLevel.Arbeidsmarktregio ? Topology.LabourMarketRegions : Topology.Provinces;
        Func<string, string?> regionOf = level == MapLevel.Techniekpactregio
            ? code => provinceToRegion?.GetValueOrDefault(code)
                ?? throw new InvalidOperationException("a Techniekpact map needs the provinces of each region")
            : code => code;
        return Build(topology, regionOf);
    }

    /// <summary>Shapes and borders of a topology whose areas are grouped into regions by <paramref name="regionOf"/>.</summary>
    public static MapGeometry Build(Topology topology, Func<string, string?> regionOf)
    {
        var shapes = new List<MapShape>();
        // Which regions run along each arc: an arc with one region on both sides lies inside a union.
        var sides = new Dictionary<int, List<string>>();
        foreach (var area in topology.Areas)
        {
            var region = regionOf(area.Code);
            if (region is null) continue;
            var rings = area.Polygons.SelectMany(p => p).Select(topology.Ring).ToList();
            shapes.Add(new MapShape(region, area.Code, rings));
            foreach (var arc in area.ArcIndices)
            {
                if (!sides.TryGetValue(arc, out var list)) sides[arc] = list = [];
                list.Add(region);
            }
        }
        var borders = sides
            .Where(kv => kv.Value.Count == 1 || kv.Value.Distinct().Count() > 1)
            .OrderBy(kv => kv.Key)
            .Select(kv => (IReadOnlyList<MapPoint>)topology.Arcs[kv.Key])
            .ToList();
        var outline = sides.Where(kv => kv.Value.Count == 1).OrderBy(kv => kv.Key)
            .Select(kv => (IReadOnlyList<MapPoint>)topology.Arcs[kv.Key]).ToList();
        var points = shapes.SelectMany(s => s.Rings).SelectMany(r => r).ToList();
        var bounds = (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
        return new MapGeometry(shapes, borders, outline, bounds);
    }

    /// <summary>Maps RD metres into a box of the given size, north up, keeping the aspect ratio.</summary>
    public Func<MapPoint, (double X, double Y)> Projection(double left, double top, double width, double height)
    {
        var (minX, minY, maxX, maxY) = Bounds;
        var scale = Math.Min(width / (maxX - minX), height / (maxY - minY));
        var offsetX = left + (width - (maxX - minX) * scale) / 2;
        var offsetY = top + (height - (maxY - minY) * scale) / 2;
        return p => (offsetX + (p.X - minX) * scale, offsetY + (maxY - p.Y) * scale);
    }

    /// <summary>Height over width of the drawn area.</summary>
    public double Aspect => (Bounds.MaxY - Bounds.MinY) / (Bounds.MaxX - Bounds.MinX);
}
