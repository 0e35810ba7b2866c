using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Resilience;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class StableFileGuardTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

    static string Extract(TempDir dir, string name, string content, TimeSpan age)
    {
        var path = dir.Combine(name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, (Now - age).UtcDateTime);
        return path;
    }

    [Test]
    public void A_file_written_moments_ago_is_left_for_the_next_run()
    {
        using var dir = new TempDir();
        var old = Extract(dir, "uwv_vacatures_2026-03-15.csv", "Periode;Arbeidsmarktregio", TimeSpan.FromMinutes(10));
        var fresh = Extract(dir, "roa_prognoses_2026-03-28.csv", "Prognoseperiode", TimeSpan.FromSeconds(5));
        var guard = new StableFileGuard(new StableFileSettings(TimeSpan.Zero, TimeSpan.FromSeconds(60)), new ManualClock(Now));

        var unstable = guard.FindUnstable([old, fresh]);

        Assert.That(unstable, Is.EqualTo(new[]
        {
            new UnstableFile(fresh, "it was written 5 s ago; files younger than 60 s are left for the next run (stable_files.min_age_seconds)"),
        }));
    }

    [Test]
    public void A_file_that_grows_during_the_watch_is_left_for_the_next_run()
    {
        using var dir = new TempDir();
        var growing = Extract(dir, "tpm_onderwijs_2026-03-01.csv", "0123456789", TimeSpan.FromHours(1));
        var still = Extract(dir, "tpm_werkzaam_2026-03-01.csv", "abc", TimeSpan.FromHours(1));
        var waits = new List<TimeSpan>();
        var guard = new StableFileGuard(new StableFileSettings(TimeSpan.FromSeconds(2), TimeSpan.Zero), new ManualClock(Now), (span, _) =>
        {
            waits.Add(span);
            File.AppendAllText(growing, "ABCDE");   // the upload goes on while the guard watches
            return Task.CompletedTask;
        });

        var unstable = guard.FindUnstable([growing, still]);

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(2) }), "one watch for all files");
        Assert.That(unstable, Is.EqualTo(new[]
        {
            new UnstableFile(growing, "it is still being written: its size went from 10 to 15 bytes during the 2 s watch"),
        }));
    }

    [Test]
    public void A_file_rewritten_to_the_same_size_is_caught_by_its_write_time()
    {
        using var dir = new TempDir();
        var path = Extract(dir, "predict_stromen_2026-03-01.csv", "abc", TimeSpan.FromHours(1));
        var guard = new StableFileGuard(new StableFileSettings(TimeSpan.FromSeconds(2), TimeSpan.Zero), new ManualClock(Now), (_, _) =>
        {
            File.SetLastWriteTimeUtc(path, Now.UtcDateTime);
            return Task.CompletedTask;
        });

        Assert.That(guard.FindUnstable([path]).Single().Reason, Is.EqualTo("it is still being written: it was modified during the 2 s watch"));
    }

    [Test]
    public void A_file_that_vanishes_is_reported()
    {
        using var dir = new TempDir();
        var path = Extract(dir, "uwv_vacatures_2026-03-15.csv", "x", TimeSpan.FromHours(1));
        var guard = new StableFileGuard(new StableFileSettings(TimeSpan.FromSeconds(2), TimeSpan.Zero), new ManualClock(Now), (_, _) =>
        {
            File.Delete(path);
            return Task.CompletedTask;
        });

        Assert.That(guard.FindUnstable([path, dir.Combine("never-there.csv")]), Is.EqualTo(new[]
        {
            new UnstableFile(path, "it disappeared during the 2 s watch (moved or deleted)"),
            new UnstableFile(dir.Combine("never-there.csv"), "it disappeared while the run was looking at it (moved or deleted)"),
        }));
    }

    [Test]
    public void With_both_checks_off_nothing_is_waited_for_or_deferred()
    {
        using var dir = new TempDir();
        var path = Extract(dir, "uwv_vacatures_2026-03-15.csv", "x", TimeSpan.Zero);
        var waited = false;
        var guard = new StableFileGuard(new StableFileSettings(TimeSpan.Zero, TimeSpan.Zero), new ManualClock(Now), (_, _) => { waited = true; return Task.CompletedTask; });

        Assert.That(guard.FindUnstable([path]), Is.Empty);
        Assert.That(waited, Is.False);
    }
}
