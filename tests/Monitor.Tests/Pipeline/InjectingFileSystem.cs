// The publishing file system with faults injected: a full disk, a permission error, or a simulated crash at the n-th call.
using Monitor.Pipeline;
using Monitor.Pipeline.Publishing;

namespace Monitor.Tests.Pipeline;

sealed class InjectingFileSystem(Func<int, string, string, Exception?> fault) : IPublishFileSystem
{
    /// <summary>Every call so far, as "operation path".</summary>
    public List<string> Calls { get; } = [];

    public static IOException DiskFull(string path) => new($"No space left on device : '{path}'", 28);

    /// <summary>Kills the run at the <paramref name="n"/>-th call, before the call takes effect, as kill -9 would.</summary>
    public static InjectingFileSystem CrashAt(int n) =>
        new((call, op, path) => call == n ? new SimulatedCrashException($"call {n}: {op} {path}") : null);

    void Step(string op, string path)
    {
        Calls.Add($"{op} {path}");
        if (fault(Calls.Count, op, path) is { } e) throw e;
    }

    public void Copy(string source, string destination, bool isDirectory) { Step("copy", destination); PublishFileSystem.Real.Copy(source, destination, isDirectory); }
    public void MoveFile(string source, string destination) { Step("move", destination); PublishFileSystem.Real.MoveFile(source, destination); }
    public void MoveDirectory(string source, string destination) { Step("move", destination); PublishFileSystem.Real.MoveDirectory(source, destination); }
    public void DeleteFile(string path) { Step("delete", path); PublishFileSystem.Real.DeleteFile(path); }
    public void DeleteDirectory(string path) { Step("delete", path); PublishFileSystem.Real.DeleteDirectory(path); }
    public void WriteDurably(string path, byte[] content) { Step("write", path); PublishFileSystem.Real.WriteDurably(path, content); }
}
