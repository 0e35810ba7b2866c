using System.Diagnostics;
using Monitor.Pipeline.Locking;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

// Waits on clocks, other processes or the scheduler: runs alone, so that no parallel fixture slows what it waits for.
[NonParallelizable]
public class RunLockTests
{
    static readonly DateTimeOffset Start = new(2026, 3, 29, 0, 0, 5, TimeSpan.Zero);

    [Test]
    public void A_second_run_is_refused_and_told_which_run_holds_the_lock()
    {
        using var dir = new TempDir();
        var outDir = dir.Combine("out");
        using var first = RunLock.TryAcquire(outDir, "20260329T000005Z-aa01", out var none, clock: new ManualClock(Start));
        Assert.That(first, Is.Not.Null);
        Assert.That(none, Is.Null);

        var second = RunLock.TryAcquire(outDir, "20260329T000007Z-bb02", out var holder);

        Assert.That(second, Is.Null);
        Assert.That(holder, Is.EqualTo(new RunLockInfo("20260329T000005Z-aa01", Environment.ProcessId, Environment.MachineName, Start)));
        Assert.That(RunLock.BusyMessage(outDir, holder), Is.EqualTo(
            $"another run is busy on {outDir}: run 20260329T000005Z-aa01 (pid {Environment.ProcessId} on {Environment.MachineName}, started 2026-03-29 00:00:05 UTC); try again when it has finished"));
    }

    [Test]
    public void Releasing_empties_the_file_and_the_next_run_takes_the_lock_without_a_warning()
    {
        using var dir = new TempDir();
        var log = new RecordingLogger();
        RunLock.TryAcquire(dir.Path, "run-1", out _)!.Dispose();

        Assert.That(new FileInfo(dir.Combine(RunLock.FileName)).Length, Is.EqualTo(0));
        using var next = RunLock.TryAcquire(dir.Path, "run-2", out _, log);
        Assert.That(next, Is.Not.Null);
        Assert.That(log.Entries, Is.Empty);
        Assert.That(RunLock.TryAcquire(dir.Path, "run-3", out var holder), Is.Null);
        Assert.That(holder!.RunId, Is.EqualTo("run-2"));
    }

    [Test]
    public void A_lock_left_by_a_dead_process_is_cleared_with_a_warning_naming_that_run()
    {
        using var dir = new TempDir();
        var deadPid = PidOfAFinishedProcess();
        File.WriteAllText(dir.Combine(RunLock.FileName),
            $$"""{"run_id":"20260328T000000Z-dead","pid":{{deadPid}},"host":"{{Environment.MachineName}}","started_at":"2026-03-28T00:00:00+00:00"}""");
        var log = new RecordingLogger();

        using var taken = RunLock.TryAcquire(dir.Path, "20260329T000005Z-cc03", out var holder, log);

        Assert.That(taken, Is.Not.Null);
        Assert.That(holder, Is.Null);
        Assert.That(log.Messages.Single(), Is.EqualTo(
            $"Cleared a stale lock in {dir.Combine(RunLock.FileName)}: run 20260328T000000Z-dead (pid {deadPid} on {Environment.MachineName}, started 2026-03-28 00:00:00 UTC) ended without releasing it (pid {deadPid} is not running)"));
    }

    [Test]
    public void A_real_second_process_holding_the_lock_blocks_the_run_until_it_is_killed()
    {
        // flock(1) takes the same kind of lock as .NET's FileShare.None (flock(2), exclusive).
        if (!File.Exists("/usr/bin/flock") && !File.Exists("/bin/flock"))
            Assert.Ignore("flock(1) from util-linux is not installed");
        using var dir = new TempDir();
        var lockFile = dir.Combine(RunLock.FileName);
        File.WriteAllText(lockFile, """{"run_id":"20260329T000000Z-ext1","pid":4242,"host":"batch-01","started_at":"2026-03-29T00:00:00+00:00"}""");
        using var other = Process.Start(new ProcessStartInfo("flock", [lockFile, "-c", "sleep 60"]))!;
        try
        {
            Wait.Until(() =>
            {
                // A bare probe that writes nothing; if it wins the race, flock(1) simply waits for it.
                try { using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.None); return false; }
                catch (IOException) { return true; }
            }, "the flock process to take the lock");

            Assert.That(RunLock.TryAcquire(dir.Path, "20260329T000030Z-dd04", out var holder), Is.Null);
            Assert.That(holder, Is.EqualTo(new RunLockInfo("20260329T000000Z-ext1", 4242, "batch-01", new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero))));
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }

        // The kernel drops the lock when the killed processes have really gone, a moment after the signal.
        var log = new RecordingLogger();
        RunLock? mine = null;
        Wait.Until(() => (mine = RunLock.TryAcquire(dir.Path, "20260329T000100Z-dd04", out _, log)) is not null, "the OS to drop the killed process's lock");
        using var held = mine;
        Assert.That(log.Messages.Single(), Does.Contain("run 20260329T000000Z-ext1 (pid 4242 on batch-01").And.Contain("it ran on host batch-01; the lock is no longer held"));
    }

    static int PidOfAFinishedProcess()
    {
        using var p = Process.Start(new ProcessStartInfo("true"))!;
        p.WaitForExit();
        return p.Id;
    }
}
