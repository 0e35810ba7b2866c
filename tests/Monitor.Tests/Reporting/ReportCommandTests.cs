using System.CommandLine;
using Monitor.Cli.Commands;
using Monitor.Pipeline;
using Monitor.Tests.Support;

namespace Monitor.Tests.Reporting;

public class ReportCommandTests
{
    static int Run(params string[] args) => MonitorCli.Invoke(args).ExitCode;

    [Test]
    public void Builds_the_report_from_the_warehouse_in_the_out_directory()
    {
        using var dir = new TempDir();
        ReportFixture.Create(dir.Path);
        var code = Run("report", "--out", dir.Path, "--region", "pv27", "--generated-at", "2024-07-01T10:00:00Z");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.Exists(dir.Combine("reports", "indicatorrapport-2023-PV27.pdf")));
        Assert.That(File.Exists(dir.Combine("reports", "indicatorrapport-2023-PV27-cijfers.csv")));
    }

    [Test]
    public void An_unknown_region_is_a_usage_error()
    {
        using var dir = new TempDir();
        Assert.That(Run("report", "--out", dir.Path, "--region", "XX1"), Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void A_malformed_generation_time_is_a_usage_error()
    {
        using var dir = new TempDir();
        Assert.That(Run("report", "--out", dir.Path, "--generated-at", "gisteren"), Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void A_missing_warehouse_fails_with_a_message()
    {
        using var dir = new TempDir();
        // A missing warehouse is a usage error for every command (ExitCodes).
        Assert.That(Run("report", "--out", dir.Path), Is.EqualTo(ExitCodes.Usage));
    }
}
