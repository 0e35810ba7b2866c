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
    public void An_unknown_region_is_reported_as_the_option_that_was_given()
    {
        using var dir = new TempDir();
        var (exit, _, error) = MonitorCli.Invoke("report", "--out", dir.Path, "--region", "am99");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("error: --region 'am99' is not a known region: expected a province (PV20–PV31)"));
    }

    [Test]
    public void An_unknown_region_for_a_run_is_refused_before_anything_runs()
    {
        using var dir = new TempDir();
        var (exit, _, error) = MonitorCli.Invoke("run", "--data", dir.Combine("data"), "--out", dir.Combine("out"), "--region", "PV27", "--region", "TP9");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("error: --region 'TP9' is not a known region"));
        Assert.That(Directory.Exists(dir.Combine("out")), Is.False);
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
