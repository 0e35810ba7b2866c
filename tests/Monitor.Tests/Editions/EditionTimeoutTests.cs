// timeouts.editions limits the making of a meeting's edition as timeouts.<step> limits a step: past the limit the run
// fails with that reason and publishes nothing, no edition is left half made, and the next run makes the edition.
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Editions;
using Monitor.Pipeline.Scheduling;
using Monitor.Tests.Pipeline;
using Monitor.Tests.Support;

namespace Monitor.Tests.Editions;

[NonParallelizable] // a time limit: runs alone, so that no parallel fixture decides how far the step gets
public class EditionTimeoutTests
{
    const string Pipeline = """
        name: edition-timeout-test
        data_dir: data
        out_dir: out
        steps: [ingest, indicators, report]
        timeouts: { editions: 600 }
        meetings:
          freeze_days: 7
          dates:
            - { date: 2026-03-12, kind: koersoverleg }
        """;

    static readonly DateTimeOffset AfterFreeze = new(2026, 3, 6, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_pipeline_file_may_limit_the_editions()
    {
        using var t = new TempDir();
        var file = t.Combine("pipeline.yaml");
        File.WriteAllText(file, Pipeline);
        Assert.That(PipelineDefinition.Load(file).Timeouts[MeetingEditions.StepName], Is.EqualTo(TimeSpan.FromSeconds(600)));
    }

    [Test]
    public void An_edition_past_its_time_limit_fails_the_run_and_the_next_run_makes_it()
    {
        using var t = new TempDir();
        SmallData.Create(t.Combine("data"));
        var file = t.Combine("pipeline.yaml");
        File.WriteAllText(file, Pipeline);
        var outDir = t.Combine("out");
        RunResult Run(TimeSpan limit) => StandardSteps.Runner(() => AfterFreeze).Run(
            StandardSteps.RequestFor(PipelineDefinition.Load(file), RunTrigger.Manual) with
            {
                StableFiles = Fixtures.NoWatch,
                Retry = new RetryDefinition(1, TimeSpan.Zero),
                Timeouts = new Dictionary<string, TimeSpan> { [MeetingEditions.StepName] = limit },
            });

        // Building the edition's mart as of the freeze date alone takes longer than 50 ms.
        var stopped = Run(TimeSpan.FromMilliseconds(50));
        Assert.That((stopped.Status, stopped.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)));
        Assert.That(stopped.Message, Is.EqualTo("step editions failed: stopped at its time limit of 0.05 s (timeouts.editions in the pipeline file)"));
        Assert.That(Directory.Exists(Path.Combine(outDir, "editions", "2026-03-12")), Is.False, "no edition, not even part of one");
        Assert.That(Directory.Exists(Path.Combine(outDir, "reports")), Is.False, "no report published (the warehouse holds only the failed run's ledger)");
        Assert.That(PublishedState.Ledger(outDir, stopped.RunId).Steps,
            Does.Contain((MeetingEditions.StepName, "failed", (string?)"stopped at its time limit of 0.05 s (timeouts.editions in the pipeline file)")));

        var next = Run(TimeSpan.FromMinutes(10));
        Assert.That(next.Status, Is.EqualTo("succeeded"), next.Message);
        Assert.That(File.Exists(Path.Combine(outDir, "editions", "2026-03-12", "edition.json")), Is.True);
    }
}
