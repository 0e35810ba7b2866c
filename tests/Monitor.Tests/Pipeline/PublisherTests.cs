using Monitor.Pipeline.Publishing;
using Monitor.Pipeline.Resilience;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class PublisherTests
{
    static readonly string[] Items = ["warehouse.duckdb", "reports", "exports"];

    /// <summary>An output directory with a published set (old) and its previous versions (older), and a run's work dir (new).</summary>
    sealed class Scene : IDisposable
    {
        readonly TempDir dir = new();
        public string Out => dir.Combine("out");
        public string Work => Publisher.WorkDirFor(Out, "20260329T010000Z-ab12");

        public Scene(bool published = true)
        {
            if (published)
            {
                Write(Out, "warehouse.duckdb", "old-db");
                Write(Out, "reports/monitor.pdf", "old-report");
                Write(Out, "exports/indicators.csv", "old-export");
                Write(Out, "warehouse.previous.duckdb", "older-db");
                Write(Out, "reports.previous/monitor.pdf", "older-report");
            }
            Write(Work, "warehouse.duckdb", "new-db");
            Write(Work, "reports/monitor.pdf", "new-report");
            Write(Work, "reports/charts/instroom.png", "new-chart");
            Write(Work, "exports/indicators.csv", "new-export");
        }

        public string? Read(string relative)
        {
            var path = Path.Combine(Out, relative);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        static void Write(string root, string relative, string content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        public void Dispose() => dir.Dispose();
    }

    static void AssertNewSetPublished(Scene s)
    {
        Assert.That(s.Read("warehouse.duckdb"), Is.EqualTo("new-db"));
        Assert.That(s.Read("reports/monitor.pdf"), Is.EqualTo("new-report"));
        Assert.That(s.Read("reports/charts/instroom.png"), Is.EqualTo("new-chart"));
        Assert.That(s.Read("exports/indicators.csv"), Is.EqualTo("new-export"));
        Assert.That(s.Read("warehouse.previous.duckdb"), Is.EqualTo("old-db"));
        Assert.That(s.Read("reports.previous/monitor.pdf"), Is.EqualTo("old-report"));
        Assert.That(s.Read("exports.previous/indicators.csv"), Is.EqualTo("old-export"));
        Assert.That(Directory.Exists(Path.Combine(s.Out, Publisher.PublishFolder)), Is.False, ".publish/ is gone");
    }

    static void AssertOldSetUntouched(Scene s)
    {
        Assert.That(s.Read("warehouse.duckdb"), Is.EqualTo("old-db"));
        Assert.That(s.Read("reports/monitor.pdf"), Is.EqualTo("old-report"));
        Assert.That(s.Read("exports/indicators.csv"), Is.EqualTo("old-export"));
        Assert.That(s.Read("warehouse.previous.duckdb"), Is.EqualTo("older-db"));
        Assert.That(s.Read("reports.previous/monitor.pdf"), Is.EqualTo("older-report"));
    }

    [Test]
    public void Publishing_replaces_the_set_and_keeps_the_replaced_one_as_previous()
    {
        using var s = new Scene();
        var result = Publisher.Publish(s.Work, s.Out, Items, new PublishOptions { RunId = "20260329T010000Z-ab12" });

        Assert.That(result.Published, Is.True);
        Assert.That(result.Items, Is.EqualTo(Items));
        AssertNewSetPublished(s);
        Assert.That(Directory.EnumerateFileSystemEntries(s.Work), Is.Empty, "everything was moved, nothing copied");
    }

    [Test]
    public void The_first_publish_into_an_empty_output_directory_has_no_previous_versions()
    {
        using var s = new Scene(published: false);
        Publisher.Publish(s.Work, s.Out, Items);

        Assert.That(s.Read("warehouse.duckdb"), Is.EqualTo("new-db"));
        Assert.That(s.Read("warehouse.previous.duckdb"), Is.Null);
        Assert.That(Directory.Exists(Path.Combine(s.Out, "reports.previous")), Is.False);
    }

    [Test]
    public void A_run_blocked_by_checks_publishes_nothing()
    {
        using var s = new Scene();
        var log = new RecordingLogger();
        var result = Publisher.Publish(s.Work, s.Out, Items, new PublishOptions { BlockedByChecks = true, RunId = "r1", Logger = log });

        Assert.That(result.Published, Is.False);
        Assert.That(result.Reason, Is.EqualTo("blocked by checks"));
        AssertOldSetUntouched(s);
        Assert.That(File.ReadAllText(Path.Combine(s.Work, "warehouse.duckdb")), Is.EqualTo("new-db"), "the run's results stay for inspection");
        Assert.That(log.Messages.Single(), Does.StartWith("Not publishing run r1: a blocking check failed"));
    }

    [Test]
    public void A_publish_cut_off_at_any_step_is_either_not_started_or_completed_by_recovery()
    {
        int steps;
        using (var s = new Scene())
        {
            var counter = new FaultyFileSystem(failAt: int.MaxValue);
            Publisher.Publish(s.Work, s.Out, Items, new PublishOptions(), counter);
            steps = counter.Calls;
        }
        // copy of the old warehouse, journal, 2 renames for the warehouse, 3 for reports (which has a previous
        // version to retire), 2 for exports (which has none), journal removal, .publish/trash and .publish itself
        Assert.That(steps, Is.EqualTo(1 + 1 + 2 + 3 + 2 + 1 + 2));

        var outcomes = new List<string>();
        for (var failAt = 1; failAt <= steps; failAt++)
        {
            using var s = new Scene();
            var dead = new FaultyFileSystem(failAt, new IOException("simulated crash"));
            PublishException? e = null;
            try { Publisher.Publish(s.Work, s.Out, Items, new PublishOptions(), dead); }
            catch (PublishException caught) { e = caught; }

            // Whatever a reader sees meanwhile is a complete version of each item, never a half-written one.
            Assert.That(s.Read("warehouse.duckdb"), Is.EqualTo("old-db").Or.EqualTo("new-db"), $"crash at step {failAt}");
            Assert.That(s.Read("reports/monitor.pdf"), Is.Null.Or.EqualTo("old-report").Or.EqualTo("new-report"), $"crash at step {failAt}");

            var recovered = Publisher.Recover(s.Out);
            if (e is null)
            {
                outcomes.Add("published");
                AssertNewSetPublished(s);
            }
            else if (e.Interrupted)
            {
                outcomes.Add("completed by recovery");
                Assert.That(recovered.CompletedPublish, Is.EqualTo("unknown"), $"crash at step {failAt}");
                AssertNewSetPublished(s);
            }
            else
            {
                outcomes.Add("not started");
                Assert.That(recovered.CompletedPublish, Is.Null, $"crash at step {failAt}");
                AssertOldSetUntouched(s);
                Assert.That(Directory.Exists(s.Work), Is.False, "the unpublished work dir is removed by recovery");
            }
        }
        // Copy and journal fail before anything moved; the renames and the journal's removal are completed by
        // recovery; once the journal is gone the publish counts as done even if removing trash fails.
        Assert.That(outcomes.Distinct(), Is.EqualTo(new[] { "not started", "completed by recovery", "published" }));
    }

    [Test]
    public void A_full_disk_before_the_renames_loses_nothing_and_says_what_to_do()
    {
        using var s = new Scene();
        // The first call copies the published warehouse, to keep it as warehouse.previous.duckdb.
        var full = new FaultyFileSystem(failAt: 1, new IOException("No space left on device", 28));

        var e = Assert.Throws<PublishException>(() => Publisher.Publish(s.Work, s.Out, Items, new PublishOptions(), full))!;

        Assert.That(e.Failure, Is.EqualTo(PublishFailure.DiskFull));
        Assert.That(e.Interrupted, Is.False);
        Assert.That(e.Message, Does.StartWith($"publishing into {s.Out} failed while keeping a copy of {Path.Combine(s.Out, "warehouse.duckdb")} as {Path.Combine(s.Out, "warehouse.previous.duckdb")}: the disk is full"));
        Assert.That(e.Message, Does.Contain($"Nothing was lost: the published set in {s.Out} is unchanged and the new results are still in {s.Work}"));
        AssertOldSetUntouched(s);
        Assert.That(File.ReadAllText(Path.Combine(s.Work, "warehouse.duckdb")), Is.EqualTo("new-db"));
    }

    [Test]
    public void Permission_denied_half_way_is_completed_by_the_next_run()
    {
        using var s = new Scene();
        // Calls: copy the warehouse, write the journal, two renames for the warehouse, then reports.previous to the trash.
        var denied = new FaultyFileSystem(failAt: 5, new UnauthorizedAccessException("Access to the path is denied."));

        var e = Assert.Throws<PublishException>(() => Publisher.Publish(s.Work, s.Out, Items, new PublishOptions { RunId = "r7" }, denied))!;

        Assert.That(e.Failure, Is.EqualTo(PublishFailure.PermissionDenied));
        Assert.That(e.Interrupted, Is.True);
        Assert.That(e.Message, Does.Contain("permission denied"));
        Assert.That(e.Message, Does.Contain("the next run completes it before anything else"));
        Assert.That(e.Message, Does.Contain($"give the user that runs the monitor write access to {s.Out}"));

        var log = new RecordingLogger();
        var recovered = Publisher.Recover(s.Out, log);
        Assert.That(recovered.CompletedPublish, Is.EqualTo("r7"));
        AssertNewSetPublished(s);
        Assert.That(log.Messages.First(), Does.StartWith("Completing the publish of run r7"));
    }

    [Test]
    public void Recovery_removes_work_directories_of_runs_that_never_published()
    {
        using var s = new Scene();
        var log = new RecordingLogger();
        var result = Publisher.Recover(s.Out, log);

        Assert.That(result.CompletedPublish, Is.Null);
        Assert.That(result.Removed, Is.EqualTo(new[] { s.Work }));
        Assert.That(Directory.Exists(s.Work), Is.False);
        AssertOldSetUntouched(s);
        Assert.That(log.Messages.Single(), Is.EqualTo($"Removing the work directory of run 20260329T010000Z-ab12, which ended without publishing: {s.Work}"));
    }

    [Test]
    public void A_work_directory_elsewhere_is_copied_next_to_the_output_first()
    {
        using var s = new Scene();
        using var elsewhere = new TempDir();
        foreach (var file in Directory.EnumerateFiles(s.Work, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(elsewhere.Path, Path.GetRelativePath(s.Work, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.Delete(s.Work, recursive: true);

        Publisher.Publish(elsewhere.Path, s.Out, Items);

        AssertNewSetPublished(s);
        Assert.That(File.ReadAllText(elsewhere.Combine("warehouse.duckdb")), Is.EqualTo("new-db"), "copied, not moved across file systems");
    }

    [Test]
    public void Refuses_a_warehouse_whose_connection_was_not_closed()
    {
        using var s = new Scene();
        File.WriteAllText(Path.Combine(s.Work, "warehouse.duckdb.wal"), "wal");
        var e = Assert.Throws<InvalidOperationException>(() => Publisher.Publish(s.Work, s.Out, Items))!;
        Assert.That(e.Message, Does.Contain("warehouse.duckdb.wal exists: the warehouse connection was not closed"));
        AssertOldSetUntouched(s);
    }

    [Test]
    public void Refuses_an_item_the_work_directory_does_not_have()
    {
        using var s = new Scene();
        Directory.Delete(Path.Combine(s.Work, "exports"), recursive: true);
        var e = Assert.Throws<ArgumentException>(() => Publisher.Publish(s.Work, s.Out, Items))!;
        Assert.That(e.Message, Does.StartWith($"nothing to publish for 'exports': {Path.Combine(s.Work, "exports")} does not exist"));
        AssertOldSetUntouched(s);
    }

    [Test]
    public void Refuses_to_publish_over_an_interrupted_publish()
    {
        using var s = new Scene();
        Assert.Throws<PublishException>(() => Publisher.Publish(s.Work, s.Out, Items, new PublishOptions(), new FaultyFileSystem(5, new IOException("crash"))));
        var e = Assert.Throws<InvalidOperationException>(() => Publisher.Publish(s.Work, s.Out, Items))!;
        Assert.That(e.Message, Does.Contain("call Publisher.Recover before publishing again"));
    }

    [Test]
    public void An_unreadable_journal_stops_recovery_without_deleting_anything()
    {
        using var s = new Scene();
        Directory.CreateDirectory(Path.Combine(s.Out, Publisher.PublishFolder));
        File.WriteAllText(Path.Combine(s.Out, Publisher.PublishFolder, Publisher.JournalFile), "{\"run_id\": \"r9\", \"entr");

        var e = Assert.Throws<PublishException>(() => Publisher.Recover(s.Out))!;

        Assert.That(e.Message, Does.StartWith($"the publish journal {Path.Combine(s.Out, ".publish", "journal.json")} is unreadable"));
        Assert.That(Directory.Exists(s.Work), Is.True, "work directories are kept until the journal is dealt with");
        AssertOldSetUntouched(s);
    }

    [TestCase("warehouse.duckdb", "warehouse.previous.duckdb")]
    [TestCase("reports", "reports.previous")]
    public void Previous_versions_are_named_after_the_item(string item, string previous) =>
        Assert.That(Publisher.PreviousName(item), Is.EqualTo(previous));

    [Test]
    public void A_real_full_disk_is_recognised_from_its_errno()
    {
        if (!File.Exists("/dev/full")) Assert.Ignore("/dev/full is not available");
        var e = Assert.Throws<IOException>(() => File.WriteAllText("/dev/full", "x"))!;
        Assert.That(IoErrors.IsDiskFull(e), Is.True);
        Assert.That(IoErrors.IsDiskFull(new IOException("Directory not empty", 39)), Is.False, "ENOTEMPTY shares its low bits with ERROR_HANDLE_DISK_FULL");
        Assert.That(IoErrors.IsDiskFull(new IOException("disk full", unchecked((int)0x80070070))), Is.True);
    }

    /// <summary>The real file system, until call number <c>failAt</c>: from then on every call throws, like a dead process.</summary>
    sealed class FaultyFileSystem(int failAt, Exception? fault = null) : IPublishFileSystem
    {
        public int Calls { get; private set; }

        void Step()
        {
            Calls++;
            if (Calls >= failAt) throw fault ?? new IOException("simulated failure");
        }

        public void Copy(string source, string destination, bool isDirectory) { Step(); PublishFileSystem.Real.Copy(source, destination, isDirectory); }
        public void MoveFile(string source, string destination) { Step(); PublishFileSystem.Real.MoveFile(source, destination); }
        public void MoveDirectory(string source, string destination) { Step(); PublishFileSystem.Real.MoveDirectory(source, destination); }
        public void DeleteFile(string path) { Step(); PublishFileSystem.Real.DeleteFile(path); }
        public void DeleteDirectory(string path) { Step(); PublishFileSystem.Real.DeleteDirectory(path); }
        public void WriteDurably(string path, byte[] content) { Step(); PublishFileSystem.Real.WriteDurably(path, content); }
    }
}
