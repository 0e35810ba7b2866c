// Retries and time limits reach the run's log: the resilience pipelines report them to the run's observer (the console
// of `monitor run`, the nightly log of the scheduler), and a copy shared by the scheduler keeps its own reads in its logger.
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Resilience;
using Monitor.Sources;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class RunTelemetryTests
{
    const string Extract = "uwv_vacatures_2024-02-15.csv";

    static RunRequest Request(string data, string outDir) => new()
    {
        DataDir = data, OutDir = outDir, Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch, Force = true,
        Retry = new RetryDefinition(2, TimeSpan.Zero),
    };

    [Test]
    public void A_retry_of_a_locked_extract_is_reported_in_the_runs_log()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var locked = Path.Combine(data, "uwv", Extract);
        var log = new RecordingObserver();

        RunResult result;
        // Another process holds the extract for the whole run: both tries fail, the second without a retry after it.
        using (new FileStream(locked, FileMode.Open, FileAccess.Read, FileShare.None))
            result = new PipelineRunner().Run(Request(data, t.Combine("out")), log);

        Assert.That(result.Ingest!.Files.Single().State, Is.EqualTo(FileState.Unreadable));
        Assert.That(log.Warnings, Has.Count.EqualTo(1));
        Assert.That(log.Warnings[0], Does.StartWith("file-io: try 1 of 2 failed (").And.Contain(locked).And.EndWith("); trying again in 0 s"));
    }

    [Test]
    public void A_step_stopped_at_its_time_limit_is_reported_in_the_runs_log()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        // A step that waits for its token: only the time limit ends it.
        var runner = new PipelineRunner().WithStep(PipelineSteps.Indicators, (_, token) =>
        {
            token.WaitHandle.WaitOne(TimeSpan.FromMinutes(2));
            token.ThrowIfCancellationRequested();
            return (0, "not stopped");
        });
        var log = new RecordingObserver();
        var request = Request(data, t.Combine("out")) with
        {
            Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators],
            Timeouts = new Dictionary<string, TimeSpan> { [PipelineSteps.Indicators] = TimeSpan.FromSeconds(0.2) },
        };

        var result = runner.Run(request, log);

        Assert.That(result.Status, Is.EqualTo("failed"));
        Assert.That(log.Warnings, Is.EqualTo(new[] { "step indicators stopped at its time limit of 0.2 s (timeouts.indicators in the pipeline file)" }));
    }

    [Test]
    public void An_interrupted_statement_at_the_time_limit_is_reported_once()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        // The statement never looks at the token: the limit interrupts it, and the step ends with DuckDB's error.
        var runner = new PipelineRunner().WithStep(PipelineSteps.Indicators, (ctx, _) =>
        {
            ctx.Db.Connection.ExecuteScalar<double>("SELECT sum(a.range * b.range) FROM range(1000000000) AS a, range(100000) AS b");
            return (0, "not stopped");
        });
        var log = new RecordingObserver();
        var request = Request(data, t.Combine("out")) with
        {
            Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators],
            Timeouts = new Dictionary<string, TimeSpan> { [PipelineSteps.Indicators] = TimeSpan.FromSeconds(0.5) },
        };

        var result = runner.Run(request, log);

        Assert.That(result.Message, Is.EqualTo("step indicators failed: stopped at its time limit of 0.5 s (timeouts.indicators in the pipeline file)"));
        Assert.That(log.Warnings, Is.EqualTo(new[] { "step indicators stopped at its time limit of 0.5 s (timeouts.indicators in the pipeline file)" }));
    }

    [Test]
    public void Shared_pipelines_report_to_the_run_while_it_goes_and_to_their_logger_outside_it()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var locked = Path.Combine(data, "uwv", Extract);
        var logger = new RecordingLogger();
        // As the scheduler builds them: once, from the pipeline file, with its log.
        var shared = new MonitorResilience(new RetryDefinition(2, TimeSpan.Zero), new Dictionary<string, TimeSpan>(), logger);
        var runner = new PipelineRunner().WithResilience(shared);
        var log = new RecordingObserver();

        using (var holder = new FileStream(locked, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            runner.Run(Request(data, t.Combine("out")), log);
            Assert.That(log.Warnings, Has.Count.EqualTo(1), "the run's retry is in the run's log");
            Assert.That(logger.Messages, Is.Empty, "and not a second time in the scheduler's");

            // Outside a run (the scheduler reading the ledger at start-up) the retries go to the logger.
            Assert.Throws<IOException>(() => shared.FileIo.Execute(() => File.ReadAllBytes(locked)));
        }
        Assert.That(logger.Messages, Has.Count.EqualTo(1));
        Assert.That(logger.Messages[0], Does.StartWith("file-io: try 1 of 2 failed ("));
        Assert.That(log.Warnings, Has.Count.EqualTo(1));
    }

    sealed class RecordingObserver : IRunObserver
    {
        readonly List<string> warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get { lock (warnings) return warnings.ToList(); }
        }

        public void Warning(string message)
        {
            lock (warnings) warnings.Add(message);
        }
    }
}
