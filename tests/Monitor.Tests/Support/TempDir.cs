namespace Monitor.Tests.Support;

/// <summary>A directory that exists for one test and is removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N")[..12]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

public static class Fixtures
{
    /// <summary>Runs in tests read freshly copied files at once instead of watching them for the upload window.</summary>
    public static readonly Monitor.Pipeline.Definition.StableFileSettings NoWatch = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The fixtures folder copied next to the test assembly.</summary>
    public static string Dir(string name) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", name);

    /// <summary>The repository root (where Monitor.sln lives), for tests that read sample-data or docs.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Monitor.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Monitor.sln not found above the test directory");
        }
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to), overwrite: true);
    }
}
