// A meeting calendar in a test pipeline file, and runs on a small data set around its freeze dates: the edition of each meeting
// is made by the first run on or after its freeze date (also when the input did not change), holds only the vintages published
// by then, and is never changed by a later revision or a later run. --compare-with and `monitor edition` on the same output.
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Editions;
using Monitor.Pipeline.Scheduling;
using Monitor.Tests.Pipeline;
using Monitor.Tests.Reporting;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Editions;

[NonParallelizable]
public class MeetingEditionTests
{
    // The koersoverleg of 12 March 2026 is frozen 7 days before (5 March); the information meeting of 20 May 14 days before (6 May).
    const string Pipeline = """
        name: editions-test
        data_dir: data
        out_dir: out
        steps: [ingest, indicators, checks, report, site]
        meetings:
          freeze_days: 7
          dates:
            - { date: 2026-03-12, kind: koersoverleg }
            - { date: 2026-05-20, kind: informatiebijeenkomst, freeze_days: 14 }
        """;

    static readonly DateTimeOffset R1At = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);   // before the first freeze date
    static readonly DateTimeOffset R2At = new(2026, 3, 6, 6, 0, 0, TimeSpan.Zero);   // after it, input unchanged
    static readonly DateTimeOffset R3At = new(2026, 3, 8, 6, 0, 0, TimeSpan.Zero);   // a revised vintage of 7 March
    static readonly DateTimeOffset R4At = new(2026, 3, 9, 6, 0, 0, TimeSpan.Zero);   // unchanged again: skipped
    static readonly DateTimeOffset R5At = new(2026, 3, 10, 6, 0, 0, TimeSpan.Zero);  // unchanged, but --compare-with the first report
    static readonly DateTimeOffset R6At = new(2026, 5, 8, 6, 0, 0, TimeSpan.Zero);   // a vintage of 7 May, after the second freeze date

    TempDir temp = null!;
    string data = null!, outDir = null!, pipelineFile = null!;
    RunResult r1 = null!, r2 = null!, r3 = null!, r4 = null!, r5 = null!, r6 = null!;
    Dictionary<string, string> firstEditionAfterR2 = null!;
    (string, string, string?, string?, string?, DateTime, string) firstRowAfterR2;

    [OneTimeSetUp]
    public void Runs()
    {
        temp = new TempDir();
        data = SmallData.Create(temp.Combine("data"));
        outDir = temp.Combine("out");
        pipelineFile = temp.Combine("pipeline.yaml");
        File.WriteAllText(pipelineFile, Pipeline);

        r1 = Run(R1At);
        r2 = Run(R2At);
        firstEditionAfterR2 = Hashes(Path.Combine(outDir, "editions", "2026-03-12"));
        firstRowAfterR2 = EditionRow("meeting-2026-03-12");
        // The revision: 2023KW4 AM01 class 07 (techniek) from 174 to 190, published 7 March, after the freeze date of 5 March.
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2026-03-07.csv"), SmallData.Header + "2023KW4;AM01;07;190;40\n");
        r3 = Run(R3At);
        File.Copy(r3.ReportPath!, temp.Combine("r3.pdf"));
        r4 = Run(R4At);
        r5 = Run(R5At, compareWith: "daily-" + r1.RunId);
        File.Copy(r5.ReportPath!, temp.Combine("r5.pdf"));
        // A second revision of the same figure (190 to 195) on 7 May, a day after the information meeting's freeze date (6 May).
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2026-05-07.csv"), SmallData.Header + "2023KW4;AM01;07;195;40\n");
        r6 = Run(R6At);
        foreach (var r in new[] { r1, r2, r3, r5, r6 })
            Assert.That(r.Status, Is.EqualTo("succeeded"), r.Message);
    }

    [OneTimeTearDown]
    public void Cleanup() => temp.Dispose();

    RunResult Run(DateTimeOffset at, string? compareWith = null)
    {
        var request = StandardSteps.RequestFor(PipelineDefinition.Load(pipelineFile), RunTrigger.Manual) with
        {
            StableFiles = Fixtures.NoWatch,
            Retry = new RetryDefinition(1, TimeSpan.Zero),
            CompareWith = compareWith,
        };
        return StandardSteps.Runner(() => at).Run(request);
    }

    static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    (string, string, string?, string?, string?, DateTime, string) EditionRow(string id)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        return db.Connection.QuerySingle<(string, string, string?, string?, string?, DateTime, string)>("""
            SELECT edition_id, kind, CAST(meeting_date AS VARCHAR), meeting_kind, CAST(as_of AS VARCHAR), generated_at, run_id
            FROM meta.editions WHERE edition_id = $id
            """, new { id });
    }

    double? Printed(string editionId, string region, string indicator = "openstaande_vacatures")
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        return db.Connection.ExecuteScalar<double?>("""
            SELECT value FROM meta.edition_values
            WHERE edition_id = $id AND indicator = $indicator AND domain = 'techniek' AND period = '2023KW4' AND region = $region AND category IS NULL
            """, new { id = editionId, region, indicator });
    }

    static string Text(string pdf)
    {
        if (!Poppler.Available) Assert.Ignore("pdftotext/pdfinfo (poppler-utils) not installed");
        return Regex.Replace(Poppler.Text(pdf)!, @"\s+", " ");
    }

    string EditionPdf(string date) =>
        Directory.GetFiles(Path.Combine(outDir, "editions", date, "reports"), "indicatorrapport-*.pdf").Single(p => !Path.GetFileName(p).Contains("-PV") && !Path.GetFileName(p).Contains("-AM"));

    [Test]
    public void A_run_before_the_freeze_date_makes_no_edition()
    {
        Assert.That(r1.Steps.Select(s => s.Name), Does.Not.Contain(MeetingEditions.StepName));
        Assert.That(PublishedState.RunsOf(outDir).Count, Is.EqualTo(6));
        // R1 ran on 1 March, before 5 March: the edition of 12 March is the one R2 made, not R1.
        Assert.That(firstRowAfterR2.Item7, Is.EqualTo(r2.RunId));
    }

    [Test]
    public void The_first_run_after_the_freeze_date_makes_the_edition_even_when_the_input_did_not_change()
    {
        // R2 read the same input as R1: without the due edition it would have been skipped as unchanged.
        Assert.That(r2.Status, Is.EqualTo("succeeded"));
        var step = r2.Steps.Single(s => s.Name == MeetingEditions.StepName);
        Assert.That(step.Status, Is.EqualTo("succeeded"));
        Assert.That(step.Message, Does.StartWith("meeting-2026-03-12 (koersoverleg) as of 2026-03-05: indicatorrapport-"));
        Assert.That(firstRowAfterR2, Is.EqualTo(("meeting-2026-03-12", "meeting", (string?)"2026-03-12", (string?)"koersoverleg", (string?)"2026-03-05",
            new DateTime(2026, 3, 6, 6, 0, 0), r2.RunId)));
        var folder = Path.Combine(outDir, "editions", "2026-03-12");
        Assert.That(File.Exists(Path.Combine(folder, "site", "index.html")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder, MeetingEditions.ManifestFile)), Is.True);
        Assert.That(File.Exists(EditionPdf("2026-03-12")), Is.True);
        // The edition is not in reports/, which every run replaces, nor left in a work directory.
        Assert.That(Directory.Exists(Path.Combine(outDir, ".work")) && Directory.EnumerateFileSystemEntries(Path.Combine(outDir, ".work")).Any(), Is.False);
        // What it printed: 2023KW4 techniek, AM01 100 + 70 + 4 = 174, NL 174 + 174 = 348, tension 348 / (40 + 40) = 4,35.
        Assert.That(Printed("meeting-2026-03-12", "AM01"), Is.EqualTo(174));
        Assert.That(Printed("meeting-2026-03-12", "NL"), Is.EqualTo(348));
        Assert.That(Printed("meeting-2026-03-12", "NL", "spanningsindicator"), Is.EqualTo(4.35).Within(1e-9));
    }

    [Test]
    public void A_later_revision_and_later_runs_do_not_change_the_edition()
    {
        Assert.That(Hashes(Path.Combine(outDir, "editions", "2026-03-12")), Is.EqualTo(firstEditionAfterR2));
        Assert.That(EditionRow("meeting-2026-03-12"), Is.EqualTo(firstRowAfterR2));
        Assert.That(Printed("meeting-2026-03-12", "AM01"), Is.EqualTo(174));
        foreach (var r in new[] { r3, r5, r6 })
            Assert.That(r.Steps.Where(s => s.Name == MeetingEditions.StepName).Select(s => s.Message ?? ""), Has.None.Contain("meeting-2026-03-12 (koersoverleg)"));
        // R4 read what R3 read and no edition was due: skipped as usual (so R2, which read what R1 read, ran for its edition alone).
        // The runs print the time of their clock (no fixed --generated-at, which would count as a change of input).
        Assert.That(r4.Status, Is.EqualTo("skipped_unchanged"));
        // The daily report of R3 has the revision (190), its edition row the latest vintages.
        Assert.That(Printed("daily-" + r3.RunId, "AM01"), Is.EqualTo(190));
    }

    [Test]
    public void The_daily_report_compares_with_the_meeting_edition()
    {
        var text = Text(temp.Combine("r3.pdf"));
        Assert.That(text, Does.Contain("Wat is er veranderd sinds het vorige koersoverleg"));
        Assert.That(text, Does.Contain("Vergeleken met het koersoverleg van 12 maart 2026 (editie meeting-2026-03-12)"));
        // 174 -> 190 for AM01, 348 -> 364 for NL, the tension 4,35 -> 364 / 80 = 4,55, all from the delivery of 7 March.
        Assert.That(text, Does.Contain("2023 K4 arbeidsmarktregio 174 190 uwv_vacatures_2026-03-07.csv"));
        Assert.That(text, Does.Contain("2023 K4 Nederland 348 364 uwv_vacatures_2026-03-07.csv"));
        Assert.That(text, Does.Contain("Spanningsindicator 2023 K4 Nederland 4,35 4,55 uwv_vacatures_2026-03-07.csv"));
    }

    [Test]
    public void The_next_edition_is_frozen_at_its_own_freeze_date()
    {
        // R6 ran on 8 May with the vintage of 7 May (195); the information meeting's data is frozen on 6 May: 190, from 7 March.
        Assert.That(EditionRow("meeting-2026-05-20"), Is.EqualTo(("meeting-2026-05-20", "meeting", (string?)"2026-05-20", (string?)"informatiebijeenkomst",
            (string?)"2026-05-06", new DateTime(2026, 5, 8, 6, 0, 0), r6.RunId)));
        Assert.That(Printed("meeting-2026-05-20", "AM01"), Is.EqualTo(190));
        Assert.That(Printed("meeting-2026-05-20", "NL"), Is.EqualTo(364));
        Assert.That(Printed("daily-" + r6.RunId, "AM01"), Is.EqualTo(195));
        var text = Text(EditionPdf("2026-05-20"));
        Assert.That(text, Does.Contain("Landelijke editie Editie voor de informatiebijeenkomst van 20 mei 2026"));
        Assert.That(text, Does.Contain("peildatum 6 mei 2026"));
        Assert.That(text, Does.Not.Contain("uwv_vacatures_2026-05-07.csv"));
        // It compares with the meeting edition before it, not with the daily reports in between.
        Assert.That(text, Does.Contain("Wat is er veranderd sinds het vorige koersoverleg"));
        Assert.That(text, Does.Contain("Vergeleken met het koersoverleg van 12 maart 2026 (editie meeting-2026-03-12)"));
        Assert.That(text, Does.Contain("2023 K4 arbeidsmarktregio 174 190 uwv_vacatures_2026-03-07.csv"));
        // The edition's site names the meeting on the home page and in the footer of every page, as the PDF's cover does.
        var site = Path.Combine(outDir, "editions", "2026-05-20", "site");
        var home = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.That(home, Does.Contain("<p class=\"editie\"><strong>Editie voor de informatiebijeenkomst van 20 mei 2026</strong></p>"));
        Assert.That(File.ReadAllText(Path.Combine(site, "regio", "AM01.html")),
            Does.Contain("Monitor Groene en Digitale Banen · Editie voor de informatiebijeenkomst van 20 mei 2026 · verslagperiode"));
        // The daily site is no edition: it names no meeting.
        Assert.That(File.ReadAllText(Path.Combine(outDir, "site", "index.html")), Does.Not.Contain("Editie voor"));
    }

    [Test]
    public void Run_with_compare_with_compares_with_that_edition_and_is_not_skipped()
    {
        // R5 read what R4 read, but asked for another comparison: it ran, and compared with R1's report (174 -> 190).
        Assert.That(r5.Steps.Select(s => s.Name), Does.Contain(PipelineSteps.Report));
        var text = Text(temp.Combine("r5.pdf"));
        Assert.That(text, Does.Contain("Wat is er veranderd sinds het vorige rapport"));
        Assert.That(text, Does.Contain($"Vergeleken met het rapport van 1 maart 2026 (editie daily-{r1.RunId})"));
        Assert.That(text, Does.Contain("2023 K4 arbeidsmarktregio 174 190 uwv_vacatures_2026-03-07.csv"));
    }

    [Test]
    public void Report_with_compare_with_names_the_edition_and_refuses_an_unknown_one()
    {
        var reports = temp.Combine("report-cli");
        Fixtures.CopyDirectory(outDir, reports);
        var (exit, output, error) = MonitorCli.Invoke("report", "--out", reports, "--compare-with", "meeting-2026-05-20", "--generated-at", "2026-05-08T07:00:00Z");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output + error);
        var text = Text(Directory.GetFiles(Path.Combine(reports, "reports"), "indicatorrapport-*.pdf").Single());
        // The mart has 195 (7 May); the information meeting printed 190.
        Assert.That(text, Does.Contain("Wat is er veranderd sinds de vorige informatiebijeenkomst"));
        Assert.That(text, Does.Contain("Vergeleken met de informatiebijeenkomst van 20 mei 2026 (editie meeting-2026-05-20)"));
        Assert.That(text, Does.Contain("2023 K4 arbeidsmarktregio 190 195 uwv_vacatures_2026-05-07.csv"));

        var bad = MonitorCli.Invoke("report", "--out", reports, "--compare-with", "meeting-2026-04-01");
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(bad.Error, Does.Contain("--compare-with 'meeting-2026-04-01' is neither an edition"));
        var early = MonitorCli.Invoke("run", "--out", reports, "--data", data, "--compare-with", "2020-01-01");
        Assert.That(early.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(early.Error, Does.Contain("--compare-with 2020-01-01: no edition was generated on or before that date"));
    }
}
