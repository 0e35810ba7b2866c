// Pijler 3: labour productivity growth (CBS) for the whole economy and per industry against the target
// line of the register, the industries of the productivity offensive and ICT apart from the rest, and
// provisional years marked as such.
using System.Globalization;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class Pillar3Section : IReportSection
{
    public string Title => "Pijler 3: arbeidsproductiviteit";

    /// <summary>What the section says on a warehouse without productivity figures; tests look for it.</summary>
    public const string NoDataStatement = "Voor pijler 3 zijn nog geen cijfers over de arbeidsproductiviteit geladen.";

    const string Indicator = "arbeidsproductiviteit_groei";

    public static readonly (string Domein, string Heading)[] Groups =
    [
        ("techniek", "Bedrijfstakken van het productiviteitsoffensief (energie, bouw en techniek)"),
        ("ict", "ICT (informatie en communicatie)"),
        ("overig", "Overige bedrijfstakken"),
    ];

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var d = ctx.Data;
        var total = d.Series(Indicator, "totaal", "NL");
        var industries = d.Categories(Indicator, "totaal", "NL");
        var register = d.TargetRow(Indicator, "totaal", soort: "boven_basis");
        var targetText = register is { Basisjaar: { } baseYear }
            ? $"Het doel uit het doelenregister: een groei die {DutchFormat.Number(register.Waarde, 1)} procentpunt boven het gemiddelde ligt van de tien jaar " +
              $"tot en met {baseYear.ToString(CultureInfo.InvariantCulture)}."
            : "Het doel per jaar is de streefwaarde die de indicatormart bij elke waarde vastlegt.";
        ctx.Paragraph("Pijler 3 gaat over een hogere groei van de arbeidsproductiviteit door (proces)innovatie, zodat met hetzelfde aantal technici " +
                      "en ICT'ers meer werk gedaan kan worden. Het productiviteitsoffensief van de technische werkgevers richt zich op industrie, " +
                      "energie en bouw. De monitor volgt de arbeidsproductiviteit van CBS: de volumeverandering van de toegevoegde waarde per gewerkt uur, " +
                      "voor de hele economie en per bedrijfstak. " + targetText);
        if (total.Count == 0 && industries.Count == 0)
        {
            ctx.Note(NoDataStatement + " Zodra CBS-cijfers zijn aangeleverd, staat hier de ontwikkeling per bedrijfstak tegen het doel.");
            return;
        }
        if (ctx.IsRegional)
            ctx.Note("CBS levert de arbeidsproductiviteit alleen voor heel Nederland; hieronder staan de landelijke cijfers.");

        WholeEconomy(ctx, total);
        OffensiveChart(ctx, industries);
        IndustryTables(ctx, industries);
    }

    static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2023 en 2024" for the provisional years of some series; NULL when none is provisional.</summary>
    static string? ProvisionalYears(IEnumerable<IndicatorValue> rows)
    {
        var years = rows.Where(v => v.Provisional).Select(v => v.Period).Distinct().Order().ToList();
        return years.Count switch
        {
            0 => null,
            1 => years[0].ToString(),
            _ => string.Join(", ", years.Take(years.Count - 1)) + " en " + years[^1],
        };
    }

    static void WholeEconomy(ReportContext ctx, IReadOnlyList<IndicatorValue> total)
    {
        const string heading = "De hele economie tegen de doellijn";
        if (total.Count == 0)
        {
            ctx.Heading(heading);
            ctx.Note("Voor de hele economie zijn geen cijfers over de arbeidsproductiviteit in de indicatormart.");
            return;
        }
        var axis = SeriesAxis.Of(total);
        var byPeriod = total.ToDictionary(v => v.Period);
        // Definitive years as a solid line; provisional years as a lighter dashed line with open markers, joined
        // to the last definitive year so that the line does not break.
        var definitive = axis.Keys.Select(k => byPeriod[k] is { Provisional: false } v ? v.Value : null).ToList();
        var provisional = axis.Keys.Select((k, i) =>
            byPeriod[k].Provisional || (i + 1 < axis.Count && byPeriod[axis.Keys[i + 1]].Provisional && !byPeriod[k].Provisional)
                ? byPeriod[k].Value : null).ToList();
        var targets = axis.Keys.Select(k => byPeriod[k].Target).ToList();
        var series = new List<ChartSeries> { new("Hele economie, definitief", definitive, 0, Emphasis: true) };
        if (total.Any(v => v.Provisional)) series.Add(new ChartSeries("Hele economie, voorlopig", provisional, 3));
        if (targets.Any(t => t is not null)) series.Add(new ChartSeries("Doellijn", targets, 4));

        var latest = total.LastOrDefault(v => v.Value is not null);
        string? intro = null;
        if (latest is not null)
        {
            intro = $"In {latest.Period} veranderde de arbeidsproductiviteit van de hele economie met {ctx.Show(latest, "arbeidsproductiviteit hele economie")}" +
                    (latest.Provisional ? " (voorlopig cijfer)" : "") + ".";
            if (latest.Target is { } t)
                intro += $" De doellijn lag op {ctx.Show(t, latest.Unit, "doel arbeidsproductiviteit hele economie", latest.Period, "NL", 1)}: " +
                         $"status {StatusText.Parse(latest.Status).Word()}.";
        }
        var provisionalYears = ProvisionalYears(total);
        ctx.ChartBlock(heading, intro: intro, chart: new ChartSpec
        {
            Title = "Groei van de arbeidsproductiviteit, hele economie",
            Subtitle = $"Volumeverandering van de toegevoegde waarde per gewerkt uur t.o.v. het jaar ervoor (procent), Nederland; {ctx.Supplier("cbs")}",
            Source = ReportContext.SourceLine(total),
            Note = (provisionalYears is null ? "" : $"Voorlopige cijfers ({provisionalYears}) lichter en gestippeld; CBS herziet ze in latere publicaties. ") +
                   "Doellijn: de streefwaarde waartegen de status is gemeten.",
            Region = "NL",
            PlotHeight = 170f,
            Model = new ChartModel
            {
                Kind = ChartKind.Line,
                Categories = axis.Labels,
                CategoryKeys = axis.KeyTexts,
                Series = series,
                Unit = "procent",
                Decimals = 1,
            },
        });
    }

    static string GroupOf(MartData d, string code) => d.Industry(code)?.Domein switch
    {
        "techniek" => "techniek",
        "ict" => "ict",
        _ => "overig",
    };

    static string IndustryName(MartData d, string code) => d.Industry(code) is { } i ? $"{code} {i.Naam}" : code;

    /// <summary>The industries of the offensive and ICT over the years, each as its own line.</summary>
    static void OffensiveChart(ReportContext ctx, IReadOnlyList<string> industries)
    {
        var d = ctx.Data;
        var shown = industries.Where(c => GroupOf(d, c) is "techniek" or "ict")
            .OrderBy(c => GroupOf(d, c) == "ict" ? 1 : 0).ThenBy(c => c, StringComparer.Ordinal).ToList();
        if (shown.Count == 0) return;
        var lines = shown.Select(c => (IndustryName(d, c), d.Series(Indicator, "totaal", "NL", c))).ToList();
        var rows = lines.SelectMany(l => l.Item2).ToList();
        var provisionalYears = ProvisionalYears(rows);
        ctx.ChartBlock("Het productiviteitsoffensief en ICT", chart: new ChartSpec
        {
            Title = "Groei van de arbeidsproductiviteit in de bedrijfstakken van het offensief en in ICT",
            Subtitle = $"Volumeverandering van de toegevoegde waarde per gewerkt uur t.o.v. het jaar ervoor (procent), Nederland; {ctx.Supplier("cbs")}",
            Source = ReportContext.SourceLine(rows),
            Note = provisionalYears is null ? null : $"De cijfers voor {provisionalYears} zijn voorlopig. De doellijn verschilt per bedrijfstak; zie de tabel.",
            Region = "NL",
            PlotHeight = 170f,
            Model = SeriesAxis.LineModel(lines.Select(l => (l.Item1, (IReadOnlyList<IndicatorValue>)l.Item2)).ToList(), "procent", decimals: 1),
        });
    }

    /// <summary>One table per group: the last five years per industry (provisional ones starred) and the latest target and status.</summary>
    static void IndustryTables(ReportContext ctx, IReadOnlyList<string> industries)
    {
        var d = ctx.Data;
        if (industries.Count == 0) return;
        var all = industries.SelectMany(c => d.Series(Indicator, "totaal", "NL", c)).ToList();
        var keys = SeriesAxis.Of(all).Keys.TakeLast(5).ToList();
        ctx.Heading("Per bedrijfstak", keepWithNext: 100f);
        foreach (var (domein, heading) in Groups)
        {
            var codes = industries.Where(c => GroupOf(d, c) == domein).ToList();
            if (codes.Count == 0) continue;
            var columns = new List<TableColumn> { new("Bedrijfstak", 2.6f) };
            columns.AddRange(keys.Select(k => new TableColumn(k.ShortText, 0.75f, TextAlign.Right)));
            columns.Add(new TableColumn("Doel", 0.8f, TextAlign.Right));
            columns.Add(new TableColumn("Status", 0.9f));
            var rows = codes.Select(c =>
            {
                var name = IndustryName(d, c);
                var cells = new List<string> { name };
                cells.AddRange(keys.Select(k => d.At(Indicator, "totaal", "NL", k, c) is { } v
                    ? ctx.Show(v, $"arbeidsproductiviteit {name}", 1) + (v.Provisional ? "*" : "")
                    : "–"));
                var latest = d.Series(Indicator, "totaal", "NL", c).LastOrDefault(v => v.Value is not null);
                var status = StatusText.Parse(latest?.Status);
                cells.Add(latest?.Target is { } t ? ctx.Show(t, "procent", $"doel arbeidsproductiviteit {name}", latest.Period, "NL", 1) : "–");
                cells.Add(status.Word());
                return new TableRow(cells, StatusColumn: cells.Count - 1, Status: status);
            }).ToList();
            ctx.Table(columns, rows, heading);
        }
        ctx.Paragraph(ReportContext.SourceLine(all) + " * Voorlopig cijfer; CBS herziet voorlopige jaren in latere publicaties. " +
                      "Doel en status gelden voor het laatste jaar. Groeicijfers van bedrijfstakken worden niet opgeteld of gemiddeld: " +
                      "het cijfer voor de hele economie is het door CBS geleverde totaal.", TextStyle.Caption);
    }
}
