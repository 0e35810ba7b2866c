// kill -9 of a real `monitor run` process in the middle of ingest: nothing published changes, no lock is left
// behind, and the next run cleans up and completes as a clean run would.
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Monitor.Pipeline;
using Monitor.Pipeline.Locking;
using Monitor.Pipeline.Publishing;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

// Waits on clocks, other processes or the scheduler: runs alone, so that no parallel fixture slows what it waits for.
[NonParallelizable]
public class CrashTests
{
    static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    const int Deliveries = 20;
    const string LastDelivery = "uwv_vacatures_2024-03-20.csv";

    /// <summary>The dotnet host that runs this test, to start the CLI with; `dotnet` from PATH when it cannot be told.</summary>
    static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>Twenty later deliveries, 2024-03-01 to 2024-03-20, each with 2024KW1 for 6 cells: vacancies 200 + n, WW 50.</summary>
    static void AddDeliveries(string data)
    {
        for (var n = 1; n <= Deliveries; n++)
        {
            var rows = new StringBuilder(SmallData.Header);
            foreach (var region in new[] { "AM01", "AM13" })
                foreach (var cls in new[] { "01", "07", "08" })
                    rows.Append($"2024KW1;{region};{cls};{200 + n};50\n");
            File.WriteAllText(Path.Combine(data, "uwv", $"uwv_vacatures_2024-03-{n:00}.csv"), rows.ToString());
        }
    }

    static RunResult RunInProcess(string data, string outDir, IRunObserver? observer = null, IReadOnlyList<string>? steps = null) =>
        StandardSteps.Runner().Run(new RunRequest
        {
            DataDir = data, OutDir = outDir, GeneratedAt = GeneratedAt, StableFiles = Fixtures.NoWatch, Steps = steps ?? PipelineSteps.All,
            Retry = new Monitor.Pipeline.Definition.RetryDefinition(1, TimeSpan.Zero),
            // Every run here must really run: the unchanged-input skip is tested in Detail/UnchangedInputTests.
            Force = true,
        }, observer);

    static (long Extracts, long Rows, long Values, long Latest) Counts(string outDir)
    {
        using var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb"));
        var c = db.Connection;
        return (c.ExecuteScalar<long>("SELECT count(*) FROM meta.extracts WHERE state = 'loaded'"),
                c.ExecuteScalar<long>("SELECT count(*) FROM raw.uwv_vacatures"),
                c.ExecuteScalar<long>("SELECT count(*) FROM mart.indicator_values"),
                c.ExecuteScalar<long>("SELECT openstaande_vacatures FROM staging.stg_uwv_vacatures WHERE periode = '2024KW1' AND arbeidsmarktregio = 'AM01' AND beroepsklasse = '07'"));
    }

