// Publishing an edition with the same care as the rest: a crash never leaves half an edition, an edition that reached its
// folder before a crash is recorded by the next run as it was made, and an existing folder is never replaced.
using System.Security.Cryptography;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Editions;
using Monitor.Pipeline.Publishing;
using Monitor.Pipeline.Scheduling;
using Monitor.Tests.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Editions;

[NonParallelizable]
public class EditionPublishTests
{
    // Frozen on 5 March: a run on 1 March makes none, a run on 6 March makes it.
    const string Pipeline = """
        name: editions-crash
        data_dir: data
        out_dir: out
        steps: [ingest, indicators, checks, report]
        meetings:
          freeze_days: 7
          dates:
            - { date: 2026-03-12, kind: koersoverleg }
        """;

    static readonly DateTimeOffset Before = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset After = new(2026, 3, 6, 6, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Later = new(2026, 3, 7, 6, 0, 0, TimeSpan.Zero);

    TempDir temp = null!;
    string pipelineFile = null!, outDir = null!, folder = null!;

    [SetUp]
    public void SmallOutput()
    {
        temp = new TempDir();
        SmallData.Create(temp.Combine("data"));
        pipelineFile = temp.Combine("pipeline.yaml");
        File.WriteAllText(pipelineFile, Pipeline);
        outDir = temp.Combine("out");
        folder = Path.Combine(outDir, "editions", "2026-03-12");
        Assert.That(Runner(Before).Run(Request(Before)).Status, Is.EqualTo("succeeded"));
    }

    [TearDown]
    public void Cleanup() => temp.Dispose();

    RunRequest Request(DateTimeOffset at) => StandardSteps.RequestFor(PipelineDefinition.Load(pipelineFile), RunTrigger.Manual) with
    {
        StableFiles = Fixtures.NoWatch,
        Retry = new RetryDefinition(1, TimeSpan.Zero),
    };

    static PipelineRunner Runner(DateTimeOffset at, IPublishFileSystem? fs = null)
    {
        var runner = StandardSteps.Runner(() => at);
        if (fs is not null) runner.PublishFileSystem = fs;
        return runner;
    }

    List<(string Id, string RunId, string? AsOf)> Editions()
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        return db.Connection.Query<(string, string, string?)>(
            "SELECT edition_id, run_id, CAST(as_of AS VARCHAR) FROM meta.editions WHERE kind = 'meeting' ORDER BY edition_id").ToList();
    }

    static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Test]
    public void A_crash_as_the_edition_is_moved_into_place_leaves_no_edition_and_the_next_run_makes_it()
    {
        var crash = new InjectingFileSystem((_, op, path) => op == "move" && path == folder ? new SimulatedCrashException("moving the edition") : null);
        Assert.Throws<SimulatedCrashException>(() => Runner(After, crash).Run(Request(After)));
        Assert.That(Directory.Exists(folder), Is.False, "no half edition");
        Assert.That(Editions(), Is.Empty);

        var next = Runner(Later).Run(Request(Later));
        Assert.That(next.Status, Is.EqualTo("succeeded"), next.Message);
        Assert.That(Editions(), Is.EqualTo(new[] { ("meeting-2026-03-12", next.RunId, (string?)"2026-03-05") }));
        Assert.That(File.Exists(Path.Combine(folder, MeetingEditions.ManifestFile)), Is.True);
    }

    [Test]
    public void An_edition_in_place_when_the_run_died_before_its_warehouse_was_published_is_recorded_by_the_next_run_unchanged()
    {
        // The edition is renamed into place first; then the run dies as it writes the publish journal.
        var crash = new InjectingFileSystem((_, op, path) => op == "write" && path.EndsWith(Publisher.JournalFile, StringComparison.Ordinal)
            ? new SimulatedCrashException("writing the journal") : null);
        Assert.Throws<SimulatedCrashException>(() => Runner(After, crash).Run(Request(After)));
        Assert.That(File.Exists(Path.Combine(folder, MeetingEditions.ManifestFile)), Is.True);
        var crashedRun = MeetingEditions.ReadManifest(Path.Combine(folder, MeetingEditions.ManifestFile)).RunId;
        Assert.That(Editions(), Is.Empty, "the warehouse that records it was not published");
        var files = Hashes(folder);

        // The next run reads the same input as the last published one: the unrecorded edition is reason enough to run.
        var next = Runner(Later).Run(Request(Later));
        Assert.That(next.Status, Is.EqualTo("succeeded"), next.Message);
        Assert.That(next.Steps.Single(s => s.Name == MeetingEditions.StepName).Message, Does.StartWith($"meeting-2026-03-12 recorded from {folder}"));
        Assert.That(Editions(), Is.EqualTo(new[] { ("meeting-2026-03-12", crashedRun, (string?)"2026-03-05") }));
        Assert.That(Hashes(folder), Is.EqualTo(files));
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        // 2023KW4 techniek NL: 174 + 174, as the edition printed it.
        Assert.That(db.Connection.ExecuteScalar<double>("""
            SELECT value FROM meta.edition_values WHERE edition_id = 'meeting-2026-03-12' AND indicator = 'openstaande_vacatures'
              AND domain = 'techniek' AND period = '2023KW4' AND region = 'NL' AND category IS NULL
            """), Is.EqualTo(348));
    }

    [Test]
    public void A_folder_already_there_is_never_replaced_and_no_edition_is_made_over_it()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "put here by hand");
        var run = Runner(After).Run(Request(After) with { Force = true });
        Assert.That(run.Status, Is.EqualTo("succeeded"), run.Message);
        Assert.That(run.Steps.Select(s => s.Name), Does.Not.Contain(MeetingEditions.StepName));
        Assert.That(Directory.GetFileSystemEntries(folder), Is.EqualTo(new[] { Path.Combine(folder, "notes.txt") }));
        Assert.That(Editions(), Is.Empty);
    }

    [Test]
    public void Publishing_a_staged_edition_onto_an_existing_folder_fails_and_leaves_both_as_they_were()
    {
        var work = temp.Combine("work");
        Directory.CreateDirectory(Path.Combine(work, "editions", "2026-03-12"));
        File.WriteAllText(Path.Combine(work, "editions", "2026-03-12", "new.txt"), "new");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "old.txt"), "old");
        var e = Assert.Throws<IOException>(() => MeetingEditions.PublishStaged(work, outDir, PublishFileSystem.Real))!;
        Assert.That(e.Message, Does.Contain($"{folder} exists already, and an edition is never replaced"));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { Path.Combine(folder, "old.txt") }));
        Assert.That(File.Exists(Path.Combine(work, "editions", "2026-03-12", "new.txt")), Is.True);
    }
}
