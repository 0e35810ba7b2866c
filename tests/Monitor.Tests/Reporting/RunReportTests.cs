// The report as the last step of a full run on the bundled sample-data: built in the run's work
// directory, published with the warehouse, read back as text.
using System.Text.Json;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

[TestFixture]
public class RunReportTests
{
    static readonly DateTimeOffset FixedTime = new(2026, 1, 15, 6, 30, 0, TimeSpan.Zero);
    TempDir temp = null!;
    RunResult run = null!;

    [OneTimeSetUp]
    public void RunOnSampleData()
    {
        temp = new TempDir();
        run = StandardSteps.Runner().Run(new RunRequest
        {
            DataDir = Path.Combine(Fixtures.RepoRoot, "sample-data"), OutDir = temp.Path, GeneratedAt = FixedTime, StableFiles = Fixtures.NoWatch,
            ReportRegions = ["PV27", "AM18"],
        });
    }

    [OneTimeTearDown]
    public void CleanUp() => temp.Dispose();

    [Test]
    public void The_run_publishes_the_report_its_figures_and_a_summary_beside_it()
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Message);
        var reports = temp.Combine("reports");
        Assert.That(run.ReportPath, Is.EqualTo(Path.Combine(reports, "indicatorrapport-2024.pdf")));
        Assert.That(File.Exists(run.ReportPath));
        Assert.That(File.Exists(Path.Combine(reports, "indicatorrapport-2024-cijfers.csv")));
        // The regional editions asked for are published in the same folder.
        Assert.That(Directory.GetFiles(reports, "*.pdf").Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "indicatorrapport-2024-AM18.pdf", "indicatorrapport-2024-PV27.pdf", "indicatorrapport-2024.pdf" }));
        Assert.That(Directory.GetFiles(reports, "*.png"), Has.Length.EqualTo(Directory.GetFiles(reports, "*.svg").Length).And.Length.GreaterThan(10));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "run-summary.json")));
        Assert.That(summary.RootElement.GetProperty("run_id").GetString(), Is.EqualTo(run.RunId));
        Assert.That(summary.RootElement.GetProperty("trigger").GetString(), Is.EqualTo("manual"));
        Assert.That(summary.RootElement.GetProperty("as_of").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(summary.RootElement.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
        Assert.That(summary.RootElement.GetProperty("report").GetString(), Is.EqualTo(run.ReportPath));
        Assert.That(summary.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()),
            Is.EqualTo(new[] { "ingest", "indicators", "checks", "report", "export", "site", "publish" }));
        // Nothing of the run's private directory is left once it has published.
        Assert.That(Directory.Exists(Path.Combine(temp.Path, ".work", run.RunId)), Is.False);
    }

    [Test]
    public void The_published_report_has_every_section_the_anchored_figures_and_dutch_check_texts()
    {
        if (!Poppler.Available) Assert.Ignore("pdftotext/pdfinfo (poppler-utils) not installed");
        var text = System.Text.RegularExpressions.Regex.Replace(Poppler.Text(run.ReportPath!)!, @"\s+", " ");
        foreach (var heading in new[]
        {
            "Samenvatting", "Pijler 1: meer jongeren in bètatechnisch onderwijs", "Pijler 2: behoud en groei van technische en ICT-werkenden",
            "Regionale verschillen", "Vooruitblik: baanopeningen en schoolverlaters", "Op koers? De indicatoren met een doel",
            "Pijler 3: arbeidsproductiviteit", "Pijler 4: governance en uitvoering van de acties", "Bronnen en kwaliteit",
        })
            Assert.That(text, Does.Contain(heading));
        // Sample-data is anchored on the published pr-eDICT figures: 2023 nettogroei -3,000 (DOMAIN.md).
        Assert.That(text, Does.Contain("-3.000"));
        Assert.That(text, Does.Contain("Gemaakt op 15 januari 2026"));
        Assert.That(text, Does.Contain($"verwerking {run.RunId}").And.Contain("dit rapport is in die verwerking gemaakt"));
        // The first run on sample-data reads all 24 files of sample-data for the first time: all of them are new.
        Assert.That(text, Does.Contain("Nieuw sinds de vorige verwerking (de verwerking van").And.Contain("24 leveringen geladen (cbs_arbeidsproductiviteit_2024-06-14.csv"));
        // Check descriptions are printed in Dutch, not the English text meant for logs.
        Assert.That(text, Does.Contain("Elke indicatorcode in mart.indicator_values staat in de catalogus"));
        Assert.That(text, Does.Not.Contain("Every indicator code"));
    }

    [Test]
    public void Status_shows_the_steps_and_the_checks_of_the_run()
    {
        using var db = WarehouseDb.OpenReadOnly(temp.Combine("warehouse.duckdb"));
        Assert.That(StatusQueries.Steps(db, run.RunId).Select(s => (s.Step, s.Status)), Is.EqualTo(new[]
        {
            ("ingest", "succeeded"), ("indicators", "succeeded"), ("checks", "succeeded"), ("report", "succeeded"), ("export", "succeeded"),
            ("site", "succeeded"),
        }));
        var checks = StatusQueries.LatestChecks(db);
        Assert.That(checks.Select(c => c.RunId).Distinct(), Is.EqualTo(new[] { run.RunId }));
        Assert.That(checks, Has.Count.EqualTo(Monitor.Indicators.CheckDefinition.All().Count));
        // Failures come first; on sample-data no check of severity error fails.
        Assert.That(checks.Where(c => c.Status == "failed").Select(c => c.Severity), Is.All.EqualTo("warning"));

        var (exit, output, _) = MonitorCli.Invoke("status", "--out", temp.Path);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain($"Steps of run {run.RunId}").And.Contain($"Data-quality checks of run {run.RunId}").And.Contain("mart_unique_key"));
    }
}
