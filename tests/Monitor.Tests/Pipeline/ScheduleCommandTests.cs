using System.CommandLine;
using Monitor.Cli.Commands;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class ScheduleCommandTests
{
    static (int ExitCode, string Error) Invoke(params string[] args)
    {
        var (exit, _, error) = MonitorCli.Invoke(args);
        return (exit, error);
    }

    [Test]
    public void A_missing_pipeline_file_is_a_usage_error()
    {
        var (code, error) = Invoke("schedule", "--pipeline", "/nonexistent/nightly.yaml");
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("error: /nonexistent/nightly.yaml: pipeline file not found"));
    }

    [Test]
    public void A_pipeline_without_a_schedule_is_a_usage_error()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("adhoc.yaml"), "name: adhoc\ndata_dir: data\nout_dir: out\n");
        var (code, error) = Invoke("schedule", "--pipeline", dir.Combine("adhoc.yaml"));
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("schedule: this pipeline has no schedule"));
    }
}
