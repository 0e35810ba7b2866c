// The time limits of the pipeline file stop a step: ingest between and inside file reads, and a DuckDB statement
// that is running when the limit is reached.
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Sources;
using Monitor.Tests.Support;

namespace Monitor.Tests.Pipeline;

// Waits on clocks, other processes or the scheduler: runs alone, so that no parallel fixture slows what it waits for.
[NonParallelizable]
public class StepTimeoutTests
{
    static RunRequest Request(string data, string outDir, string step, double seconds) => new()
    {
        DataDir = data, OutDir = outDir, StableFiles = Fixtures.NoWatch, Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators],
        Retry = new RetryDefinition(1, TimeSpan.Zero), Force = true,
        Timeouts = new Dictionary<string, TimeSpan> { [step] = TimeSpan.FromSeconds(seconds) },
    };

    static T WithoutHanging<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        if (!task.Wait(TimeSpan.FromSeconds(120))) Assert.Fail($"{what} was not stopped by its time limit");
        return task.Result;
    }

    [Test]
    public void Ingest_stops_at_its_time_limit_before_the_next_file()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2024-05-15.csv"), SmallData.Header + "2024KW1;AM01;07;200;50\n");
        // The first file takes far longer than the 0.2 s limit (a slow share, say).
        var observer = new SlowObserver(TimeSpan.FromSeconds(3));

        var result = WithoutHanging(() => StandardSteps.Runner().Run(Request(data, t.Combine("out"), PipelineSteps.Ingest, 0.2), observer), "ingest");

        Assert.That((result.Status, result.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)));
        Assert.That(result.Message, Is.EqualTo("step ingest failed: stopped at its time limit of 0.2 s (timeouts.ingest in the pipeline file)"));
        Assert.That(observer.Files, Is.EqualTo(new[] { "uwv_vacatures_2024-02-15.csv" }), "the second file was never read");
        Assert.That(PublishedState.Ledger(t.Combine("out"), result.RunId).Steps.Single(),
            Is.EqualTo((PipelineSteps.Ingest, "failed", (string?)"stopped at its time limit of 0.2 s (timeouts.ingest in the pipeline file)")));
    }

    [Test]
    public void A_DuckDB_statement_running_at_the_time_limit_is_interrupted()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var runner = StandardSteps.Runner();
        // A step that never looks at its token: only the interrupt of its statement can stop it (it would run for hours).
        runner.WithStep(PipelineSteps.Indicators, (ctx, _) =>
        {
            ctx.Db.Connection.ExecuteScalar<double>("SELECT sum(a.range * b.range) FROM range(1000000000) AS a, range(100000) AS b");
            return (0, "never");
        });

        var result = WithoutHanging(() => runner.Run(Request(data, t.Combine("out"), PipelineSteps.Indicators, 0.5)), "the indicators statement");

        Assert.That((result.Status, result.ExitCode), Is.EqualTo(("failed", ExitCodes.Failure)));
        Assert.That(result.Message, Is.EqualTo("step indicators failed: stopped at its time limit of 0.5 s (timeouts.indicators in the pipeline file)"));
    }

    [Test]
    public void The_generic_reader_checks_its_token_while_it_reads_rows()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var file = ExtractDiscovery.Discover(data).Single();
        var validator = new ExtractValidator(ReferenceLoader.Load(data).Data, 0.05);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => validator.Validate(file, File.ReadAllBytes(file.Path), cancelled.Token));
        Assert.That(validator.Validate(file, File.ReadAllBytes(file.Path)).Rows, Has.Count.EqualTo(12), "and reads everything without one");
    }

    sealed class SlowObserver(TimeSpan delay) : IRunObserver
    {
        public List<string> Files { get; } = [];

        public void FileProcessed(FileOutcome file)
        {
            Files.Add(file.FileName);
            Thread.Sleep(delay);
        }
    }
}
