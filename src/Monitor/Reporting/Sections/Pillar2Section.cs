// Pijler 2: the ICT workforce against the path to one million, growth against the 60.000 norm, flows in and
// out, retention, the technical workforce, and vacancies and labour-market tension (UWV).
using System.Globalization;
using Monitor.Domain;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class Pillar2Section : IReportSection
{
    public string Title => "Pijler 2: behoud en groei van technische en ICT-werkenden";

    public static readonly (string Code, string Name)[] InflowSources =
    [
        ("zij_instroom", "Zij-instroom (uit ander beroep)"), ("onderwijs", "Onderwijs"), ("buitenland", "Buitenland"),
        ("uitkering", "Uitkering"), ("overig", "Overig"),
    ];

    public static readonly (string Code, string Name)[] OutflowDestinations =
    [
        ("ander_werk", "Ander werk"), ("pensioen", "Pensioen"), ("uitkering", "Uitkering"), ("buitenland", "Buitenland"), ("overig", "Overig"),
    ];

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        ctx.Paragraph(Intro(ctx));

        var region = ctx.RegionFor("werkzaam");
        if (region == "NL")
            ctx.NoRegionalData("werkzamen en stromen", "voor Nederland en de provincies");

        PathChart(ctx);
        GrowthChart(ctx, region);
        KeyFigureTable(ctx, "ict", region, $"ICT-werkzamen ({ctx.Supplier("predict")})");
        InflowChart(ctx, region);
        OutflowChart(ctx, region);
        RetentionChart(ctx, region);
        Techniek(ctx, region);
        Vacancies(ctx);
    }

    /// <summary>The goal and the norm as the target register gives them; a sentence less where it has none.</summary>
    static string Intro(ReportContext ctx)
    {
        var goal = PolicyGoals.IctGoal(ctx.Data);
        var norm = PolicyGoals.IctNorm(ctx.Data);
        var s = goal is { } g
            ? $"Het kabinet wil in {g.Year.ToString(CultureInfo.InvariantCulture)} {DutchFormat.Integer(g.Goal)} ICT-professionals. "
            : "Het doelenregister bevat geen doel voor het aantal ICT-werkzamen. ";
        if (norm is not null)
            s += goal is null
                ? $"De norm van de ICT-sector is een groei van {DutchFormat.Integer(norm.PerYear)} ICT-professionals per jaar. "
                : $"Volgens het plan van de ICT-sector vraagt dat een groei van {DutchFormat.Integer(norm.PerYear)} ICT-professionals per jaar. ";
        return s + "Deze pijler volgt de ICT-beroepsbevolking tegen dat doel, de stromen erin en eruit, het behoud, de bredere technische " +
               "beroepsbevolking en de spanning op de arbeidsmarkt.";
    }

    static string YearText(int year) => year.ToString(CultureInfo.InvariantCulture);

    static Period YearPeriod(int year) => Period.Of(new Year(year));

    /// <summary>
    /// ICT-werkzamen against two different lines, labelled apart: the target path (a straight line from the stock
    /// in the register's base year to the goal in its goal year — the target the mart's status measures against)
    /// and the sector's norm path (a fixed growth per year from the norm's base year), plus the pace still needed.
    /// </summary>
    static void PathChart(ReportContext ctx)
    {
        var d = ctx.Data;
        var actual = d.Series("werkzaam", "ict", "NL").Where(v => v.Value is not null).ToList();
        const string heading = "ICT-werkzamen, het doelpad en het normpad";
        if (actual.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over het aantal ICT-werkzamen geladen.");
            return;
        }
        var regionalNote = ctx.IsRegional
            ? "Het doel voor het aantal ICT-professionals geldt voor heel Nederland; deze grafiek toont daarom de landelijke cijfers."
            : null;

        var path = PolicyGoals.IctPath(d);
        var goal = PolicyGoals.IctGoal(d);
        var norm = PolicyGoals.IctNorm(d);
        var first = actual[0].Period.CalendarYear!.Value;
        var last = actual[^1];
        var lastYear = last.Period.CalendarYear!.Value;
        var endYear = Math.Max(goal?.Year ?? lastYear, lastYear);
        var years = Enumerable.Range(first, endYear - first + 1).ToList();
        var keys = years.Select(YearPeriod).ToList();
        var axis = SeriesAxis.FromKeys(keys);

        // The target path: the register row where there is one, otherwise the mart's target per year.
        var targets = d.Series("werkzaam", "ict", "NL").Where(v => v.Target is not null).ToDictionary(v => v.Period, v => v.Target!.Value);
        var targetPath = years.Select(y => path is { } p && y >= p.BaseYear && y <= p.GoalYear
            ? p.At(y)
            : targets.TryGetValue(YearPeriod(y), out var t) ? t : (double?)null).ToList();
        if (path is null && targets.Count > 0)
        {
            var firstTarget = targets.Keys.Select(k => k.CalendarYear!.Value).Min();
            if (actual.FirstOrDefault(v => v.Period == YearPeriod(firstTarget - 1)) is { Value: { } baseValue } && years.Contains(firstTarget - 1))
                targetPath[years.IndexOf(firstTarget - 1)] = baseValue;
        }

        var series = new List<ChartSeries> { new("Werkelijk aantal", axis.Align(actual), 0, Emphasis: true) };
        if (targetPath.Any(v => v is not null))
            series.Add(new(path is { } pp
                ? $"Doelpad: rechte lijn naar {DutchFormat.Integer(pp.Goal)} in {YearText(pp.GoalYear)} vanaf {YearText(pp.BaseYear)}"
                : "Doelpad: streefwaarde per jaar", targetPath, 4));

        List<double?>? normPath = null;
        var normBase = norm?.BaseYear is { } nb ? actual.FirstOrDefault(v => v.Period == YearPeriod(nb)) : null;
        if (norm is not null && normBase?.Value is { } nbValue)
        {
            var baseYear = normBase.Period.CalendarYear!.Value;
            normPath = years.Select(y => y >= baseYear ? nbValue + norm.PerYear * (y - baseYear) : (double?)null).ToList();
            series.Add(new($"Normpad: +{DutchFormat.Integer(norm.PerYear)} per jaar vanaf {YearText(baseYear)}", normPath, 1));
        }

        var tempo = d.At("benodigd_tempo", "ict", "NL", last.Period)?.Value
                    ?? (goal is { } g && lastYear < g.Year ? (g.Goal - last.Value!.Value) / (g.Year - lastYear) : (double?)null);
        if (tempo is { } tp)
            series.Add(new ChartSeries($"Benodigd pad vanaf {YearText(lastYear)}: +{DutchFormat.Integer(tp)} per jaar",
                years.Select(y => y >= lastYear ? last.Value + tp * (y - lastYear) : (double?)null).ToList(), 2));

        var sentences = new List<string> { $"Eind {YearText(lastYear)} waren er {ctx.Show(last, "ICT-werkzamen")} ICT-professionals." };
        if (targetPath[years.IndexOf(lastYear)] is { } onPath)
        {
            var status = StatusText.Parse(last.Status);
            var gap = onPath - last.Value!.Value;
            sentences.Add($"Op het doelpad hoorden dat er {ctx.Show(onPath, "aantal", "ICT-werkzamen volgens doelpad", last.Period, "NL")} te zijn: " +
                          (gap > 0 ? $"{ctx.Show(gap, "aantal", "achterstand op doelpad", last.Period, "NL")} minder" : $"{ctx.Show(-gap, "aantal", "voorsprong op doelpad", last.Period, "NL")} meer") +
                          $" (status: {status.Word()}).");
        }
        if (normPath?[years.IndexOf(lastYear)] is { } onNorm)
        {
            var gap = onNorm - last.Value!.Value;
            sentences.Add($"Het normpad van de sector (een vaste groei per jaar) kwam uit op " +
                          $"{ctx.Show(onNorm, "aantal", "ICT-werkzamen volgens normpad", last.Period, "NL")}: " +
                          (gap > 0 ? $"{ctx.Show(gap, "aantal", "achterstand op normpad", last.Period, "NL")} meer dan het werkelijke aantal." : $"{ctx.Show(-gap, "aantal", "voorsprong op normpad", last.Period, "NL")} minder dan het werkelijke aantal."));
        }

        var notes = new List<string>();
        if (targetPath.Any(v => v is not null))
            notes.Add("Doelpad: de rechte lijn van de stand in het basisjaar naar het doel, waartegen de status van deze indicator wordt gemeten.");
        if (normPath is not null)
            notes.Add("Normpad: de sectornorm van een vaste groei per jaar vanaf de stand in het basisjaar van de norm; een andere lijn dan het doelpad.");
        if (tempo is not null)
            notes.Add("Benodigd pad: de groei per jaar die vanaf de laatste stand nog nodig is om het doel te halen.");
        notes.Add(goal is null ? "Het doelenregister bevat geen doel voor het aantal ICT-werkzamen." : "Doel en norm komen uit het doelenregister.");
        var noteText = string.Join(" ", notes);
        ctx.ChartBlock(heading, intro: string.Join(" ", sentences), note: regionalNote, chart: new ChartSpec
        {
            Title = goal is { } gt
                ? $"ICT-werkzamen tegen het pad naar {DutchFormat.Integer(gt.Goal)} in {YearText(gt.Year)}"
                : "ICT-werkzamen tegen hun doel",
            Subtitle = $"Aantal ICT-professionals aan het eind van het jaar, Nederland; definitie van {ctx.Supplier("predict")}. Paden berekend voor deze grafiek",
            Source = ReportContext.SourceLine(actual),
            Note = noteText,
            Region = "NL",
            PlotHeight = 210f,
            Model = new ChartModel
            {
                Kind = ChartKind.Line,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = series,
                Unit = "aantal",
                References = goal is { } gr ? [new ReferenceLine(gr.Goal, $"Doel {YearText(gr.Year)}")] : [],
            },
        });
    }

    static void GrowthChart(ReportContext ctx, string region)
    {
        var growth = ctx.Data.Series("nettogroei", "ict", region);
        if (growth.Count == 0) return;
        var axis = SeriesAxis.Of(growth);
        var norm = region == "NL" ? PolicyGoals.IctNorm(ctx.Data)?.PerYear : null;
        ctx.Chart(new ChartSpec
        {
            Title = norm is { } n ? $"Nettogroei van het aantal ICT-werkzamen tegen de norm van {DutchFormat.Integer(n)} per jaar" : "Nettogroei van het aantal ICT-werkzamen",
            Subtitle = $"Verandering van het aantal ICT-professionals ten opzichte van het jaar ervoor, {ctx.RegionName(region)}; {ctx.Supplier("predict")}",
            Source = ReportContext.SourceLine(growth),
            Note = region == "NL" ? null : "De norm geldt alleen landelijk en is daarom niet getekend.",
            Region = region,
            PlotHeight = 150f,
            Model = new ChartModel
            {
                Kind = ChartKind.Bars,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = [new ChartSeries("Nettogroei", axis.Align(growth), 0)],
                Unit = "aantal",
                ValueLabels = true,
                References = norm is { } r ? [new ReferenceLine(r, $"Norm {DutchFormat.Integer(r)}")] : [],
            },
        });
    }

    /// <summary>The yearly figures of a domain as a table: indicators down, the last six years across.</summary>
    static void KeyFigureTable(ReportContext ctx, string domain, string region, string caption)
    {
        var d = ctx.Data;
        var rows = new List<(string Indicator, string Name)>
        {
            ("werkzaam", "Werkzaam (eind van het jaar)"), ("nettogroei", "Nettogroei"), ("instroom", "Instroom"),
            ("zij_instroom", "  waarvan zij-instroom"), ("zij_instroom_aandeel", "Aandeel zij-instroom"), ("uitstroom", "Uitstroom"),
            ("saldo_stromen", "Saldo instroom – uitstroom"), ("behoud", "Behoud"),
        };
        if (domain == "ict" && region == "NL")
            rows.AddRange([("groeitekort", "Groeitekort (norm – nettogroei)"), ("benodigd_tempo", PolicyGoals.IctGoal(d) is { } g ? $"Benodigd tempo tot {g.Year.ToString(CultureInfo.InvariantCulture)} per jaar" : "Benodigd tempo per jaar")]);
        var axis = SeriesAxis.Of(rows.Select(r => d.Series(r.Indicator, domain, region)).ToArray());
        if (axis.Count == 0) return;
        var keys = axis.Keys.Skip(Math.Max(0, axis.Count - 6)).ToList();
        var columns = new List<TableColumn> { new("", 2.6f) };
        columns.AddRange(keys.Select(k => new TableColumn(k.ToString(), 1f, TextAlign.Right)));
        var tableRows = rows
            .Where(r => d.Series(r.Indicator, domain, region).Count > 0)
            .Select(r => new TableRow(
                new[] { r.Name }.Concat(keys.Select(k => ctx.Show(d.At(r.Indicator, domain, region, k), $"{caption}: {r.Name.Trim()}"))).ToList()))
            .ToList();
        ctx.Table(columns, tableRows, $"{caption}, {ctx.RegionName(region)}");
        var used = rows.SelectMany(r => d.Series(r.Indicator, domain, region));
        ctx.Paragraph(ReportContext.SourceLine(used) + " Saldo instroom – uitstroom en nettogroei worden apart gemeten en hoeven niet gelijk te zijn. " +
                      "Behoud: procent van de werkenden van eind vorig jaar dat niet uitstroomde.", TextStyle.Caption);
    }

    static void InflowChart(ReportContext ctx, string region)
    {
        var d = ctx.Data;
        var bySource = InflowSources.Select(s => (s.Name, Values: d.Series("instroom", "ict", region, s.Code))).Where(s => s.Values.Count > 0).ToList();
        const string heading = "Instroom en uitstroom van ICT-werkenden";
        if (bySource.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over de instroom naar herkomst geladen.");
            return;
        }
        var axis = SeriesAxis.Of(bySource.Select(s => s.Values).ToArray());
        var zij = d.Latest("zij_instroom_aandeel", "ict", region);
        string? intro = null;
        if (zij?.Value is not null)
        {
            var total = d.At("instroom", "ict", region, zij.Period);
            intro = ($"In {zij.Period} begonnen {ctx.Show(total, "instroom ICT totaal")} mensen in een ICT-beroep. Zij-instroom — mensen die uit een ander beroep " +
                          $"overstappen — was goed voor {ctx.Show(zij, "aandeel zij-instroom ICT")} daarvan. Onderwijs alleen levert niet de groei die nodig is; " +
                          "daarom volgt het actieplan zij-instroom en behoud apart.");
        }
        ctx.ChartBlock(heading, intro: intro, chart: new ChartSpec
        {
            Title = "Instroom in ICT-beroepen naar herkomst",
            Subtitle = $"Aantal personen per jaar, {ctx.RegionName(region)}; {ctx.Supplier("predict")}. Zij-instroom donker gemarkeerd",
            Source = ReportContext.SourceLine(bySource.SelectMany(s => s.Values)),
            Region = region,
            PlotHeight = 170f,
            Model = new ChartModel
            {
                Kind = ChartKind.StackedBars,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = bySource.Select((s, i) => new ChartSeries(s.Name, axis.Align(s.Values), Style: i, Emphasis: i == 0)).ToList(),
                Unit = "aantal",
            },
        });
    }

    static void OutflowChart(ReportContext ctx, string region)
    {
        var d = ctx.Data;
        var total = d.Latest("uitstroom", "ict", region);
        if (total is null) return;
        var period = total.Period;
        var rows = OutflowDestinations.Select(o => (o.Name, Value: d.At("uitstroom", "ict", region, period, o.Code))).Where(o => o.Value is not null).ToList();
        if (rows.Count == 0) return;
        var ranked = rows.OrderByDescending(r => r.Value!.Value ?? double.MinValue).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var top = ranked[0];
        string? intro = null;
        if (total.Value is { } all && all > 0 && top.Value!.Value is { } topValue)
            intro = ($"In {period} verlieten {ctx.Show(total, "uitstroom ICT totaal")} mensen een ICT-beroep. De meest voorkomende bestemming was " +
                          $"'{top.Name.ToLowerInvariant()}': {ctx.Show(100 * topValue / all, "procent", $"aandeel {top.Name.ToLowerInvariant()} in uitstroom ICT", period, region)} van de uitstroom.");
        ctx.ChartBlock(null, intro: intro, chart: new ChartSpec
        {
            Title = $"Uitstroom uit ICT-beroepen naar bestemming, {period}",
            Subtitle = $"Aantal personen, {ctx.RegionName(region)}; {ctx.Supplier("predict")}",
            Source = ReportContext.SourceLine(rows.Select(r => r.Value)),
            Region = region,
            Period = period.ToString(),
            PlotHeight = 120f,
            Model = new ChartModel
            {
                Kind = ChartKind.HorizontalBars,
                Categories = ranked.Select(r => r.Name).ToList(),
                CategoryMeaning = CategoryMeaning.Other,
                Series = [new ChartSeries("Uitstroom", ranked.Select(r => r.Value!.Value).ToList(), 0)],
                Unit = "aantal",
                ValueLabels = true,
            },
        });
    }

    static void RetentionChart(ReportContext ctx, string region)
    {
        var d = ctx.Data;
        var ict = d.Series("behoud", "ict", region);
        var tech = d.Series("behoud", "techniek", region);
        if (ict.Count == 0 && tech.Count == 0) return;
        var series = new List<(string Name, IReadOnlyList<IndicatorValue> Values)>
        {
            ($"ICT-beroepen ({ctx.RegionName(region)}, {ctx.Supplier("predict")})", ict),
            ($"Technische beroepen incl. ICT ({ctx.RegionName(region)}, {ctx.Supplier("tpm")})", tech),
        };
        if (region != "NL")
            series.Add(("ICT-beroepen (Nederland)", d.Series("behoud", "ict", "NL")));
        series = series.Where(s => s.Values.Count > 0).ToList();
        ctx.Chart(new ChartSpec
        {
            Title = "Behoud: aandeel werkenden dat in het beroep blijft",
            Subtitle = "Procent van de werkenden aan het eind van het vorige jaar dat in het jaar niet uitstroomde",
            Source = ReportContext.SourceLine(series.SelectMany(s => s.Values)),
            Region = region,
            PlotHeight = 150f,
            Model = SeriesAxis.LineModel(series, "procent", decimals: 1),
        });
    }

    static void Techniek(ReportContext ctx, string region)
    {
        var d = ctx.Data;
        var werkzaam = d.Series("werkzaam", "techniek", region);
        const string heading = "De technische beroepsbevolking";
        if (werkzaam.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen cijfers over werkenden in technische beroepen geladen.");
            return;
        }
        const string intro = "De Techniekpactmonitor telt werkenden in technische beroepen in brede zin, inclusief ICT-beroepen. " +
                             "Deze cijfers overlappen dus met die van pr-eDICT en mogen er nooit bij worden opgeteld.";
        if (werkzaam.Count(v => v.Value is not null) < 2)
        {
            // One point makes no trend line; the table below gives the figure.
            ctx.Heading(heading);
            ctx.Paragraph(intro);
            KeyFigureTable(ctx, "techniek", region, $"Technische beroepen incl. ICT ({ctx.Supplier("tpm")})");
            return;
        }
        var axis = SeriesAxis.Of(werkzaam);
        ctx.ChartBlock(heading, intro: intro, chart: new ChartSpec
        {
            Title = "Werkenden in technische beroepen (inclusief ICT)",
            Subtitle = $"Aantal personen aan het eind van het jaar, {ctx.RegionName(region)}; {ctx.Supplier("tpm")}, brede definitie",
            Source = ReportContext.SourceLine(werkzaam),
            Region = region,
            PlotHeight = 140f,
            Model = new ChartModel
            {
                Kind = ChartKind.Line,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = [new ChartSeries("Werkzaam", axis.Align(werkzaam), 0, Emphasis: true)],
                Unit = "aantal",
            },
        });
        KeyFigureTable(ctx, "techniek", region, $"Technische beroepen incl. ICT ({ctx.Supplier("tpm")})");
    }

    static void Vacancies(ReportContext ctx)
    {
        var d = ctx.Data;
        var region = ctx.RegionFor("spanningsindicator");
        const string heading = "Vacatures en spanning op de arbeidsmarkt";
        var gap = region == "NL" ? ctx.RegionalGap("vacatures en de spanningsindicator (UWV)", "per arbeidsmarktregio, provincie en voor Nederland") : null;
        var vacTech = d.Series("openstaande_vacatures", "techniek", region);
        var vacIct = d.Series("openstaande_vacatures", "ict", region);
        var spTech = d.Series("spanningsindicator", "techniek", region);
        var spIct = d.Series("spanningsindicator", "ict", region);
        if (vacTech.Count + vacIct.Count + spTech.Count + spIct.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Er zijn nog geen UWV-cijfers over vacatures geladen.");
            return;
        }
        var intro = ("UWV telt de openstaande vacatures aan het eind van elk kwartaal per beroepsklasse (BRC 2014): technische beroepen (klasse 07) " +
                      "en ICT-beroepen (klasse 08) zijn hier aparte groepen. De spanningsindicator deelt de vacatures door het aantal mensen dat korter " +
                      $"dan een half jaar een WW-uitkering heeft; vanaf {DutchFormat.Number(SpanningTypering.KrapFrom, 1)} heet de markt krap, vanaf " +
                      $"{DutchFormat.Number(SpanningTypering.ZeerKrapFrom, 0)} zeer krap.");

        ctx.ChartBlock(heading, intro: intro, note: gap, chart: new ChartSpec
        {
            Title = "Openstaande vacatures in technische en ICT-beroepen",
            Subtitle = $"Aantal openstaande vacatures aan het eind van het kwartaal, {ctx.RegionName(region)}; {ctx.Supplier("uwv")}",
            Source = ReportContext.SourceLine(vacTech.Concat(vacIct)),
            Region = region,
            PlotHeight = 150f,
            Model = SeriesAxis.LineModel([("Technische beroepen (07)", vacTech), ("ICT-beroepen (08)", vacIct)], "aantal"),
        });

        var spSeries = new List<(string Name, IReadOnlyList<IndicatorValue> Values)>
        {
            ($"Technische beroepen (07), {ctx.RegionName(region)}", spTech), ($"ICT-beroepen (08), {ctx.RegionName(region)}", spIct),
        };
        if (region != "NL")
        {
            spSeries.Add(("Technische beroepen, Nederland", d.Series("spanningsindicator", "techniek", "NL")));
            spSeries.Add(("ICT-beroepen, Nederland", d.Series("spanningsindicator", "ict", "NL")));
        }
        ctx.Chart(new ChartSpec
        {
            Title = "Spanningsindicator voor technische en ICT-beroepen",
            Subtitle = "Openstaande vacatures per persoon met een WW-uitkering korter dan een half jaar (ratio), per kwartaal",
            Source = ReportContext.SourceLine(spSeries.SelectMany(s => s.Values)),
            Region = region,
            PlotHeight = 160f,
            Model = SeriesAxis.LineModel(spSeries, "ratio", decimals: 2,
                [new ReferenceLine(SpanningTypering.KrapFrom, "krap"), new ReferenceLine(SpanningTypering.ZeerKrapFrom, "zeer krap")]),
        });

        var quarters = SeriesAxis.Of(vacTech, vacIct, spTech, spIct).Keys.TakeLast(4).ToList();
        var rows = new List<TableRow>();
        foreach (var (domain, name) in new[] { ("techniek", "Technische beroepen (07)"), ("ict", "ICT-beroepen (08)") })
            foreach (var q in quarters)
            {
                var sp = d.At("spanningsindicator", domain, region, q);
                rows.Add(new TableRow(
                [
                    name, q.ShortText,
                    ctx.Show(d.At("openstaande_vacatures", domain, region, q), $"openstaande vacatures {name}"),
                    ctx.Show(d.At("ww_kort", domain, region, q), $"WW korter dan half jaar {name}"),
                    ctx.Show(sp, $"spanningsindicator {name}"),
                    (sp?.Label ?? "–") + (sp?.Status == "incomplete" ? " (onvolledig)" : ""),
                ]));
            }
        ctx.Table(
        [
            new TableColumn("Beroepsklasse", 1.8f), new TableColumn("Kwartaal", 0.9f), new TableColumn("Openstaande vacatures", 1.2f, TextAlign.Right),
            new TableColumn("WW < half jaar", 1.1f, TextAlign.Right), new TableColumn("Spanning", 0.9f, TextAlign.Right),
            new TableColumn("Typering", 1.4f),
        ], rows, $"Vacatures en spanning in de laatste kwartalen, {ctx.RegionName(region)}");
        var marked = rows.Any(r => r.Cells[^1].EndsWith("(onvolledig)", StringComparison.Ordinal));
        ctx.Paragraph(ReportContext.SourceLine(vacTech.Concat(vacIct).Concat(spTech).Concat(spIct)) +
                      (marked ? " 'Onvolledig' in de tabel: voor een deel van de regio's was het WW-aantal afgeschermd of niet geleverd." : ""),
                      TextStyle.Caption);
    }
}
