using System;
using System.Linq;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class ProductLimitTableTests(ITestOutputHelper output)
{
    private const int GridPoints = 1024;

    [Fact]
    public void Without_running_talks_it_is_the_empirical_table_of_the_completed_talks()
    {
        var rng = new Random(3);
        var distribution = new EmpiricalDistribution(500, 1);
        for (int i = 0; i < 300; i++)
        {
            distribution.Add(Duration.FromMilliseconds(rng.Next(30_000, 600_000)));
        }

        var empirical = distribution.Table();
        var estimate = new ProductLimitTable(10).Build(distribution.SortedSeconds, ReadOnlySpan<double>.Empty);
        for (double x = -1d; x < 700d; x += 0.37)
        {
            Assert.Equal(empirical.At(x), estimate.At(x), 1e-12);
        }
    }

    [Fact]
    public void It_is_the_product_limit_estimate_at_every_grid_point()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "ProductLimitTable", 20261121UL, 200, arbitrary, seed =>
        {
            var rng = new Random(seed);

            // Whole seconds, so that ties between completed and running talks are common.
            var completed = Enumerable.Range(0, rng.Next(1, 60)).Select(_ => (double)rng.Next(0, 400)).OrderBy(x => x).ToArray();
            var running = Enumerable.Range(0, rng.Next(0, 80)).Select(_ => (double)rng.Next(0, 500)).ToArray();
            var copy = running.ToArray();
            var table = new ProductLimitTable(running.Length).Build(completed, running);
            Assert.Equal(copy, running);

            double longest = Math.Max(completed.Max(), running.Length == 0 ? 0d : running.Max());
            if (longest <= 0d)
            {
                return;
            }

            double step = longest / (GridPoints - 1);
            for (int i = 0; i < GridPoints; i += rng.Next(1, 40))
            {
                double x = i * step;
                Assert.Equal(1d - Survival(completed, running, x), table.At(x), 1e-9);
            }

            // Past the longest observation the estimate stays where it ended.
            double end = 1d - Survival(completed, running, longest);
            Assert.Equal(end, table.At(longest), 1e-9);
            Assert.Equal(end, table.At(longest * 3), 1e-9);
            Assert.Equal(0d, table.At(-1d));
        });
    }

    [Fact]
    public void A_longest_observation_still_running_keeps_every_agent_from_being_certain_to_end()
    {
        var table = new ProductLimitTable(4).Build([60d, 90d, 120d], [30d, 200d]);

        // At 120 s: 1 − (1 − 1/4)(1 − 1/3)(1 − 1/2) = 0.75; then nothing ends up to 200 s and beyond.
        Assert.Equal(0.75, table.At(150d), 12);
        Assert.Equal(0.75, table.At(10_000d), 12);
        Assert.Equal(0d, new ProductLimitTable(4).Build(ReadOnlySpan<double>.Empty, [30d, 200d]).At(500d));
    }

    [Fact]
    public void At_start_up_it_corrects_the_survivorship_bias_of_the_completed_talks()
    {
        // 2,000 agents start one talk each over the first 10 minutes (log-normal, mean 180 s, CV 0.6) and are
        // read at 12 minutes: the completed talks are the short ones.
        var rng = new Random(11);
        double sigma = Math.Sqrt(Math.Log(1 + (0.6 * 0.6)));
        double mu = Math.Log(180d) - (sigma * sigma / 2);
        double now = 720d;
        var completed = new System.Collections.Generic.List<double>();
        var running = new System.Collections.Generic.List<double>();
        for (int i = 0; i < 2000; i++)
        {
            double start = rng.NextDouble() * 600d;
            double normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            double talk = Math.Exp(mu + (sigma * normal));
            if (start + talk <= now)
            {
                completed.Add(talk);
            }
            else
            {
                running.Add(now - start);
            }
        }

        completed.Sort();
        double[] sorted = [.. completed];
        var naive = new ProductLimitTable(0).Build(sorted, ReadOnlySpan<double>.Empty);
        var estimate = new ProductLimitTable(running.Count).Build(sorted, running.ToArray());
        foreach (double t in new[] { 120d, 180d, 240d })
        {
            double truth = LogNormalCdf(t, mu, sigma);
            double bias = naive.At(t) - truth;
            output.WriteLine($"t = {t}: true {truth:F3}, completed only {naive.At(t):F3}, product-limit {estimate.At(t):F3}");
            Assert.True(bias > 0.05, $"completed only at {t}: {naive.At(t)} vs {truth}");
            Assert.True(Math.Abs(estimate.At(t) - truth) < bias / 2, $"product-limit at {t}: {estimate.At(t)} vs {truth}");
        }
    }

    [Fact]
    public void Building_allocates_nothing()
    {
        var table = new ProductLimitTable(200);
        double[] completed = [.. Enumerable.Range(1, 100).Select(i => i * 3d)];
        double[] running = [.. Enumerable.Range(1, 200).Select(i => (i * 7919 % 400) + 0.5)];
        table.Build(completed, running);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var built = table.Build(completed, running);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(built.At(150d), 0.01, 0.99);
    }

    /// <summary>The product-limit survival at <paramref name="x"/>, term by term from its definition.</summary>
    private static double Survival(double[] completed, double[] running, double x)
    {
        double survival = 1d;
        foreach (double t in completed.Where(t => t <= x).Distinct().OrderBy(t => t))
        {
            int ended = completed.Count(c => c == t);
            int atRisk = completed.Count(c => c >= t) + running.Count(r => r >= t);
            survival *= 1d - ((double)ended / atRisk);
        }

        return survival;
    }

    private static double LogNormalCdf(double x, double mu, double sigma) => 0.5 * (1 + Erf((Math.Log(x) - mu) / (sigma * Math.Sqrt(2))));

    // Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).
    private static double Erf(double x)
    {
        double sign = Math.Sign(x);
        x = Math.Abs(x);
        double t = 1 / (1 + (0.3275911 * x));
        double y = 1 - (((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t * Math.Exp(-x * x));
        return sign * y;
    }
}
