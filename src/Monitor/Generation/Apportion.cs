// Splitting an exact integer total over weighted parts, so that sums of generated files hit the anchors exactly.
namespace Monitor.Generation;

public static class Apportion
{
    /// <summary>
    /// Largest-remainder (Hamilton) apportionment: every part gets the floor of its quota and the
    /// leftover units go to the largest fractional parts, ties to the lower index. The result sums to
    /// <paramref name="total"/> exactly.
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<double> weights)
    {
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total), total, "total must not be negative");
        var n = weights.Count;
        if (n == 0) throw new ArgumentException("at least one weight is needed", nameof(weights));
        var sum = 0.0;
        foreach (var w in weights)
        {
            if (w < 0 || double.IsNaN(w) || double.IsInfinity(w)) throw new ArgumentException($"weight {w} is not a finite non-negative number", nameof(weights));
            sum += w;
        }
        if (sum <= 0) throw new ArgumentException("the weights sum to zero", nameof(weights));

        var parts = new long[n];
        var fractions = new double[n];
        long assigned = 0;
        for (var i = 0; i < n; i++)
        {
            var quota = total * (weights[i] / sum);
            var whole = (long)Math.Floor(quota);
            parts[i] = whole;
            fractions[i] = quota - whole;
            assigned += whole;
        }
        var left = total - assigned;
        if (left == 0) return parts;

        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => fractions[b] != fractions[a] ? fractions[b].CompareTo(fractions[a]) : a.CompareTo(b));
        // Floating-point quotas can leave a shortfall (or, with rounding, an excess) of a unit or two;
        // walk the order as often as needed, never taking a part below zero.
        var k = 0;
        while (left > 0) { parts[order[k % n]]++; left--; k++; }
        k = n - 1;
        while (left < 0)
        {
            var i = order[((k % n) + n) % n];
            if (parts[i] > 0) { parts[i]--; left++; }
            k--;
        }
        return parts;
    }

    /// <summary>Splits a total in two: the first part is <paramref name="share"/> of it, rounded half away from zero.</summary>
    public static (long First, long Second) Split(long total, double share)
    {
        var first = (long)Math.Round(total * share, MidpointRounding.AwayFromZero);
        first = Math.Clamp(first, 0, total);
        return (first, total - first);
    }
}
