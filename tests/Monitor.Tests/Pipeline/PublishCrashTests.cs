// A run killed at every point of its publish: everything it publishes (warehouse with its ledger row, reports with
// run-summary.json, last-run.json) is one journaled unit, so the next run either finds it unpublished (and says so)
// or completes it, and never calls a published run one that "ended without publishing".
using System.Text.Json;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Publishing;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class PublishCrashTests
{
    static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    static RunResult Run(string data, string outDir, PipelineRunner runner, IRunObserver? observer = null) =>
        runner.Run(new RunRequest
        {
            DataDir = data, OutDir = outDir, GeneratedAt = GeneratedAt, StableFiles = Fixtures.NoWatch,
            Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators, PipelineSteps.Report],
            Retry = new RetryDefinition(1, TimeSpan.Zero),
        }, observer);

    static string RunIdIn(string json) => JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("run_id").GetString()!;

    [Test]
    public void A_run_killed_at_any_point_of_its_publish_is_either_unpublished_or_completed_with_its_summaries()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var template = t.Combine("template");
        Assert.That(Run(data, template, StandardSteps.Runner()).Status, Is.EqualTo("succeeded"));
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2024-05-15.csv"), SmallData.Header + "2024KW1;AM01;07;200;50\n2024KW1;AM13;07;210;50\n");

        // The calls of an undisturbed publish, in order: the crash points.
        var counting = new InjectingFileSystem((_, _, _) => null);
        var clean = t.Combine("clean");
        Fixtures.CopyDirectory(template, clean);
        var cleanRunner = StandardSteps.Runner();
        cleanRunner.PublishFileSystem = counting;
        Assert.That(Run(data, clean, cleanRunner).Status, Is.EqualTo("succeeded"));
        var calls = counting.Calls.Select(c => c.Replace(clean, "<out>")).ToList();
        var journalWrite = calls.FindIndex(c => c.StartsWith("write ", StringComparison.Ordinal) && c.EndsWith(Publisher.JournalFile, StringComparison.Ordinal)) + 1;
        var journalDelete = calls.FindIndex(c => c.StartsWith("delete ", StringComparison.Ordinal) && c.EndsWith(Publisher.JournalFile, StringComparison.Ordinal)) + 1;
        Assert.That(calls.Count(c => c.StartsWith("move ", StringComparison.Ordinal) && c.EndsWith("/last-run.json", StringComparison.Ordinal)), Is.EqualTo(1),
            "last-run.json is renamed into place by the publish");
        Assert.That(journalWrite, Is.GreaterThan(0), string.Join("\n", calls));
        Assert.That(journalDelete, Is.GreaterThan(journalWrite + 4), "the renames of four items lie between journal and its removal");
        TestContext.Out.WriteLine(string.Join("\n", calls));

        for (var k = 1; k <= calls.Count; k++)
        {
            var outDir = t.Combine($"out-{k}");
            Fixtures.CopyDirectory(template, outDir);
            var dying = StandardSteps.Runner();
            dying.PublishFileSystem = InjectingFileSystem.CrashAt(k);
            var crash = Assert.Throws<SimulatedCrashException>(() => Run(data, outDir, dying));
            var crashedRun = Path.GetFileName(Directory.GetDirectories(Path.Combine(outDir, Publisher.WorkFolder)).SingleOrDefault())
                         ?? RunIdIn(Path.Combine(outDir, "reports", "run-summary.json"));

            var observer = new InfoRecorder();
            var next = Run(data, outDir, StandardSteps.Runner(), observer);
            var at = $"crash at call {k} ({calls[k - 1]}): {crash!.Message}";

            var endedWithout = $"removed the work directory of run {crashedRun}, which ended without publishing (killed or crashed)";
            if (k <= journalWrite)
            {
                Assert.That(observer.Messages, Does.Contain(endedWithout), at);
                Assert.That((next.Status, next.ExitCode), Is.EqualTo(("succeeded", ExitCodes.Success)), at + ": " + next.Message);
            }
            else
            {
                Assert.That(observer.Messages, Has.None.Contains("ended without publishing"), at);
                if (k < journalDelete)
                    Assert.That(observer.Messages, Does.Contain($"completed the publish of run {crashedRun}, interrupted earlier"), at);
                Assert.That(next.Status, Is.EqualTo("skipped_unchanged"), at + ": the published run is complete, so the input is unchanged");
            }

            // Whatever the crash point: the published warehouse, its ledger row and both summaries belong together.
            var publisher = k <= journalWrite ? next.RunId : crashedRun;
            using (var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb")))
            {
                Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"), Is.EqualTo(12 + 2), at);
                Assert.That(db.Connection.ExecuteScalar<string>("SELECT status FROM meta.runs WHERE run_id = $publisher", new { publisher }), Is.EqualTo("succeeded"), at);
            }
            Assert.That(RunIdIn(Path.Combine(outDir, "reports", "run-summary.json")), Is.EqualTo(publisher), at);
            Assert.That(RunIdIn(Path.Combine(outDir, "last-run.json")), Is.EqualTo(next.RunId), at + ": the next run's own summary");
            Assert.That(Directory.Exists(Path.Combine(outDir, Publisher.PublishFolder)), Is.False, at);
            Assert.That(Directory.GetFileSystemEntries(Path.Combine(outDir, Publisher.WorkFolder)), Is.Empty, at);
        }
    }

    sealed class InfoRecorder : IRunObserver
    {
        public List<string> Messages { get; } = [];
        public void Info(string message) => Messages.Add(message);
    }
}
