// Pijler 4: the execution of the actions (the register in force: status per pillar, the actions behind
// schedule with their owner and planned date) and the governance (meetings held per type and year, and
// the attendance, summed over the meetings).
using System.Globalization;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class Pillar4Section : IReportSection
{
    public string Title => "Pijler 4: governance en uitvoering van de acties";

    /// <summary>What the section says on a warehouse without an action register or meetings; tests look for it.</summary>
    public const string NoDataStatement = "Voor pijler 4 zijn nog geen gegevens uit het actieregister en over de overleggen geladen.";

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var d = ctx.Data;
        ctx.Paragraph("Pijler 4 gaat over één gecoördineerde aanpak in plaats van veel losse overlegtafels. Het governanceadvies vraagt de uitvoering " +
                      "van de acties expliciet te volgen en terug te koppelen aan het koersoverleg, en de governance mede te beoordelen op de " +
                      "aanwezigheid van de partners. Deze pijler toont de stand van het actieregister van het programmabureau en de gehouden overleggen.");
        var meetings = d.Categories("overleggen", "totaal", "NL");
        var hasIndicators = d.Values.Any(v => v.Indicator is "acties" or "aandeel_acties_op_schema" or "overleggen" or "aanwezigheid");
        if (d.Actions.Count == 0 && meetings.Count == 0 && !hasIndicators)
        {
            ctx.Note(NoDataStatement + " Zodra het programmabureau het actieregister en de overleggen aanlevert, staat hier de voortgang van de acties.");
            return;
        }
        if (ctx.IsRegional)
            ctx.Note("Het actieregister en de overleggen gelden voor het actieplan als geheel; hieronder staan de landelijke gegevens.");
        Actions(ctx);
        Meetings(ctx, meetings);
    }

    static string Date(DateOnly? date) => date is { } d ? DutchFormat.Date(d) : "–";

    static string Count(double n) => DutchFormat.Integer(n);

    static void Actions(ReportContext ctx)
    {
        var d = ctx.Data;
        ctx.Heading("Uitvoering van de acties", keepWithNext: 120f);
        var actions = d.Actions;
        if (actions.Count == 0)
        {
            ctx.Note("Er is nog geen actieregister geladen.");
            return;
        }
        var vintage = actions.Max(a => a.Vintage);
        var vintageText = vintage is { } registerDate ? DutchFormat.Iso(registerDate) : "";
        var behind = actions.Where(a => a.AchterSchema).ToList();
        var shareRow = d.Latest("aandeel_acties_op_schema", "totaal", "NL");
        var share = shareRow?.Value is not null ? ctx.Show(shareRow, "aandeel acties op schema") : null;
        ctx.Paragraph($"Het actieregister van {Date(vintage)} telt {ctx.Show(actions.Count, "aantal", "acties in het register", vintageText, "NL")} acties; " +
                      $"{ctx.Show(behind.Count, "aantal", "acties achter schema", vintageText, "NL")} daarvan lopen achter op schema" +
                      (share is null ? "." : $" en {share} van de acties die niet gestopt zijn ligt op schema."));

        var pillars = actions.Select(a => a.Pijler).Distinct().Order().ToList();
        var statuses = OnCourse.ActionStatuses.Where(s => actions.Any(a => a.Status == s.Code)).ToList();
        var unknown = actions.Select(a => a.Status).Distinct().Where(s => OnCourse.ActionStatuses.All(k => k.Code != s)).Order(StringComparer.Ordinal).ToList();
        var statusColumns = statuses.Select(s => (s.Code, s.Word)).Concat(unknown.Select(u => (u, u.Replace('_', ' ')))).ToList();

        TableRow Row(string label, IReadOnlyList<ActionRecord> set, string? category, bool bold = false)
        {
            var cells = new List<string> { label };
            cells.AddRange(statusColumns.Select(s => Count(set.Count(a => a.Status == s.Item1))));
            cells.Add(Count(set.Count));
            cells.Add(Count(set.Count(a => a.AchterSchema)));
            // The share as the mart computed it (on schedule / not stopped); from the register only where the mart has none.
            var mart = d.Latest("aandeel_acties_op_schema", "totaal", "NL", category);
            var notStopped = set.Count(a => a.Status != "gestopt");
            cells.Add(mart?.Value is not null ? ctx.Show(mart, $"aandeel acties op schema {label}")
                : notStopped == 0 ? "–" : ctx.Show(100.0 * set.Count(a => a.OpSchema) / notStopped, "procent", $"aandeel acties op schema {label}", vintageText, "NL"));
            return new TableRow(cells, Bold: bold);
        }
        var columns = new List<TableColumn> { new("Pijler", 3f) };
        columns.AddRange(statusColumns.Select(s => new TableColumn(s.Item2, 0.8f, TextAlign.Right)));
        columns.Add(new TableColumn("Totaal", 0.7f, TextAlign.Right));
        columns.Add(new TableColumn("Achter schema", 0.8f, TextAlign.Right));
        columns.Add(new TableColumn("Op schema", 0.8f, TextAlign.Right));
        var rows = pillars.Select(p => Row($"Pijler {p.ToString(CultureInfo.InvariantCulture)}", actions.Where(a => a.Pijler == p).ToList(),
            $"pijler{p.ToString(CultureInfo.InvariantCulture)}")).ToList();
        rows.Add(Row("Alle pijlers", actions, null, bold: true));

        var axis = pillars.Select(p => $"Pijler {p.ToString(CultureInfo.InvariantCulture)}").ToList();
        ctx.Chart(new ChartSpec
        {
            Title = "Acties per pijler naar status",
            Subtitle = $"Aantal acties in het actieregister van {Date(vintage)}",
            Source = $"Bron: {ActionSource(d)}, actieregister {(vintage is null ? "zonder datum" : vintageText)}.",
            Region = "NL",
            Period = vintageText,
            PlotHeight = 130f,
            Model = new ChartModel
            {
                Kind = ChartKind.StackedBars,
                Categories = axis,
                CategoryMeaning = CategoryMeaning.Other,
                Series = statusColumns.Select((s, i) => new ChartSeries(s.Item2,
                    pillars.Select(p => (double?)actions.Count(a => a.Pijler == p && a.Status == s.Item1)).ToList(), i)).ToList(),
                Unit = "aantal",
            },
        });
        ctx.Table(columns, rows, $"Acties per pijler naar status, {Date(vintage)}");
        ctx.Paragraph("Achter schema: vertraagd, of niet afgerond of gestopt terwijl de geplande einddatum voorbij is, ongeacht de status in het register. " +
                      "Op schema: het aandeel van de niet-gestopte acties dat niet achter schema ligt; een gestopte actie telt in geen van beide.", TextStyle.Caption);

        Trend(ctx);

        ctx.Heading("Acties die achter schema lopen", keepWithNext: 60f);
        if (behind.Count == 0)
        {
            ctx.Paragraph($"Op {Date(vintage)} loopt geen actie achter op schema.");
            return;
        }
        var linkNames = d.ActionLinks.GroupBy(l => l.ActieId).ToDictionary(g => g.Key,
            g => string.Join(", ", g.Select(l => (d.Catalogue.GetValueOrDefault(l.Indicator)?.Naam ?? l.Indicator) + (l.Domain is { } dom ? $" ({dom})" : ""))));
        ctx.Table(
        [
            new TableColumn("Actie", 0.6f), new TableColumn("Pijler", 0.5f, TextAlign.Center), new TableColumn("Maatregel", 2.8f),
            new TableColumn("Eigenaar", 1.1f), new TableColumn("Status", 0.9f), new TableColumn("Gepland gereed", 1.1f),
            new TableColumn("Gericht op", 1.6f),
        ], behind.Select(a => new TableRow(
        [
            a.ActieId, a.Pijler.ToString(CultureInfo.InvariantCulture), a.Maatregel, a.Eigenaar ?? "–", OnCourse.ActionStatusWord(a.Status),
            Date(a.GeplandGereed), linkNames.GetValueOrDefault(a.ActieId, "–"),
        ], Highlight: true)).ToList(), $"Acties achter schema op {Date(vintage)}");
    }

    static string ActionSource(MartData d) =>
        d.Values.FirstOrDefault(v => v.Indicator is "acties" or "aandeel_acties_op_schema")?.Source ?? "actieregister";

    /// <summary>The share of actions on schedule per quarter, when there is more than one quarter.</summary>
    static void Trend(ReportContext ctx)
    {
        var d = ctx.Data;
        var total = d.Series("aandeel_acties_op_schema", "totaal", "NL");
        if (total.Count < 2) return;
        var lines = new List<(string Name, IReadOnlyList<IndicatorValue> Values)> { ("Alle pijlers", total) };
        foreach (var category in d.Categories("aandeel_acties_op_schema", "totaal", "NL"))
            lines.Add((OnCourse.CategoryName(d, category) is var name ? char.ToUpperInvariant(name[0]) + name[1..] : category,
                d.Series("aandeel_acties_op_schema", "totaal", "NL", category)));
        ctx.Chart(new ChartSpec
        {
            Title = "Aandeel acties op schema per kwartaal",
            Subtitle = "Procent van de niet-gestopte acties dat op schema ligt, volgens het laatste actieregister van elk kwartaal",
            Source = ReportContext.SourceLine(lines.SelectMany(l => l.Values)),
            Region = "NL",
            PlotHeight = 130f,
            Model = SeriesAxis.LineModel(lines, "procent"),
        });
    }

    static void Meetings(ReportContext ctx, IReadOnlyList<string> types)
    {
        var d = ctx.Data;
        ctx.Heading("Overleggen en aanwezigheid", keepWithNext: 100f);
        if (types.Count == 0)
        {
            ctx.Note("Er zijn nog geen gegevens over de overleggen geladen.");
            return;
        }
        // The koersoverleg first, then the others in the contract's order of names.
        var ordered = types.OrderBy(t => t == "koersoverleg" ? 0 : 1).ThenBy(t => t, StringComparer.Ordinal).ToList();
        var all = ordered.SelectMany(t => d.Series("overleggen", "totaal", "NL", t).Concat(d.Series("aanwezigheid", "totaal", "NL", t))).ToList();
        var years = SeriesAxis.Of(all).Keys.TakeLast(4).ToList();

        var koers = d.Latest("overleggen", "totaal", "NL", "koersoverleg");
        if (koers?.Value is not null)
            ctx.Paragraph($"In {koers.Period} kwam het koersoverleg {ctx.Show(koers, "koersoverleggen")} keer bijeen" +
                          (koers.Target is { } t
                              ? $"; het doel is minimaal {ctx.Show(t, "aantal", "doel koersoverleggen", koers.Period, "NL")} keer per jaar (status: {StatusText.Parse(koers.Status).Word()})."
                              : ".") +
                          (koers.Status == "incomplete" ? " Het jaar was op de peildatum nog niet voorbij." : ""));

        var columns = new List<TableColumn> { new("Overleg", 1.6f) };
        foreach (var y in years)
        {
            columns.Add(new TableColumn($"Aantal {y.ShortText}", 0.8f, TextAlign.Right));
            columns.Add(new TableColumn($"Aanwezig {y.ShortText}", 0.9f, TextAlign.Right));
        }
        var rows = ordered.Select(t =>
        {
            var name = OnCourse.MeetingName(t);
            var cells = new List<string> { char.ToUpperInvariant(name[0]) + name[1..] };
            foreach (var y in years)
            {
                var count = d.At("overleggen", "totaal", "NL", y, t);
                cells.Add(ctx.Show(count, $"overleggen {name}") + (count?.Status == "incomplete" ? "*" : ""));
                cells.Add(ctx.Show(d.At("aanwezigheid", "totaal", "NL", y, t), $"aanwezigheid {name}"));
            }
            return new TableRow(cells);
        }).ToList();
        ctx.Table(columns, rows, "Gehouden overleggen en aanwezigheid per jaar");
        ctx.Paragraph(ReportContext.SourceLine(all) + " Aanwezig: het aantal aanwezige partners gedeeld door het aantal genodigden, opgeteld over alle " +
                      "overleggen van het jaar (geen gemiddelde van percentages). * Jaar nog niet voorbij op de peildatum.", TextStyle.Caption);

        ctx.Chart(new ChartSpec
        {
            Title = "Gehouden overleggen per soort en jaar",
            Subtitle = "Aantal overleggen per jaar, Nederland",
            Source = ReportContext.SourceLine(ordered.SelectMany(t => d.Series("overleggen", "totaal", "NL", t))),
            Region = "NL",
            PlotHeight = 140f,
            Model = new ChartModel
            {
                Kind = ChartKind.Bars,
                Categories = ordered.Select(OnCourse.MeetingName).ToList(),
                CategoryMeaning = CategoryMeaning.Other,
                Series = years.Select((y, i) => new ChartSeries(y.ShortText,
                    ordered.Select(t => d.At("overleggen", "totaal", "NL", y, t)?.Value).ToList(), i)).ToList(),
                Unit = "aantal",
                ValueLabels = true,
            },
        });
    }
}
