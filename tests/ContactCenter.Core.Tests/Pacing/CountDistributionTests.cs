using System;
using System.Linq;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class CountDistributionTests(ITestOutputHelper output)
{
    [Fact]
    public void Exact_distribution_matches_brute_force_enumeration_and_the_tail_cell_keeps_the_rest()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "PoissonBinomialExact", 20260601UL, 200, arbitrary, seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(0, 11);
            double[] p = Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? (double)rng.Next(2) : rng.NextDouble()).ToArray();
            double[] exact = new double[n + 1];
            for (int mask = 0; mask < 1 << n; mask++)
            {
                double mass = 1d;
                int ones = 0;
                for (int i = 0; i < n; i++)
                {
                    bool on = (mask & (1 << i)) != 0;
                    mass *= on ? p[i] : 1d - p[i];
                    ones += on ? 1 : 0;
                }

                exact[ones] += mass;
            }

            int cap = rng.Next(1, n + 2);
            var pmf = new double[cap + 1];
            CountDistribution.Reset(pmf);
            int high = 0;
            foreach (double pi in p)
            {
                high = CountDistribution.Add(pmf, high, pi);
            }

            for (int k = 0; k < cap && k <= n; k++)
            {
                Assert.Equal(exact[k], pmf[k], 12);
            }

            double tail = exact.Skip(cap).Sum();
            Assert.Equal(cap <= n ? tail : (cap < exact.Length ? exact[cap] : 0d), pmf[cap], 12);
            Assert.Equal(1d, pmf.Sum(), 12);
        });
    }

    [Fact]
    public void Four_events_per_pass_build_the_same_distribution_as_one_event_at_a_time()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "PoissonBinomialBuild", 20260604UL, 300, arbitrary, seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(0, 60);
            double[] p = Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? (double)rng.Next(2) : rng.NextDouble()).ToArray();
            int cap = rng.Next(1, n + 3);
            var sequential = new double[cap + 1];
            CountDistribution.Reset(sequential);
            int high = 0;
            foreach (double pi in p)
            {
                high = CountDistribution.Add(sequential, high, pi);
            }

            var built = new double[cap + 1];
            int builtHigh = CountDistribution.Build(p, built, new double[CountDistribution.ScratchLength(cap + 1)]);
            Assert.InRange(builtHigh, high, cap);
            for (int k = 0; k <= cap; k++)
            {
                Assert.Equal(sequential[k], built[k], 12);
            }
        });
    }
}
