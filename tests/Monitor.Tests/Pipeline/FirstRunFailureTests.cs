// A run that fails before anything was ever published still leaves its ledger entry, in a warehouse that
// appears in one rename: there is no moment at which a half-made warehouse.duckdb can be opened.
using Monitor.Pipeline;
using Monitor.Tests.Support;

namespace Monitor.Tests.Pipeline;

public class FirstRunFailureTests
{
    [Test]
    public void A_failing_first_run_leaves_only_a_complete_ledger_warehouse_and_nothing_else_published()
    {
        using var temp = new TempDir();
        var data = SmallData.Create(temp.Combine("data"));
        var outDir = temp.Combine("out");
        var runner = StandardSteps.Runner();
        runner.BeforeStep = step => { if (step == PipelineSteps.Checks) throw new IOException("disk unplugged"); };

        var result = runner.Run(new RunRequest { DataDir = data, OutDir = outDir, StableFiles = Fixtures.NoWatch });

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName).Where(n => n != Monitor.Pipeline.Locking.RunLock.FileName && n != ".work").Order(),
            Is.EqualTo(new[] { "last-run.json", "warehouse.duckdb" }), "no reports, exports or half-made files");
        var ledger = PublishedState.Ledger(outDir, result.RunId);
        Assert.That(ledger.Status, Is.EqualTo("failed"));
        Assert.That(ledger.Message, Does.Contain("step checks failed: disk unplugged"));
        Assert.That(ledger.Steps.Select(s => (s.Step, s.Status)),
            Is.EqualTo(new[] { ("ingest", "succeeded"), ("indicators", "succeeded"), ("checks", "failed") }));
    }
}
