// Regionale verschillen: all labour-market regions in the latest quarter, ranked, and the provinces.
using Monitor.Domain;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;
using Monitor.Reporting.Maps;

namespace Monitor.Reporting.Sections;

public sealed class RegionSection : IReportSection
{
    public string Title => "Regionale verschillen";

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var d = ctx.Data;
        var latest = d.Values.Where(v => v.Indicator == "spanningsindicator" && v.RegionLevel == RegionLevel.Arbeidsmarktregio)
            .OrderByDescending(v => v.PeriodOrder).FirstOrDefault();
        if (latest is null)
        {
            ctx.Note("Er zijn nog geen UWV-cijfers per arbeidsmarktregio geladen; een regionaal overzicht is daarom niet mogelijk.");
        }
        else
        {
            LabourMarketRegions(ctx, latest.Period);
        }
        Provinces(ctx);
    }

    static bool Highlighted(ReportContext ctx, ReportRegion region) => ctx.Selected switch
    {
        null => false,
        { Level: "arbeidsmarktregio" } s => s.Code == region.Code,
        { Level: "provincie" } s => region.Provincie == s.Code,
        { Level: "techniekpactregio" } s => region.Provincie is { } p && s.Provincies.Contains(p),
        _ => false,
    };

    static void LabourMarketRegions(ReportContext ctx, Period quarter)
    {
        var d = ctx.Data;
        var regions = ctx.Regions.Arbeidsmarktregios;
        ctx.Paragraph($"De tabel toont voor alle {regions.Count} arbeidsmarktregio's de openstaande vacatures en de spanningsindicator in {quarter.LongText} " +
                      "voor technische beroepen (BRC-klasse 07) en ICT-beroepen (klasse 08), volgens UWV." +
                      (ctx.Selected is null ? "" : $" Regio's in {ctx.Regions.Describe(ctx.Selected.Code)} zijn gemarkeerd."));

        string Typed(IndicatorValue? v) => v?.Value is null ? "–" : $"{ctx.Show(v, $"spanningsindicator {v.Domain} {v.Region}")} {v.Label}".Trim();

        var rows = regions.Select(r =>
        {
            var vt = d.At("openstaande_vacatures", "techniek", r.Code, quarter);
            var st = d.At("spanningsindicator", "techniek", r.Code, quarter);
            var vi = d.At("openstaande_vacatures", "ict", r.Code, quarter);
            var si = d.At("spanningsindicator", "ict", r.Code, quarter);
            return new TableRow(
            [
                r.Code, r.Naam,
                ctx.Show(vt, $"openstaande vacatures techniek {r.Code}"), Typed(st),
                ctx.Show(vi, $"openstaande vacatures ICT {r.Code}"), Typed(si),
            ], Highlight: Highlighted(ctx, r));
        }).ToList();

        var nt = d.At("spanningsindicator", "techniek", "NL", quarter);
        var ni = d.At("spanningsindicator", "ict", "NL", quarter);
        rows.Add(new TableRow(
        [
            "NL", "Nederland",
            ctx.Show(d.At("openstaande_vacatures", "techniek", "NL", quarter), "openstaande vacatures techniek NL"), Typed(nt),
            ctx.Show(d.At("openstaande_vacatures", "ict", "NL", quarter), "openstaande vacatures ICT NL"), Typed(ni),
        ], Bold: true));

        var q = quarter.ShortText;
        ctx.Maps(
        [
            RegionMaps.For(ctx, "kaart-spanning-techniek", $"Spanningsindicator technische beroepen, {q}", MapLevel.Arbeidsmarktregio, "spanningsindicator", "techniek", quarter, SpanningTypering.Classes()),
            RegionMaps.For(ctx, "kaart-spanning-ict", $"Spanningsindicator ICT-beroepen, {q}", MapLevel.Arbeidsmarktregio, "spanningsindicator", "ict", quarter, SpanningTypering.Classes()),
            RegionMaps.For(ctx, "kaart-vacatures-techniek", $"Openstaande vacatures technische beroepen, {q}", MapLevel.Arbeidsmarktregio, "openstaande_vacatures", "techniek", quarter),
            RegionMaps.For(ctx, "kaart-vacatures-ict", $"Openstaande vacatures ICT-beroepen, {q}", MapLevel.Arbeidsmarktregio, "openstaande_vacatures", "ict", quarter),
        ], $"Kaarten: spanning en vacatures per arbeidsmarktregio, {quarter.LongText} (de tabel hieronder geeft dezelfde cijfers)",
        [
            new TableColumn("Code", 0.6f), new TableColumn("Arbeidsmarktregio", 2.4f),
            new TableColumn("Vacatures techniek", 1.1f, TextAlign.Right), new TableColumn("Spanning techniek", 1.5f),
            new TableColumn("Vacatures ICT", 1f, TextAlign.Right), new TableColumn("Spanning ICT", 1.5f),
        ], rows, $"Vacatures en spanningsindicator per arbeidsmarktregio, {quarter.LongText}");
        var used = d.Values.Where(v => v.Source == ctx.Supplier("uwv") && v.Period == quarter);
        ctx.Paragraph(ReportContext.SourceLine(used) + " Spanning: vacatures per WW-uitkering korter dan een half jaar, met de typering van UWV. " +
                      "'–': geen cijfer geleverd of afgeschermd.", TextStyle.Caption);

        var techniek = Ranked(ctx, "techniek", "technische beroepen (07)", quarter);
        ctx.ChartBlock("Rangorde van de spanning per arbeidsmarktregio", techniek);
        ctx.Chart(Ranked(ctx, "ict", "ICT-beroepen (08)", quarter));
    }

    static ChartSpec Ranked(ReportContext ctx, string domain, string name, Period quarter)
    {
        var d = ctx.Data;
        var values = ctx.Regions.Arbeidsmarktregios
            .Select(r => (Region: r, Value: d.At("spanningsindicator", domain, r.Code, quarter)))
            .Where(x => x.Value?.Value is not null)
            .OrderByDescending(x => x.Value!.Value!.Value).ThenBy(x => x.Region.Code, StringComparer.Ordinal)
            .ToList();
        // The selected region, or the labour-market regions of the selected province or Techniekpact region.
        var marked = values.Select((x, i) => (x.Region, i)).Where(x => Highlighted(ctx, x.Region)).Select(x => x.i).ToList();
        IReadOnlyList<int>? highlight = marked.Count > 0 ? marked : null;
        return new ChartSpec
        {
            Title = $"Spanningsindicator voor {name} per arbeidsmarktregio, {quarter.ShortText}",
            Subtitle = "Openstaande vacatures per WW-uitkering korter dan een half jaar (ratio), van hoog naar laag" +
                       (highlight is null ? ""
                           : ctx.Selected!.Level == "arbeidsmarktregio" ? $"; {ctx.Selected.Naam} donker gemarkeerd"
                           : $"; de arbeidsmarktregio's in {ctx.Selected.Naam} donker gemarkeerd"),
            Source = ReportContext.SourceLine(values.Select(x => x.Value)),
            Region = "",
            Period = quarter.ToString(),
            PlotHeight = Math.Max(120f, values.Count * 9f + 30f),
            Model = new ChartModel
            {
                Kind = ChartKind.HorizontalBars,
                Categories = values.Select(x => x.Region.Naam).ToList(),
                CategoryKeys = values.Select(x => x.Region.Code).ToList(),
                CategoryMeaning = CategoryMeaning.Region,
                Series = [new ChartSeries("Spanningsindicator", values.Select(x => x.Value!.Value).ToList(), 0)],
                Unit = "ratio",
                Decimals = 2,
                HighlightCategories = highlight,
                ValueLabels = true,
                References = [new ReferenceLine(SpanningTypering.ZeerKrapFrom, "zeer krap")],
            },
        };
    }

    static void Provinces(ReportContext ctx)
    {
        var d = ctx.Data;
        var year = d.Values.Where(v => v.Indicator == "werkzaam" && v.Domain == "ict" && v.RegionLevel == RegionLevel.Provincie)
            .OrderByDescending(v => v.PeriodOrder).FirstOrDefault()?.Period;
        var quarter = d.Values.Where(v => v.Indicator == "spanningsindicator" && v.RegionLevel == RegionLevel.Provincie)
            .OrderByDescending(v => v.PeriodOrder).FirstOrDefault()?.Period;
        ctx.Heading("Provincies", keepWithNext: 200f);
        if (year is null && quarter is null)
        {
            ctx.Note("Er zijn nog geen cijfers per provincie geladen.");
            return;
        }
        var rows = ctx.Regions.Provincies.Select(p => new TableRow(
        [
            p.Naam,
            year is null ? "–" : ctx.Show(d.At("werkzaam", "ict", p.Code, year.Value), $"ICT-werkzamen {p.Code}"),
            year is null ? "–" : ctx.Show(d.At("nettogroei", "ict", p.Code, year.Value), $"nettogroei ICT {p.Code}"),
            year is null ? "–" : ctx.Show(d.At("zij_instroom_aandeel", "ict", p.Code, year.Value), $"aandeel zij-instroom ICT {p.Code}"),
            year is null ? "–" : ctx.Show(d.At("werkzaam", "techniek", p.Code, year.Value), $"werkzamen techniek {p.Code}"),
            quarter is null ? "–" : ctx.Show(d.At("spanningsindicator", "techniek", p.Code, quarter.Value), $"spanningsindicator techniek {p.Code}"),
            quarter is null ? "–" : ctx.Show(d.At("spanningsindicator", "ict", p.Code, quarter.Value), $"spanningsindicator ICT {p.Code}"),
        ], Highlight: ctx.Selected is { } s && (s.Code == p.Code || s.Provincies.Contains(p.Code)))).ToList();
        var provinceMaps = year is null ? [] : new List<ChoroplethMap>
        {
            RegionMaps.For(ctx, "kaart-werkzaam-ict", $"ICT-werkzamen (pr-eDICT), {year}", MapLevel.Provincie, "werkzaam", "ict", year.Value),
            RegionMaps.For(ctx, "kaart-werkzaam-techniek", $"Werkzamen in techniek inclusief ICT (Techniekpactmonitor), {year}", MapLevel.Provincie, "werkzaam", "techniek", year.Value),
        };
        ctx.Maps(provinceMaps, year is null ? "Kerncijfers per provincie" : $"Kaarten: werkzamen per provincie, {year} (de tabel hieronder geeft dezelfde cijfers)",
        [
            new TableColumn("Provincie", 1.6f),
            new TableColumn($"ICT-werkzamen {year}", 1.2f, TextAlign.Right),
            new TableColumn($"Nettogroei ICT {year}", 1.1f, TextAlign.Right),
            new TableColumn($"Aandeel zij-instroom ICT {year}", 1.3f, TextAlign.Right),
            new TableColumn($"Techniek incl. ICT {year}", 1.2f, TextAlign.Right),
            new TableColumn($"Spanning techniek {(quarter is null ? "" : quarter.Value.ShortText)}", 1.1f, TextAlign.Right),
            new TableColumn($"Spanning ICT {(quarter is null ? "" : quarter.Value.ShortText)}", 1.1f, TextAlign.Right),
        ], rows, "Kerncijfers per provincie");
        TechniekpactRegions(ctx);
        ctx.Paragraph(ReportContext.SourceLine(d.Values.Where(v => v.RegionLevel == RegionLevel.Provincie && (v.Period == year || v.Period == quarter))) +
                      " ICT-werkzamen volgens pr-eDICT, techniek volgens de Techniekpactmonitor (inclusief ICT): niet optellen.", TextStyle.Caption);
    }

    /// <summary>The five Techniekpact regions: the instroom in bètatechnisch onderwijs, drawn as the union of their provinces.</summary>
    static void TechniekpactRegions(ReportContext ctx)
    {
        var d = ctx.Data;
        if (d.Values.Where(v => v.Indicator == "onderwijs_instroom" && v.RegionLevel == RegionLevel.Techniekpactregio && v.Category is null)
                .OrderByDescending(v => v.PeriodOrder).FirstOrDefault()?.Period is not { } year)
            return;
        ctx.Heading("Techniekpactregio's", keepWithNext: 200f);
        var rows = ctx.Regions.Techniekpactregios.Select(t => new TableRow(
        [
            t.Naam,
            string.Join(", ", t.Provincies.Select(ctx.Regions.Name)),
            ctx.Show(d.At("onderwijs_instroom", "techniek", t.Code, year), $"instroom bètatechnisch onderwijs {t.Code}"),
            ctx.Show(d.At("aandeel_vrouwen", "techniek", t.Code, year), $"aandeel vrouwen instroom bètatechniek {t.Code}"),
        ], Highlight: ctx.Selected is { } s && (s.Code == t.Code || t.Provincies.Contains(s.Code)))).ToList();
        ctx.Maps(
        [
            RegionMaps.For(ctx, "kaart-instroom-tp", $"Instroom in bètatechnisch onderwijs, {year}", MapLevel.Techniekpactregio, "onderwijs_instroom", "techniek", year),
        ], $"Kaart: instroom in bètatechnisch onderwijs per Techniekpactregio, {year} (de tabel hieronder geeft dezelfde cijfers)",
        [
            new TableColumn("Techniekpactregio", 1.4f), new TableColumn("Provincies", 2.6f),
            new TableColumn($"Instroom {year}", 1.1f, TextAlign.Right), new TableColumn("Aandeel vrouwen", 1.1f, TextAlign.Right),
        ], rows, $"Instroom in bètatechnisch onderwijs per Techniekpactregio, {year}");
        ctx.Paragraph(ReportContext.SourceLine(d.Values.Where(v => v.RegionLevel == RegionLevel.Techniekpactregio && v.Period == year)) +
                      " Alle onderwijssoorten samen; een Techniekpactregio is de som van haar provincies.", TextStyle.Caption);
    }
}
