// `monitor edition`: a meeting's edition made by hand for a meeting that is not in the calendar, and the refusals: an edition
// that exists (exit code 6, nothing run), a freeze date still to come, a date that is no date.
using System.Security.Cryptography;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Editions;
using Monitor.Tests.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Editions;

[NonParallelizable]
public class EditionCommandTests
{
    TempDir temp = null!;
    string data = null!, outDir = null!, pipeline = null!;
    (int ExitCode, string Out, string Error) made;

    [OneTimeSetUp]
    public void MakeOneByHand()
    {
        temp = new TempDir();
        data = SmallData.Create(temp.Combine("data"));
        outDir = temp.Combine("out");
        pipeline = temp.Combine("pipeline.yaml");
        // No calendar: the meeting of 20 November 2026 is in none.
        File.WriteAllText(pipeline, "name: by-hand\ndata_dir: data\nout_dir: out\nsteps: [ingest, indicators, checks, report]\n");
        made = MonitorCli.Invoke("edition", "--meeting", "2026-11-20", "--kind", "kerngroep", "--freeze-days", "3", "--pipeline", pipeline,
            "--generated-at", "2026-11-25T06:00:00Z");
    }

    [OneTimeTearDown]
    public void Cleanup() => temp.Dispose();

    static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Test]
    public void It_makes_the_edition_of_a_meeting_not_in_the_calendar_frozen_freeze_days_before_it()
    {
        Assert.That(made.ExitCode, Is.EqualTo(ExitCodes.Success), made.Out + made.Error);
        var folder = Path.Combine(outDir, "editions", "2026-11-20");
        Assert.That(made.Out, Does.Contain($"edition: {folder} (kerngroep, data as of 2026-11-17)"));
        Assert.That(File.Exists(Path.Combine(folder, MeetingEditions.ManifestFile)), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(folder, "reports"), "indicatorrapport-*.pdf"), Has.Length.EqualTo(1));
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        var row = db.Connection.QuerySingle<(string, string?, string?, string?)>(
            "SELECT kind, CAST(meeting_date AS VARCHAR), meeting_kind, CAST(as_of AS VARCHAR) FROM meta.editions WHERE edition_id = 'meeting-2026-11-20'");
        Assert.That(row, Is.EqualTo(("meeting", (string?)"2026-11-20", (string?)"kerngroep", (string?)"2026-11-17")));
        // The manifest in the folder says the same as the warehouse.
        var manifest = MeetingEditions.ReadManifest(Path.Combine(folder, MeetingEditions.ManifestFile));
        Assert.That((manifest.EditionId, manifest.MeetingKind, manifest.AsOf), Is.EqualTo(("meeting-2026-11-20", (string?)"kerngroep", "2026-11-17")));
        Assert.That(manifest.Values.Single(v => v.Indicator == "openstaande_vacatures" && v.Domain == "techniek" && v.Period == "2023KW4" && v.Region == "NL" && v.Category is null).Value,
            Is.EqualTo(348));
    }

    [Test]
    public void It_refuses_to_replace_an_existing_edition_with_its_own_exit_code_and_runs_nothing()
    {
        Assume.That(made.ExitCode, Is.EqualTo(ExitCodes.Success), made.Error);
        var folder = Path.Combine(outDir, "editions", "2026-11-20");
        var before = Hashes(folder);
        var runs = PublishedState.RunsOf(outDir).Count;
        var again = MonitorCli.Invoke("edition", "--meeting", "2026-11-20", "--as-of", "2026-11-19", "--pipeline", pipeline);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.EditionExists));
        Assert.That(ExitCodes.EditionExists, Is.EqualTo(6));
        Assert.That(again.Error, Does.Contain($"the edition for the meeting of 2026-11-20 exists already in {folder}"));
        Assert.That(again.Error, Does.Contain("data as of 2026-11-17").And.Contain("never replaced").And.Contain("Nothing was run"));
        Assert.That(Hashes(folder), Is.EqualTo(before));
        Assert.That(PublishedState.RunsOf(outDir), Has.Count.EqualTo(runs));
    }

    [Test]
    public void A_folder_that_is_no_edition_is_not_replaced_either()
    {
        var folder = Path.Combine(outDir, "editions", "2026-10-01");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "kept");
        var r = MonitorCli.Invoke("edition", "--meeting", "2026-10-01", "--pipeline", pipeline);
        Assert.That(r.ExitCode, Is.EqualTo(ExitCodes.EditionExists));
        Assert.That(r.Error, Does.Contain($"{folder} exists already (it holds no edition.json"));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { Path.Combine(folder, "notes.txt") }));
    }

    [Test]
    public void A_freeze_date_still_to_come_or_a_bad_date_is_a_usage_error_and_creates_nothing()
    {
        var runs = PublishedState.RunsOf(outDir).Count;
        var future = MonitorCli.Invoke("edition", "--meeting", "2099-01-20", "--pipeline", pipeline);
        Assert.That(future.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(future.Error, Does.Contain("the data of the meeting of 2099-01-20 is frozen on 2099-01-13, after today"));
        Assert.That(Directory.Exists(Path.Combine(outDir, "editions", "2099-01-20")), Is.False);
        var bad = MonitorCli.Invoke("edition", "--meeting", "2026-13-01", "--pipeline", pipeline);
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(bad.Error, Does.Contain("--meeting expects a date as YYYY-MM-DD, got '2026-13-01'"));
        Assert.That(MonitorCli.Invoke("edition", "--pipeline", pipeline).ExitCode, Is.EqualTo(ExitCodes.Usage), "--meeting is required");
        Assert.That(PublishedState.RunsOf(outDir), Has.Count.EqualTo(runs));
    }
}
