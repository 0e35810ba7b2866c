// One table of exit codes for every command (ExitCodes): a missing warehouse or data directory is a usage error (2)
// that creates nothing, and an unexpected error is one line on stderr with exit code 1, never a stack trace.
using Dapper;
using Monitor.Pipeline;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class ExitCodeTests
{
    TempDir dir = null!;

    [SetUp]
    public void CreateDir() => dir = new TempDir();

    [TearDown]
    public void RemoveDir() => dir.Dispose();

    static readonly string[][] WarehouseCommands =
    [
        ["status"], ["query", "SELECT 1"], ["explain", "vacatures"], ["report"], ["indicators"], ["export"],
    ];

    [TestCaseSource(nameof(WarehouseCommands))]
    public void A_missing_warehouse_is_a_usage_error_for_every_command(string[] command)
    {
        var outDir = dir.Combine("nothing-here");
        var (exit, _, error) = MonitorCli.Invoke([.. command, "--out", outDir]);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), error);
        Assert.That(error, Does.Contain($"no warehouse at {Path.Combine(outDir, "warehouse.duckdb")}"));
        Assert.That(Directory.Exists(outDir), Is.False, "nothing is created on a usage error");
    }

    [Test]
    public void Run_with_a_missing_data_directory_is_a_usage_error_and_creates_nothing()
    {
        var outDir = dir.Combine("out");
        var (exit, _, error) = MonitorCli.Invoke("run", "--data", dir.Combine("nonexistent"), "--out", outDir);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith($"error: data directory '{dir.Combine("nonexistent")}' does not exist"));
        Assert.That(Directory.Exists(outDir), Is.False, "no output directory, warehouse or lock file");
    }

    [Test]
    public void Validate_with_a_missing_data_directory_is_a_usage_error()
    {
        var (exit, _, error) = MonitorCli.Invoke("validate", "--data", dir.Combine("nonexistent"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("does not exist"));
    }

    [Test]
    public void A_bad_option_is_a_usage_error()
    {
        Assert.That(MonitorCli.Invoke("run", "--no-such-option").ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(MonitorCli.Invoke("status", "--runs", "many").ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void A_query_that_writes_is_a_usage_error()
    {
        var outDir = dir.Combine("out");
        Directory.CreateDirectory(outDir);
        using (WarehouseDb.OpenForWrite(Path.Combine(outDir, "warehouse.duckdb"))) { }
        var (exit, _, _) = MonitorCli.Invoke("query", "CREATE TABLE meta.x (a INTEGER)", "--out", outDir);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void An_unexpected_error_is_one_line_naming_the_command_and_the_fault_and_exit_code_1()
    {
        // A file where the warehouse should be that is not a DuckDB database: no command expects that.
        var outDir = dir.Combine("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "warehouse.duckdb"), "this is not a database");

        var (exit, output, error) = MonitorCli.Invoke("status", "--out", outDir);

        Assert.That(exit, Is.EqualTo(ExitCodes.Failure));
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error);
        Assert.That(lines[0], Does.StartWith("error: monitor status failed: ").And.Contain("warehouse.duckdb").And.EndWith("; --verbose prints the stack trace"));
        Assert.That(output + error, Does.Not.Contain("   at "), "no stack trace");

        var verbose = MonitorCli.Invoke("status", "--out", outDir, "--verbose");
        Assert.That(verbose.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(verbose.Error, Does.Contain("   at "), "--verbose adds the trace");
    }

    [Test]
    public void A_read_only_output_directory_is_a_clear_failure_not_an_exception()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("makes the directory read-only with a mount or Unix file modes");
            return;
        }
        // chmod does not stop root, so the output directory is a read-only mount where one can be made.
        var outDir = dir.Combine("out");
        Directory.CreateDirectory(outDir);
        using var mount = SmallFileSystem.TryMount(outDir, "1m", readOnly: true, out var why);
        if (mount is null)
        {
            if (Environment.UserName == "root") Assert.Ignore($"cannot make a read-only directory for root: {why}");
            File.SetUnixFileMode(outDir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        var data = SmallData.Create(dir.Combine("data"));

        var (exit, output, error) = MonitorCli.Invoke("run", "--data", data, "--out", outDir);

        Assert.That(exit, Is.EqualTo(ExitCodes.Failure), output + error);
        Assert.That(error, Does.Contain($"cannot write to the output directory {outDir}: ").And.Contain("give the user that runs the monitor write access"));
        Assert.That(output + error, Does.Not.Contain("   at "), "no stack trace");
        if (mount is null) File.SetUnixFileMode(outDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
