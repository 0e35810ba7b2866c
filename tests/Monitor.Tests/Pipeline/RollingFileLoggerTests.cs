using Microsoft.Extensions.Logging;
using Monitor.Pipeline.Scheduling;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class RollingFileLoggerTests
{
    static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Test]
    public void Lines_go_to_a_file_per_local_day_and_files_older_than_the_retention_are_deleted()
    {
        using var dir = new TempDir();
        // Leftovers: 15 March is 14 days before 29 March and goes; 16 March is the oldest of the 14 days kept.
        foreach (var name in new[] { "monitor-20260315.log", "monitor-20260316.log", "monitor-notes.log", "other-20200101.log" })
            File.WriteAllText(dir.Combine(name), "old\n");
        // Saturday 28 March 2026, 23:30 CET.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero), Amsterdam);
        using var provider = new RollingFileLoggerProvider(dir.Path, "monitor", retainDays: 14, clock);
        var logger = provider.CreateLogger("Monitor.Pipeline.Scheduling.NightlyScheduler");

        logger.LogInformation("Scheduler started: next run at {Next}", "2026-03-29 03:00:00 +02:00");
        clock.Advance(TimeSpan.FromHours(1));   // 00:30 CET on the 29th: a new day, a new file
        logger.LogWarning("Skipped the {Trigger} run", "schedule");
        logger.LogDebug("not written below Information");

        Assert.That(File.ReadAllLines(dir.Combine("monitor-20260328.log")), Is.EqualTo(new[]
        {
            "2026-03-28T23:30:00.000+01:00 INFO  Pipeline.Scheduling.NightlyScheduler: Scheduler started: next run at 2026-03-29 03:00:00 +02:00",
        }));
        Assert.That(File.ReadAllLines(dir.Combine("monitor-20260329.log")), Is.EqualTo(new[]
        {
            "2026-03-29T00:30:00.000+01:00 WARN  Pipeline.Scheduling.NightlyScheduler: Skipped the schedule run",
        }));
        Assert.That(provider.CurrentPath, Is.EqualTo(dir.Combine("monitor-20260329.log")));
        Assert.That(Directory.EnumerateFiles(dir.Path).Select(Path.GetFileName).Order(), Is.EqualTo(new[]
        {
            "monitor-20260316.log", "monitor-20260328.log", "monitor-20260329.log", "monitor-notes.log", "other-20200101.log",
        }));
    }

    [Test]
    public void An_exception_is_written_indented_under_its_line()
    {
        using var dir = new TempDir();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), Amsterdam);
        var writer = new StringWriter();
        using var provider = new TextWriterLoggerProvider(writer, clock);

        provider.CreateLogger("Quartz.Core").LogError(new InvalidOperationException("boom"), "The {Trigger} run failed", "schedule");

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.That(lines[0], Is.EqualTo("2026-03-30T02:00:00.000+02:00 ERROR Quartz.Core: The schedule run failed"));
        Assert.That(lines[1], Is.EqualTo("    System.InvalidOperationException: boom"));
    }
}
