// Vooruitblik: ROA's expected job openings against expected school-leavers per domain.
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class OutlookSection : IReportSection
{
    public string Title => "Vooruitblik: baanopeningen en schoolverlaters";

    static readonly (string Domain, string Name)[] Domains =
        [("techniek", "Technische beroepen (07)"), ("ict", "ICT-beroepen (08)"), ("totaal", "Alle beroepen")];

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var d = ctx.Data;
        if (ctx.IsRegional) ctx.NoRegionalData("de ROA-prognoses", "voor heel Nederland");
        var latest = d.Values.Where(v => v.Indicator == "baanopeningen").OrderByDescending(v => v.PeriodOrder).FirstOrDefault();
        if (latest is null)
        {
            ctx.Note("Er zijn nog geen ROA-prognoses geladen.");
            return;
        }
        var period = latest.Period;
        ctx.Paragraph($"ROA (Researchcentrum voor Onderwijs en Arbeidsmarkt) raamt per beroepsklasse hoeveel banen er in {period.LongText} " +
                      "vrijkomen door uitbreiding en vervanging (baanopeningen) en hoeveel schoolverlaters naar verwachting op de arbeidsmarkt komen. " +
                      "Het verschil is het verwachte tekort. ROA gebruikt de beroepenindeling BRC 2014: technische beroepen (klasse 07) bevatten hier " +
                      "geen ICT-beroepen (klasse 08), anders dan in de Techniekpactmonitor.");

        var sentences = new List<string>();
        foreach (var (domain, name) in Domains.Take(2))
        {
            var o = d.At("baanopeningen", domain, "NL", period);
            var s = d.At("instroom_schoolverlaters", domain, "NL", period);
            var t = d.At("verwacht_tekort", domain, "NL", period);
            if (o?.Value is null || s?.Value is null || t?.Value is not { } tekort) continue;
            var k = d.At("roa_knelpunt", domain, "NL", period);
            sentences.Add($"{name}: {ctx.Show(o, $"baanopeningen {domain}")} baanopeningen tegenover {ctx.Show(s, $"schoolverlaters {domain}")} schoolverlaters, " +
                          (tekort > 0 ? $"een verwacht tekort van {ctx.Show(t, $"verwacht tekort {domain}")}" : $"geen tekort ({ctx.Show(t, $"verwacht tekort {domain}")})") +
                          (k?.Label is { } label ? $"; ROA verwacht {Knelpunten(label)} in de personeelsvoorziening." : "."));
        }
        if (sentences.Count > 0) ctx.Bullets(sentences);

        var shown = Domains.Take(2).ToList();
        ctx.Chart(new ChartSpec
        {
            Title = $"Baanopeningen en instroom van schoolverlaters, {period.ShortText}",
            Subtitle = $"Aantal personen over de hele prognoseperiode, Nederland; {ctx.Supplier("roa")}",
            Source = ReportContext.SourceLine(d.Values.Where(v => v.Source == ctx.Supplier("roa") && v.Period == period)),
            Region = "NL",
            Period = period.ToString(),
            PlotHeight = 170f,
            Model = new ChartModel
            {
                Kind = ChartKind.Bars,
                Categories = shown.Select(x => x.Name).ToList(),
                CategoryMeaning = CategoryMeaning.Other,
                Series =
                [
                    new ChartSeries("Baanopeningen", shown.Select(x => d.At("baanopeningen", x.Domain, "NL", period)?.Value).ToList(), 0),
                    new ChartSeries("Instroom schoolverlaters", shown.Select(x => d.At("instroom_schoolverlaters", x.Domain, "NL", period)?.Value).ToList(), 1),
                ],
                Unit = "aantal",
                ValueLabels = true,
            },
        });

        var periods = d.Values.Where(v => v.Indicator == "baanopeningen").Select(v => (v.Period, v.PeriodOrder)).Distinct()
            .OrderByDescending(p => p.PeriodOrder).Select(p => p.Period).ToList();
        var rows = new List<TableRow>();
        foreach (var p in periods)
            foreach (var (domain, name) in Domains)
            {
                var o = d.At("baanopeningen", domain, "NL", p);
                if (o is null) continue;
                var k = d.At("roa_knelpunt", domain, "NL", p);
                rows.Add(new TableRow(
                [
                    p.ShortText, name,
                    ctx.Show(o, $"baanopeningen {domain}"),
                    ctx.Show(d.At("instroom_schoolverlaters", domain, "NL", p), $"schoolverlaters {domain}"),
                    ctx.Show(d.At("verwacht_tekort", domain, "NL", p), $"verwacht tekort {domain}"),
                    k is null ? "–" : $"{ctx.Show(k, $"ITKP {domain}", 2)} {k.Label}".Trim(),
                ], Bold: domain == "totaal"));
            }
        ctx.Table(
        [
            new TableColumn("Periode", 0.9f), new TableColumn("Beroepsklasse", 1.8f), new TableColumn("Baanopeningen", 1.1f, TextAlign.Right),
            new TableColumn("Schoolverlaters", 1.1f, TextAlign.Right), new TableColumn("Verwacht tekort", 1.1f, TextAlign.Right),
            new TableColumn("Knelpuntindicator (ITKP)", 1.5f),
        ], rows, "ROA-prognoses per beroepsklasse");
        ctx.Paragraph(ReportContext.SourceLine(d.Values.Where(v => v.Source == ctx.Supplier("roa"))) +
                      " Verwacht tekort: baanopeningen min instroom van schoolverlaters; zij-instroom en instroom uit het buitenland zijn daarin niet meegenomen.",
            TextStyle.Caption);
    }

    /// <summary>ROA's typering as a noun phrase: geen → geen knelpunten, enige → enige knelpunten, (zeer) groot → (zeer) grote knelpunten.</summary>
    public static string Knelpunten(string typering) => typering switch
    {
        "groot" => "grote knelpunten",
        "zeer groot" => "zeer grote knelpunten",
        _ => typering + " knelpunten",
    };
}
