// The choropleths of the regional chapter, built from the same mart values as the tables beside them.
using Monitor.Domain;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Maps;

namespace Monitor.Reporting.Sections;

public static class RegionMaps
{
    public static ChoroplethMap For(ReportContext ctx, string id, string title, MapLevel level, string indicator, string domain,
        Period period, MapClassification? classes = null)
    {
        var regions = level switch
        {
            MapLevel.Provincie => ctx.Regions.Provincies,
            MapLevel.Arbeidsmarktregio => ctx.Regions.Arbeidsmarktregios,
            _ => ctx.Regions.Techniekpactregios,
        };
        var values = new Dictionary<string, MapValue>(StringComparer.Ordinal);
        foreach (var r in regions)
            if (ctx.Data.At(indicator, domain, r.Code, period) is { Value: { } v } row)
                values[r.Code] = new MapValue(v, ValueFormat.Format(v, row.Unit, ReportContext.Decimals(row)));
        var unit = ctx.Data.Values.FirstOrDefault(v => v.Indicator == indicator)?.Unit ?? "aantal";
        classes ??= MapClassification.Quantiles(values.Values.Select(v => v.Value), 5, v => ValueFormat.Format(v, unit, 0));
        IReadOnlyDictionary<string, string>? provinceToRegion = level == MapLevel.Techniekpactregio
            ? ctx.Regions.Techniekpactregios.SelectMany(t => t.Provincies.Select(p => (p, t.Code))).ToDictionary(x => x.p, x => x.Code)
            : null;
        // A regional edition outlines its own region where the map is of its level.
        var highlight = ctx.Selected is { } s && regions.Any(r => r.Code == s.Code) ? s.Code : null;
        return new ChoroplethMap(id, title, level, regions.ToDictionary(r => r.Code, r => r.Naam), values, classes, provinceToRegion, highlight);
    }
}
