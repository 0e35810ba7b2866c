// Two runs on a small data set where the second delivery revises a figure and adds a quarter: the second report's
// "Wat is er veranderd" and `monitor changes` list the same changes, and meta.edition_values holds what each report printed.
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class ChangesTests
{
    static readonly DateTimeOffset FirstAt = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset SecondAt = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    TempDir temp = null!;
    string outDir = null!;
    RunResult first = null!, second = null!;

    [OneTimeSetUp]
    public void TwoRuns()
    {
        temp = new TempDir();
        var data = SmallData.Create(temp.Combine("data"));
        // A ceiling for the techniek tension in NL: 4.35 in 2023KW4 is on course, the revised 4.55 is not.
        File.AppendAllText(Path.Combine(data, "reference", "doelen.csv"), "spanningsindicator;techniek;NL;;maximum;4.5;;;Testdoel\n");
        outDir = temp.Combine("out");
        first = Run(data, FirstAt);
        Assert.That(first.Status, Is.EqualTo("succeeded"), first.Message);
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2024-05-15.csv"), SecondDelivery());
        // A delivery without the contract's header: rejected.
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2024-06-15.csv"), "Kwartaal;Regio;Vacatures\n2024KW2;AM01;10\n");
        second = Run(data, SecondAt);
        Assert.That(second.Status, Is.EqualTo("succeeded_with_data_problems"), second.Message);
    }

    [OneTimeTearDown]
    public void Cleanup() => temp.Dispose();

    /// <summary>2024KW1 for AM01 and AM13, classes 01, 07, 08 (vacancies 200, WW 50), and 2023KW4 AM01 class 07 revised from 174 to 190.</summary>
    static string SecondDelivery()
    {
        var rows = new System.Text.StringBuilder(SmallData.Header).Append("2023KW4;AM01;07;190;40\n");
        foreach (var region in new[] { "AM01", "AM13" })
            foreach (var cls in new[] { "01", "07", "08" })
                rows.Append($"2024KW1;{region};{cls};200;50\n");
        return rows.ToString();
    }

    static RunResult Run(string dataDir, DateTimeOffset at) => StandardSteps.Runner(() => at).Run(new RunRequest
    {
        DataDir = dataDir, OutDir = Path.Combine(Path.GetDirectoryName(dataDir)!, "out"), GeneratedAt = at, StableFiles = Fixtures.NoWatch,
        Retry = new RetryDefinition(1, TimeSpan.Zero),
    });

    static string Published => "warehouse.duckdb";

    List<(string Indicator, string Domain, string Period, string Region, string? Category, double? Value, double? Target, string? Status)> EditionValues(string runId)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, Published));
        return db.Connection.Query<(string, string, string, string, string?, double?, double?, string?)>("""
            SELECT indicator, domain, period, region, category, value, target, status FROM meta.edition_values
            WHERE edition_id = $id ORDER BY indicator, domain, period, region
            """, new { id = "daily-" + runId }).ToList();
    }

    [Test]
    public void Every_published_report_is_an_edition_with_the_values_it_printed()
    {
        using (var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, Published)))
        {
            var editions = db.Connection.Query<(string, string, string?, string?, string)>(
                "SELECT edition_id, kind, CAST(meeting_date AS VARCHAR), CAST(as_of AS VARCHAR), run_id FROM meta.editions ORDER BY generated_at").ToList();
            Assert.That(editions, Is.EqualTo(new[]
            {
                ("daily-" + first.RunId, "daily", (string?)null, (string?)null, first.RunId),
                ("daily-" + second.RunId, "daily", null, null, second.RunId),
            }));
        }
        var printed = EditionValues(first.RunId);
        // The first report (2023KW3 and KW4, classes 07 techniek and 08 ict in AM01 and AM13): per domain the vacancies of NL in
        // both quarters and of both regions in KW4 (4), the tension also for the two provinces (6), WW for NL in both quarters (2).
        Assert.That(printed, Has.Count.EqualTo(2 * (4 + 6 + 2)));
        Assert.That(printed, Does.Contain(("openstaande_vacatures", "techniek", "2023KW4", "AM01", (string?)null, (double?)174, (double?)null, (string?)"no_target")));
        Assert.That(printed, Does.Contain(("openstaande_vacatures", "techniek", "2023KW4", "NL", (string?)null, (double?)348, (double?)null, (string?)"no_target")));
        // 348 vacancies / 80 WW, under the test ceiling of 4.5.
        Assert.That(printed, Does.Contain(("spanningsindicator", "techniek", "2023KW4", "NL", (string?)null, (double?)4.35, (double?)4.5, (string?)"on_track")));
        Assert.That(printed, Does.Contain(("ww_kort", "ict", "2023KW3", "NL", (string?)null, (double?)80, (double?)null, (string?)"no_target")));
        // In the mart but never printed: the regions in 2023KW3 (AM01 ict: 100 + 80 + 3).
        using (var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, Published)))
            Assert.That(db.Connection.ExecuteScalar<double>(
                "SELECT value FROM mart.indicator_values WHERE indicator = 'openstaande_vacatures' AND domain = 'ict' AND period = '2023KW3' AND region = 'AM01'"), Is.EqualTo(183));
        Assert.That(printed.Where(p => p.Period == "2023KW3" && p.Region != "NL"), Is.Empty);
        // The second report printed the revised value in its changes section (190), and the new quarter.
        var later = EditionValues(second.RunId);
        Assert.That(later, Does.Contain(("openstaande_vacatures", "techniek", "2023KW4", "AM01", (string?)null, (double?)190, (double?)null, (string?)"no_target")));
        Assert.That(later, Does.Contain(("spanningsindicator", "techniek", "2024KW1", "NL", (string?)null, (double?)4, (double?)4.5, (string?)"on_track")));
    }

    [Test]
    public void The_second_report_says_what_changed_since_the_first()
    {
        if (!Monitor.Tests.Reporting.Poppler.Available) Assert.Ignore("pdftotext/pdfinfo (poppler-utils) not installed");
        var text = System.Text.RegularExpressions.Regex.Replace(Monitor.Tests.Reporting.Poppler.Text(second.ReportPath!)!, @"\s+", " ");
        Assert.That(text, Does.Contain("Wat is er veranderd sinds het vorige rapport"));
        Assert.That(text, Does.Contain($"Vergeleken met het rapport van 23 november 2026 (editie daily-{first.RunId})"));
        // The revision of 2023KW4 AM01 class 07 (techniek) from 174 to 190: the region, NL (348 -> 364) and the tension (4,35 -> 4,55).
        Assert.That(text, Does.Contain("2023 K4 arbeidsmarktregio 174 190 uwv_vacatures_2024-05-15.csv"));
        Assert.That(text, Does.Contain("2023 K4 Nederland 348 364 uwv_vacatures_2024-05-15.csv"));
        Assert.That(text, Does.Contain("Spanningsindicator 2023 K4 Nederland 4,35 4,55 uwv_vacatures_2024-05-15.csv"));
        // 4,55 is above the ceiling of 4,5: on course before, behind now.
        Assert.That(text, Does.Contain("Gewijzigde status"));
        Assert.That(text, Does.Contain("Spanningsindicator (techniek) 2023 K4 Nederland op koers achter 4,55"));
        // The new quarter: 200 vacancies in each of AM01 and AM13, 400 for NL; 400 / 100 WW = 4,00.
        Assert.That(text, Does.Contain("Openstaande vacatures (techniek) 2024 K1 400 3"));
        Assert.That(text, Does.Contain("Spanningsindicator (techniek) 2024 K1 4,00 5"));
        // The file the second run rejected.
        Assert.That(text, Does.Contain("Afgewezen: uwv_vacatures_2024-06-15.csv (UWV)"));
        // The section comes after Op koers? and before the first pillar.
        var changes = text.IndexOf("Vergeleken met het rapport van", StringComparison.Ordinal);
        Assert.That(changes, Is.GreaterThan(text.IndexOf("Ligt het actieplan op koers?", StringComparison.Ordinal)));
        Assert.That(changes, Is.LessThan(text.IndexOf("Het actieplan wil dat meer jongeren", StringComparison.Ordinal)));
    }

    [Test]
    public void A_mart_frozen_before_a_rejected_delivery_does_not_list_it()
    {
        // The second run rejected uwv_vacatures_2024-06-15.csv. A mart as of 31 May 2024 (as a meeting edition frozen on that
        // day computes it) compares with the first report without it; the revision of 15 May is still there. As of 15 June it is listed.
        var copy = temp.Combine("frozen.duckdb");
        File.Copy(Path.Combine(outDir, Published), copy);
        using var db = WarehouseDb.OpenForWrite(copy);
        Monitor.Indicators.IndicatorBuilder.Build(db, new DateOnly(2024, 5, 31));
        var frozen = Monitor.Indicators.Changes.Compare(db.Connection, since: "daily-" + first.RunId)!;
        Assert.That(frozen.Deliveries.Where(d => d.Kind == "rejected"), Is.Empty);
        Assert.That(frozen.Revised.Select(r => (r.Key.Period, r.Key.Region, r.OldValue, r.NewValue)), Does.Contain(("2023KW4", "AM01", (double?)174, (double?)190)));

        Monitor.Indicators.IndicatorBuilder.Build(db, new DateOnly(2024, 6, 15));
        var later = Monitor.Indicators.Changes.Compare(db.Connection, since: "daily-" + first.RunId)!;
        Assert.That(later.Deliveries.Where(d => d.Kind == "rejected").Select(d => (d.Name, d.Vintage)),
            Is.EqualTo(new[] { ("uwv_vacatures_2024-06-15.csv", (string?)"2024-06-15") }));
    }

    [Test]
    public void The_first_report_has_nothing_to_compare_with()
    {
        // The first run's report is kept as reports.previous/ once the second has published.
        var previous = Path.Combine(outDir, "reports.previous", Path.GetFileName(first.ReportPath!));
        if (!Monitor.Tests.Reporting.Poppler.Available) Assert.Ignore("pdftotext/pdfinfo (poppler-utils) not installed");
        Assume.That(File.Exists(previous), "reports.previous/ holds the first report");
        var text = System.Text.RegularExpressions.Regex.Replace(Monitor.Tests.Reporting.Poppler.Text(previous)!, @"\s+", " ");
        Assert.That(text, Does.Contain("Er is nog geen eerder rapport vastgelegd om dit rapport mee te vergelijken."));
    }

    [Test]
    public void Monitor_changes_prints_the_same_comparison_as_csv()
    {
        var (exit, output, error) = MonitorCli.Invoke("changes", "--out", outDir, "--format", "csv");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("change;indicator;domain;period;region;category;old;new;delivery"));
        Assert.That(lines.Where(l => l.StartsWith("revised;", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "revised;openstaande_vacatures;techniek;2023KW4;AM01;;174;190;uwv_vacatures_2024-05-15.csv",
            "revised;openstaande_vacatures;techniek;2023KW4;NL;;348;364;uwv_vacatures_2024-05-15.csv",
            // 190 / 40 in AM01 and in its province Groningen (PV20); 364 / 80 for NL.
            "revised;spanningsindicator;techniek;2023KW4;AM01;;4.35;4.75;uwv_vacatures_2024-05-15.csv",
            "revised;spanningsindicator;techniek;2023KW4;NL;;4.35;4.55;uwv_vacatures_2024-05-15.csv",
            "revised;spanningsindicator;techniek;2023KW4;PV20;;4.35;4.75;uwv_vacatures_2024-05-15.csv",
        }));
        Assert.That(lines.Where(l => l.StartsWith("status;", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "status;spanningsindicator;techniek;2023KW4;NL;;on_track;behind;" }));
        // 2024KW1 for three indicators in two domains: vacancies in AM01, AM13 and NL, the tension also in PV20 and PV26, WW in NL.
        Assert.That(lines.Count(l => l.StartsWith("new_period;", StringComparison.Ordinal)), Is.EqualTo(2 * (3 + 5 + 1)));
        Assert.That(lines, Does.Contain("new_period;spanningsindicator;techniek;2024KW1;NL;;;4;"));
        Assert.That(lines.Where(l => l.StartsWith("rejected;", StringComparison.Ordinal)).Single(), Does.StartWith("rejected;;;;;;2024-06-15;;\"uwv_vacatures_2024-06-15.csv: missing required column(s) Periode"));
    }

    [Test]
    public void Since_the_latest_edition_nothing_changed_and_bad_input_is_a_usage_error()
    {
        var (exit, output, error) = MonitorCli.Invoke("changes", "--out", outDir, "--since", "daily-" + second.RunId);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Does.Contain($"Nothing changed since daily-{second.RunId}"));
        // A date picks the latest edition generated on or before it: the first.
        var (_, json, _) = MonitorCli.Invoke("changes", "--out", outDir, "--since", "2026-11-23", "--format", "json");
        Assert.That(json, Does.Contain($"\"edition_id\": \"daily-{first.RunId}\""));
        Assert.That(MonitorCli.Invoke("changes", "--out", outDir, "--since", "2026-11-01").ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(MonitorCli.Invoke("changes", "--out", outDir, "--since", "yesterday").ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(MonitorCli.Invoke("changes", "--out", temp.Combine("nowhere")).ExitCode, Is.EqualTo(ExitCodes.Usage));
    }
}
