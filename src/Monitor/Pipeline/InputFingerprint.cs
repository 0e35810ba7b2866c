// Telling, before any work, whether a run would read exactly what the last published run read.
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Monitor.Sources;

namespace Monitor.Pipeline;

/// <summary>
/// A SHA-256 over everything that decides a run's result: the program build, the run's options (as-of date,
/// bad-row threshold, steps, blocking severities, data directory) and every file in the source folders and reference/.
/// <para>
/// Files up to <see cref="HashLimit"/> bytes (reference tables, aggregate extracts) count with their content hash.
/// Larger files (vacancy-level extracts of hundreds of MB) count with name, size and last-write time to the
/// 100 ns: hashing 400 MB takes longer than the whole skipped rerun may. A new delivery, a copy or an edit changes the
/// size or the time; only a same-size rewrite that also restores the old time to the tick goes unnoticed, and
/// <c>monitor run --force</c> covers that. Name and time alone would not do: a file restored from a backup with its
/// old time but other content must be seen, which for small files the hash and for large ones the size catches in
/// practice.
/// </para>
/// </summary>
public static class InputFingerprint
{
    public const long HashLimit = 8L << 20;

    public static string Compute(RunRequest request)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var assembly = typeof(InputFingerprint).Assembly;
        text.Append("build\t").Append(assembly.ManifestModule.ModuleVersionId).Append('\t')
            .Append(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append('\n');
        text.Append("data_dir\t").Append(Path.GetFullPath(request.DataDir)).Append('\n');
        text.Append("as_of\t").Append(request.AsOf?.ToString("yyyy-MM-dd", inv)).Append('\n');
        text.Append("threshold\t").Append(request.BadRowThreshold.ToString("R", inv)).Append('\n');
        text.Append("steps\t").Append(string.Join(",", request.Steps)).Append('\n');
        text.Append("blocking\t").Append(string.Join(",", request.BlockingSeverities)).Append('\n');
        // What the report step makes: asking for another regional edition or another printed time is a reason to run.
        text.Append("report_regions\t").Append(string.Join(",", request.ReportRegions)).Append('\n');
        text.Append("generated_at\t").Append(request.GeneratedAt?.ToString("O", inv)).Append('\n');
        foreach (var folder in ExtractDiscovery.SourceFolders.Append("reference"))
        {
            var dir = Path.Combine(request.DataDir, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(path);
                text.Append(folder).Append('/').Append(info.Name).Append('\t').Append(info.Length).Append('\t');
                // An empty entry has nothing to hash, and reading a named pipe would wait for a writer: its size says it all.
                if (ExtractDiscovery.NotRegular(path) is not null) text.Append("not a regular file"); // a pipe or device is never opened
                else if (info.Length == 0) text.Append("empty");
                else if (info.Length <= HashLimit) text.Append(ContentHash(path) ?? "unreadable " + info.LastWriteTimeUtc.Ticks.ToString(inv));
                else text.Append(info.LastWriteTimeUtc.Ticks.ToString(inv));
                text.Append('\n');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// A file another process holds locked is not this step's problem: ingest retries it and records it as unreadable,
    /// and a run with an unreadable file never stores its fingerprint, so the next run looks again.
    /// </summary>
    static string? ContentHash(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
