// What "on course" means in the report: the KPIs that carry a target in the mart, their pillar, how their
// target is worded, the actions aimed at them and the status of a pillar as a whole. Shared by the
// summary tiles and the "Op koers?" overview, so that both count the same rows.
using System.Globalization;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed record Kpi(IndicatorValue Value, int? Pillar, string Name, TargetRecord? Register, IReadOnlyList<ActionRecord> Actions);

public static class OnCourse
{
    public static readonly (int Number, string Name)[] Pillars =
    [
        (1, "instroom in bètatechnisch onderwijs"), (2, "behoud en groei van werkenden"), (3, "arbeidsproductiviteit"), (4, "governance en uitvoering"),
    ];

    public static string ShortPillarName(int pillar) => pillar switch
    {
        1 => "onderwijs",
        2 => "werkenden",
        3 => "productiviteit",
        _ => "governance",
    };

    /// <summary>
    /// Every national KPI with a target: per indicator, domain and category the latest period whose row carries
    /// a target, in pillar order, then as the overview lists them (totals before their categories).
    /// </summary>
    public static IReadOnlyList<Kpi> Kpis(MartData d) =>
        d.Values.Where(v => v.Region == "NL" && v.Target is not null)
            .GroupBy(v => (v.Indicator, v.Domain, v.Category))
            .Select(g => g.OrderBy(v => v.PeriodOrder).ThenBy(v => v.Period).Last())
            .Select(v => new Kpi(v, d.Catalogue.GetValueOrDefault(v.Indicator)?.Pijler, Name(d, v),
                d.TargetRow(v.Indicator, v.Domain, v.Region, v.Category), d.ActionsFor(v.Indicator, v.Domain)))
            .OrderBy(k => k.Pillar ?? 9)
            .ThenBy(k => k.Value.Indicator, StringComparer.Ordinal)
            .ThenBy(k => k.Value.Domain, StringComparer.Ordinal)
            .ThenBy(k => CategoryOrder(d, k.Value))
            .ThenBy(k => k.Value.Category ?? "", StringComparer.Ordinal)
            .ToList();

    /// <summary>Totals first, then the industries of the productivity offensive, ICT, and the rest.</summary>
    static int CategoryOrder(MartData d, IndicatorValue v) => v.Category is null ? 0 : (d.Industry(v.Category)?.Domein) switch
    {
        "techniek" => 1,
        "ict" => 2,
        _ => 3,
    };

    /// <summary>"Nettogroei (ICT)", "Arbeidsproductiviteit (C Industrie)", "Overleggen (koersoverleg)".</summary>
    public static string Name(MartData d, IndicatorValue v)
    {
        var name = d.Catalogue.GetValueOrDefault(v.Indicator)?.Naam ?? v.Indicator;
        var parts = new List<string>();
        if (v.Domain == "ict" && !name.Contains("ICT", StringComparison.Ordinal)) parts.Add("ICT");
        if (v.Domain == "techniek" && !name.Contains("techn", StringComparison.OrdinalIgnoreCase)) parts.Add("techniek");
        if (v.Category is { } c) parts.Add(CategoryName(d, c));
        return parts.Count == 0 ? name : $"{name} ({string.Join(", ", parts)})";
    }

    public static string CategoryName(MartData d, string category)
    {
        if (d.Industry(category) is { } industry) return category == "totaal" ? industry.Naam : $"{industry.Code} {industry.Naam}";
        if (category.StartsWith("pijler", StringComparison.Ordinal)) return "pijler " + category["pijler".Length..];
        return MeetingName(category);
    }

    /// <summary>The governance meetings as the contract names them, written for a reader.</summary>
    public static string MeetingName(string code) => code switch
    {
        "koersoverleg" => "koersoverleg",
        "dg_overleg" => "DG-overleg",
        "regionaal" => "regionaal overleg",
        _ when code.StartsWith("kerngroep_pijler", StringComparison.Ordinal) => "kerngroep pijler " + code["kerngroep_pijler".Length..],
        _ => code.Replace('_', ' '),
    };

    /// <summary>The action statuses of the register, in the order of execution, with their Dutch words.</summary>
    public static readonly (string Code, string Word)[] ActionStatuses =
    [
        ("gepland", "gepland"), ("in_uitvoering", "in uitvoering"), ("vertraagd", "vertraagd"), ("afgerond", "afgerond"), ("gestopt", "gestopt"),
    ];

    public static string ActionStatusWord(string status) =>
        ActionStatuses.FirstOrDefault(s => s.Code == status).Word ?? status.Replace('_', ' ');

    /// <summary>The threshold the status was measured against, with the kind of target from the register.</summary>
    public static string TargetText(ReportContext ctx, Kpi k)
    {
        var v = k.Value;
        var target = ctx.Show(v.Target!.Value, v.Unit, $"doel {k.Name}", v.Period, v.Region, ReportContext.Decimals(v));
        return k.Register?.Soort switch
        {
            "minimum" => "minimaal " + target,
            "maximum" => "maximaal " + target,
            "pad" => $"{target} (doelpad naar {DutchFormat.Integer(k.Register.Waarde)} in {Year(k.Register.Doeljaar)})",
            "boven_basis" => $"minimaal {target} (basis t/m {Year(k.Register.Basisjaar)} + {DutchFormat.Number(k.Register.Waarde, 1)} pp)",
            _ => target,
        };
    }

    static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "–";

    /// <summary>"A07 Hybride docenten opleiden … (achter schema)" for each action aimed at the KPI; "–" for none.</summary>
    public static string ActionsText(IReadOnlyList<ActionRecord> actions, bool brief = false)
    {
        if (actions.Count == 0) return "–";
        return string.Join(brief ? ", " : "\n", actions.Select(a =>
            (brief ? a.ActieId : $"{a.ActieId} {Shorten(a.Maatregel, 48)}") + (a.AchterSchema ? " (achter schema)" : "")));
    }

    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>
    /// A pillar as a whole: behind when one of its KPIs is behind, incomplete when one is incomplete, on course
    /// when all are, no target when none of its indicators has one.
    /// </summary>
    public static Status PillarStatus(IEnumerable<Kpi> kpis)
    {
        var statuses = kpis.Select(k => StatusText.Parse(k.Value.Status)).ToList();
        if (statuses.Contains(Status.Behind)) return Status.Behind;
        if (statuses.Contains(Status.Incomplete)) return Status.Incomplete;
        return statuses.Contains(Status.OnTrack) ? Status.OnTrack : Status.NoTarget;
    }

    /// <summary>Whether the mart has any value for an indicator of the pillar (by the catalogue).</summary>
    public static bool PillarHasData(MartData d, int pillar) =>
        d.Values.Any(v => d.Catalogue.GetValueOrDefault(v.Indicator)?.Pijler == pillar) || (pillar == 4 && d.Actions.Count > 0);
}
