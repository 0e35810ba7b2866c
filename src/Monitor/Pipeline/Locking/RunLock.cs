// One run at a time per output directory, across processes: an OS-level exclusive lock on <out>/.monitor.lock.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Pipeline.Resilience;

namespace Monitor.Pipeline.Locking;

/// <summary>Who holds (or last held) the lock, as written into the lock file.</summary>
public sealed record RunLockInfo(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt)
{
    public override string ToString() =>
        $"run {RunId} (pid {Pid} on {Host}, started {StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)";
}

/// <summary>
/// Held for the whole of a run. The lock is the operating system's (an exclusive flock, which .NET takes for
/// FileShare.None): it lives exactly as long as the process keeps the file open, so a killed run cannot leave a
/// lock that blocks the next one. The file itself stays; between runs it is empty.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = ".monitor.lock";

    readonly FileStream stream;
    bool released;

    RunLock(FileStream stream, string path, RunLockInfo info)
    {
        this.stream = stream;
        Path = path;
        Info = info;
    }

    /// <summary>The lock file, &lt;out&gt;/.monitor.lock.</summary>
    public string Path { get; }
    public RunLockInfo Info { get; }

    /// <summary>
    /// Takes the lock on <paramref name="outDir"/> (created if missing) for <paramref name="runId"/>, or returns null
    /// when another run holds it; <paramref name="holder"/> then names that run (null if its details could not be read).
    /// A lock file left by a process that died is taken over, with a warning naming the run that left it.
    /// </summary>
    public static RunLock? TryAcquire(string outDir, string runId, out RunLockInfo? holder, ILogger? logger = null, TimeProvider? clock = null)
    {
        logger ??= NullLogger.Instance;
        clock ??= TimeProvider.System;
        Directory.CreateDirectory(outDir);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(outDir), FileName);
        FileStream stream;
        try
        {
            // Never deleted, only emptied: deleting would let a waiting process lock the unlinked file while a
            // third one creates and locks a new one, and then two runs would each believe they hold the lock.
            // Unbuffered: a write that fails (a full disk) fails here, not again later when the stream is disposed.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException e) when (IoErrors.IsSharingViolation(e))
        {
            holder = ReadHolder(path);
            return null;
        }

        try
        {
            var leftover = ReadAll(stream);
            if (Parse(leftover) is { } previous)
                logger.LogWarning("Cleared a stale lock in {LockFile}: {Previous} ended without releasing it ({ProcessState})",
                    path, previous.ToString(), DescribeProcess(previous));
            else if (!string.IsNullOrWhiteSpace(leftover))
                logger.LogWarning("Cleared a stale lock in {LockFile}: no process holds it and its record is unreadable", path);

            var info = new RunLockInfo(runId, Environment.ProcessId, Environment.MachineName, clock.GetUtcNow());
            try
            {
                stream.SetLength(0);
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(info));
                stream.Flush(flushToDisk: true);
            }
            catch (IOException e) when (IoErrors.IsDiskFull(e))
            {
                // The lock is the flock, not the record: the run goes on (and fails on the full disk with its own
                // ledger entry); only another run asking who holds the lock learns less.
                stream.SetLength(0);
                logger.LogWarning("The disk is full: {LockFile} is locked but without the record of run {RunId}", path, runId);
            }
            holder = null;
            return new RunLock(stream, path, info);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The message for a run that finds the lock taken (the CLI exits with ExitCodes.Busy).</summary>
    public static string BusyMessage(string outDir, RunLockInfo? holder) =>
        holder is null
            ? $"another run is busy on {System.IO.Path.GetFullPath(outDir)} (it holds {FileName}); try again when it has finished"
            : $"another run is busy on {System.IO.Path.GetFullPath(outDir)}: {holder}; try again when it has finished";

    /// <summary>Empties the lock file and lets go of the lock.</summary>
    public void Dispose()
    {
        if (released) return;
        released = true;
        try
        {
            stream.SetLength(0);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Releasing must not fail a finished run: the OS lock goes with the handle below, and a leftover
            // holder record is recognised as stale by the next run.
        }
        stream.Dispose();
    }

    static string ReadAll(FileStream stream)
    {
        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = reader.ReadToEnd();
        stream.Position = 0;
        return text;
    }

    static RunLockInfo? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var info = JsonSerializer.Deserialize<RunLockInfo>(text);
            return info?.RunId is null || info.Host is null ? null : info;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string DescribeProcess(RunLockInfo info)
    {
        if (!string.Equals(info.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            return $"it ran on host {info.Host}; the lock is no longer held";
        if (info.Pid == Environment.ProcessId)
            return "this process let go of the lock without emptying it";
        try
        {
            using var process = Process.GetProcessById(info.Pid);
            return process.HasExited ? $"pid {info.Pid} is not running" : $"pid {info.Pid} is now another process";
        }
        catch (ArgumentException)
        {
            return $"pid {info.Pid} is not running";
        }
        catch (InvalidOperationException)
        {
            return $"pid {info.Pid} is not running";
        }
    }

    /// <summary>
    /// Reads the holder's record while it holds the lock. Every .NET file open takes at least a shared flock, which
    /// the holder's exclusive one refuses, so on Unix the file is read with plain open/read, which take no lock.
    /// </summary>
    static RunLockInfo? ReadHolder(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return null;
        try
        {
            var fd = Native.open(path, 0 /* O_RDONLY */);
            if (fd < 0) return null;
            try
            {
                var buffer = new byte[4096];
                var n = Native.read(fd, buffer, buffer.Length);
                if (n <= 0) return null;
                return Parse(Encoding.UTF8.GetString(buffer, 0, (int)n));
            }
            finally
            {
                Native.close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc")]
        public static extern int close(int fd);
    }
}
