// Bronnen en kwaliteit: every extract used, what was quarantined or rejected, the data checks,
// the definitions of the indicators and the caveats a reader needs.
using Monitor.Pipeline;
using Monitor.Reporting.Data;
using Monitor.Reporting.Layout;

namespace Monitor.Reporting.Sections;

public sealed class SourcesSection : IReportSection
{
    public string Title => "Bronnen en kwaliteit";


    /// <summary>The ledger's run status in Dutch; a report made inside a run sees that run still going.</summary>
    static string RunStatus(RunRecord run) => run.Status switch
    {
        RunState.Running => "dit rapport is in die verwerking gemaakt",
        RunState.Succeeded => "geslaagd",
        RunState.SucceededWithDataProblems => "geslaagd, met afgekeurde rijen of bestanden",
        RunState.Blocked => "niet gepubliceerd door een blokkerende controle",
        RunState.Failed => "mislukt",
        _ => "status " + run.StatusWord,
    };

    /// <summary>For a failed freshness check: which deliveries are overdue, with their last publication, from the check's sample.</summary>
    static string Overdue(CheckRecord c)
    {
        if (c.Status != "failed" || string.IsNullOrEmpty(c.Sample)) return "";
        var late = new List<string>();
        using var json = System.Text.Json.JsonDocument.Parse(c.Sample);
        foreach (var row in json.RootElement.EnumerateArray())
        {
            if (!row.TryGetProperty("dataset", out var name) || name.GetString() is not { } dataset) return "";
            var contract = Monitor.Sources.Contracts.All.FirstOrDefault(x => x.Name == dataset);
            var what = contract is null ? dataset : $"{contract.Supplier} {contract.Dataset.Replace('_', ' ')}";
            var last = row.TryGetProperty("latest_vintage", out var v) && DutchFormat.ParseIsoDate(v.GetString()) is { } d
                ? $"laatste levering {DutchFormat.Date(d)}" : "nooit geleverd";
            late.Add($"{what} ({last})");
        }
        var more = c.FailingRows is { } n && n > late.Count ? $" en {DutchFormat.Integer(n - late.Count)} meer" : "";
        return $" Te laat: {string.Join("; ", late)}{more}.";
    }

    static string Count(long? n) => n is { } v ? DutchFormat.Integer(v) : "–";

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        var d = ctx.Data;
        var run = d.LastRun is { } r
            ? $"De cijfers komen uit het datawarehouse van de monitor, laatst bijgewerkt door verwerking {r.RunId} (gestart {r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}, {RunStatus(r)}). "
            : "De cijfers komen uit het datawarehouse van de monitor. ";
        ctx.Paragraph(run + "Van elk cijfer gebruikt de monitor de laatste publicatie" +
                      (d.MartAsOf is { } a ? $" die op of vóór de peildatum {DutchFormat.Iso(a)} verscheen." : ".") +
                      " Een cijfer met status 'onvolledig' is berekend uit de cellen die wel geleverd zijn; ontbrekende of afgeschermde cellen zijn niet als nul geteld.");

