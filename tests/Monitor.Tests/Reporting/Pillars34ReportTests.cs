// The parts of the report that issue 13 added, on the hand-made fixture: the "Op koers?" overview, the
// pillar 3 and 4 sections, the four pillar tiles, the two ICT paths labelled apart, the supplier names
// from the dataset declarations, a changed target changing the print, and a warehouse from before
// pillars 3 and 4 still giving a report that says what is missing.
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Reporting;
using Monitor.Reporting.Sections;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

[TestFixture]
public class Pillars34ReportTests
{
    static readonly DateTimeOffset FixedTime = new(2024, 7, 1, 10, 0, 0, TimeSpan.Zero);

    TempDir temp = null!;
    string text = "";

    [OneTimeSetUp]
    public void BuildFullAndOldReports()
    {
        temp = new TempDir();
        if (!Poppler.Available) return;
        text = Build(temp.Combine("full"), pillars34: true);
    }

    [OneTimeTearDown]
    public void CleanUp() => temp.Dispose();

    static string Build(string dir, bool pillars34, Action<System.Data.IDbConnection>? change = null)
    {
        ReportFixture.Create(dir, pillars34);
        if (change is not null)
            using (var write = WarehouseDb.OpenForWrite(Path.Combine(dir, "warehouse.duckdb")))
                change(write.Connection);
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(dir, "warehouse.duckdb"));
        var result = ReportBuilder.Build(db, new ReportOptions { OutDir = dir, GeneratedAt = FixedTime });
        return Poppler.Text(result.PdfPath)!;
    }

    [SetUp]
    public void RequirePoppler()
    {
        if (!Poppler.Available) Assert.Ignore("pdftotext/pdfinfo (poppler-utils) not installed");
    }

    /// <summary>
    /// The body of a section: from its heading (not the table of contents entry; with <paramref name="last"/> the last
    /// occurrence, for a title the Op koers? overview also uses) to the next section's heading.
    /// </summary>
    static string Section(string t, string title, string next, bool last = false)
    {
        var start = last ? t.LastIndexOf(title, StringComparison.Ordinal) : t.IndexOf(title, t.IndexOf(title, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), title);
        var end = t.IndexOf(next, start + title.Length, StringComparison.Ordinal);
        Assert.That(end, Is.GreaterThan(start), next);
        return t[start..end];
    }

    /// <summary>The last line that starts with the text: a table row comes after the chart whose legend or axis may start the same way.</summary>
    static string Line(string section, string startsWith)
    {
        var line = section.Split('\n').Select(l => Regex.Replace(l, @"\s+", " ").Trim())
            .LastOrDefault(l => l.StartsWith(startsWith, StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, $"a line starting with '{startsWith}'");
        return line!;
    }

    static string Flatten(string s) => Regex.Replace(s, @"\s+", " ");

    string OnCourseText(string t) => Section(t, "Op koers? De indicatoren met een doel", "Pijler 1: meer jongeren in");

    [Test]
    public void Op_koers_lists_every_kpi_with_a_target_its_value_target_status_and_actions()
    {
        var s = OnCourseText(text);
        // Hybride docenten 2023: 120 + 330 + 190 = 640 against a minimum of 1.000: behind; A02 aims at it and is behind schedule.
        Assert.That(Line(s, "Hybride docenten"), Does.Match(@"^Hybride docenten 2023 640 minimaal 1\.000 achter A02 Hybride docenten"));
        // Werkzaam ICT 2023 against the straight path 673.000 + (1.000.000 - 673.000) / 8 = 713.875.
        Assert.That(Line(s, "Werkzamen (ICT)"), Does.Match(@"^Werkzamen \(ICT\) 2023 670\.000 713\.875 \(doelpad achter A04 Matching"));
        Assert.That(Line(s, "Nettogroei (ICT)"), Does.Match(@"^Nettogroei \(ICT\) 2023 -3\.000 minimaal 60\.000 achter A03 STAP-budget"));
        Assert.That(Line(s, "Groeitekort ICT"), Does.Match(@"^Groeitekort ICT 2023 63\.000 maximaal 0 achter –"));
        // Productivity, whole economy 2023 (provisional): 1,9 against the base mean plus one point, 1,8: on course.
        Assert.That(Line(s, "Arbeidsproductiviteit 2023"), Does.Match(@"^Arbeidsproductiviteit 2023 1,9% minimaal 1,8% op koers A05 Productiviteitsoffensief"));
        Assert.That(Line(s, "Arbeidsproductiviteit (D"), Does.Match(@"^Arbeidsproductiviteit \(D 2023 0,2% minimaal 1,4% achter A05, A06$"));
        Assert.That(Line(s, "Overleggen 2023"), Does.Match(@"^Overleggen 2023 3 minimaal 3 op koers A07 Eén landelijke"));
        Assert.That(s, Does.Contain("(koersoverleg)"));
        var flat = Flatten(s);
        Assert.That(flat, Does.Contain("(voorlopig)"), "provisional CBS years are marked");
        Assert.That(Regex.Matches(s, @"schema\)").Count, Is.EqualTo(3), "'(achter schema)': A02 once, A04 twice (werkzaam and nettogroei)");
        // Pillars in order, industries of the offensive before ICT before the rest.
        Assert.That(flat.IndexOf("Pijler 1: instroom", StringComparison.Ordinal), Is.LessThan(flat.IndexOf("Pijler 2: behoud", StringComparison.Ordinal)));
        Assert.That(new[] { "Arbeidsproductiviteit 2023", "Arbeidsproductiviteit (C", "Arbeidsproductiviteit (D", "Arbeidsproductiviteit (F", "Arbeidsproductiviteit (J", "Arbeidsproductiviteit (G" }
            .Select(p => flat.IndexOf(p, StringComparison.Ordinal)), Is.Ordered.And.All.GreaterThan(0));
        // Indicators without a target are not in the overview.
        Assert.That(flat, Does.Not.Contain("Behoud"));
        Assert.That(flat, Does.Not.Contain("Spanningsindicator"));
    }

    [Test]
    public void The_summary_has_a_tile_for_each_of_the_four_pillars_with_its_status()
    {
        var s = Section(text, "Samenvatting", "Op koers? De indicatoren met een doel");
        foreach (var pillar in new[] { "Pijler 1: onderwijs", "Pijler 2: werkenden", "Pijler 3: productiviteit", "Pijler 4: governance" })
            Assert.That(s, Does.Contain(pillar));
        // On course of the KPIs with a target: pillar 1 0 of 1, pillar 2 0 of 3, pillar 3 3 of 6 (total, C, G), pillar 4 1 of 1.
        Assert.That(Flatten(s), Does.Match(@"0 van 1 achter 0 van 3 achter 3 van 6 achter 1 van 1 op koers"));
        Assert.That(Flatten(s), Does.Match(@"Acties op schema 2023 K4: .*67%"), "4 of the 6 actions not stopped");
        // The ICT tile now has a target: the path at 2023, and its status is the mart's.
        Assert.That(Flatten(s), Does.Contain("Doelpad: 713.875 (2030: 1.000.000)"));
    }

    [Test]
    public void Pillar_3_shows_productivity_per_industry_against_its_target_with_provisional_years_marked()
    {
        var s = Section(text, "Pijler 3: arbeidsproductiviteit", "Pijler 4: governance en uitvoering van de acties", last: true);
        var flat = Flatten(s);
        Assert.That(flat, Does.Contain("In 2023 veranderde de arbeidsproductiviteit van de hele economie met 1,9% (voorlopig cijfer). De doellijn lag op 1,8%: status op koers."));
        Assert.That(flat, Does.Contain("1,0 procentpunt boven het gemiddelde ligt van de tien jaar tot en met 2021"), "the target from the register row");
        Assert.That(flat, Does.Contain("Voorlopige cijfers (2022 en 2023) lichter en gestippeld"));
        // C Industrie 2019-2023: 0,6 -1,0 4,0 0,4* 2,6*; target 2,3: on course. J 3,5* against 3,9: behind.
        Assert.That(Line(s, "C Industrie"), Is.EqualTo("C Industrie 0,6% -1,0% 4,0% 0,4%* 2,6%* 2,3% op koers"));
        Assert.That(Line(s, "D Energievoorziening"), Is.EqualTo("D Energievoorziening 0,5% 1,1% -2,0% 3,1%* 0,2%* 1,4% achter"));
        Assert.That(Line(s, "J Informatie en communicatie"), Is.EqualTo("J Informatie en communicatie 2,7% 3,0% 4,2% 2,8%* 3,5%* 3,9% achter"));
        Assert.That(Line(s, "G Handel"), Is.EqualTo("G Handel 0,4% 0,8% 1,0% 0,9%* 2,2%* 1,7% op koers"));
        // The offensive's industries (techniek in ref.bedrijfstakken) and ICT apart from the rest.
        var offensive = flat.IndexOf("Bedrijfstakken van het productiviteitsoffensief", StringComparison.Ordinal);
        var ict = flat.IndexOf("ICT (informatie en communicatie)", StringComparison.Ordinal);
        var rest = flat.IndexOf("Overige bedrijfstakken", StringComparison.Ordinal);
        Assert.That(offensive, Is.GreaterThan(0));
        Assert.That(new[] { offensive, flat.IndexOf("F Bouwnijverheid 1,4%", StringComparison.Ordinal), ict, flat.IndexOf("J Informatie en communicatie 2,7%", StringComparison.Ordinal), rest,
            flat.IndexOf("G Handel 0,4%", StringComparison.Ordinal) }, Is.Ordered);
        Assert.That(flat, Does.Contain("* Voorlopig cijfer"));
    }

    [Test]
    public void Pillar_4_shows_actions_per_pillar_by_status_those_behind_schedule_and_the_meetings()
    {
        var s = Section(text, "Pijler 4: governance en uitvoering van de acties", "Bronnen en kwaliteit");
        var flat = Flatten(s);
        Assert.That(flat, Does.Contain("Het actieregister van 15 december 2023 telt 7 acties; 2 daarvan lopen achter op schema en 67% van de acties die niet gestopt zijn ligt op schema."));
        // Columns: gepland, in uitvoering, vertraagd, afgerond, gestopt, totaal, achter schema, op schema.
        Assert.That(Line(s, "Pijler 1 0"), Is.EqualTo("Pijler 1 0 1 1 0 0 2 1 50%"));
        Assert.That(Line(s, "Pijler 3 0"), Is.EqualTo("Pijler 3 0 1 0 0 1 2 0 100%"));
        Assert.That(Line(s, "Alle pijlers 1"), Is.EqualTo("Alle pijlers 1 3 1 1 1 7 2 67%"));
        // Behind schedule: A02 (vertraagd) and A04 (in uitvoering past 31 oktober 2023); not the stopped A06.
        Assert.That(Line(s, "A02"), Does.Match(@"^A02 1 Hybride docenten: 1\.000 opleiden OCW vertraagd 31 december Hybride"));
        Assert.That(Line(s, "A04"), Does.Match(@"^A04 2 Matching via de nieuwe SZW in uitvoering 31 oktober"));
        Assert.That(flat, Does.Not.Contain("A06").And.Not.Contain("A01"));
        // Meetings and attendance summed over the meetings: koersoverleg 20/25 = 80,0% and 51/60 = 85,0%.
        Assert.That(flat, Does.Contain("In 2023 kwam het koersoverleg 3 keer bijeen; het doel is minimaal 3 keer per jaar (status: op koers)."));
        Assert.That(Line(s, "Koersoverleg"), Is.EqualTo("Koersoverleg 2 80,0% 3 85,0%"));
        Assert.That(Line(s, "Kerngroep pijler 1"), Is.EqualTo("Kerngroep pijler 1 3 75,0% 4 87,5%"));
        Assert.That(Line(s, "DG-overleg"), Is.EqualTo("DG-overleg 2 83,3% 3 94,4%"));
    }

    [Test]
    public void Werkzaam_ict_is_drawn_against_the_straight_path_and_the_norm_path_labelled_apart()
    {
        var flat = Flatten(text);
        Assert.That(flat, Does.Contain("Doelpad: rechte lijn naar 1.000.000 in 2030 vanaf 2022"));
        Assert.That(flat, Does.Contain("Normpad: +60.000 per jaar vanaf 2022"));
        // Path 713.875, 43.875 above the 670.000; the norm path 673.000 + 60.000 = 733.000, 63.000 above.
        Assert.That(flat, Does.Contain("Op het doelpad hoorden dat er 713.875 te zijn: 43.875 minder (status: achter)."));
        Assert.That(flat, Does.Contain("kwam uit op 733.000: 63.000 meer dan het werkelijke aantal."));
    }

    [Test]
    public void Supplier_names_come_from_the_dataset_declarations()
    {
        var flat = Flatten(text);
        // meta.datasets of the fixture declares CBS and the programme office beside the four statistical suppliers.
        Assert.That(flat, Does.Contain("Samengesteld uit de gegevens van Techniekpactmonitor, pr-eDICT, UWV, ROA, CBS en Programmabureau."));
        Assert.That(Line(text, "cbs_arbeidsproductiviteit_2024-03-15.csv"), Does.StartWith("cbs_arbeidsproductiviteit_2024-03-15.csv CBS 2024-03-15"));
    }

    [Test]
    public void A_renamed_supplier_in_meta_datasets_is_the_name_the_report_prints()
    {
        var renamed = Flatten(Build(temp.Combine("renamed"), pillars34: true,
            c => c.Execute("UPDATE meta.datasets SET supplier = 'CA-ICT Monitor' WHERE source = 'predict'")));
        Assert.That(renamed, Does.Contain("Samengesteld uit de gegevens van Techniekpactmonitor, CA-ICT Monitor, UWV, ROA, CBS en Programmabureau."));
        Assert.That(renamed, Does.Contain("predict_werkzaam_2024-06-01.csv CA-ICT Monitor 2024-06-01"));
        Assert.That(renamed, Does.Contain("ten opzichte van het jaar ervoor, Nederland; CA-ICT Monitor"));
        Assert.That(renamed, Does.Contain("ICT-beroepen (Nederland, CA-ICT Monitor)"));
    }

    [Test]
    public void Region_names_come_from_the_ref_tables_of_the_warehouse()
    {
        var dir = temp.Combine("regions");
        ReportFixture.Create(dir);
        using (var write = WarehouseDb.OpenForWrite(Path.Combine(dir, "warehouse.duckdb")))
        {
            var shipped = Monitor.Reporting.Data.RegionCatalog.Shared;
            foreach (var p in shipped.Provincies)
                write.Connection.Execute("INSERT INTO ref.provincies VALUES ($code, $naam)", new { code = p.Code, naam = p.Code == "PV27" ? "Noord-Holland (uit ref)" : p.Naam });
            foreach (var a in shipped.Arbeidsmarktregios)
                write.Connection.Execute("INSERT INTO ref.arbeidsmarktregios VALUES ($code, $naam, $provincie)", new { code = a.Code, naam = a.Naam, provincie = a.Provincie });
            foreach (var t in shipped.Techniekpactregios)
                write.Connection.Execute("INSERT INTO ref.techniekpactregios VALUES ($code, $naam, $provincies)", new { code = t.Code, naam = t.Naam, provincies = string.Join(", ", t.Provincies) });
        }
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(dir, "warehouse.duckdb"));
        var result = ReportBuilder.Build(db, new ReportOptions { OutDir = dir, Region = "PV27", GeneratedAt = FixedTime });
        Assert.That(Flatten(Poppler.Text(result.PdfPath)!), Does.Contain("Regionale editie: provincie Noord-Holland (uit ref)"));
    }

    [Test]
    public void A_changed_target_changes_the_printed_target_and_status()
    {
        var changed = Build(temp.Combine("changed"), pillars34: true, c => c.Execute("""
            UPDATE ref.doelen SET waarde = 600 WHERE indicator = 'hybride_docenten';
            UPDATE mart.indicator_values SET target = 600, status = 'on_track' WHERE indicator = 'hybride_docenten' AND category IS NULL;
            UPDATE ref.doelen SET waarde = 1200000 WHERE indicator = 'werkzaam' AND soort = 'pad';
            UPDATE mart.indicator_values SET target = 673000 + (1200000 - 673000) / 8.0 * (CAST(period AS INTEGER) - 2022)
                WHERE indicator = 'werkzaam' AND domain = 'ict' AND region = 'NL' AND target IS NOT NULL;
            """));
        var s = OnCourseText(changed);
        Assert.That(Line(s, "Hybride docenten"), Does.Match(@"^Hybride docenten 2023 640 minimaal 600 op koers"));
        // 673.000 + 527.000 / 8 = 738.875 on the new path.
        Assert.That(Line(s, "Werkzamen (ICT)"), Does.Match(@"^Werkzamen \(ICT\) 2023 670\.000 738\.875 \(doelpad achter"));
        Assert.That(Flatten(Section(changed, "Samenvatting", "Op koers? De indicatoren met een doel")), Does.Match(@"1 van 1 op koers 0 van 3 achter"));
        Assert.That(Flatten(changed), Does.Contain("Doelpad: rechte lijn naar 1.200.000 in 2030 vanaf 2022"));
        Assert.That(Flatten(changed), Does.Contain("Het kabinet wil in 2030 1.200.000 ICT-professionals."));
    }

    [Test]
    public void A_warehouse_without_the_pillar_3_and_4_tables_gets_a_report_that_says_so()
    {
        var old = Build(temp.Combine("old"), pillars34: false);
        var flat = Flatten(old);
        Assert.That(flat, Does.Contain(Pillar3Section.NoDataStatement));
        Assert.That(flat, Does.Contain(Pillar4Section.NoDataStatement));
        var summary = Flatten(Section(old, "Samenvatting", "Op koers? De indicatoren met een doel"));
        Assert.That(Regex.Matches(summary, "Nog geen gegevens geladen").Count, Is.EqualTo(2), "the pillar 3 and 4 tiles");
        var onCourse = Flatten(OnCourseText(old));
        Assert.That(onCourse, Does.Contain("Er is nog geen actieregister geladen"));
        Assert.That(Regex.Matches(onCourse, "Voor deze pijler zijn nog geen gegevens geladen").Count, Is.EqualTo(2));
        // Without a register there is no goal to name: the report says so rather than fall back on a constant.
        Assert.That(flat, Does.Contain("Het doelenregister bevat geen doel voor het aantal ICT-werkzamen."));
        var pathBlock = old[old.IndexOf("ICT-werkzamen, het doelpad en het normpad", StringComparison.Ordinal)..old.IndexOf("Nettogroei van het aantal ICT-werkzamen", StringComparison.Ordinal)];
        Assert.That(pathBlock, Does.Not.Contain("1.000.000").And.Not.Contain("Doelpad:").And.Contain("Normpad: +60.000 per jaar vanaf 2020"));
        Assert.That(flat, Does.Contain("De norm van de ICT-sector is een groei van 60.000 ICT-professionals per jaar."));
        // Suppliers from the contracts in the code when the warehouse has no meta.datasets.
        Assert.That(flat, Does.Contain("Samengesteld uit de gegevens van Techniekpactmonitor, pr-eDICT, UWV, ROA, CBS en Programmabureau."));
        // The pillar 3 and 4 sections print no figures.
        foreach (var (title, next) in new[] { ("Pijler 3: arbeidsproductiviteit", "Pijler 4: governance en uitvoering van de acties"), ("Pijler 4: governance en uitvoering van de acties", "Bronnen en kwaliteit") })
        {
            var body = Section(old, title, next, last: true).Split('\n').Where(l => !l.Contains("Pagina") && !l.Contains("Gemaakt op") && !l.Contains("Indicatorrapport"));
            Assert.That(Regex.Replace(string.Join('\n', body), @"[Pp]ijler [34]", ""), Does.Not.Match(@"\d"), title);
        }
    }

    [Test]
    public void Reporting_code_holds_no_policy_number_as_a_literal()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "src", "Monitor", "Reporting"), "*.cs", SearchOption.AllDirectories).ToList();
        Assert.That(files, Is.Not.Empty);
        Assert.That(File.Exists(Path.Combine(Fixtures.RepoRoot, "src", "Monitor", "Reporting", "PolicyTargets.cs")), Is.False);
        var literal = new Regex(@"\b(1_?000_?000|60_?000|1_000|2030|2022)\b|1\.000\.000|60\.000|één miljoen|een miljoen");
        foreach (var file in files)
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                var code = line.Contains("//") ? line[..line.IndexOf("//", StringComparison.Ordinal)] : line;
                if (code.TrimStart().StartsWith("///")) continue;
                Assert.That(literal.IsMatch(code), Is.False, $"{Path.GetFileName(file)}:{number}: {line.Trim()}");
            }
    }
}
