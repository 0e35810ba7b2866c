// Samenvatting: one page with a tile per key indicator and a few sentences written from the data.
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class SummarySection : IReportSection
{
    public string Title => "Samenvatting";

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var scope = ctx.Selected is null
            ? "De stand per pijler (het aantal indicatoren met een doel dat op koers ligt) en van de belangrijkste indicatoren."
            : $"Deze samenvatting toont de stand van de belangrijkste indicatoren voor {ctx.Regions.Describe(ctx.Selected.Code)}, " +
              "waar de bronnen cijfers voor deze regio hebben; elke tegel noemt het gebied waarvoor hij geldt.";
        ctx.Paragraph(scope + " Status: 'op koers', 'achter', 'geen doel' (geen streefwaarde) of 'onvolledig' (niet alle cijfers geleverd).",
            new TextStyle(8.5f));

        ctx.PillarTiles(PillarTiles(ctx));
        ctx.Tiles(BuildTiles(ctx), columns: 3);

        ctx.Heading("Kernpunten", keepWithNext: 60f);
        // The summary is one page: the key points take a smaller size rather than spill onto a second page.
        var points = KeyPoints(ctx).ToList();
        ctx.BulletsFitted(points, new[] { 8.6f, 8.3f, 8f, 7.7f, 7.4f, 7.2f, 7f }.Select(size => new TextStyle(size)).ToList());
    }

    static IReadOnlyList<KpiTileData> BuildTiles(ReportContext ctx)
    {
        var d = ctx.Data;
        var tiles = new List<KpiTileData>();

        var werkzaamRegion = ctx.RegionFor("werkzaam");
        var werkzaam = d.Latest("werkzaam", "ict", werkzaamRegion);
        var goal = PolicyGoals.IctGoal(d);
        var goalText = goal is { } g ? $"doel {Year(g.Year)}: {DutchFormat.Integer(g.Goal)}" : null;
        tiles.Add(Tile(ctx, "ICT-werkzamen", werkzaam,
            werkzaamRegion != "NL" ? "Geen regionaal doel"
            : werkzaam?.Target is { } onPath ? $"Doelpad: {DutchFormat.Integer(onPath)}" + (goal is { } gp ? $" ({Year(gp.Year)}: {DutchFormat.Integer(gp.Goal)})" : "")
            : goalText is not null ? char.ToUpperInvariant(goalText[0]) + goalText[1..] : "Geen doel in het doelenregister"));

        var groei = d.Latest("nettogroei", "ict", werkzaamRegion);
        tiles.Add(Tile(ctx, "Nettogroei ICT-werkzamen", groei,
            groei?.Target is { } t ? $"Doel: minimaal {DutchFormat.Integer(t)} per jaar" : "Geen regionaal doel"));

        var tekort = d.Latest("groeitekort", "ict", "NL");
        tiles.Add(Tile(ctx, "Groeitekort ICT (norm min nettogroei)", tekort,
            $"Doel: {DutchFormat.Integer(tekort?.Target ?? 0)} of minder"));

        var tempo = d.Latest("benodigd_tempo", "ict", "NL");
        tiles.Add(Tile(ctx, goal is { } gy ? $"Benodigd groeitempo ICT tot {Year(gy.Year)}" : "Benodigd groeitempo ICT", tempo,
            goal is { } gt ? $"Per jaar, voor {DutchFormat.Integer(gt.Goal)} in {Year(gt.Year)}" : "Per jaar, tot het doel"));

        var miljoen = d.Latest("jaar_een_miljoen", "ict", "NL");
        tiles.Add(Tile(ctx, goal is { } gm ? $"Jaar waarin het aantal ICT-werkzamen {DutchFormat.Integer(gm.Goal)} bereikt" : "Jaar waarin het ICT-doel bereikt wordt", miljoen,
            miljoen?.Value is null && miljoen?.Label is { } never ? never : "Bij het recente groeitempo"));

        var zij = d.Latest("zij_instroom_aandeel", "ict", ctx.RegionFor("zij_instroom_aandeel"));
        tiles.Add(Tile(ctx, "Aandeel zij-instroom in instroom ICT", zij, "Geen streefwaarde vastgesteld"));

        var behoud = d.Latest("behoud", "ict", ctx.RegionFor("behoud"));
        tiles.Add(Tile(ctx, "Behoud ICT-werkzamen", behoud, "Geen streefwaarde vastgesteld"));

        var uwvRegion = ctx.RegionFor("spanningsindicator");
        foreach (var (domain, name) in new[] { ("techniek", "technische beroepen"), ("ict", "ICT-beroepen") })
        {
            var s = d.Latest("spanningsindicator", domain, uwvRegion);
            tiles.Add(Tile(ctx, $"Spanningsindicator {name}", s,
                s?.Label is { } label ? $"Typering: {label}; geen doel" : "Geen doel"));
        }

        var hybride = d.Latest("hybride_docenten", "techniek", "NL");
        tiles.Add(Tile(ctx, "Hybride docenten", hybride,
            (hybride?.Target ?? d.TargetRow("hybride_docenten", "techniek")?.Waarde) is { } h ? $"Doel: minimaal {DutchFormat.Integer(h)}" : "Geen doel in het doelenregister"));

        foreach (var (domain, name) in new[] { ("ict", "ICT-beroepen"), ("techniek", "technische beroepen") })
        {
            var roa = d.Latest("verwacht_tekort", domain, "NL");
            tiles.Add(Tile(ctx, $"ROA verwacht tekort {name}", roa,
                roa is null ? "Geen doel" : $"Over {roa.Period.ShortText}; geen doel"));
        }
        return tiles;
    }

    static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One tile per pillar: how many of its KPIs with a target are on course, the pillar's status (behind as soon
    /// as one is behind), and its headline figure.
    /// </summary>
    static IReadOnlyList<PillarTileData> PillarTiles(ReportContext ctx)
    {
        var d = ctx.Data;
        var kpis = OnCourse.Kpis(d);
        var tiles = new List<PillarTileData>();
        foreach (var (number, name) in OnCourse.Pillars)
        {
            var label = $"Pijler {number}: {OnCourse.ShortPillarName(number)}";
            var inPillar = kpis.Where(k => k.Pillar == number).ToList();
            if (!OnCourse.PillarHasData(d, number))
            {
                tiles.Add(new PillarTileData(label, "–", "", "Nog geen gegevens geladen", Status.Incomplete));
                continue;
            }
            var headline = Headline(ctx, number);
            if (inPillar.Count == 0)
            {
                tiles.Add(new PillarTileData(label, "–", "Geen indicator met een doel", headline, Status.NoTarget));
                continue;
            }
            var onTrack = inPillar.Count(k => k.Value.Status == "on_track");
            // The targets are national; a regional edition says so on the tile.
            tiles.Add(new PillarTileData(label, $"{DutchFormat.Integer(onTrack)} van {DutchFormat.Integer(inPillar.Count)}",
                ctx.IsRegional ? "Landelijke doelen" : "", headline, OnCourse.PillarStatus(inPillar)));
        }
        return tiles;
    }

    /// <summary>The pillar's headline figure in one short line.</summary>
    static string Headline(ReportContext ctx, int pillar)
    {
        var d = ctx.Data;
        IndicatorValue? v;
        string name;
        switch (pillar)
        {
            case 1: (v, name) = (d.Latest("hybride_docenten", "techniek", "NL"), "Hybride docenten"); break;
            case 2: (v, name) = (d.Latest("werkzaam", "ict", "NL"), "ICT-werkzamen"); break;
            case 3: (v, name) = (d.Latest("arbeidsproductiviteit_groei", "totaal", "NL"), "Productiviteit"); break;
            default: (v, name) = (d.Latest("aandeel_acties_op_schema", "totaal", "NL"), "Acties op schema"); break;
        }
        if (v?.Value is null) return "";
        return $"{name} {v.Period.ShortText}: {ctx.Show(v, $"{name}, pijler {pillar}")}" + (v.Provisional ? " (vl.)" : "");
    }

    static KpiTileData Tile(ReportContext ctx, string label, IndicatorValue? v, string target)
    {
        if (v is null)
            return new KpiTileData(label, "", "–", "Nog geen gegevens geladen", target, Status.Incomplete, "");
        var tileLabel = $"{label}: {v.Period}, {ctx.RegionName(v.Region)}";
        // A value the mart could not compute may still carry a label, e.g. 'niet bij huidig tempo'.
        var value = v.Value is null && v.Label is { } typed ? typed : ctx.Show(v, tileLabel);
        var change = "Geen vorige periode";
        if (ctx.Data.Previous(v) is { Value: { } before } prev && v.Value is { } now)
        {
            // A difference between two calendar years reads badly ("0 t.o.v. 2023"); show the earlier year itself.
            if (v.Unit == "jaar")
                change = $"Bij de stand van {prev.Period.ShortText}: " +
                         ctx.Show(before, v.Unit, $"{tileLabel}, waarde in {prev.Period}", prev.Period, v.Region);
            else
            {
                var decimals = v.Unit == "procent" ? 1 : ReportContext.Decimals(v);
                change = ctx.Show(now - before, v.Unit, $"{tileLabel}, verandering t.o.v. {prev.Period}", v.Period, v.Region, decimals, signed: true)
                         + $" t.o.v. {prev.Period.ShortText}";
            }
        }
        var footnote = $"Bron: {v.Source}";
        return new KpiTileData(label, $"{v.Period.ShortText} · {ctx.RegionName(v.Region)}", value, change, target, StatusText.Parse(v.Status), footnote);
    }

    static IEnumerable<string> KeyPoints(ReportContext ctx)
    {
        var d = ctx.Data;
        var points = new List<string>();
        var region = ctx.RegionFor("werkzaam");
        var where = region == "NL" ? "in Nederland" : "in " + ctx.Regions.Describe(region);

        var werkzaam = d.Latest("werkzaam", "ict", region);
        if (werkzaam?.Value is { } stock)
        {
            var s = $"Eind {werkzaam.Period} werkten er {ctx.Show(werkzaam, "ICT-werkzamen")} ICT-professionals {where} ({ctx.Supplier("predict")}).";
            if (d.Previous(werkzaam) is { Value: { } before } prev)
            {
                var diff = stock - before;
                s += diff == 0
                    ? $" Dat is evenveel als in {prev.Period}."
                    : $" Dat zijn er {ctx.Show(Math.Abs(diff), "aantal", "verschil ICT-werkzamen t.o.v. vorig jaar", werkzaam.Period, region)} {(diff > 0 ? "meer" : "minder")} dan in {prev.Period}.";
            }
            points.Add(s);
        }
        else points.Add("Voor het aantal ICT-werkzamen zijn geen gegevens beschikbaar.");

        var groei = d.Latest("nettogroei", "ict", "NL");
        var tekort = d.Latest("groeitekort", "ict", "NL");
        if (groei?.Value is { } g && groei.Target is { } norm)
        {
            var gap = norm - g;
            var normText = ctx.Show(norm, "aantal", "norm nettogroei ICT", groei.Period, "NL");
            points.Add(gap <= 0
                ? $"Landelijk groeide het aantal ICT-professionals in {groei.Period} met {ctx.Show(groei, "nettogroei ICT")} en haalde daarmee de norm van {normText} per jaar."
                : g < 0
                    ? $"Landelijk daalde het aantal ICT-professionals in {groei.Period} met {ctx.Show(-g, "aantal", "daling ICT-werkzamen", groei.Period, "NL")}: een groeitekort van {ctx.Show(gap, "aantal", "groeitekort ICT", groei.Period, "NL")} op de norm van {normText} groei per jaar."
                    : $"Landelijk groeide het aantal ICT-professionals in {groei.Period} met {ctx.Show(groei, "nettogroei ICT")}: {ctx.Show(gap, "aantal", "groeitekort ICT", groei.Period, "NL")} minder dan de norm van {normText} per jaar.");
        }
        else if (tekort is not null)
            points.Add($"Het groeitekort ten opzichte van de norm was {ctx.Show(tekort, "groeitekort ICT")} in {tekort.Period}.");

        var tempo = d.Latest("benodigd_tempo", "ict", "NL");
        if (tempo?.Value is not null && PolicyGoals.IctGoal(d) is { } ictGoal)
        {
            var s = $"Om in {Year(ictGoal.Year)} {DutchFormat.Integer(ictGoal.Goal)} ICT-professionals te hebben, moet het aantal vanaf eind {tempo.Period} met {ctx.Show(tempo, "benodigd tempo ICT")} per jaar groeien.";
            var miljoen = d.Latest("jaar_een_miljoen", "ict", "NL");
            if (miljoen?.Value is not null)
                s += $" Bij het gemiddelde groeitempo van de laatste drie jaar wordt dat aantal in {ctx.Show(miljoen, "jaar waarin het ICT-doel bereikt wordt")} bereikt.";
            else if (miljoen?.Label is { } label)
                s += $" Bij het gemiddelde groeitempo van de laatste drie jaar wordt dat aantal niet bereikt ({label}).";
            points.Add(s);
        }

        var zijRegion = ctx.RegionFor("zij_instroom_aandeel");
        var zij = d.Latest("zij_instroom_aandeel", "ict", zijRegion);
        if (zij?.Value is not null)
            points.Add($"Zij-instroom (overstappers uit andere beroepen) was in {zij.Period} goed voor {ctx.Show(zij, "aandeel zij-instroom ICT")} van de instroom in ICT-beroepen {(zijRegion == "NL" ? "in Nederland" : "in " + ctx.Regions.Describe(zijRegion))}.");

        var uwvRegion = ctx.RegionFor("spanningsindicator");
        var tech = d.Latest("spanningsindicator", "techniek", uwvRegion);
        var ict = d.Latest("spanningsindicator", "ict", uwvRegion);
        if (tech?.Value is not null && ict?.Value is not null)
        {
            var area = uwvRegion == "NL" ? "" : " in " + ctx.Regions.Describe(uwvRegion);
            points.Add($"In {tech.Period.LongText} was de arbeidsmarkt{area} voor technische beroepen {tech.Label ?? "niet getypeerd"} " +
                       $"(spanningsindicator {ctx.Show(tech, "spanningsindicator techniek")}) en voor ICT-beroepen {ict.Label ?? "niet getypeerd"} " +
                       $"({ctx.Show(ict, "spanningsindicator ICT")}).");
            if (uwvRegion != "NL" && d.At("spanningsindicator", "techniek", "NL", tech.Period) is { Value: not null } nl)
                points.Add($"Landelijk was de spanningsindicator voor technische beroepen in dat kwartaal {ctx.Show(nl, "spanningsindicator techniek, landelijk")} ({nl.Label}).");
        }

        var hybride = d.Latest("hybride_docenten", "techniek", "NL");
        if (hybride?.Value is { } h && (hybride.Target ?? d.TargetRow("hybride_docenten", "techniek")?.Waarde) is { } hybrideGoal)
        {
            var goal = hybrideGoal;
            points.Add(h >= goal
                ? $"Met {ctx.Show(hybride, "hybride docenten")} hybride docenten in {hybride.Period} is het doel van {ctx.Show(goal, "aantal", "doel hybride docenten", hybride.Period, "NL")} gehaald."
                : $"In {hybride.Period} waren er {ctx.Show(hybride, "hybride docenten")} hybride docenten, {ctx.Show(goal - h, "aantal", "hybride docenten tekort op doel", hybride.Period, "NL")} minder dan het doel van {ctx.Show(goal, "aantal", "doel hybride docenten", hybride.Period, "NL")}.");
        }

        var roa = d.Latest("verwacht_tekort", "ict", "NL");
        var openings = roa is null ? null : d.At("baanopeningen", "ict", "NL", roa.Period);
        var leavers = roa is null ? null : d.At("instroom_schoolverlaters", "ict", "NL", roa.Period);
        if (roa?.Value is { } t && openings?.Value is not null && leavers?.Value is not null)
            points.Add($"ROA verwacht voor {roa.Period.LongText} {ctx.Show(openings, "baanopeningen ICT")} baanopeningen in ICT-beroepen tegenover {ctx.Show(leavers, "schoolverlaters ICT")} schoolverlaters: " +
                       (t > 0 ? $"een tekort van {ctx.Show(roa, "verwacht tekort ICT")}." : $"geen tekort ({ctx.Show(roa, "verwacht tekort ICT")})."));

        // Only about figures this page shows: their tiles carry the 'onvolledig' badge.
        if (ctx.IncompleteShown > 0)
            points.Add($"{(ctx.IncompleteShown == 1 ? "Eén cijfer op deze pagina is" : $"{DutchFormat.Integer(ctx.IncompleteShown)} cijfers op deze pagina zijn")} " +
                       "als 'onvolledig' gemarkeerd: daarin ontbreken geleverde of door de bron afgeschermde cellen. Zie 'Bronnen en kwaliteit'.");
        return points;
    }
}
