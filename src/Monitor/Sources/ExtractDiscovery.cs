// Finding extract files in a data directory and reading what their names promise.
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Monitor.Domain;

namespace Monitor.Sources;

/// <summary>A file found in a source folder. Either it names a contract and a vintage, or NameError says why not.</summary>
public sealed record DiscoveredFile(string Path, string Folder, string FileName, DatasetContract? Contract, Vintage? Vintage, string? NameError)
{
    public bool NameFits => NameError is null;

    /// <summary>
    /// Set when the entry is not a regular file (a named pipe, a device such as a link to /dev/zero, a socket, a
    /// dangling link): it is never opened, because reading it could block forever or never end.
    /// </summary>
    public string? Unreadable { get; init; }

    /// <summary>
    /// Why the file is rejected when its vintage lies after <paramref name="today"/> (the day of the run), or null when
    /// its date has come or no day is given. The same rule for `run` and `validate`.
    /// </summary>
    public string? FutureVintage(DateOnly? today) =>
        Vintage is { } v && today is { } t && v.Date > t
            ? $"publication date in the future: the vintage {v.Date:yyyy-MM-dd} in the file name is after the day of the run ({t:yyyy-MM-dd}); " +
              "a vintage is the date the figures were published. The file is not stored, so a run on or after that date reads it"
            : null;
}

/// <summary>Something in the data directory that is not read as an extract, and why (a warning, never an error).</summary>
public sealed record IgnoredEntry(string Path, string Folder, string Name, string Reason);

/// <summary>What discovery found: the extract files, and the entries it passed over with the reason.</summary>
public sealed record Discovery(IReadOnlyList<DiscoveredFile> Files, IReadOnlyList<IgnoredEntry> Ignored);

public static partial class ExtractDiscovery
{
    /// <summary>The source folders: every folder a contract names, in the order the contracts declare them.</summary>
    public static readonly string[] SourceFolders = Contracts.All.Select(c => c.Folder).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Folders of the data root that are not source folders but are expected there.</summary>
    public static readonly string[] OtherFolders = ["reference"];

