// Wat is er veranderd: the comparison of this report's data with the previous edition (the latest meeting edition,
// else the previous published report), from Indicators.Changes, the same comparison `monitor changes` prints.
using System.Globalization;
using Monitor.Indicators;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;
using IndicatorValue = Monitor.Reporting.Data.IndicatorValue;

namespace Monitor.Reporting.Sections;

public sealed class ChangesSection : IReportSection
{
    /// <summary>Rows a table shows before it refers to `monitor changes` for the rest.</summary>
    public const int MaxRows = 25;

    public string Title => "Wat is er veranderd sinds het vorige rapport";

    /// <summary>Named after what it compares with: the previous meeting (of its kind) or the previous report.</summary>
    public static string TitleFor(ChangeReport? changes) => changes?.Baseline is { Kind: "meeting" } meeting
        ? $"Wat is er veranderd sinds {Previous(meeting.MeetingKind)}"
        : "Wat is er veranderd sinds het vorige rapport";

    /// <summary>"het vorige koersoverleg", "de vorige informatiebijeenkomst".</summary>
    static string Previous(string? kind) => kind switch
    {
        "kerngroep" => "de vorige kerngroep",
        "informatiebijeenkomst" => "de vorige informatiebijeenkomst",
        _ => "het vorige koersoverleg",
    };

    public void Write(ReportContext ctx)
    {
        var changes = ctx.Data.Changes;
        ctx.Section1(TitleFor(changes));
        if (changes is null)
        {
            ctx.Paragraph("Er is nog geen eerder rapport vastgelegd om dit rapport mee te vergelijken. Vanaf het volgende rapport staat hier " +
                          "wat er sindsdien veranderd is: nieuwe perioden, herziene cijfers, gewijzigde status van indicatoren met een doel, " +
                          "en afgewezen of verouderde leveringen.");
            return;
        }
        var since = Describe(changes.Baseline);
        if (ctx.IsRegional)
            ctx.Note("Deze vergelijking betreft de landelijke cijfers, zoals het landelijke rapport ze toont.");
        if (changes.NothingChanged)
        {
            ctx.Paragraph($"Er is niets veranderd sinds {since}: geen nieuwe perioden, geen herziene cijfers, geen gewijzigde status " +
                          "en geen afgewezen of verouderde leveringen.");
            return;
        }
        ctx.Paragraph($"Vergeleken met {since} (editie {changes.Baseline.EditionId}): {Summary(changes)}. " +
                      "De vergelijking gaat over de cijfers die dat rapport toonde, ook als een cijfer nu elders of niet meer in het rapport staat.");

        NewPeriods(ctx, changes);
        Revised(ctx, changes);
        StatusChanges(ctx, changes);
        Deliveries(ctx, changes);
    }

    /// <summary>"het rapport van 1 december 2026", "het koersoverleg van 12 maart 2027" or "de informatiebijeenkomst van 20 mei 2027".</summary>
    public static string Describe(Edition e) =>
        e.Kind == "meeting" && e.MeetingDate is { } meeting
            ? $"{MeetingName(e.MeetingKind)} van {DutchFormat.Date(DateOnly.ParseExact(meeting, "yyyy-MM-dd", CultureInfo.InvariantCulture))}"
            : $"het rapport van {DutchFormat.Date(DateOnly.FromDateTime(e.GeneratedAt))}";

    /// <summary>"het koersoverleg", "de kerngroep", "de informatiebijeenkomst".</summary>
    public static string MeetingName(string? kind) => kind switch
    {
        "kerngroep" => "de kerngroep",
        "informatiebijeenkomst" => "de informatiebijeenkomst",
        _ => "het koersoverleg",
    };

    static string Summary(ChangeReport c)
    {
        var parts = new List<string>();
        if (c.NewPeriods.Count > 0) parts.Add(Count(c.NewPeriods.Count, "nieuw cijfer", "nieuwe cijfers") + " van een latere periode");
        if (c.Revised.Count > 0) parts.Add(Count(c.Revised.Count, "herzien cijfer", "herziene cijfers"));
        if (c.StatusChanges.Count > 0) parts.Add(Count(c.StatusChanges.Count, "indicator met een andere status", "indicatoren met een andere status"));
        var rejected = c.Deliveries.Count(d => d.Kind == "rejected");
        var overdue = c.Deliveries.Count(d => d.Kind == "overdue");
        if (rejected > 0) parts.Add(Count(rejected, "afgewezen levering", "afgewezen leveringen"));
        if (overdue > 0) parts.Add(Count(overdue, "verouderde dataset", "verouderde datasets"));
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " en " + parts[^1];
    }

    static string Count(int n, string one, string many) => $"{DutchFormat.Integer(n)} {(n == 1 ? one : many)}";

    static IndicatorValue Probe(MartData d, ValueKey k, string unit) =>
        d.At(k.Indicator, k.Domain, k.Region, k.Period, k.Category) ??
        new IndicatorValue { Indicator = k.Indicator, Domain = k.Domain, Period = Monitor.Domain.Period.Parse(k.Period), Region = k.Region, Category = k.Category, Unit = unit };

    static string Old(double? value, IndicatorValue like) =>
        value is { } v ? ValueFormat.Format(v, like.Unit, ReportContext.Decimals(like)) : "–";

