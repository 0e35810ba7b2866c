// Leaves extracts that are still being written for the next run, instead of reading them half.
using System.Globalization;
using Monitor.Pipeline.Definition;

namespace Monitor.Pipeline.Resilience;

/// <summary>A file left for the next run, and why.</summary>
public sealed record UnstableFile(string Path, string Reason);

/// <summary>
/// A supplier's upload can still be in progress when a run starts. A file counts as unstable when it was written
/// less than <see cref="StableFileSettings.MinimumAge"/> ago, or when its size or write time changes while it is
/// watched for <see cref="StableFileSettings.Window"/>. The watch is one wait for all files together.
/// </summary>
public sealed class StableFileGuard
{
    readonly StableFileSettings settings;
    readonly TimeProvider clock;
    readonly Func<TimeSpan, CancellationToken, Task> wait;

    /// <param name="clock">Supplies "now" for the age check and, unless <paramref name="wait"/> is given, the wait.</param>
    /// <param name="wait">How the observation window is waited out; tests pass one that changes a file meanwhile.</param>
    public StableFileGuard(StableFileSettings settings, TimeProvider? clock = null, Func<TimeSpan, CancellationToken, Task>? wait = null)
    {
        this.settings = settings;
        this.clock = clock ?? TimeProvider.System;
        this.wait = wait ?? ((span, ct) => Task.Delay(span, this.clock, ct));
    }

    /// <summary>The files among <paramref name="files"/> to leave for the next run, in the order given.</summary>
    public IReadOnlyList<UnstableFile> FindUnstable(IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        var unstable = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = new Dictionary<string, (long Size, DateTime Written)>(StringComparer.Ordinal);
        var order = files.Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var path in order)
        {
            var snapshot = Snapshot(path);
            if (snapshot is null)
            {
                unstable[path] = "it disappeared while the run was looking at it (moved or deleted)";
                continue;
            }
            before[path] = snapshot.Value;
            var age = now - snapshot.Value.Written;
            if (settings.MinimumAge > TimeSpan.Zero && age < settings.MinimumAge)
                unstable[path] = $"it was written {Seconds(age)} s ago; files younger than {Seconds(settings.MinimumAge)} s are left for the next run (stable_files.min_age_seconds)";
        }

        var watched = order.Where(p => !unstable.ContainsKey(p)).ToList();
        if (settings.Window > TimeSpan.Zero && watched.Count > 0)
        {
            wait(settings.Window, cancellationToken).GetAwaiter().GetResult();
            foreach (var path in watched)
            {
                var after = Snapshot(path);
                var was = before[path];
                if (after is null)
                    unstable[path] = $"it disappeared during the {Seconds(settings.Window)} s watch (moved or deleted)";
                else if (after.Value.Size != was.Size)
                    unstable[path] = $"it is still being written: its size went from {was.Size} to {after.Value.Size} bytes during the {Seconds(settings.Window)} s watch";
                else if (after.Value.Written != was.Written)
                    unstable[path] = $"it is still being written: it was modified during the {Seconds(settings.Window)} s watch";
            }
        }

        return order.Where(unstable.ContainsKey).Select(p => new UnstableFile(p, unstable[p])).ToList();
    }

    static (long Size, DateTime Written)? Snapshot(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture);
}
