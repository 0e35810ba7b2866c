// A small real file system for fault tests (a full disk, a read-only directory): a tmpfs mounted over a directory
// when the tests run with the right to mount (root in a container or CI); otherwise the test says why it cannot.
using System.Diagnostics;

namespace Monitor.Tests.Pipeline;

sealed class SmallFileSystem : IDisposable
{
    readonly string path;

    SmallFileSystem(string path) => this.path = path;

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. "8m") on <paramref name="path"/>; null and the reason when that is not possible.</summary>
    public static SmallFileSystem? TryMount(string path, string size, bool readOnly, out string? whyNot)
    {
        whyNot = null;
        if (!OperatingSystem.IsLinux()) { whyNot = "mounting a tmpfs needs Linux"; return null; }
        var (code, output) = Exec("mount", "-t", "tmpfs", "-o", $"size={size}{(readOnly ? ",ro" : "")}", "tmpfs", path);
        if (code == 0) return new SmallFileSystem(path);
        whyNot = $"mount -t tmpfs failed ({output.Trim()})";
        return null;
    }

    /// <summary>Makes the mounted file system read-only or writable again.</summary>
    public void Remount(bool readOnly) => Exec("mount", "-o", $"remount,{(readOnly ? "ro" : "rw")}", path);

    static (int Code, string Output) Exec(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, text);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    public void Dispose() => Exec("umount", "-l", path);
}