    static void NewPeriods(ReportContext ctx, ChangeReport c)
    {
        if (c.NewPeriods.Count == 0) return;
        var d = ctx.Data;
        var groups = c.NewPeriods
            .GroupBy(n => (n.Key.Indicator, n.Key.Domain, n.Key.Period))
            .Select(g => (First: g.First(), Count: g.Count(), National: g.FirstOrDefault(n => n.Key.Region == "NL" && n.Key.Category is null)))
            .ToList();
        var rows = groups.Take(MaxRows).Select(g =>
        {
            var probe = Probe(d, g.First.Key with { Category = null }, g.First.Unit);
            var national = g.National is { } n ? ctx.Show(Probe(d, n.Key, n.Unit), "Nieuw: " + OnCourse.Name(d, probe)) : "–";
            return new TableRow([OnCourse.Name(d, probe), PeriodText.Short(g.First.Key.Period), national, DutchFormat.Integer(g.Count)]);
        }).ToList();
        ctx.Heading("Nieuwe perioden");
        ctx.Table([new TableColumn("Indicator", 3f), new TableColumn("Periode", 1.4f), new TableColumn("Nederland", 1f, TextAlign.Right),
                   new TableColumn("Cijfers", 0.8f, TextAlign.Right)], rows,
            "Perioden die sindsdien zijn geleverd, later dan de laatste die het vorige rapport had. Cijfers: het aantal nieuwe waarden " +
            "(regio's en categorieën) van die periode.");
        More(ctx, groups.Count);
    }

    static void Revised(ReportContext ctx, ChangeReport c)
    {
        if (c.Revised.Count == 0) return;
        var d = ctx.Data;
        var ordered = c.Revised.OrderBy(r => r.Key.Region == "NL" ? 0 : 1).ThenBy(r => r.Key.Indicator, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Domain, StringComparer.Ordinal).ThenBy(r => r.Key.Region, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Category, StringComparer.Ordinal).ThenBy(r => r.Key.Period, StringComparer.Ordinal).ToList();
        var rows = ordered.Take(MaxRows).Select(r =>
        {
            var value = Probe(d, r.Key, r.Unit);
            var name = OnCourse.Name(d, value);
            var now = r.NewValue is null ? "–" : ctx.Show(value, "Herzien: " + name);
            return new TableRow([name, PeriodText.Short(r.Key.Period), Region(ctx, r.Key.Region), Old(r.OldValue, value), now,
                r.Files.Count == 0 ? "–" : string.Join(", ", r.Files)]);
        }).ToList();
        ctx.Heading("Herziene cijfers");
        ctx.Table([new TableColumn("Indicator", 2.4f), new TableColumn("Periode", 1.2f), new TableColumn("Regio", 1.2f),
                   new TableColumn("Was", 0.8f, TextAlign.Right), new TableColumn("Nu", 0.8f, TextAlign.Right), new TableColumn("Levering", 2.6f)], rows,
            "Cijfers die het vorige rapport toonde en die nu anders zijn. Levering: het bestand waarvan de publicatie het cijfer veranderde.");
        More(ctx, ordered.Count);
    }

    static void StatusChanges(ReportContext ctx, ChangeReport c)
    {
        if (c.StatusChanges.Count == 0) return;
        var d = ctx.Data;
        var rows = c.StatusChanges.Take(MaxRows).Select(s =>
        {
            var value = Probe(d, s.Key, s.Unit);
            var name = OnCourse.Name(d, value);
            var shown = s.Value is null ? "–" : ctx.Show(value, "Status gewijzigd: " + name);
            return new TableRow([name, PeriodText.Short(s.Key.Period), Region(ctx, s.Key.Region),
                StatusText.Parse(s.OldStatus).Word(), StatusText.Parse(s.NewStatus).Word(), shown]);
        }).ToList();
        ctx.Heading("Gewijzigde status");
        ctx.Table([new TableColumn("Indicator", 2.6f), new TableColumn("Periode", 1.2f), new TableColumn("Regio", 1.2f),
                   new TableColumn("Was", 0.9f), new TableColumn("Nu", 0.9f), new TableColumn("Waarde", 0.8f, TextAlign.Right)], rows,
            "Indicatoren met een doel waarvan de status anders is dan in het vorige rapport.");
        More(ctx, c.StatusChanges.Count);
    }

    static void Deliveries(ReportContext ctx, ChangeReport c)
    {
        if (c.Deliveries.Count == 0) return;
        ctx.Heading("Afgewezen en verouderde leveringen", keepWithNext: 40f);
        ctx.Bullets(c.Deliveries.Select(p => p.Kind == "rejected"
            ? $"Afgewezen: {p.Name} ({ctx.Supplier(p.Source ?? "")}): {p.Reason ?? "geen reden vastgelegd"}. De vorige levering blijft gelden."
            : p.Vintage is null
                ? $"Verouderd: {p.Name}: nog nooit geleverd."
                : $"Verouderd: {p.Name}: de laatste levering is van {p.Vintage}, ouder dan de publicatiefrequentie toelaat."));

    }

    static string Region(ReportContext ctx, string code) => code == "NL" ? "Nederland" : ctx.Regions.Describe(code);

    static void More(ReportContext ctx, int total)
    {
        if (total > MaxRows)
            ctx.Paragraph($"En nog {DutchFormat.Integer(total - MaxRows)} andere; 'monitor changes' toont ze allemaal.", TextStyle.Caption);
    }
}
