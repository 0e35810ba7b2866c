// Finding extract files in a data directory and reading what their names promise.
using System.Text.RegularExpressions;
using Monitor.Domain;

namespace Monitor.Sources;

/// <summary>A file found in a source folder. Either it names a contract and a vintage, or NameError says why not.</summary>
public sealed record DiscoveredFile(string Path, string Folder, string FileName, DatasetContract? Contract, Vintage? Vintage, string? NameError)
{
    public bool NameFits => NameError is null;
}

public static partial class ExtractDiscovery
{
    /// <summary>The source folders, in the order the contracts declare them (Contracts.All is the single list).</summary>
    public static readonly string[] SourceFolders = Contracts.All.Select(c => c.Folder).Distinct().ToArray();

    [GeneratedRegex(@"^(?<source>[a-z]+)_(?<dataset>[a-z_]+)_(?<vintage>\d{4}-\d{2}-\d{2})\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Every file in the source folders, in a stable order (folder, dataset, vintage, name).</summary>
    /// <remarks>Dot-files and editor leftovers ending in ~ are not deliveries and are skipped.</remarks>
    public static IReadOnlyList<DiscoveredFile> Discover(string dataDir)
    {
        if (!Directory.Exists(dataDir))
            throw new DirectoryNotFoundException($"data directory '{dataDir}' does not exist (expected folders {string.Join(", ", SourceFolders)} and reference/)");
        var files = new List<DiscoveredFile>();
        foreach (var folder in SourceFolders)
        {
            var dir = System.IO.Path.Combine(dataDir, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFiles(dir))
            {
                var name = System.IO.Path.GetFileName(path);
                if (name.StartsWith('.') || name.EndsWith('~')) continue;
                files.Add(Classify(path, folder, name));
            }
        }
        return files
            .OrderBy(f => f.Folder, StringComparer.Ordinal)
            .ThenBy(f => f.Contract?.Dataset ?? "~", StringComparer.Ordinal)
            .ThenBy(f => f.Vintage?.Date ?? DateOnly.MaxValue)
            .ThenBy(f => f.FileName, StringComparer.Ordinal)
            .ToList();
    }

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
}
