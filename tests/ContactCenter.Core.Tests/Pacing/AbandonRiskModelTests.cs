using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class AbandonRiskModelTests(ITestOutputHelper output)
{
    private const double Rounding = 1e-12;

    [Fact]
    public void Risk_is_an_upper_bound_of_the_exact_risk_and_the_count_never_exceeds_the_exact_count()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "AbandonRiskUpperBound", 20260602UL, 300, arbitrary, seed =>
        {
            var rng = new Random(seed);
            double[] answers = RandomProbabilities(rng, rng.Next(0, 50));
            double[] freed = RandomProbabilities(rng, rng.Next(0, 150));
            int offset = rng.Next(-10, 40);
            double others = rng.Next(6) switch { 0 => 0d, 1 => 1d, 2 => rng.NextDouble() * 0.05, _ => rng.NextDouble() };
            int maxNew = rng.Next(1, 160);
            double threshold = rng.Next(3) == 0 ? rng.NextDouble() : 0.001 + (rng.NextDouble() * 0.1);

            var model = new AbandonRiskModel();
            model.SetInputs(answers, freed, offset, others);
            var exact = new ExactAbandonRisk(answers, freed, offset, others);
            int count = model.Count(maxNew, threshold, out double lastRisk);
            for (int k = 1; k <= maxNew; k++)
            {
                double fast = model.Risk(k);
                double reference = exact.Risk(k);
                Assert.True(fast >= reference - Rounding, $"k={k}: {fast} < exact {reference}");
                Assert.True(fast <= reference + 1e-6, $"k={k}: {fast} is far above exact {reference}");
            }

            int exactCount = exact.Count(maxNew, threshold);
            Assert.True(count <= exactCount, $"{count} > exact {exactCount}");
            Assert.Equal(count < maxNew ? model.Risk(count + 1) : model.Risk(maxNew), lastRisk);
            if (count < maxNew)
            {
                Assert.True(lastRisk > threshold);
            }
        });
    }

    [Fact]
    public void Loading_all_horizons_at_once_gives_each_horizon_exactly_its_own_inputs_and_risks()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "AbandonRiskSharedHorizons", 20260612UL, 100, arbitrary, seed =>
        {
            var rng = new Random(seed);
            var (stats, now) = ReferencePredictivePacing.RandomState(rng);
            long nowTicks = now.ToUnixTimeTicks();
            int points = rng.Next(1, 17);
            double[] quantiles = new double[points];
            var models = new AbandonRiskModel[points];
            for (int h = 0; h < points; h++)
            {
                quantiles[h] = rng.NextDouble();
                models[h] = new AbandonRiskModel();
            }

            // Loaded twice: stale buffers from a previous state must not leak into the next.
            var (other, at) = ReferencePredictivePacing.RandomState(rng);
            AbandonRiskModel.LoadHorizons(other, at.ToUnixTimeTicks(), quantiles, models);
            AbandonRiskModel.LoadHorizons(stats, nowTicks, quantiles, models);
            int maxNew = 3 * stats.LoggedInAgents;
            for (int h = 0; h < points; h++)
            {
                var reference = new ReferenceAbandonRiskModel();
                reference.Load(stats, nowTicks, quantiles[h]);
                var model = models[h];
                Assert.Equal(reference.Offset, model.Offset);
                Assert.Equal(reference.Others, model.Others);
                Assert.Equal(reference.CertainAnswers, model.CertainAnswers);
                Assert.Equal(reference.CertainFreed, model.CertainFreed);
                Assert.Equal(reference.UncertainAnswers.ToArray(), model.UncertainAnswers.ToArray());
                Assert.Equal(reference.UncertainFreed.ToArray(), model.UncertainFreed.ToArray());
                reference.Prepare(maxNew);
                model.Prepare(maxNew);
                for (int k = 1; k <= maxNew; k += 1 + (k / 8))
                {
                    Assert.Equal(reference.Risk(k), model.Risk(k));
                }

                var single = new AbandonRiskModel();
                single.Load(stats, nowTicks, quantiles[h]);
                Assert.Equal(reference.UncertainFreed.ToArray(), single.UncertainFreed.ToArray());
                Assert.Equal(reference.UncertainAnswers.ToArray(), single.UncertainAnswers.ToArray());
            }
        });
    }

    [Fact]
    public void Risk_from_live_statistics_bounds_the_exact_risk_over_the_same_inputs()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "AbandonRiskFromStatistics", 20260603UL, 40, arbitrary, seed =>
        {
            var rng = new Random(seed);
            var (stats, now) = PacingScenario.Build(
                free: rng.Next(0, 15), talking: rng.Next(0, 80), wrapping: rng.Next(0, 10), ringing: rng.Next(0, 40),
                liveShare: 0.1 + (rng.NextDouble() * 0.6));
            var model = new AbandonRiskModel();
            model.Load(stats, now.ToUnixTimeTicks(), 0.5);
            AssertInputsMatchTheDistributions(model, stats, now);
            double[] answers = [.. model.UncertainAnswers.ToArray(), .. Enumerable.Repeat(1d, model.CertainAnswers)];
            double[] freed = [.. model.UncertainFreed.ToArray(), .. Enumerable.Repeat(1d, model.CertainFreed)];
            var exact = new ExactAbandonRisk(answers, freed, model.Offset, model.Others);
            int maxNew = 3 * stats.LoggedInAgents;
            model.Prepare(maxNew);
            for (int k = 1; k <= maxNew; k += 1 + (k / 10))
            {
                double fast = model.Risk(k);
                double reference = exact.Risk(k);
                Assert.True(fast >= reference - Rounding, $"k={k}: {fast} < exact {reference}");
                Assert.True(fast <= reference + 1e-6, $"k={k}: {fast} is far above exact {reference}");
            }

            int count = model.Count(maxNew, 0.02, out _);
            Assert.True(count <= exact.Count(maxNew, 0.02));
        });
    }

    [Fact]
    public void A_thousand_agent_campaign_decides_the_exact_count()
    {
        var (stats, now) = PacingScenario.Build(free: 40, talking: 850, wrapping: 60, ringing: 300, liveShare: 0.3);
        var model = new AbandonRiskModel();
        model.Load(stats, now.ToUnixTimeTicks(), 0.5);
        double[] answers = [.. model.UncertainAnswers.ToArray(), .. Enumerable.Repeat(1d, model.CertainAnswers)];
        double[] freed = [.. model.UncertainFreed.ToArray(), .. Enumerable.Repeat(1d, model.CertainFreed)];
        var exact = new ExactAbandonRisk(answers, freed, model.Offset, model.Others);
        int maxNew = (3 * 950) - 300;
        int count = model.Count(maxNew, 0.02, out double lastRisk);
        int exactCount = exact.Count(maxNew, 0.02);
        output.WriteLine($"count {count}, exact {exactCount}, risk of the first refused {lastRisk} vs exact {exact.Risk(count + 1)}");
        Assert.Equal(exactCount, count);
        Assert.InRange(lastRisk - exact.Risk(count + 1), -Rounding, 1e-9);
        Assert.InRange(model.Risk(count) - exact.Risk(count), -Rounding, 1e-9);
    }

    [Fact]
    public void Risk_is_never_zero_by_a_cut_with_many_free_agents_and_many_answers()
    {
        // 400 calls that almost surely answer, 30 free agents and 500 agents unlikely to be freed: the
        // answers' cut tail and the freed agents' cut both read on the risky side.
        double[] answers = Enumerable.Repeat(0.97, 400).ToArray();
        double[] freed = Enumerable.Repeat(0.01, 500).ToArray();
        var model = new AbandonRiskModel();
        model.SetInputs(answers, freed, 30, 0.2);
        model.Prepare(50);
        var exact = new ExactAbandonRisk(answers, freed, 30, 0.2);
        Assert.True(exact.Risk(1) > 0.99);
        Assert.True(model.Risk(1) >= exact.Risk(1) - Rounding);
    }

    private static double[] RandomProbabilities(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => rng.Next(8) switch
        {
            0 => 0d,
            1 => 1d,
            2 => rng.NextDouble() * 1e-3,
            3 => 1d - (rng.NextDouble() * 1e-3),
            _ => rng.NextDouble(),
        }).ToArray();

    // The probabilities the model read are the original formulas over EmpiricalDistribution.FastCdf.
    private static void AssertInputsMatchTheDistributions(AbandonRiskModel model, DialerStatistics stats, Instant now)
    {
        double horizon = stats.AnswerDelays.QuantileSeconds(0.5);
        double agentHorizon = horizon + stats.AbandonRate.Options.ConnectThreshold.TotalSeconds;
        double wrapTypical = stats.WrapUpTimes.QuantileSeconds(0.5);
        double p = stats.LiveAnswerRate;
        long nowTicks = now.ToUnixTimeTicks();
        var answers = new List<double>();
        for (int i = 0; i < stats.Ringing.Count; i++)
        {
            double elapsed = (nowTicks - stats.Ringing.Ticks[i]) / (double)TimeSpan.TicksPerSecond;
            double fNow = stats.AnswerDelays.FastCdf(elapsed);
            double alive = (p * (1d - fNow)) + ((1d - p) * (1d - stats.NonLiveDelays.FastCdf(elapsed)));
            answers.Add(alive <= 1e-12 ? 0d : Math.Clamp(p * (stats.AnswerDelays.FastCdf(elapsed + horizon) - fNow) / alive, 0d, 1d));
        }

        var freed = new List<double>();
        for (int i = 0; i < stats.Agents.Count; i++)
        {
            double elapsed = (nowTicks - stats.Agents.Ticks[i]) / (double)TimeSpan.TicksPerSecond;
            var state = (PacingAgentState)stats.Agents.Tags[i];
            if (state == PacingAgentState.Talking)
            {
                freed.Add(Conditional(stats.TalkTimes, elapsed, elapsed + agentHorizon - wrapTypical));
            }
            else if (state == PacingAgentState.WrapUp)
            {
                freed.Add(Conditional(stats.WrapUpTimes, elapsed, elapsed + agentHorizon));
            }
        }

        AssertSame(answers, model.UncertainAnswers.ToArray(), model.CertainAnswers);
        AssertSame(freed, model.UncertainFreed.ToArray(), model.CertainFreed);
        Assert.Equal(Math.Clamp(p * stats.AnswerDelays.FastCdf(horizon), 0d, 1d), model.Others, 12);
        Assert.Equal(stats.FreeAgents - stats.WaitingCalls, model.Offset);
    }

    private static double Conditional(EmpiricalDistribution distribution, double elapsed, double until)
    {
        double survived = 1d - distribution.FastCdf(elapsed);
        return survived <= 1e-12 ? 0d : Math.Clamp((distribution.FastCdf(until) - distribution.FastCdf(elapsed)) / survived, 0d, 1d);
    }

    private static void AssertSame(List<double> reference, double[] uncertain, int certain)
    {
        double[] expected = reference.Where(x => x > 0d).OrderBy(x => x).ToArray();
        double[] actual = uncertain.Concat(Enumerable.Repeat(1d, certain)).OrderBy(x => x).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 9);
        }
    }
}
