// End-to-end tests of the PDF report on the hand-made fixture warehouse: the PDF is read back with
// pdftotext/pdfinfo (poppler-utils), so what is asserted is what a reader sees.
using System.Diagnostics;
using Monitor.Reporting;
using Monitor.Reporting.Sections;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

[TestFixture]
public class ReportBuilderTests
{
    static readonly DateTimeOffset FixedTime = new(2024, 7, 1, 10, 0, 0, TimeSpan.Zero);

    TempDir? temp;
    string dir = "";
    ReportResult national = null!;
    string text = "";

    [OneTimeSetUp]
    public void BuildNationalReport()
    {
        // Set MONITOR_REPORT_FIXTURE_DIR to keep the fixture warehouse and reports for inspection.
        var keep = Environment.GetEnvironmentVariable("MONITOR_REPORT_FIXTURE_DIR");
        if (string.IsNullOrEmpty(keep))
        {
            temp = new TempDir();
            dir = temp.Path;
        }
        else
        {
            dir = keep;
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        ReportFixture.Create(dir);
        national = Build(region: null);
        text = Poppler.Text(national.PdfPath) ?? "";
    }

    [OneTimeTearDown]
    public void CleanUp() => temp?.Dispose();

    ReportResult Build(string? region, DateTimeOffset? at = null)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(dir, "warehouse.duckdb"));
        return ReportBuilder.Build(db, new ReportOptions { OutDir = dir, Region = region, GeneratedAt = at ?? FixedTime });
    }

    static void RequirePoppler()
    {
        if (!Poppler.Available) Assert.Ignore("pdftotext/pdfinfo (poppler-utils) not installed");
    }

    [Test]
    public void Writes_the_pdf_csv_and_charts_under_reports_named_after_the_latest_year()
    {
        Assert.That(national.PdfPath, Is.EqualTo(Path.Combine(dir, "reports", "indicatorrapport-2023.pdf")));
        Assert.That(File.Exists(national.PdfPath));
        Assert.That(File.Exists(national.CsvPath));
        Assert.That(national.ChartFiles, Is.Not.Empty);
        Assert.That(national.ChartFiles.Count(f => f.EndsWith(".png")), Is.EqualTo(national.ChartFiles.Count(f => f.EndsWith(".svg"))));
        Assert.That(national.ChartFiles, Has.All.Matches<string>(File.Exists));
        Assert.That(Directory.GetFiles(Path.Combine(dir, "reports"), "*.tmp"), Is.Empty);
    }

    [Test]
    public void Is_a4_with_the_page_count_reported_and_metadata_set()
    {
        RequirePoppler();
        var info = Poppler.Info(national.PdfPath)!;
        Assert.That(info, Does.Match(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)"));
        Assert.That(info, Does.Match($@"Pages:\s+{national.Pages}\n"));
        Assert.That(info, Does.Match(@"Author:\s+Monitor Groene en Digitale Banen\n"));
        Assert.That(info, Does.Match(@"Title:\s+Monitor Groene en Digitale Banen — Indicatorrapport 2023\n"));
        Assert.That(national.Pages, Is.GreaterThan(8));
    }

    [Test]
    public void Embeds_only_the_shipped_dejavu_fonts_and_charts_are_real_text()
    {
        RequirePoppler();
        var fonts = Poppler.Run("pdffonts", $"\"{national.PdfPath}\"")!;
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows, Has.All.Match(@"^\w{6}\+DejaVuSans(-Bold)?\s.*\byes\s+yes\s+yes\b"));
        // Axis labels of the charts: school years and whole years, written as text by the vector renderer.
        Assert.That(text, Does.Contain("2019/20"));
        Assert.That(text, Does.Contain("2030"));
        Assert.That(text, Does.Not.Contain("2,020"), "years are never formatted as quantities");
        Assert.That(text, Does.Not.Contain("2.020"), "years are never formatted as quantities");
    }

    [Test]
    public void Has_every_section_heading_in_dutch()
    {
        RequirePoppler();
        Assert.That(text, Does.Contain("Monitor Groene en Digitale Banen — Indicatorrapport"));
        foreach (var heading in new[]
                 {
                     "Samenvatting", "Pijler 1: meer jongeren in bètatechnisch onderwijs", "Pijler 2: behoud en groei van technische en ICT-werkenden",
                     "Regionale verschillen", "Vooruitblik: baanopeningen en schoolverlaters", "Op koers? De indicatoren met een doel",
                     "Pijler 3: arbeidsproductiviteit", "Pijler 4: governance en uitvoering van de acties", "Bronnen en kwaliteit", "Kernpunten",
                 })
            Assert.That(text, Does.Contain(heading), heading);
        Assert.That(text, Does.Contain("Verslagperiode"));
        Assert.That(text, Does.Contain("publicaties tot en met 1 juni 2024"), "data date = latest vintage in the mart");
        Assert.That(text, Does.Contain("1 juli 2024, 10:00 uur (UTC)"), "generation time on the cover");
        Assert.That(text, Does.Contain("Pagina 2 van " + national.Pages));
    }

    [Test]
    public void Prints_the_fixture_figures_formatted_the_dutch_way()
    {
        RequirePoppler();
        // ICT stock 2023 and its fall of 3.000 from 673.000.
        Assert.That(text, Does.Contain("670.000"));
        Assert.That(text, Does.Contain("673.000"));
        Assert.That(text, Does.Contain("-3.000 t.o.v. 2022"));
        // Groeitekort 2023: 60.000 - (-3.000) = 63.000; benodigd tempo (1.000.000 - 670.000) / 7 = 47.142,86 -> 47.143.
        Assert.That(text, Does.Contain("63.000"));
        Assert.That(text, Does.Contain("47.143"));
        // Zij-instroom share 2023: 38.000 / 100.000 = 38%; in 2022 39.600 / 110.000 = 36%.
        Assert.That(text, Does.Contain("38%"));
        Assert.That(text, Does.Contain("36%"));
        // Behoud ICT 2023: 100 * (1 - 52.000 / 673.000) = 92,273... -> 92,3%.
        Assert.That(text, Does.Contain("92,3%"));
        // Spanningsindicator techniek 2023KW4: 80.000 / 20.000 = 4,00 zeer krap; ICT 27.500 / 16.000 = 1,72 krap.
        Assert.That(text, Does.Contain("4,00"));
        Assert.That(text, Does.Contain("1,72"));
        Assert.That(text, Does.Contain("zeer krap"));
        // 2023KW1 techniek: 85.000 / 19.500 = 4,36.
        Assert.That(text, Does.Contain("4,36"));
        // Hybride docenten 2023: 120 + 330 + 190 = 640 against 1.000, 360 short.
        Assert.That(text, Does.Contain("640"));
        Assert.That(text, Does.Contain("1.000"));
        Assert.That(text, Does.Contain("360 minder dan het doel"));
        // ROA ICT: 58.300 - 40.000 = 18.300.
        Assert.That(text, Does.Contain("58.300"));
        Assert.That(text, Does.Contain("18.300"));
        // Instroom bètatechniek 2023/2024: 40+25+20+45+30+15 thousand = 175.000.
        Assert.That(text, Does.Contain("175.000"));
    }

    [Test]
    public void Shows_status_in_words()
    {
        RequirePoppler();
        Assert.That(text, Does.Contain("achter"));
        Assert.That(text, Does.Contain("geen doel"));
        Assert.That(text, Does.Contain("onvolledig"), "AM24 ICT has a suppressed WW count");
    }

    [Test]
    public void Lists_every_extract_with_vintage_rows_and_quarantine_and_the_checks()
    {
        RequirePoppler();
        Assert.That(text, Does.Contain("uwv_vacatures_2024-02-15.csv"));
        Assert.That(text, Does.Contain("roa_prognoses_2022-01-15.csv"));
        Assert.That(text, Does.Contain("3.640"));
        Assert.That(text, Does.Contain("unknown labour-market region code"));
        Assert.That(text, Does.Contain("uwv_vacatures_2024-05-15.csv"), "the rejected file is listed");
        // The check by its Dutch description, not its code name (ww_afgeschermd), which stays in 'monitor status'.
        Assert.That(text, Does.Contain("Regio's met afgeschermd WW-aantal").And.Not.Contain("ww_afgeschermd"));
        Assert.That(text, Does.Contain("Bron: pr-eDICT, publicatie 2024-06-01"));
        Assert.That(Flatten(text), Does.Contain("Techniek en ICT nooit optellen"));
    }

    [Test]
    public void Lists_all_35_labour_market_regions()
    {
        RequirePoppler();
        foreach (var region in Monitor.Reporting.Data.RegionCatalog.Shared.Arbeidsmarktregios)
            Assert.That(text, Does.Contain(region.Code), region.Code);
        Assert.That(text, Does.Contain("Zuid-Kennemerland en IJmond"));
    }

    [Test]
    public void The_csv_has_a_row_for_each_printed_figure()
    {
        var lines = File.ReadAllLines(national.CsvPath);
        Assert.That(lines[0].TrimStart('\uFEFF'), Is.EqualTo("section;label;period;region;value;unit;text"));
        Assert.That(lines, Has.Some.Matches<string>(l => l.StartsWith("Samenvatting;ICT-werkzamen: 2023, Nederland;2023;NL;670000;aantal;670.000")));
        Assert.That(lines, Has.Some.Matches<string>(l => l.Contains(";2023KW4;NL;4;ratio;4,00")));
        Assert.That(lines, Has.Some.Matches<string>(l => l.Contains("benodigd tempo") && l.EndsWith(";47.143")));
    }

    [Test]
    public void Two_runs_with_the_same_generation_time_give_identical_bytes()
    {
        var first = File.ReadAllBytes(national.PdfPath);
        var firstCsv = File.ReadAllBytes(national.CsvPath);
        var again = Build(region: null);
        Assert.That(File.ReadAllBytes(again.PdfPath), Is.EqualTo(first));
        Assert.That(File.ReadAllBytes(again.CsvPath), Is.EqualTo(firstCsv));
    }

    [Test]
    public void A_different_generation_time_changes_the_pdf()
    {
        var other = Path.Combine(dir, "other");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(dir, "warehouse.duckdb"), Path.Combine(other, "warehouse.duckdb"));
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(other, "warehouse.duckdb"));
        var result = ReportBuilder.Build(db, new ReportOptions { OutDir = other, GeneratedAt = FixedTime.AddDays(1) });
        Assert.That(File.ReadAllBytes(result.PdfPath), Is.Not.EqualTo(File.ReadAllBytes(national.PdfPath)));
    }

    [Test]
    public void Province_edition_uses_its_own_figures_and_says_where_it_has_none()
    {
        var result = Build("PV27");
        Assert.That(Path.GetFileName(result.PdfPath), Is.EqualTo("indicatorrapport-2023-PV27.pdf"));
        RequirePoppler();
        var t = Poppler.Text(result.PdfPath)!;
        var flat = Flatten(t);
        Assert.That(t, Does.Contain("Regionale editie: provincie Noord-Holland"));
        // Noord-Holland: 162.000 ICT-werkzamen, +2.000 on 160.000, zij-instroom 10.000 / 25.000 = 40%.
        Assert.That(t, Does.Contain("162.000"));
        Assert.That(t, Does.Contain("+2.000"));
        Assert.That(t, Does.Contain("40%"));
        // Spanningsindicator PV27 2023KW4: 14.000 / 3.000 = 4,67; ICT 7.000 / 3.500 = 2,00.
        Assert.That(t, Does.Contain("4,67"));
        Assert.That(t, Does.Contain("2,00"));
        // Techniekpact education data exist only for TP regions: said plainly, with the TP region named.
        Assert.That(flat, Does.Contain("Voor provincie Noord-Holland zijn geen cijfers over de instroom in bètatechnisch onderwijs"));
        Assert.That(flat, Does.Contain("Techniekpactregio Noordvleugel"));
        Assert.That(flat, Does.Contain("Voor provincie Noord-Holland zijn geen cijfers over de ROA-prognoses"));
        // The ranked charts mark the province's labour-market regions.
        Assert.That(flat, Does.Contain("de arbeidsmarktregio's in Noord-Holland donker gemarkeerd"));
    }

    [Test]
    public void Labour_market_region_edition_shows_its_vacancies_and_national_figures_elsewhere()
    {
        var result = Build("AM18");
        Assert.That(Path.GetFileName(result.PdfPath), Is.EqualTo("indicatorrapport-2023-AM18.pdf"));
        RequirePoppler();
        var t = Poppler.Text(result.PdfPath)!;
        var flat = Flatten(t);
        Assert.That(t, Does.Contain("Regionale editie: arbeidsmarktregio Groot Amsterdam"));
        // Groot Amsterdam 2023KW4: techniek 6.200 / 1.240 = 5,00 zeer krap; ICT 4.100 / 1.600 = 2,56 krap.
        Assert.That(t, Does.Contain("5,00"));
        Assert.That(t, Does.Contain("2,56"));
        Assert.That(flat, Does.Contain("Voor arbeidsmarktregio Groot Amsterdam zijn geen cijfers over werkzamen en stromen"));
        // The national ICT stock is still shown, as national.
        Assert.That(t, Does.Contain("670.000"));
    }

    [Test]
    public void Techniekpact_region_edition_shows_its_education_figures()
    {
        var result = Build("TP3");
        RequirePoppler();
        var t = Poppler.Text(result.PdfPath)!;
        // Noordvleugel 2023/2024: 52.000 entrants, 1.500 more than 50.500 the year before.
        Assert.That(t, Does.Contain("52.000"));
        Assert.That(t, Does.Contain("1.500 meer"));
    }

    [Test]
    public void An_unknown_region_is_refused_with_the_expected_forms()
    {
        var e = Assert.Throws<ReportException>(() => Build("AM99"));
        Assert.That(e!.Message, Does.Contain("AM99").And.Contain("PV20").And.Contain("TP1"));
    }

    [Test]
    public void An_unknown_region_is_named_without_a_command_line_option()
    {
        // The report is asked for a region by the CLI and by a pipeline file's report_regions alike.
        var e = Assert.Throws<ReportException>(() => Build("pv99"));
        Assert.That(e!.Message, Does.StartWith("region 'pv99' is not a known region: expected a province (PV20–PV31)"));
    }

    [Test]
    public void A_region_code_in_lower_case_makes_the_regional_edition_under_its_code()
    {
        var result = Build("tp3");
        Assert.That(Path.GetFileName(result.PdfPath), Is.EqualTo("indicatorrapport-2023-TP3.pdf"));
    }

    [Test]
    public void An_as_of_date_that_does_not_match_the_mart_is_refused()
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(dir, "warehouse.duckdb"));
        var e = Assert.Throws<ReportException>(() => ReportBuilder.Build(db,
            new ReportOptions { OutDir = dir, AsOf = new DateOnly(2024, 3, 1), GeneratedAt = FixedTime }));
        Assert.That(e!.Message, Does.Contain("monitor run --as-of 2024-03-01"));
    }

    [Test]
    public void A_warehouse_without_a_mart_is_refused_with_what_to_do()
    {
        using var t = new TempDir();
        using (WarehouseDb.OpenForWrite(t.Combine("warehouse.duckdb"))) { }
        using var db = WarehouseDb.OpenReadOnly(t.Combine("warehouse.duckdb"));
        var e = Assert.Throws<ReportException>(() => ReportBuilder.Build(db, new ReportOptions { OutDir = t.Path, GeneratedAt = FixedTime }));
        Assert.That(e!.Message, Does.Contain("monitor run"));
    }

    /// <summary>pdftotext breaks lines where the PDF does; sentences are matched on the text with line breaks removed.</summary>
    static string Flatten(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
}

/// <summary>The poppler command-line tools, when installed.</summary>
public static class Poppler
{
    public static bool Available => Run("pdfinfo", "-v") is not null;

    public static string? Text(string pdf) => Run("pdftotext", $"-layout -enc UTF-8 \"{pdf}\" -");

    public static string? Info(string pdf) => Run("pdfinfo", $"\"{pdf}\"");

    public static string? Run(string tool, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var output = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
