// The one random source of the generators: SplitMix64, chosen because its output is fixed by
// the algorithm alone, whereas System.Random's sequence may change between .NET versions.
namespace Monitor.Generation;

public sealed class SplitMix64
{
    ulong state;

    public SplitMix64(ulong seed) => state = seed;

    /// <summary>A stream for one purpose (a dataset, a cell), so that adding draws to one stream never shifts another.</summary>
    public static SplitMix64 For(long seed, string purpose) => new(Mix((ulong)seed ^ Fnv1a(purpose)));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1) with 53 bits, exact in IEEE arithmetic.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n) without modulo bias worth mentioning for the small n used here.</summary>
    public int NextInt(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>A factor around 1: uniform in [1 - spread, 1 + spread].</summary>
    public double Around1(double spread) => 1.0 + spread * (2.0 * NextDouble() - 1.0);

    /// <summary>A bell-shaped draw in about [-1, 1] (mean of three uniforms), avoiding Math.Log/Cos whose last bits may vary by platform.</summary>
    public double Bell() => (NextDouble() + NextDouble() + NextDouble()) * (2.0 / 3.0) - 1.0;

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // string.GetHashCode is randomised per process; the stream names need a stable hash.
    static ulong Fnv1a(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in text)
        {
            h ^= ch;
            h *= 0x100000001B3UL;
        }
        return h;
    }
}
