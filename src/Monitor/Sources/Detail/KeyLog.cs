// The keys of the rows a DetailValidator cursor passed, logged for the duplicate search in line order.
using System.Buffers.Binary;
using System.Numerics;

namespace Monitor.Sources.Detail;

/// <summary>
/// The keys of the rows one cursor passed, for duplicate detection in line order. During the pass each key is only
/// appended, as a 32-bit tag with its line number, to one of many partitions chosen by its hash (sequential
/// writes, 8 bytes a row). Afterwards each partition, small enough for the CPU cache, is searched for repeated tags
/// across all cursors' logs, in line order; a repeated tag is confirmed by reading both lines back and comparing the
/// keys themselves (<see cref="LineAnchors"/>). A table of all keys at once would cost a cache and TLB miss per row, which on this kind of
/// machine was most of the load time.
/// </summary>
sealed class KeyLog
{
    const int FirstChunk = 256, LastChunk = 4096;
    /// <summary>Rows per hash partition: a partition's entries and its hash table fit the CPU cache when searched.</summary>
    const int RowsPerPartition = 16384;
    internal readonly record struct Entry(uint Tag, uint Line);

    /// <summary>Per partition: its full chunks, the chunk being filled and how much of it is used.</summary>
    readonly List<Entry[]>?[] full;
    readonly Entry[]?[] current;
    readonly int[] used;
    readonly int shift;

    public KeyLog(long expectedRows)
    {
        var count = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)Math.Max(expectedRows / RowsPerPartition, 1)), 1, 1 << 14);
        full = new List<Entry[]>?[count];
        current = new Entry[]?[count];
        used = new int[count];
        shift = 64 - BitOperations.Log2((uint)count);
    }

    int PartitionCount => current.Length;

    public void Add(ReadOnlySpan<byte> key, long line)
    {
        var hash = Hash(key);
        var p = current.Length == 1 ? 0 : (int)(hash >> shift);
        var chunk = current[p];
        var n = used[p];
        if (chunk is null || n == chunk.Length) { chunk = NewChunk(p); n = 0; }
        chunk[n] = new Entry((uint)hash, checked((uint)line));
        used[p] = n + 1;
    }

    Entry[] NewChunk(int p)
    {
        // Chunks grow from small (many cursors, few rows each) to large. Pinned and uninitialised: millions of
        // small arrays would otherwise be copied by every GC on their way to gen 2.
        var last = current[p];
        if (last is not null) (full[p] ??= []).Add(last);
        var chunk = GC.AllocateUninitializedArray<Entry>(last is null ? FirstChunk : Math.Min(last.Length * 2, LastChunk), pinned: true);
        current[p] = chunk;
        used[p] = 0;
        return chunk;
    }

    /// <summary>Copies the entries of partition <paramref name="p"/>, in the order they were added (line order), to <paramref name="into"/>.</summary>
    int CopyPartition(int p, Span<Entry> into)
    {
        var n = 0;
        foreach (var chunk in full[p] ?? [])
        {
            chunk.CopyTo(into[n..]);
            n += chunk.Length;
        }
        current[p].AsSpan(0, used[p]).CopyTo(into[n..]);
        return n + used[p];
    }

    int Count(int p) => (full[p]?.Sum(c => c.Length) ?? 0) + used[p];

    /// <summary>
    /// Every row whose key was seen on an earlier line, over the logs of all cursors (same partitioning, each log in
    /// line order): (line, first line), in line order. <paramref name="keyAt"/> gives the key of a line.
    /// </summary>
    public static List<(long Line, long FirstLine)> Duplicates(IReadOnlyList<KeyLog> logs, Func<long, string> keyAt)
    {
        if (logs.Count == 0) return [];
        var partitionCount = logs[0].PartitionCount;
        // The partitions are independent: two threads take every other one.
        var halves = new List<(long, long)>[2];
        Parallel.For(0, 2, h => halves[h] = Duplicates(logs, keyAt, partitionCount, h, 2));
        var found = halves[0];
        found.AddRange(halves[1]);
        found.Sort();
        return found;
    }

    static List<(long Line, long FirstLine)> Duplicates(IReadOnlyList<KeyLog> logs, Func<long, string> keyAt, int partitionCount, int start, int step)
    {
        var found = new List<(long, long)>();
        var merged = Array.Empty<Entry>();
        var slots = Array.Empty<int>();
        for (var p = start; p < partitionCount; p += step)
        {
            var n = logs.Sum(l => l.Count(p));
            if (n < 2) continue;
            if (merged.Length < n) merged = new Entry[n];
            Merge(logs, p, merged);
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)(n * 2));
            if (slots.Length < size) slots = new int[size];
            Array.Clear(slots, 0, size);
            var mask = size - 1;
            Dictionary<long, string>? keys = null;
            string Key(long line) => (keys ??= []).TryGetValue(line, out var k) ? k : keys[line] = keyAt(line);
            for (var i = 0; i < n; i++)
            {
                var e = merged[i];
                var slot = (int)(Mix(e.Tag) & (uint)mask);
                var duplicate = false;
                while (slots[slot] != 0)
                {
                    var first = merged[slots[slot] - 1];
                    if (first.Tag == e.Tag && Key(first.Line) == Key(e.Line))
                    {
                        found.Add((e.Line, first.Line));
                        duplicate = true;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (!duplicate) slots[slot] = i + 1;
            }
        }
        return found;
    }

    /// <summary>Partition <paramref name="p"/> of every log into <paramref name="into"/>, in line order (each log is already).</summary>
    static void Merge(IReadOnlyList<KeyLog> logs, int p, Entry[] into)
    {
        if (logs.Count == 1) { logs[0].CopyPartition(p, into); return; }
        // Each log's run side by side in one buffer, then merged run by run: logs are few (one per thread).
        var buffer = new Entry[into.Length];
        var runs = new List<(int Start, int End)>();
        var at = 0;
        foreach (var log in logs)
        {
            var n = log.CopyPartition(p, buffer.AsSpan(at));
            if (n > 0) runs.Add((at, at + n));
            at += n;
        }
        var heads = runs.Select(r => r.Start).ToArray();
        for (var o = 0; o < at; o++)
        {
            var min = -1;
            for (var r = 0; r < runs.Count; r++)
                if (heads[r] < runs[r].End && (min < 0 || buffer[heads[r]].Line < buffer[heads[min]].Line)) min = r;
            into[o] = buffer[heads[min]++];
        }
    }

    static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7FEB352D;
        x ^= x >> 15;
        return x;
    }

    static ulong Hash(ReadOnlySpan<byte> s)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)s.Length;
        while (s.Length >= 8)
        {
            h = BitOperations.RotateLeft(h ^ (BinaryPrimitives.ReadUInt64LittleEndian(s) * 0xBF58476D1CE4E5B9UL), 27) * 0x94D049BB133111EBUL;
            s = s[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
        h = BitOperations.RotateLeft(h ^ (tail * 0xBF58476D1CE4E5B9UL), 27) * 0x94D049BB133111EBUL;
        // Final avalanche (MurmurHash3's fmix64): partition and tag must depend on every input bit.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
