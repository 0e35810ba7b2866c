// Access to the SQL files of sql/, embedded in the assembly (see Monitor.csproj).
using System.Reflection;

namespace Monitor.Warehouse;

public static class SqlResources
{
    static readonly Assembly Assembly = typeof(SqlResources).Assembly;

    /// <summary>All embedded files under a folder of sql/ (e.g. "warehouse", "checks"), ordered by name.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Folder(string folder)
    {
        var prefix = $"sql/{folder}/";
        return Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (Path.GetFileNameWithoutExtension(n), Read(n)))
            .ToList();
    }

    public static string Read(string resourceName)
    {
        var name = Assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == resourceName)
            ?? throw new InvalidOperationException($"embedded resource '{resourceName}' not found");
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Stream Open(string resourceName)
    {
        var name = Assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == resourceName)
            ?? throw new InvalidOperationException($"embedded resource '{resourceName}' not found");
        return Assembly.GetManifestResourceStream(name)!;
    }
}
