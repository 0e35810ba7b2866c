using DuckDB.NET.Data;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Resilience;
using Monitor.Tests.Support;
using NUnit.Framework;
using Polly;
using Polly.Timeout;

namespace Monitor.Tests.Pipeline;

// Waits on clocks, other processes or the scheduler: runs alone, so that no parallel fixture slows what it waits for.
[NonParallelizable]
public class ResilienceTests
{
    // No waiting between tries in tests; the doubling itself is Polly's and configured, not re-tested.
    static MonitorResilience Make(int attempts, RecordingLogger? log = null, Dictionary<string, TimeSpan>? timeouts = null) =>
        new(new RetryDefinition(attempts, TimeSpan.Zero), timeouts ?? [], log);

    // The message DuckDB.NET 1.5.6.1 gave when a second process opened a warehouse another process had open;
    // DuckDB's lock is per process, so a test in one process cannot provoke it, and the constructor is internal.
    static DuckDBException DuckDbError(string message) =>
        (DuckDBException)Activator.CreateInstance(typeof(DuckDBException), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null, [message], null)!;

    const string LockMessage = "DuckDBOpen failed: IO Error: Could not set lock on file \"/srv/out/warehouse.duckdb\": Conflicting lock is held in /usr/bin/dbeaver (PID 4242). See also https://duckdb.org/docs/stable/connect/concurrency";

    [Test]
    public void File_io_tries_again_when_another_handle_holds_the_file()
    {
        using var dir = new TempDir();
        var path = dir.Combine("extract.csv");
        File.WriteAllText(path, "a;b");
        var holder = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
        var log = new RecordingLogger();
        var tries = 0;

        var text = Make(3, log).FileIo.Execute(() =>
        {
            if (++tries == 2) holder.Dispose();
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None));
            return reader.ReadToEnd();
        });

        Assert.That(text, Is.EqualTo("a;b"));
        Assert.That(tries, Is.EqualTo(2));
        Assert.That(log.Messages.Single(), Does.StartWith("file-io: try 1 of 3 failed (The process cannot access the file"));
    }

    [Test]
    public void File_io_does_not_retry_what_cannot_get_better()
    {
        var tries = 0;
        Assert.Throws<FileNotFoundException>(() => Make(3).FileIo.Execute(() => { tries++; throw new FileNotFoundException("gone"); }));
        Assert.Throws<IOException>(() => Make(3).FileIo.Execute(() => { tries++; throw new IOException("No space left on device", 28); }));
        Assert.Throws<UnauthorizedAccessException>(() => Make(3).FileIo.Execute(() => { tries++; throw new UnauthorizedAccessException(); }));
        Assert.That(tries, Is.EqualTo(3), "one try each");
    }

    [Test]
    public void File_io_gives_up_after_the_configured_attempts()
    {
        var tries = 0;
        var e = Assert.Throws<IOException>(() => Make(4).FileIo.Execute(() => { tries++; throw new IOException("busy", 16); }))!;
        Assert.That(tries, Is.EqualTo(4));
        Assert.That(e.Message, Is.EqualTo("busy"));
    }

    [Test]
    public void One_attempt_means_no_retry()
    {
        var tries = 0;
        Assert.Throws<IOException>(() => Make(1).FileIo.Execute(() => { tries++; throw new IOException("busy", 16); }));
        Assert.That(tries, Is.EqualTo(1));
    }

    [Test]
    public void Warehouse_lock_waits_for_a_duckdb_file_held_by_another_process()
    {
        var log = new RecordingLogger();
        var tries = 0;
        var result = Make(3, log).WarehouseLock.Execute(() =>
        {
            if (++tries < 3) throw DuckDbError(LockMessage);
            return "opened";
        });

        Assert.That(result, Is.EqualTo("opened"));
        Assert.That(tries, Is.EqualTo(3));
        Assert.That(log.Messages, Has.Count.EqualTo(2));
        Assert.That(log.Messages.Last(), Does.StartWith("warehouse-lock: try 2 of 3 failed (DuckDBOpen failed: IO Error: Could not set lock on file"));
    }

    [Test]
    public void Warehouse_lock_leaves_other_duckdb_errors_alone()
    {
        var tries = 0;
        Assert.Throws<DuckDBException>(() => Make(3).WarehouseLock.Execute(() =>
        {
            tries++;
            throw DuckDbError("Catalog Error: Table with name runs does not exist!");
        }));
        Assert.That(tries, Is.EqualTo(1));
    }

    [Test]
    public void A_lock_error_wrapped_by_the_caller_is_still_recognised()
    {
        Assert.That(MonitorResilience.IsWarehouseLocked(new InvalidOperationException("opening the warehouse failed", DuckDbError(LockMessage))), Is.True);
        Assert.That(MonitorResilience.IsWarehouseLocked(new IOException("Could not set lock on file")), Is.False, "only DuckDB's own error counts");
    }

    [Test]
    public void A_step_over_its_time_limit_is_stopped_through_its_token()
    {
        var log = new RecordingLogger();
        var resilience = Make(1, log, new Dictionary<string, TimeSpan> { ["ingest"] = TimeSpan.FromMilliseconds(50) });
        var sawCancellation = false;

        Assert.Throws<TimeoutRejectedException>(() => resilience.ForStep("ingest").Execute(token =>
        {
            try { Task.Delay(Timeout.Infinite, token).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { sawCancellation = true; throw; }
        }, CancellationToken.None));

        Assert.That(sawCancellation, Is.True);
        Assert.That(log.Messages.Single(), Does.StartWith("Step ingest was stopped after its time limit of 00:00:00.05"));
    }

    [Test]
    public void A_step_without_a_time_limit_runs_unwrapped()
    {
        var resilience = Make(1, timeouts: new Dictionary<string, TimeSpan> { ["ingest"] = TimeSpan.FromMinutes(30) });
        Assert.That(resilience.ForStep("report"), Is.SameAs(ResiliencePipeline.Empty));
        Assert.That(resilience.ForStep("ingest"), Is.Not.SameAs(ResiliencePipeline.Empty));
    }

    [Test]
    public void The_pipelines_are_registered_by_name()
    {
        var resilience = MonitorResilience.FromDefinition(PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\ntimeouts: { checks: 60 }\n", "/p.yaml"));
        Assert.That(resilience.Registry.TryGetPipeline("file-io", out _), Is.True);
        Assert.That(resilience.Registry.TryGetPipeline("warehouse-lock", out _), Is.True);
        Assert.That(resilience.Registry.TryGetPipeline("step-timeout:checks", out _), Is.True);
        Assert.That(resilience.Registry.TryGetPipeline("step-timeout:ingest", out _), Is.False);
    }

    [TestCase(11, true)]    // EWOULDBLOCK: a held flock
    [TestCase(16, true)]    // EBUSY
    [TestCase(28, false)]   // ENOSPC
    [TestCase(13, false)]   // EACCES
    [TestCase(unchecked((int)0x80070020), true)]  // ERROR_SHARING_VIOLATION
    [TestCase(32, false)]   // EPIPE: same low bits as the Windows sharing violation, but a Unix errno
    public void Transient_io_errors_are_told_apart_by_their_code(int hresult, bool transient) =>
        Assert.That(IoErrors.IsTransient(new IOException("x", hresult)), Is.EqualTo(transient));
}