        Extracts(ctx);
        Quarantine(ctx);
        Checks(ctx);
        Definitions(ctx);
        Caveats(ctx);
    }

    static void Extracts(ReportContext ctx)
    {
        var loaded = ctx.Data.Extracts.Where(e => e.State == "loaded").ToList();
        ctx.Heading("Gebruikte bestanden");
        if (ctx.Data.LastRun is { } last)
        {
            // What is new since the run before, as the ledger knows it: the files this run read for the first time.
            var fresh = ctx.Data.Extracts.Where(e => e.RunId == last.RunId).ToList();
            var started = DutchFormat.Date(DateOnly.FromDateTime(last.StartedAt.UtcDateTime));
            var newLoaded = fresh.Where(e => e.State == "loaded").Select(e => e.FileName).ToList();
            var newRejected = fresh.Where(e => e.State == "rejected").Select(e => e.FileName).ToList();
            ctx.Paragraph(fresh.Count == 0
                ? $"Nieuw sinds de vorige verwerking: geen. De verwerking van {started} vond geen nieuwe leveringen; de cijfers zijn die van de leveringen hieronder."
                : $"Nieuw sinds de vorige verwerking (de verwerking van {started}): " +
                  (newLoaded.Count == 0 ? "geen nieuwe leveringen geladen" : $"{DutchFormat.Integer(newLoaded.Count)} {(newLoaded.Count == 1 ? "levering" : "leveringen")} geladen ({string.Join(", ", newLoaded)})") +
                  (newRejected.Count == 0 ? "." : $"; {DutchFormat.Integer(newRejected.Count)} afgewezen ({string.Join(", ", newRejected)})."));
        }
        if (loaded.Count == 0)
        {
            ctx.Note("Het datawarehouse registreert geen geladen bestanden.");
        }
        else
        {
            ctx.Table(
            [
                new TableColumn("Bestand", 3f), new TableColumn("Bron", 1.3f), new TableColumn("Publicatie", 1f),
                new TableColumn("Rijen", 0.8f, TextAlign.Right), new TableColumn("Geladen", 0.8f, TextAlign.Right),
                new TableColumn("Quarantaine", 0.9f, TextAlign.Right),
            ], loaded.Select(e => new TableRow(
            [
                e.FileName, ctx.Data.Suppliers.Name(e.Source), e.Vintage is { } vintage ? DutchFormat.Iso(vintage) : "–", Count(e.RowsTotal), Count(e.RowsLoaded), Count(e.RowsQuarantined),
            ], Highlight: e.RowsQuarantined > 0)).ToList());
            ctx.Paragraph("Publicatie: de publicatiedatum uit de bestandsnaam. Een latere publicatie vervangt de cijfers van een eerdere " +
                          "voor dezelfde sleutels (een revisie); beide blijven bewaard. Quarantaine: rijen die niet geladen zijn omdat ze niet aan het " +
                          "contract voldeden; de overige rijen van het bestand zijn wel gebruikt.", TextStyle.Caption);
        }

        var rejected = ctx.Data.Extracts.Where(e => e.State == "rejected").ToList();
        if (rejected.Count > 0)
        {
            ctx.Table(
                [new TableColumn("Afgewezen bestand", 2.4f), new TableColumn("Bron", 1.1f), new TableColumn("Reden", 4f)],
                rejected.Select(e => new TableRow([e.FileName, ctx.Data.Suppliers.Name(e.Source), e.Reason ?? "–"])).ToList(),
                "Afgewezen bestanden (niet gebruikt; de vorige publicatie blijft gelden)");
        }
    }

    static void Quarantine(ReportContext ctx)
    {
        var groups = ctx.Data.Quarantine;
        if (groups.Count == 0) return;
        ctx.Heading("Rijen in quarantaine");
        var shown = groups.Take(20).ToList();
        ctx.Table(
            [new TableColumn("Bestand", 2.4f), new TableColumn("Reden", 4f), new TableColumn("Rijen", 0.8f, TextAlign.Right)],
            shown.Select(g => new TableRow([g.FileName, g.Reason, DutchFormat.Integer(g.Rows)])).ToList());
        if (groups.Count > shown.Count)
            ctx.Paragraph($"Nog {DutchFormat.Integer(groups.Count - shown.Count)} andere combinaties van bestand en reden staan in meta.quarantine.", TextStyle.Caption);
    }

    static void Checks(ReportContext ctx)
    {
        ctx.Heading("Kwaliteitscontroles");
        if (ctx.Data.Checks is not { } checks)
        {
            ctx.Note("Dit datawarehouse bevat nog geen uitkomsten van kwaliteitscontroles (meta.check_results ontbreekt).");
            return;
        }
        if (checks.Count == 0)
        {
            ctx.Note("Er zijn geen uitkomsten van kwaliteitscontroles vastgelegd.");
            return;
        }
        var failed = checks.Count(c => c.Status == "failed");
        ctx.Paragraph($"Na het berekenen van de indicatoren zijn {DutchFormat.Integer(checks.Count)} controles uitgevoerd (verwerking {ctx.Data.ChecksRunId}); " +
                      (failed == 0 ? "alle controles zijn geslaagd." : $"{DutchFormat.Integer(failed)} daarvan {(failed == 1 ? "vond" : "vonden")} afwijkingen."));
        // The Dutch description names the check; the code name (source_freshness, …) is for analysts and stays in 'monitor status'.
        ctx.Table(
        [
            new TableColumn("Controle", 4f), new TableColumn("Ernst", 0.2f), new TableColumn("Uitkomst", 0.2f),
            new TableColumn("Afwijkende rijen", 0.2f, TextAlign.Right),
        ], checks.Select(c => new TableRow(
        [
            (c.Description ?? "") + Overdue(c), c.Severity == "error" ? "fout" : "waarschuwing", c.Status == "passed" ? "geslaagd" : "afwijking",
            Count(c.FailingRows),
        ], Highlight: c.Status == "failed")).ToList());
    }

    static void Definitions(ReportContext ctx)
    {
        var used = ctx.Data.Values.Select(v => v.Indicator).ToHashSet(StringComparer.Ordinal);
        var entries = ctx.Data.Catalogue.Values.Where(e => used.Contains(e.Code))
            .OrderBy(e => e.Pijler).ThenBy(e => e.Naam, StringComparer.Ordinal).ToList();
        ctx.Heading("Definities van de indicatoren");
        if (entries.Count == 0)
        {
            ctx.Note("De indicatorcatalogus is leeg of ontbreekt; de definities staan in de documentatie van de monitor.");
            return;
        }
        ctx.Table(
        [
            new TableColumn("Indicator", 1.6f), new TableColumn("Pijler", 0.3f, TextAlign.Center), new TableColumn("Bron en definitie", 2.6f),
            new TableColumn("Berekening", 2.6f), new TableColumn("Doel", 1.4f),
        ], entries.Select(e => new TableRow(
        [
            e.Naam, e.Pijler.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DefinitionText(e),
            e.Formule, e.Doelregel ?? "geen doel",
        ])).ToList());
    }

    /// <summary>The definition usually names its source already; the source is added only when it does not.</summary>
    static string DefinitionText(Monitor.Indicators.CatalogueEntry e)
    {
        if (string.IsNullOrWhiteSpace(e.Definitie)) return e.Bron;
        if (string.IsNullOrWhiteSpace(e.Bron) || e.Definitie.StartsWith(e.Bron, StringComparison.OrdinalIgnoreCase)) return e.Definitie;
        return e.Definitie.Contains(':') ? e.Definitie : $"{e.Bron}: {e.Definitie}";
    }

    static void Caveats(ReportContext ctx)
    {
        ctx.Heading("Kanttekeningen bij het lezen", keepWithNext: 80f);
        ctx.Bullets(
        [
            "Techniek en ICT nooit optellen. De Techniekpactmonitor gebruikt een brede bètatechnische definitie waarin ICT is inbegrepen; " +
            "een techniekcijfer plus een ICT-cijfer telt ICT dubbel.",
            "De ICT-definitie van pr-eDICT is ruimer dan de beroepsklasse ICT (BRC-klasse 08) die UWV en ROA gebruiken. ICT-werkzamen volgens " +
            "pr-eDICT en ICT-vacatures of ROA-prognoses voor ICT-beroepen gaan dus niet over precies dezelfde groep.",
            "Bij UWV en ROA zijn technische beroepen (klasse 07) en ICT-beroepen (klasse 08) gescheiden, anders dan in de Techniekpactmonitor.",
            "Nettogroei (verschil tussen twee standen) en het saldo van instroom en uitstroom worden apart gemeten en kunnen verschillen; " +
            "het rapport toont beide en maakt ze niet gelijk.",
            "De spanningsindicator van een groter gebied is berekend als de som van de vacatures gedeeld door de som van de WW-uitkeringen, " +
            "niet als gemiddelde van de regionale verhoudingen.",
            "Waar een bron een cel afschermt (CBS-conventie 'x') of niet levert, is het cijfer als 'onvolledig' gemarkeerd in plaats van als nul geteld.",
        ], new TextStyle(8.8f));
    }
}
