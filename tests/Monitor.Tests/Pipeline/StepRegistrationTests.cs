// Ingest is a step like the others: registered by name, in the order a run takes the steps, and replaceable.
using Monitor.Pipeline;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class StepRegistrationTests
{
    static readonly string[] InOrder = ["ingest", "indicators", "checks", "report", "export", "site"];

    [Test]
    public void The_standard_steps_list_ingest_first_and_the_others_in_run_order()
    {
        Assert.That(StandardSteps.All.Select(s => s.Name), Is.EqualTo(InOrder));
        Assert.That(PipelineSteps.All, Is.EqualTo(InOrder));
        Assert.That(StandardSteps.Runner().StepNames, Is.EqualTo(InOrder));
    }

    [Test]
    public void A_bare_runner_has_the_ingest_step_registered()
    {
        Assert.That(new PipelineRunner().StepNames, Is.EqualTo(new[] { "ingest" }));
    }

    [Test]
    public void Ingest_runs_first_whatever_order_the_steps_are_asked_in()
    {
        Assert.That(PipelineSteps.InRunOrder(["checks", "ingest", "indicators"]), Is.EqualTo(new[] { "ingest", "checks", "indicators" }));
        Assert.That(PipelineSteps.InRunOrder(["report"]), Is.EqualTo(new[] { "ingest", "report" }));
        Assert.That(PipelineSteps.InRunOrder([]), Is.EqualTo(new[] { "ingest" }));
    }

    [Test]
    public void The_run_uses_the_ingest_step_that_is_registered()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var runner = new PipelineRunner().WithStep(PipelineSteps.Ingest, (ctx, _) =>
        {
            // What the run discovered reaches the step through its context.
            ctx.Ingest = new IngestSummary([]);
            return (0, $"replaced; {ctx.Discovery.Files.Count} file(s) discovered");
        });

        var result = runner.Run(new RunRequest { DataDir = data, OutDir = t.Combine("out"), Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch, Force = true });

        Assert.That(result.Status, Is.EqualTo("succeeded"));
        Assert.That(result.Steps.Select(s => (s.Name, s.Status, s.Message)), Is.EqualTo(new[]
        {
            ("ingest", "succeeded", (string?)"replaced; 1 file(s) discovered"),
            ("publish", "succeeded", null),
        }));
        Assert.That(PublishedState.Ledger(t.Combine("out"), result.RunId).Steps.Single(),
            Is.EqualTo(("ingest", "succeeded", (string?)"replaced; 1 file(s) discovered")));
    }
}
