using System.Text.Json;
using Dapper;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Detail;

/// <summary>A run over input that did not change since the last published run does no work; any change runs again.</summary>
public class UnchangedInputTests
{
    static RunRequest Request(TempDir tmp) => new()
    {
        DataDir = tmp.Combine("data"),
        OutDir = tmp.Combine("out"),
        Steps = [PipelineSteps.Ingest],
        StableFiles = Fixtures.NoWatch,
    };

    static TempDir WithSampleData()
    {
        var tmp = new TempDir();
        Fixtures.CopyDirectory(Path.Combine(Fixtures.RepoRoot, "sample-data"), tmp.Combine("data"));
        return tmp;
    }

    [Test]
    public void A_rerun_over_the_same_input_is_skipped_and_says_so()
    {
        using var tmp = WithSampleData();
        var first = new PipelineRunner().Run(Request(tmp));
        Assert.That(first.Status, Is.EqualTo("succeeded"));

        var messages = new List<string>();
        var second = new PipelineRunner().Run(Request(tmp), new Recorder(messages));
        Assert.That(second.Status, Is.EqualTo(UnchangedInput.SkippedStatus));
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(messages.Single(), Does.StartWith($"input unchanged since run {first.RunId}"));

        using var db = WarehouseDb.OpenReadOnly(tmp.Combine("out", "warehouse.duckdb"));
        var runs = db.Connection.Query<(string RunId, string Status)>("SELECT run_id, status FROM meta.runs ORDER BY started_at, run_id").ToList();
        Assert.That(runs, Is.EqualTo(new[] { (first.RunId, "succeeded"), (second.RunId, UnchangedInput.SkippedStatus) }));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.run_files WHERE run_id = $id", new { id = second.RunId }), Is.Zero, "no file was looked at");

        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.Combine("out", "last-run.json")));
        Assert.That(summary.RootElement.GetProperty("status").GetString(), Is.EqualTo(UnchangedInput.SkippedStatus));
        Assert.That(summary.RootElement.GetProperty("exit_code").GetInt32(), Is.Zero);
    }

    [Test]
    public void A_skipped_night_still_names_the_deliveries_that_are_overdue_on_that_date()
    {
        using var tmp = WithSampleData();
        // On 2026-01-05 only uwv_vacatures (quarterly, allowed 5 months) is overdue: its latest vintage is 2025-02-14.
        // The yearly datasets (15 months) have 2025 vintages, ROA (biennial, 27 months) has 2023-12-01 and the
        // programme office (quarterly) 2025-12-31, the last sample vintage, which is no longer in the future then.
        var december = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
        Assert.That(new PipelineRunner(() => december).Run(Request(tmp)).Status, Is.EqualTo("succeeded"));

        var messages = new List<string>();
        var skipped = new PipelineRunner(() => december).Run(Request(tmp), new Recorder(messages));
        Assert.That(skipped.Status, Is.EqualTo(UnchangedInput.SkippedStatus));
        Assert.That(messages.Single(), Does.EndWith("; check source_freshness: 1 dataset(s) overdue (uwv_vacatures)"));
        Assert.That(skipped.Message, Is.EqualTo(messages.Single()), "the ledger and last-run.json carry the same warning");
    }

    static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData((Action<TempDir>)(t => File.AppendAllText(t.Combine("data", "uwv", "uwv_vacatures_2025-02-14.csv"), "2024KW4;AM01;01;1;1\n")), (Func<RunRequest, RunRequest>)(r => r))
            .SetName("A changed extract runs again");
        yield return new TestCaseData((Action<TempDir>)(t => File.Copy(t.Combine("data", "uwv", "uwv_vacatures_2025-02-14.csv"), t.Combine("data", "uwv", "uwv_vacatures_2025-05-15.csv"))), (Func<RunRequest, RunRequest>)(r => r))
            .SetName("A new extract runs again");
        yield return new TestCaseData((Action<TempDir>)(_ => { }), (Func<RunRequest, RunRequest>)(r => r with { AsOf = new DateOnly(2024, 1, 1) }))
            .SetName("Another as-of date runs again");
        yield return new TestCaseData((Action<TempDir>)(_ => { }), (Func<RunRequest, RunRequest>)(r => r with { Force = true }))
            .SetName("Force runs again");
        yield return new TestCaseData((Action<TempDir>)(_ => { }), (Func<RunRequest, RunRequest>)(r => r with { BadRowThreshold = 0.1 }))
            .SetName("Another threshold runs again");
        yield return new TestCaseData((Action<TempDir>)(t => File.AppendAllText(t.Combine("data", "reference", "beroepen.csv"), "")), (Func<RunRequest, RunRequest>)(r => r with { Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators] }))
            .SetName("Other steps run again");
        yield return new TestCaseData((Action<TempDir>)(_ => { }), (Func<RunRequest, RunRequest>)(r => r with { ReportRegions = ["PV27"] }))
            .SetName("Another regional edition runs again");
    }

    [TestCaseSource(nameof(Changes))]
    public void Any_change_is_not_skipped(Action<TempDir> change, Func<RunRequest, RunRequest> options)
    {
        using var tmp = WithSampleData();
        Assert.That(new PipelineRunner().Run(Request(tmp)).Status, Is.EqualTo("succeeded"));
        change(tmp);
        var again = new PipelineRunner().Run(options(Request(tmp)));
        Assert.That(again.Status, Is.Not.EqualTo(UnchangedInput.SkippedStatus));
        Assert.That(again.Steps.Select(s => s.Name), Does.Contain(PipelineSteps.Ingest));
    }

    [Test]
    public void A_big_file_counts_with_size_and_write_time()
    {
        using var tmp = WithSampleData();
        var big = tmp.Combine("data", "uwv", "uwv_vacatures_detail_2025-02-14.csv");
        File.WriteAllBytes(big, new byte[InputFingerprint.HashLimit + 1]);
        var before = InputFingerprint.Compute(Request(tmp));
        Assert.That(InputFingerprint.Compute(Request(tmp)), Is.EqualTo(before));
        File.SetLastWriteTimeUtc(big, File.GetLastWriteTimeUtc(big).AddSeconds(-10));
        Assert.That(InputFingerprint.Compute(Request(tmp)), Is.Not.EqualTo(before));
    }

    sealed class Recorder(List<string> messages) : IRunObserver
    {
        public void Info(string message) => messages.Add(message);
    }
}