    [GeneratedRegex(@"^(?<source>[a-z]+)_(?<dataset>[a-z_]+)_(?<vintage>\d{4}-\d{2}-\d{2})\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Every file in the source folders, in a stable order (folder, dataset, vintage, name).</summary>
    /// <remarks>Dot-files and editor leftovers ending in ~ are not deliveries and are skipped.</remarks>
    public static IReadOnlyList<DiscoveredFile> Discover(string dataDir) => DiscoverAll(dataDir).Files;

    /// <summary>
    /// The files of <see cref="Discover"/>, plus what is passed over: files in the data root, folders that are not
    /// source folders (also one that differs only in case, such as UWV/), subfolders of a source folder (such as
    /// uwv/archief/) and directories named like an extract. Dot-entries and names ending in ~ are skipped silently.
    /// </summary>
    public static Discovery DiscoverAll(string dataDir)
    {
        if (!Directory.Exists(dataDir))
            throw new DirectoryNotFoundException($"data directory '{dataDir}' does not exist (expected folders {string.Join(", ", SourceFolders)} and reference/)");
        var sources = SourceFolders;
        var files = new List<DiscoveredFile>();
        var ignored = new List<IgnoredEntry>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(dataDir).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(entry);
            if (Skipped(name) || Directory.Exists(entry)) continue;
            ignored.Add(new IgnoredEntry(entry, "", name, "a file in the data root is not read: extracts belong in a source folder (" + string.Join("/, ", sources) + "/)"));
        }
        foreach (var dir in Directory.EnumerateDirectories(dataDir).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (Skipped(name) || sources.Contains(name, StringComparer.Ordinal) || OtherFolders.Contains(name, StringComparer.Ordinal)) continue;
            var like = sources.Concat(OtherFolders).FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
            ignored.Add(new IgnoredEntry(dir, "", name + "/", like is not null
                ? $"folder '{name}/' is not read: folder names are lower case, did you mean '{like}/'?"
                : $"folder '{name}/' is not a source folder ({string.Join("/, ", sources)}/) and is not read"));
        }
        foreach (var folder in sources)
        {
            var dir = System.IO.Path.Combine(dataDir, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFileSystemEntries(dir))
            {
                var name = System.IO.Path.GetFileName(path);
                if (Skipped(name)) continue;
                if (Directory.Exists(path))
                {
                    ignored.Add(new IgnoredEntry(path, folder, name + "/", NamePattern().IsMatch(name)
                        ? $"'{name}' is a directory, not a file: only files are read as extracts"
                        : $"subfolder '{folder}/{name}/' is not read: extracts are read only directly in {folder}/"));
                    continue;
                }
                var file = Classify(path, folder, name);
                files.Add(NotRegular(path) is { } why ? file with { Unreadable = why } : file);
            }
        }
        var ordered = files
            .OrderBy(f => f.Folder, StringComparer.Ordinal)
            .ThenBy(f => f.Contract?.Dataset ?? "~", StringComparer.Ordinal)
            .ThenBy(f => f.Vintage?.Date ?? DateOnly.MaxValue)
            .ThenBy(f => f.FileName, StringComparer.Ordinal)
            .ToList();
        return new Discovery(ordered, ignored.OrderBy(i => i.Folder, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ToList());
    }

    static bool Skipped(string name) => name.StartsWith('.') || name.EndsWith('~');

    public static DiscoveredFile Classify(string path, string folder, string name)
    {
        var m = NamePattern().Match(name);
        if (!m.Success)
            return new(path, folder, name, null, null,
                $"file name '{name}' does not follow <source>_<dataset>_<YYYY-MM-DD>.csv (e.g. uwv_vacatures_2023-05-15.csv)");
        var source = m.Groups["source"].Value;
        var dataset = m.Groups["dataset"].Value;
        var contract = Contracts.Find(source, dataset);
        if (contract is null)
        {
            var known = string.Join(", ", Contracts.All.Select(c => c.Name));
            return new(path, folder, name, null, null, $"'{source}_{dataset}' is not a dataset of the contracts (known: {known})");
        }
        if (!Vintage.TryParse(m.Groups["vintage"].Value, out var vintage))
            return new(path, folder, name, contract, null, $"vintage '{m.Groups["vintage"].Value}' in the file name is not a valid date");
        if (contract.Folder != folder)
            return new(path, folder, name, contract, vintage, $"a {contract.Name} file belongs in {contract.Folder}/, not in {folder}/");
        return new(path, folder, name, contract, vintage, null);
    }

    /// <summary>
    /// Why the entry at <paramref name="path"/> is not a regular file (following symbolic links), or null when it is
    /// one. Decided from the file's metadata, without opening it: opening a named pipe blocks until a writer comes.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        int mode;
        try
        {
            mode = FileMode(path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // no way to ask on this platform: reading it is the only test left
        }
        if (mode < 0)
            return File.Exists(path) || new FileInfo(path).LinkTarget is null
                ? "it cannot be examined (it disappeared or is not accessible); the next run tries again"
                : $"it is a symbolic link to '{new FileInfo(path).LinkTarget}', which does not exist";
        var kind = (mode & 0xF000) switch
        {
            0x8000 => null,
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a directory",
            _ => "not a regular file",
        };
        if (kind is null) return null;
        var link = new FileInfo(path).LinkTarget;
        return $"it is {kind}{(link is null ? "" : $" (a symbolic link to '{link}')")}, not a regular file, so it is not opened: deliver extracts as ordinary files";
    }

    // The runtime's own portable stat (libSystem.Native): its FileStatus starts with Flags and Mode as two 32-bit
    // integers on every platform, and Mode carries the portable S_IFMT bits (0x8000 regular, 0x1000 FIFO, ...).
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true, CharSet = CharSet.Ansi)]
    static extern unsafe int SystemNativeStat(byte[] path, byte* status);

    static unsafe int FileMode(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        var status = stackalloc byte[512];
        return SystemNativeStat(bytes, status) != 0 ? -1 : *(int*)(status + 4);
    }
}
