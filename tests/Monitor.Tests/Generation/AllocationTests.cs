using Monitor.Generation;
using NUnit.Framework;

namespace Monitor.Tests.Generation;

public class AllocationTests
{
    [Test]
    public void LargestRemainderGivesTheLeftoverToTheLargestFractions()
    {
        // quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1 (6); the one unit left goes to the 0.5 fraction
        Assert.That(Apportion.LargestRemainder(7, [0.5, 0.3, 0.2]), Is.EqualTo(new long[] { 4, 2, 1 }));
    }

    [Test]
    public void LargestRemainderBreaksTiesTowardsTheLowerIndex()
    {
        // quotas 3.33.. each -> floors 3, 3, 3; one unit left, equal fractions: the first part gets it
        Assert.That(Apportion.LargestRemainder(10, [1, 1, 1]), Is.EqualTo(new long[] { 4, 3, 3 }));
    }

    [Test]
    public void LargestRemainderAlwaysSumsExactly()
    {
        var rng = new SplitMix64(7);
        for (var i = 0; i < 200; i++)
        {
            var weights = Enumerable.Range(0, 1 + rng.NextInt(40)).Select(_ => rng.NextDouble()).Append(0.001).ToArray();
            var total = (long)(rng.NextDouble() * 2_000_000);
            var parts = Apportion.LargestRemainder(total, weights);
            Assert.That(parts.Sum(), Is.EqualTo(total));
            Assert.That(parts.All(p => p >= 0));
        }
    }

    [Test]
    public void SplitRoundsTheFirstPartAndGivesTheRestToTheSecond()
    {
        Assert.That(Apportion.Split(10, 0.25), Is.EqualTo((3L, 7L)));   // 2.5 rounds away from zero
        Assert.That(Apportion.Split(10, 0.24), Is.EqualTo((2L, 8L)));
    }

    [Test]
    public void SplitMix64FollowsTheReferenceSequence()
    {
        // The published SplitMix64 outputs for state 0: pins the generator across .NET versions.
        var rng = new SplitMix64(0);
        Assert.That(rng.NextUInt64(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(0x6E789E6AA1B965F4UL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(0x06C45D188009454FUL));
    }
}
