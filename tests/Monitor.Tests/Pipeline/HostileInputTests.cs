// Entries of a data directory that are not plain extracts: named pipes, devices, sockets, misplaced files and folders,
// and vintages dated in the future. None of them may hang or fail a run; each is recorded with its name and reason.
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Dapper;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Pipeline;

public class HostileInputTests
{
    const string Good = "uwv_vacatures_2024-02-15.csv";

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    static extern int MkFifo(string path, uint mode);

    static RunRequest Request(string data, string outDir) => new()
    {
        DataDir = data, OutDir = outDir, StableFiles = Fixtures.NoWatch, Steps = [PipelineSteps.Ingest, PipelineSteps.Indicators],
        Retry = new Monitor.Pipeline.Definition.RetryDefinition(1, TimeSpan.Zero), Force = true,
    };

    /// <summary>Runs <paramref name="work"/> on another thread: a hang fails the test instead of stopping the suite.</summary>
    static T WithoutHanging<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        if (!task.Wait(TimeSpan.FromSeconds(120))) Assert.Fail($"{what} hung (still running after 120 s)");
        return task.Result;
    }

    /// <summary>The small data directory plus a FIFO, a link to /dev/zero and a socket, each named like an extract.</summary>
    static (string Data, Socket Socket) NotRegularFiles(TempDir t)
    {
        var data = SmallData.Create(t.Combine("data"));
        var uwv = Path.Combine(data, "uwv");
        Assert.That(MkFifo(Path.Combine(uwv, "uwv_vacatures_2024-03-01.csv"), Convert.ToUInt32("644", 8)), Is.EqualTo(0), "mkfifo");
        File.CreateSymbolicLink(Path.Combine(uwv, "uwv_vacatures_2024-03-02.csv"), "/dev/zero");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(uwv, "uwv_vacatures_2024-03-03.csv")));
        return (data, socket);
    }

    [Test]
    public void Pipes_devices_and_sockets_named_like_extracts_are_skipped_as_unreadable_and_the_rest_loads()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("named pipes, /dev/zero and Unix sockets need Unix");
        using var t = new TempDir();
        var (data, socket) = NotRegularFiles(t);
        using var _ = socket;

        var result = WithoutHanging(() => StandardSteps.Runner().Run(Request(data, t.Combine("out"))), "run");

        Assert.That((result.Status, result.ExitCode), Is.EqualTo(("succeeded_with_data_problems", ExitCodes.DataProblems)), result.Message);
        var files = result.Ingest!.Files.ToDictionary(f => f.FileName);
        Assert.That(files[Good].State, Is.EqualTo(FileState.Loaded));
        Assert.That(files[Good].RowsLoaded, Is.EqualTo(12));
        Assert.That(files["uwv_vacatures_2024-03-01.csv"].Reason, Does.Contain("it is a named pipe (FIFO), not a regular file, so it is not opened"));
        Assert.That(files["uwv_vacatures_2024-03-02.csv"].Reason, Does.Contain("it is a character device (a symbolic link to '/dev/zero'), not a regular file"));
        Assert.That(files["uwv_vacatures_2024-03-03.csv"].Reason, Does.Contain("it is a socket, not a regular file"));

        // Recorded in the published ledger with the file name, as unreadable; nothing of them is in meta.extracts.
        using var db = WarehouseDb.OpenReadOnly(t.Combine("out", "warehouse.duckdb"));
        Assert.That(db.Connection.Query<(string, string)>("SELECT file_name, outcome FROM meta.run_files WHERE run_id = $id ORDER BY file_name", new { id = result.RunId }),
            Is.EqualTo(new[]
            {
                (Good, "loaded"), ("uwv_vacatures_2024-03-01.csv", "unreadable"), ("uwv_vacatures_2024-03-02.csv", "unreadable"), ("uwv_vacatures_2024-03-03.csv", "unreadable"),
            }));
        Assert.That(db.Connection.Query<string>("SELECT file_name FROM meta.extracts"), Is.EqualTo(new[] { Good }));
    }

    [Test]
    public void Validate_reports_pipes_devices_and_sockets_instead_of_waiting_on_them()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("named pipes, /dev/zero and Unix sockets need Unix");
        using var t = new TempDir();
        var (data, socket) = NotRegularFiles(t);
        using var _ = socket;

        var files = WithoutHanging(() => DryRun.Validate(data, 0.05), "validate");

        Assert.That(files.Select(f => (f.Validation.File.FileName, f.Validation.Rejected)), Is.EqualTo(new[]
        {
            (Good, false), ("uwv_vacatures_2024-03-01.csv", true), ("uwv_vacatures_2024-03-02.csv", true), ("uwv_vacatures_2024-03-03.csv", true),
        }));
        Assert.That(files[2].Validation.FileError, Does.StartWith($"cannot read {Path.Combine(data, "uwv", "uwv_vacatures_2024-03-02.csv")}: it is a character device"));

        var (exit, output, error) = WithoutHanging(() => MonitorCli.Invoke("validate", "--data", data), "monitor validate");
        Assert.That(exit, Is.EqualTo(ExitCodes.DataProblems), error);
        Assert.That(output, Does.Contain("named pipe (FIFO)"));
        Assert.That(output + error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void Misplaced_files_and_folders_are_recorded_as_ignored_with_the_reason_and_leave_the_exit_code_alone()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        File.WriteAllText(Path.Combine(data, "uwv_vacatures_2024-03-01.csv"), SmallData.BaseRows());
        Directory.CreateDirectory(Path.Combine(data, "UWV"));
        File.WriteAllText(Path.Combine(data, "UWV", "uwv_vacatures_2024-03-02.csv"), SmallData.BaseRows());
        Directory.CreateDirectory(Path.Combine(data, "uwv", "archief"));
        File.WriteAllText(Path.Combine(data, "uwv", "archief", "uwv_vacatures_2023-02-15.csv"), SmallData.BaseRows());
        Directory.CreateDirectory(Path.Combine(data, "uwv", "uwv_vacatures_2024-03-03.csv"));
        File.WriteAllText(Path.Combine(data, ".hidden"), "not a delivery, skipped without a word");

        var result = StandardSteps.Runner().Run(Request(data, t.Combine("out")));

        Assert.That((result.Status, result.ExitCode), Is.EqualTo(("succeeded", ExitCodes.Success)), "ignored entries are a warning, not a data problem");
        var ignored = result.Ingest!.Files.Where(f => f.State == FileState.Ignored).Select(f => (f.Folder, f.FileName, f.Reason)).ToList();
        Assert.That(ignored.Select(i => (i.Folder, i.FileName)), Is.EquivalentTo(new[]
        {
            ("", "uwv_vacatures_2024-03-01.csv"), ("", "UWV/"), ("uwv", "archief/"), ("uwv", "uwv_vacatures_2024-03-03.csv/"),
        }));
        Assert.That(ignored.Single(i => i.FileName == "UWV/").Reason, Is.EqualTo("folder 'UWV/' is not read: folder names are lower case, did you mean 'uwv/'?"));
        Assert.That(ignored.Single(i => i.FileName == "archief/").Reason, Is.EqualTo("subfolder 'uwv/archief/' is not read: extracts are read only directly in uwv/"));
        Assert.That(ignored.Single(i => i.FileName == "uwv_vacatures_2024-03-03.csv/").Reason,
            Is.EqualTo("'uwv_vacatures_2024-03-03.csv' is a directory, not a file: only files are read as extracts"));
        Assert.That(ignored.Single(i => i.FileName == "uwv_vacatures_2024-03-01.csv").Reason, Does.StartWith("a file in the data root is not read"));

        // In the published ledger, and in what `monitor status` lists for the last run.
        using (var db = WarehouseDb.OpenReadOnly(t.Combine("out", "warehouse.duckdb")))
            Assert.That(StatusQueries.RunFiles(db, result.RunId).Where(f => f.Outcome != "loaded").Select(f => (f.Folder, f.FileName, f.Outcome)),
                Is.EqualTo(new[]
                {
                    ("", "UWV/", "ignored"), ("", "uwv_vacatures_2024-03-01.csv", "ignored"), ("uwv", "archief/", "ignored"), ("uwv", "uwv_vacatures_2024-03-03.csv/", "ignored"),
                }));
        var (exit, output, _) = MonitorCli.Invoke("status", "--out", t.Combine("out"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain($"Files of run {result.RunId}"));
    }

    [Test]
    public void A_vintage_dated_after_the_day_of_the_run_is_rejected_and_loads_once_its_day_has_come()
    {
        using var t = new TempDir();
        var data = SmallData.Create(t.Combine("data"));
        const string future = "uwv_vacatures_2024-06-02.csv";
        File.WriteAllText(Path.Combine(data, "uwv", future), SmallData.Header + "2024KW1;AM01;07;300;40\n");
        var outDir = t.Combine("out");

        // 1 June 2024, 12:00 in the Netherlands: the file says it was published tomorrow.
        var early = new PipelineRunner(() => new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var first = early.Run(Request(data, outDir));
        Assert.That((first.Status, first.ExitCode), Is.EqualTo(("succeeded_with_data_problems", ExitCodes.DataProblems)));
        var outcome = first.Ingest!.Files.Single(f => f.FileName == future);
        Assert.That(outcome.State, Is.EqualTo(FileState.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("publication date in the future: the vintage 2024-06-02 in the file name is after the day of the run (2024-06-01)"));
        using (var db = WarehouseDb.OpenReadOnly(Path.Combine(outDir, "warehouse.duckdb")))
            Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.extracts WHERE file_name = $future", new { future }), Is.Zero,
                "not stored, so it is not 'unchanged and rejected' forever");

        // 2 June, 00:30 in the Netherlands (22:30 UTC on 1 June): its day has come.
        var later = new PipelineRunner(() => new DateTimeOffset(2024, 6, 1, 22, 30, 0, TimeSpan.Zero));
        var second = later.Run(Request(data, outDir));
        Assert.That((second.Status, second.ExitCode), Is.EqualTo(("succeeded", ExitCodes.Success)), second.Message);
        Assert.That(second.Ingest!.Files.Single(f => f.FileName == future).State, Is.EqualTo(FileState.Loaded));
    }
}
