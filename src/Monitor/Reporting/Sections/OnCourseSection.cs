// Op koers?: the koersoverleg's one question answered per pillar — every KPI that carries a target, with
// its latest value, the target it was measured against, its status and the actions aimed at it.
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class OnCourseSection : IReportSection
{
    public string Title => "Op koers? De indicatoren met een doel";

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var d = ctx.Data;
        var kpis = OnCourse.Kpis(d);
        ctx.Paragraph("Ligt het actieplan op koers? Deze tabel toont per pijler elke landelijke indicator waarvoor een doel is vastgesteld, " +
                      "met de laatste waarde, het doel waartegen die is gemeten, de status en de acties uit het actieregister die op deze " +
                      "indicator gericht zijn. Doelen komen uit het doelenregister (reference/doelen.csv) en worden door de kerngroepen vastgesteld " +
                      "en aangescherpt; een gewijzigd doel staat na de volgende verwerking in dit rapport.");
        if (ctx.IsRegional)
            ctx.Note("De doelen van het actieplan gelden voor heel Nederland; dit overzicht toont daarom de landelijke cijfers.");
        if (kpis.Count == 0)
        {
            ctx.Note("De indicatormart bevat nog geen indicator met een doel: er is geen doelenregister geladen of geen van de geladen cijfers valt onder een doel.");
            return;
        }
        if (d.Actions.Count == 0)
            ctx.Note("Er is nog geen actieregister geladen: bij de indicatoren staan daarom geen acties.");

        foreach (var (number, name) in OnCourse.Pillars)
        {
            var inPillar = kpis.Where(k => k.Pillar == number).ToList();
            if (inPillar.Count == 0)
            {
                ctx.Heading($"Pijler {number}: {name}", keepWithNext: 30f);
                ctx.Paragraph(OnCourse.PillarHasData(d, number)
                    ? "Voor de indicatoren van deze pijler is (nog) geen doel vastgesteld."
                    : "Voor deze pijler zijn nog geen gegevens geladen.", TextStyle.Small);
                continue;
            }
            Table(ctx, inPillar, $"Pijler {number}: {name}");
        }
        var other = kpis.Where(k => k.Pillar is null or < 1 or > 4).ToList();
        if (other.Count > 0)
        {
            Table(ctx, other, "Indicatoren zonder pijler in de catalogus");
        }
        ctx.Paragraph("Status: 'op koers' (doel gehaald), 'achter' (doel niet gehaald), 'onvolledig' (niet alle cijfers geleverd). " +
                      "Doelpad: de rechte lijn van de stand in het basisjaar naar het doel in het doeljaar. Basis t/m een jaar + x pp: het gemiddelde " +
                      "van de tien jaar tot en met dat jaar plus x procentpunt. Een actie staat 'achter schema' " +
                      "als ze vertraagd is of haar geplande einddatum voorbij is zonder dat ze is afgerond of gestopt. " +
                      "Een voorlopig cijfer (CBS) kan in een latere publicatie nog worden herzien.", TextStyle.Caption);
    }

    static void Table(ReportContext ctx, IReadOnlyList<Kpi> kpis, string heading)
    {
        var rows = kpis.Select(k =>
        {
            var v = k.Value;
            var status = StatusText.Parse(v.Status);
            var value = ctx.Show(v, $"Op koers: {k.Name}") + (v.Provisional ? " (voorlopig)" : "");
            // The actions of a total are listed in full; its categories (e.g. the industries) name them by code.
            var actions = OnCourse.ActionsText(k.Actions, brief: v.Category is not null && kpis.Any(o => o.Value.Indicator == v.Indicator && o.Value.Domain == v.Domain && o.Value.Category is null));
            return new TableRow([k.Name, v.Period.ShortText, value, OnCourse.TargetText(ctx, k), status.Word(), actions],
                Highlight: status == Status.Behind, StatusColumn: 4, Status: status);
        }).ToList();
        TableColumn[] columns =
        [
            new("Indicator", 2.1f), new("Periode", 0.6f), new("Waarde", 1f, TextAlign.Right),
            new("Doel", 2.1f), new("Status", 0.8f), new("Acties gericht op deze indicator", 2.6f),
        ];
        // The heading stays with the table, or with its first rows when the table is too long for one page.
        var height = ctx.TableHeight(columns, rows);
        ctx.Heading(heading, keepWithNext: height <= 330f ? height : 120f);
        ctx.Table(columns, rows);
    }
}
