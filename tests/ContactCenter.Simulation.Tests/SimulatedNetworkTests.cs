using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class SimulatedNetworkTests
{
    [Fact]
    public void A_fate_depends_only_on_seed_record_and_attempt()
    {
        var network = new SimulatedNetwork(new NetworkModel(), 42);
        var first = network.FateOf(17, 1);
        _ = Enumerable.Range(0, 100).Select(i => network.FateOf(i, 1)).ToList();

        Assert.Equal(first, network.FateOf(17, 1));
        Assert.Equal(first, new SimulatedNetwork(new NetworkModel(), 42).FateOf(17, 1));
        Assert.Equal(17, first.RecordIndex);
        Assert.Equal(1, first.Attempt);
    }

    [Fact]
    public void Without_a_schedule_the_moment_of_placing_does_not_change_a_fate()
    {
        var network = new SimulatedNetwork(new NetworkModel { AnsweringMachineProbability = 0.2 }, 42);

        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(network.FateOf(i, 1), network.FateOf(i, 1, Duration.FromMinutes(i)));
        }
    }

    [Fact]
    public void With_a_drifting_answer_rate_a_fate_depends_on_the_moment_and_the_draws_are_common()
    {
        var model = new NetworkModel { AnsweringMachineProbability = 0.25 }.WithLinearDrift(0.30, 0.15, Duration.FromHours(4));
        var network = new SimulatedNetwork(model, 42);
        const int N = 40_000;
        int liveEarly = 0;
        int liveLate = 0;
        for (int i = 0; i < N; i++)
        {
            var early = network.FateOf(i, 1, Duration.Zero);
            var late = network.FateOf(i, 1, Duration.FromHours(4));
            Assert.Equal(early, network.FateOf(i, 1, Duration.Zero));
            Assert.Equal(early, new SimulatedNetwork(model, 42).FateOf(i, 1));

            // The same uniform draw read against a lower threshold: a live answer late is a live answer early,
            // with the same ring and talk times.
            if (late.Outcome == SimulatedCallOutcome.Live)
            {
                Assert.Equal(SimulatedCallOutcome.Live, early.Outcome);
                Assert.Equal(early.RingTime, late.RingTime);
                Assert.Equal(early.TalkTime, late.TalkTime);
            }

            liveEarly += early.Outcome == SimulatedCallOutcome.Live ? 1 : 0;
            liveLate += late.Outcome == SimulatedCallOutcome.Live ? 1 : 0;
        }

        Assert.InRange(liveEarly / (double)N, 0.29, 0.31);
        Assert.InRange(liveLate / (double)N, 0.14, 0.16);
    }

    [Fact]
    public void Another_attempt_on_the_same_record_is_a_new_draw()
    {
        var network = new SimulatedNetwork(new NetworkModel(), 42);

        var attempts = Enumerable.Range(1, 50).Select(a => network.FateOf(3, a)).ToList();

        Assert.True(attempts.Select(f => f.RingTime).Distinct().Count() > 10);
    }

    [Fact]
    public void Outcomes_follow_the_model_probabilities()
    {
        var model = new NetworkModel { LiveAnswerProbability = 0.3, AnsweringMachineProbability = 0.2, BusyProbability = 0.1, InvalidProbability = 0.05 };
        var network = new SimulatedNetwork(model, 7);
        const int N = 100_000;

        var fates = Enumerable.Range(0, N).Select(i => network.FateOf(i, 1)).ToList();

        double share(SimulatedCallOutcome o) => fates.Count(f => f.Outcome == o) / (double)N;
        Assert.InRange(share(SimulatedCallOutcome.Live), 0.295, 0.305);
        Assert.InRange(share(SimulatedCallOutcome.AnsweringMachine), 0.195, 0.205);
        Assert.InRange(share(SimulatedCallOutcome.Busy), 0.097, 0.103);
        Assert.InRange(share(SimulatedCallOutcome.Invalid), 0.048, 0.052);
        Assert.InRange(share(SimulatedCallOutcome.NoAnswer), 0.345, 0.355);
    }

    [Fact]
    public void Each_outcome_happens_after_its_own_delay()
    {
        var model = new NetworkModel { LiveAnswerProbability = 0.3, AnsweringMachineProbability = 0.2, BusyProbability = 0.1, InvalidProbability = 0.05 };
        var network = new SimulatedNetwork(model, 8);

        foreach (var fate in Enumerable.Range(0, 5_000).Select(i => network.FateOf(i, 1)))
        {
            switch (fate.Outcome)
            {
                case SimulatedCallOutcome.Live:
                    Assert.InRange(fate.RingTime, Duration.FromSeconds(5), Duration.FromSeconds(25));
                    Assert.True(fate.TalkTime > Duration.Zero);
                    break;
                case SimulatedCallOutcome.AnsweringMachine:
                    Assert.InRange(fate.RingTime, Duration.FromSeconds(5), Duration.FromSeconds(25));
                    Assert.Equal(Duration.Zero, fate.TalkTime);
                    break;
                case SimulatedCallOutcome.Busy:
                    Assert.Equal(Duration.FromSeconds(3), fate.RingTime);
                    break;
                case SimulatedCallOutcome.Invalid:
                    Assert.Equal(Duration.FromSeconds(2), fate.RingTime);
                    break;
                default:
                    Assert.Equal(Duration.FromSeconds(25), fate.RingTime);
                    break;
            }

            Assert.InRange(fate.WrapUpUniform, double.Epsilon, 1 - 1e-17);
        }
    }

    [Fact]
    public void A_live_answer_drawn_after_the_no_answer_timeout_is_a_no_answer()
    {
        var model = new NetworkModel { LiveAnswerProbability = 1, AnswerDelay = Distribution.Uniform(10, 40), NoAnswerTimeout = Duration.FromSeconds(25) };
        var network = new SimulatedNetwork(model, 9);

        var fates = Enumerable.Range(0, 2_000).Select(i => network.FateOf(i, 1)).ToList();

        Assert.All(fates.Where(f => f.Outcome == SimulatedCallOutcome.Live), f => Assert.True(f.RingTime < Duration.FromSeconds(25)));
        Assert.All(fates.Where(f => f.Outcome == SimulatedCallOutcome.NoAnswer), f => Assert.Equal(Duration.FromSeconds(25), f.RingTime));
        Assert.InRange(fates.Count(f => f.Outcome == SimulatedCallOutcome.NoAnswer) / 2000.0, 0.45, 0.55);
    }

    [Fact]
    public void Talk_times_of_live_answers_have_the_model_mean()
    {
        var network = new SimulatedNetwork(new NetworkModel { LiveAnswerProbability = 1 }, 10);

        double mean = Enumerable.Range(0, 50_000).Select(i => network.FateOf(i, 1)).Average(f => f.TalkTime.TotalSeconds);

        Assert.InRange(mean, 178, 182);
    }

    [Fact]
    public void An_invalid_model_is_refused_with_every_problem()
    {
        var model = new NetworkModel { LiveAnswerProbability = 0.8, BusyProbability = 0.5, NoAnswerTimeout = Duration.Zero };

        var error = Assert.Throws<ArgumentException>(() => new SimulatedNetwork(model, 1));

        Assert.Contains("add up to", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoAnswerTimeout", error.Message, StringComparison.Ordinal);
    }
}
