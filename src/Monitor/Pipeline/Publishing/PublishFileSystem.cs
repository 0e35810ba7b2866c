// The file operations publishing consists of, behind one seam so tests can cut a publish off at any step.
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Monitor.Tests")]

namespace Monitor.Pipeline.Publishing;

interface IPublishFileSystem
{
    /// <summary>Copies a file (overwriting) or a directory tree to a destination that does not exist yet.</summary>
    void Copy(string source, string destination, bool isDirectory);
    /// <summary>Renames a file, atomically replacing the destination if it exists.</summary>
    void MoveFile(string source, string destination);
    /// <summary>Renames a directory; the destination must not exist.</summary>
    void MoveDirectory(string source, string destination);
    void DeleteFile(string path);
    void DeleteDirectory(string path);
    /// <summary>Writes a small file so that it is either absent or complete and on disk (temporary file, flush, rename).</summary>
    void WriteDurably(string path, byte[] content);
}

sealed class PublishFileSystem : IPublishFileSystem
{
    public static readonly PublishFileSystem Real = new();

    public void Copy(string source, string destination, bool isDirectory)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (!isDirectory)
        {
            File.Copy(source, destination, overwrite: true);
            return;
        }
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)), overwrite: true);
    }

    public void MoveFile(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void MoveDirectory(string source, string destination) => Directory.Move(source, destination);

    public void DeleteFile(string path) => File.Delete(path);

    public void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    public void WriteDurably(string path, byte[] content)
    {
        var tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }
}