    static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Test]
    public void A_run_killed_mid_ingest_changes_nothing_published_and_the_next_run_completes()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("kills the child with SIGKILL semantics and holds it with flock, which needs Unix");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "monitor.dll");
        Assert.That(File.Exists(cli), Is.True, $"{cli}: the test project references Monitor.Cli, so the build copies it next to the tests");

        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        var outDir = t.Combine("out");
        var baseline = RunInProcess(data, outDir);
        Assert.That(baseline.Status, Is.EqualTo("succeeded"), baseline.Message);
        var published = PublishedState.HashFiles(outDir);
        var warehouse = Sha(Path.Combine(outDir, "warehouse.duckdb"));
        var lastRun = Sha(Path.Combine(outDir, "last-run.json"));

        AddDeliveries(data);
        // A delivery sorted after the twenty real ones that this process holds locked (flock, as an upload tool would):
        // the child's read of it fails and its file-io retry waits 60 s before trying again. That holds the child in
        // ingest, after it stored twenty extracts in its work copy, for as long as the test needs, so the kill lands
        // mid-ingest without depending on how fast the machine is. (A named pipe no longer does: it is never opened.)
        var blocker = Path.Combine(data, "uwv", "uwv_vacatures_2024-03-31.csv");
        File.WriteAllText(blocker, SmallData.Header + "2024KW1;AM01;01;1;1\n");
        using var locker = new FileStream(blocker, FileMode.Open, FileAccess.Read, FileShare.None);

        var pipeline = t.Combine("crash.yaml");
        File.WriteAllText(pipeline, $"name: crash\ndata_dir: {data}\nout_dir: {outDir}\nretry: {{ attempts: 5, backoff_seconds: 60 }}\nstable_files: {{ window_seconds: 0 }}\n");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { cli, "run", "--pipeline", pipeline, "--generated-at", "2026-11-23T06:00:00Z", "--force" }) start.ArgumentList.Add(a);

        var output = new List<string>();
        using var inIngest = new ManualResetEventSlim();
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
            if (e.Data.TrimStart().StartsWith("loaded", StringComparison.Ordinal) && e.Data.Contains("uwv/" + LastDelivery, StringComparison.Ordinal))
                inIngest.Set();
        };
        child.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add("stderr: " + e.Data); };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            // A guard against hanging, not a timing assertion: the child needs a few seconds to start and load twenty files.
            if (!inIngest.Wait(TimeSpan.FromSeconds(120)))
                Assert.Fail($"the child never reported {LastDelivery}; its output:\n{string.Join("\n", Snapshot(output))}");
            Assert.That(child.HasExited, Is.False);
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        locker.Dispose();
        File.Delete(blocker);

        var said = Snapshot(output);
        Assert.That(said, Has.None.Contains("▶ indicators"), "killed in ingest");
        var deadRun = Directory.GetDirectories(Path.Combine(outDir, Publisher.WorkFolder)).Select(Path.GetFileName).Single()!;
        Assert.That(File.Exists(Path.Combine(outDir, Publisher.WorkFolder, deadRun, "warehouse.duckdb")), Is.True, "the killed run left its work copy");
        Assert.That(File.ReadAllText(Path.Combine(outDir, RunLock.FileName)), Does.Contain(deadRun), "and its record in the lock file");

        // Published output: byte for byte as the baseline run left it (a killed run writes nothing outside .work).
        Assert.That(PublishedState.HashFiles(outDir), Is.EqualTo(published));
        Assert.That(Sha(Path.Combine(outDir, "warehouse.duckdb")), Is.EqualTo(warehouse));
        Assert.That(Sha(Path.Combine(outDir, "last-run.json")), Is.EqualTo(lastRun));

        // The lock died with the process: nothing blocks a new run.
        using (var probe = RunLock.TryAcquire(outDir, "probe", out var holder))
            Assert.That(probe, Is.Not.Null, $"lock still held by {holder}");

        var observer = new InfoRecorder();
        var next = RunInProcess(data, outDir, observer);
        Assert.That((next.Status, next.ExitCode), Is.EqualTo(("succeeded", ExitCodes.Success)), next.Message);
        Assert.That(observer.Messages, Does.Contain($"removed the work directory of run {deadRun}, which ended without publishing (killed or crashed)"));
        Assert.That(Directory.Exists(Path.Combine(outDir, Publisher.WorkFolder)) ? Directory.GetFileSystemEntries(Path.Combine(outDir, Publisher.WorkFolder)) : [], Is.Empty);

        // The same as a clean run on the same data: 21 extracts, 12 + 20 × 6 rows, the latest vintage (n = 20) in force.
        var clean = t.Combine("clean");
        Assert.That(RunInProcess(data, clean, steps: [PipelineSteps.Ingest, PipelineSteps.Indicators]).Status, Is.EqualTo("succeeded"));
        var expected = Counts(clean);
        Assert.That((expected.Extracts, expected.Rows, expected.Latest), Is.EqualTo((1L + Deliveries, 12L + 6 * Deliveries, 220L)));
        Assert.That(Counts(outDir), Is.EqualTo(expected));
    }

    static List<string> Snapshot(List<string> output)
    {
        lock (output) return output.ToList();
    }

    sealed class InfoRecorder : IRunObserver
    {
        public List<string> Messages { get; } = [];
        public void Info(string message) => Messages.Add(message);
    }
}
