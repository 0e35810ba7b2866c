using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Monitor.Pipeline;
using Monitor.Serving;
using Monitor.Tests.Support;

namespace Monitor.Tests.Serving;

// Waits on clocks, other processes or the scheduler: runs alone, so that no parallel fixture slows what it waits for.
[NonParallelizable]
public class ServeCommandTests
{
    [Test]
    public void Without_a_published_site_it_says_what_to_do_and_exits_2()
    {
        using var t = new TempDir();
        var (exit, _, error) = MonitorCli.Invoke("serve", "--out", t.Path, "--port", "0");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain($"no site published in {t.Path}: run 'monitor run' first"));
    }

    [Test]
    public async Task A_port_in_use_is_named_and_exits_2()
    {
        using var site = new TestSite();
        await using var busy = StaticSiteServer.Start(site.Site, 0);
        var port = busy.Endpoint.Port.ToString();
        var (exit, _, error) = MonitorCli.Invoke("serve", "--out", site.Out, "--port", port);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain($"port {port} on 127.0.0.1 is in use"));
    }

    [TestCase("-1")]
    [TestCase("65536")]
    [TestCase("web")]
    public void A_port_out_of_range_is_a_usage_error(string port)
    {
        using var t = new TempDir();
        var (exit, _, error) = MonitorCli.Invoke("serve", "--out", t.Path, "--port", port);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("--port"));
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    static extern int Kill(int pid, int signal);

    const int SigInt = 2, SigTerm = 15;

    /// <summary>
    /// The real program in a child process: it prints the URL it serves, answers on it, and on Ctrl-C (SIGINT) or
    /// SIGTERM stops, says so and exits 0.
    /// </summary>
    [TestCase(SigInt)]
    [TestCase(SigTerm)]
    public async Task The_command_prints_its_url_serves_and_stops_cleanly_on_a_signal(int signal)
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("sends POSIX signals and reads /proc: Linux only");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "monitor.dll");
        using var site = new TestSite();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { cli, "serve", "--out", site.Out, "--port", "0" }) start.ArgumentList.Add(a);

        var output = new List<string>();
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
            var at = e.Data.IndexOf(" at http://", StringComparison.Ordinal);
            if (e.Data.StartsWith("Serving ", StringComparison.Ordinal) && at > 0) url.TrySetResult(new Uri(e.Data[(at + 4)..]));
        };
        child.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add("stderr: " + e.Data); };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            // Guards against hanging, not timing assertions.
            var printed = await url.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.That(printed.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(printed.Port, Is.GreaterThan(0));
            using (var http = new HttpClient())
                Assert.That(await http.GetStringAsync(printed), Does.Contain("Startpagina"));

            if (signal == SigInt && IgnoresSigInt(child.Id))
                Assert.Ignore("this test runs in a process tree that ignores SIGINT (started in the background), " +
                              "so the child inherits that and Ctrl-C cannot be simulated; the SIGTERM case still runs");
            Assert.That(Kill(child.Id, signal), Is.EqualTo(0), $"kill failed with errno {Marshal.GetLastPInvokeError()}");
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            child.WaitForExit(); // flushes the redirected output
            Assert.That(child.ExitCode, Is.EqualTo(ExitCodes.Success), string.Join("\n", Snapshot(output)));
            Assert.That(Snapshot(output), Does.Contain("Stopped."));
            Assert.That(Snapshot(output), Does.Contain("200 GET /"));

            using var probe = new TcpClient();
            Assert.ThrowsAsync<SocketException>(async () => await probe.ConnectAsync(printed.Host, printed.Port), "the port is closed again");
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }

    /// <summary>Whether SIGINT is in the process's ignored-signal mask (SigIgn in /proc/PID/status, bit 1 for signal 2).</summary>
    static bool IgnoresSigInt(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (SigInt - 1))) != 0;
    }

    static List<string> Snapshot(List<string> output)
    {
        lock (output) return [.. output];
    }

    static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
