// Pijler 1: entrants into beta-technical education, the share of women, ICT and hybrid programmes, hybrid teachers.
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class Pillar1Section : IReportSection
{
    public string Title => "Pijler 1: meer jongeren in bètatechnisch onderwijs";

    static readonly string[] Levels = ["vmbo", "havo", "vwo", "mbo", "hbo", "wo"];

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        ctx.Paragraph("Het actieplan wil dat meer jongeren voor een bètatechnische of ICT-opleiding kiezen. Deze pijler volgt de instroom " +
                      "in bètatechnisch onderwijs per onderwijssoort (Techniekpactmonitor, brede definitie inclusief ICT), het aandeel vrouwen, " +
                      "de instroom in ICT- en hybride opleidingen (pr-eDICT) en het aantal hybride docenten.");

        Instroom(ctx);
        Vrouwen(ctx);
        IctOpleidingen(ctx);
        LevelTable(ctx);
        HybrideDocenten(ctx);
    }

    static void Instroom(ReportContext ctx)
    {
        var d = ctx.Data;
        var region = ctx.RegionFor("onderwijs_instroom");
        const string heading = "Instroom in bètatechnisch onderwijs";
        var gap = region == "NL"
            ? ctx.RegionalGap("de instroom in bètatechnisch onderwijs (Techniekpactmonitor)", "voor Nederland en de vijf Techniekpactregio's" + TpHint(ctx))
            : null;

        var series = Levels.Select(l => (Level: l, Values: d.Series("onderwijs_instroom", "techniek", region, l))).Where(s => s.Values.Count > 0).ToList();
        if (series.Count == 0)
            series = [("alle niveaus", d.Series("onderwijs_instroom", "techniek", region))];
        if (series[0].Values.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over de instroom in bètatechnisch onderwijs geladen.");
            return;
        }
        var axis = SeriesAxis.Of(series.Select(s => s.Values).ToArray());
        var total = d.Series("onderwijs_instroom", "techniek", region);
        var latest = total.LastOrDefault(v => v.Value is not null);
        string? intro = null;
        if (latest is not null)
        {
            var s = $"In {latest.Period.LongText} begonnen {ctx.Show(latest, "instroom bètatechniek totaal")} leerlingen en studenten " +
                    $"{(region == "NL" ? "in Nederland" : "in " + ctx.Regions.Describe(region))} aan een bètatechnische opleiding of profiel";
            if (d.Previous(latest) is { Value: { } before } prev && latest.Value is { } now)
                s += $", {ctx.Show(Math.Abs(now - before), "aantal", "verschil instroom bètatechniek t.o.v. vorig studiejaar", latest.Period, region)} {(now >= before ? "meer" : "minder")} dan in {prev.Period.LongText}";
            intro = s + ".";
        }
        ctx.ChartBlock(heading, intro: intro, note: gap, chart: new ChartSpec
        {
            Title = "Instroom in bètatechnisch onderwijs per onderwijssoort",
            Subtitle = $"Aantal instromers per studiejaar, {ctx.RegionName(region)}; {ctx.Supplier("tpm")}, brede bètatechnische definitie (inclusief ICT)",
            Source = ReportContext.SourceLine(series.SelectMany(s => s.Values)),
            Region = region,
            Model = new ChartModel
            {
                Kind = ChartKind.Line,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = series.Select((s, i) => new ChartSeries(s.Level, axis.Align(s.Values), Style: i)).ToList(),
                Unit = "aantal",
            },
        });
    }

    static string TpHint(ReportContext ctx) =>
        ctx.Selected is { Level: "provincie" } p && ctx.Regions.TechniekpactregioOf(p.Code) is { } tp
            ? $" ({p.Naam} valt in Techniekpactregio {tp.Naam}, {tp.Code})"
            : "";

    static void Vrouwen(ReportContext ctx)
    {
        var d = ctx.Data;
        var techRegion = ctx.Selected?.Level == "techniekpactregio" ? ctx.RegionFor("aandeel_vrouwen") : "NL";
        var ictRegion = ctx.Selected?.Level == "provincie" ? ctx.RegionFor("aandeel_vrouwen") : "NL";
        var tech = d.Series("aandeel_vrouwen", "techniek", techRegion);
        var ict = d.Series("aandeel_vrouwen", "ict", ictRegion);
        const string heading = "Aandeel vrouwen in de instroom";
        if (tech.Count == 0 && ict.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over het aandeel vrouwen geladen.");
            return;
        }
        var axis = SeriesAxis.Of(tech, ict);
        var series = new List<ChartSeries>();
        if (tech.Count > 0) series.Add(new ChartSeries($"Bètatechniek, alle niveaus ({ctx.RegionName(techRegion)}, {ctx.Supplier("tpm")})", axis.Align(tech), 0));
        if (ict.Count > 0) series.Add(new ChartSeries($"ICT- en hybride opleidingen, mbo–wo ({ctx.RegionName(ictRegion)}, {ctx.Supplier("predict")})", axis.Align(ict), 1));
        var parts = new List<string>();
        if (tech.LastOrDefault(v => v.Value is not null) is { } t)
            parts.Add($"in bètatechnische opleidingen {ctx.Show(t, "aandeel vrouwen bètatechniek")} in {t.Period.LongText}");
        if (ict.LastOrDefault(v => v.Value is not null) is { } i)
            parts.Add($"in ICT- en hybride opleidingen {ctx.Show(i, "aandeel vrouwen ICT-opleidingen")} in {i.Period.LongText}");
        var intro = parts.Count == 0 ? null
            : "Het aandeel vrouwen onder de instromers was " + string.Join(" en ", parts) + ". " +
              "De twee lijnen gebruiken verschillende definities en zijn niet bij elkaar op te tellen.";
        ctx.ChartBlock(heading, intro: intro, chart: new ChartSpec
        {
            Title = "Aandeel vrouwen onder instromers",
            Subtitle = "Procent van de instromers per studiejaar",
            Source = ReportContext.SourceLine(tech.Concat(ict)),
            Region = techRegion == ictRegion ? techRegion : $"{techRegion}/{ictRegion}",
            PlotHeight = 150f,
            Model = new ChartModel { Kind = ChartKind.Line, Categories = axis.Labels, CategoryKeys = axis.KeyTexts, Series = series, Unit = "procent" },
        });
    }

    static void IctOpleidingen(ReportContext ctx)
    {
        var d = ctx.Data;
        var region = ctx.RegionFor("ict_opleiding_instroom");
        var ict = d.Series("ict_opleiding_instroom", "ict", region, "ict");
        var hybride = d.Series("ict_opleiding_instroom", "ict", region, "hybride");
        const string heading = "Instroom in ICT- en hybride opleidingen";
        var gap = region == "NL" ? ctx.RegionalGap("de instroom in ICT-opleidingen (pr-eDICT)", "voor Nederland en de provincies") : null;
        if (ict.Count == 0 && hybride.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over de instroom in ICT- en hybride opleidingen geladen.");
            return;
        }
        var axis = SeriesAxis.Of(ict, hybride);
        ctx.ChartBlock(heading, note: gap, chart: new ChartSpec
        {
            Title = "Instroom in ICT- en hybride opleidingen (mbo, hbo, wo)",
            Subtitle = $"Aantal instromers per studiejaar, {ctx.RegionName(region)}; {ctx.Supplier("predict")}. Hybride: opleidingen met een substantieel ICT-deel",
            Source = ReportContext.SourceLine(ict.Concat(hybride)),
            Region = region,
            PlotHeight = 160f,
            Model = new ChartModel
            {
                Kind = ChartKind.Bars,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = [new ChartSeries("ICT-opleidingen", axis.Align(ict), 0), new ChartSeries("Hybride opleidingen", axis.Align(hybride), 1)],
                Unit = "aantal",
            },
        });
    }

    static void LevelTable(ReportContext ctx)
    {
        var d = ctx.Data;
        var region = ctx.RegionFor("onderwijs_instroom");
        var total = d.Latest("onderwijs_instroom", "techniek", region);
        if (total is null) return;
        var period = total.Period;
        var rows = new List<TableRow>();
        foreach (var level in Levels.Append<string?>(null))
        {
            var name = level ?? "Totaal";
            var instroom = d.At("onderwijs_instroom", "techniek", region, period, level);
            if (level is not null && instroom is null) continue;
            rows.Add(new TableRow(
            [
                name,
                ctx.Show(instroom, $"instroom bètatechniek {name}"),
                ctx.Show(d.At("aandeel_betatechniek", "techniek", region, period, level), $"aandeel bètatechniek {name}"),
                ctx.Show(d.At("aandeel_vrouwen", "techniek", region, period, level), $"aandeel vrouwen bètatechniek {name}"),
                ctx.Show(d.At("onderwijs_ingeschreven", "techniek", region, period, level), $"ingeschreven bètatechniek {name}"),
                ctx.Show(d.At("gediplomeerden", "techniek", region, period, level), $"gediplomeerden bètatechniek {name}"),
            ], Bold: level is null));
        }
        ctx.Table(
        [
            new TableColumn("Onderwijssoort", 1.3f),
            new TableColumn("Instroom bètatechniek", 1.2f, TextAlign.Right),
            new TableColumn("Aandeel bètatechniek in instroom", 1.4f, TextAlign.Right),
            new TableColumn("Aandeel vrouwen", 1.1f, TextAlign.Right),
            new TableColumn("Ingeschreven", 1.1f, TextAlign.Right),
            new TableColumn("Gediplomeerden", 1.1f, TextAlign.Right),
        ], rows, $"Bètatechnisch onderwijs per onderwijssoort, {period.LongText}, {ctx.RegionName(region)}");
        ctx.Paragraph(ReportContext.SourceLine(d.Values.Where(v => v.Indicator is "onderwijs_instroom" or "aandeel_betatechniek" && v.Region == region && v.Period == period))
                      + " Aandeel bètatechniek: procent van alle instromers van die onderwijssoort; gediplomeerden in hetzelfde studiejaar.", TextStyle.Caption);
    }

    static void HybrideDocenten(ReportContext ctx)
    {
        var d = ctx.Data;
        const string heading = "Hybride docenten";
        var gap = ctx.RegionalGap("hybride docenten", "voor heel Nederland");
        var total = d.Series("hybride_docenten", "techniek", "NL");
        if (total.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over hybride docenten geladen.");
            return;
        }
        var present = d.Categories("hybride_docenten", "techniek", "NL");
        var levels = Levels.Where(present.Contains).Concat(present.Where(c => !Levels.Contains(c))).ToList();
        var axis = SeriesAxis.Of(total);
        var goal = total.LastOrDefault(v => v.Target is not null)?.Target ?? ctx.Data.TargetRow("hybride_docenten", "techniek")?.Waarde;
        var latest = total.LastOrDefault(v => v.Value is not null);
        string? intro = null;
        if (latest?.Value is not null)
            intro = ($"Hybride docenten werken in het bedrijfsleven en geven daarnaast les in technisch onderwijs. In {latest.Period} waren het er " +
                          $"{ctx.Show(latest, "hybride docenten")}; " +
                          (goal is { } g ? $"het doel is {ctx.Show(g, "aantal", "doel hybride docenten", latest.Period, "NL")}. " : "het doelenregister bevat er geen doel voor. ") +
                          $"Status: {StatusText.Parse(latest.Status).Word()}.");
        var series = levels.Count > 0
            ? levels.Select((l, i) => new ChartSeries(l, axis.Align(d.Series("hybride_docenten", "techniek", "NL", l)), i)).ToList()
            : [new ChartSeries("Totaal", axis.Align(total), 0)];
        ctx.ChartBlock(heading, intro: intro, note: gap, chart: new ChartSpec
        {
            Title = "Hybride docenten in technisch onderwijs",
            Subtitle = $"Aantal personen per jaar naar onderwijssoort, Nederland; {ctx.Supplier("tpm")}",
            Source = ReportContext.SourceLine(total),
            Region = "NL",
            PlotHeight = 150f,
            Model = new ChartModel
            {
                Kind = levels.Count > 0 ? ChartKind.StackedBars : ChartKind.Bars,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = series,
                Unit = "aantal",
                References = goal is { } r ? [new ReferenceLine(r, $"Doel {DutchFormat.Integer(r)}")] : [],
            },
        });
    }
}
