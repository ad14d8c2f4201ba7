using System;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Pacing;

/// <summary>The predictive pacer's start-up, hard cap and outer loop, on hand-made statistics.</summary>
public sealed class PredictivePacingTests(ITestOutputHelper output)
{
    private static readonly Duration s_interval = new PredictiveOptions().ControlInterval;

    [Fact]
    public void Before_one_completed_talk_per_agent_the_running_talks_count_as_censored_observations()
    {
        // 100 completed talks (at least WarmUpTalks = 10) but 150 agents logged in: the completed talks alone
        // would under-estimate talk time; the product-limit estimate over completed and running talks dials ahead.
        var (stats, now) = PacingScenario.Build(free: 10, talking: 140, wrapping: 0, ringing: 0, liveShare: 0.15, talks: 100);
        var decision = new PredictivePacing().Decide(stats, now);
        Assert.Equal(PacingReason.RiskThreshold, decision.Reason);
        Assert.True(decision.Count > 10, decision.ToString());

        // Without the product-limit warm-up the same state is progressive until one talk per agent has completed.
        var waiting = new PredictivePacing(new PredictiveOptions { ProductLimitWarmUp = false });
        Assert.Equal(new PacingDecision(10, PacingReason.WarmUp), waiting.Decide(stats, now));
        var (warm, at) = PacingScenario.Build(free: 10, talking: 140, wrapping: 0, ringing: 0, liveShare: 0.15, talks: 150);
        Assert.Equal(PacingReason.RiskThreshold, new PredictivePacing(new PredictiveOptions { ProductLimitWarmUp = false }).Decide(warm, at).Reason);

        // Fewer than WarmUpTalks completed talks: progressive either way.
        var (cold, then) = PacingScenario.Build(free: 10, talking: 140, wrapping: 0, ringing: 0, liveShare: 0.15, talks: 9);
        Assert.Equal(new PacingDecision(10, PacingReason.WarmUp), new PredictivePacing().Decide(cold, then));
    }

    [Fact]
    public void At_start_up_the_product_limit_estimate_corrects_the_short_completed_talks()
    {
        // 150 agents start talking together; talk i lasts 60 + 4i s (60–656 s). Five minutes later the 61
        // completed talks are the short ones (60–300 s) and their agents are on a second talk. The completed
        // talks alone say every talk ends by 300 s, so the second talks look about to end; the 89 talks still
        // running at 300 s say otherwise, and the product-limit estimate places fewer calls.
        var (stats, now) = StartOfShift(agents: 150, free: 5);
        Assert.True(stats.TalkTimes.TotalObserved is >= 10 and < 150);
        var censored = new PredictivePacing().Decide(stats, now);
        var completedOnly = new PredictivePacing(new PredictiveOptions { WarmUpTalksPerAgent = 0 }).Decide(stats, now);
        Assert.Equal(PacingReason.RiskThreshold, completedOnly.Reason);
        Assert.True(censored.Count < completedOnly.Count, $"{censored} vs {completedOnly}");
        Assert.True(censored.Count >= 5, censored.ToString());
    }

    [Fact]
    public void With_few_answers_the_cap_engages_once_the_windowed_rate_is_above_the_set_point()
    {
        // Warm talk samples and only 20 live answers, none abandoned: 0 % is under the set-point, dial ahead.
        var (stats, now) = PacingScenario.Build(free: 5, talking: 20, wrapping: 2, ringing: 0, liveShare: 0.05);
        Assert.Equal(PacingReason.RiskThreshold, new PredictivePacing().Decide(stats, now).Reason);

        // One abandon in 21 answers (4.8 %): progressive.
        Feed(stats, now, -1, answers: 1, abandons: 1);
        Assert.Equal(new PacingDecision(5, PacingReason.AbandonCap), new PredictivePacing().Decide(stats, now));

        // 25 hours later those answers have left the 24-hour window: an empty window is not capped.
        Assert.NotEqual(PacingReason.AbandonCap, new PredictivePacing().Decide(stats, now + Duration.FromHours(25)).Reason);
    }

    [Fact]
    public void Hard_cap_keeps_one_abandon_of_headroom_but_never_caps_at_or_under_the_set_point()
    {
        // 60 live answers, 1 abandoned (1.6 %, under the set-point): the headroom is at most
        // (3 % − 2.5 %) × 61 = 0.305, and 1 + 0.305 <= 3 % of 61 = 1.83: not capped.
        var (stats, now) = PacingScenario.Build(free: 5, talking: 20, wrapping: 2, ringing: 0, liveShare: 0.15);
        var predictive = new PredictivePacing();
        Feed(stats, now, -1, answers: 1, abandons: 1);
        Assert.Equal(PacingReason.RiskThreshold, predictive.Decide(stats, now).Reason);

        // A second abandon (3.2 %): capped.
        Feed(stats, now, -10, answers: 1, abandons: 1);
        Assert.Equal(new PacingDecision(5, PacingReason.AbandonCap), predictive.Decide(stats, now));

        // 300 answers, 8 abandoned (2.7 %): a full abandon of headroom, 8 + 1 <= 3 % of 300 = 9: not capped.
        var (many, at) = PacingScenario.Build(free: 5, talking: 20, wrapping: 2, ringing: 0, liveShare: 0.15);
        Feed(many, at, -1, answers: 240, abandons: 8);
        var pacer = new PredictivePacing();
        Assert.Equal(PacingReason.RiskThreshold, pacer.Decide(many, at).Reason);

        // One more kept answer and one more abandon: 9 + 1 > 3 % of 302 = 9.06: capped at 2.98 %.
        Feed(many, at, -1000, answers: 2, abandons: 1);
        Assert.Equal(PacingReason.AbandonCap, pacer.Decide(many, at).Reason);

        // Without headroom the same state is capped only above 3 % itself.
        Assert.Equal(PacingReason.RiskThreshold, new PredictivePacing(new PredictiveOptions { CapHeadroom = 0 }).Decide(many, at).Reason);
    }

    [Fact]
    public void Outer_loop_moves_the_log_threshold_by_the_gain_times_the_relative_error_of_the_answers_since_its_last_update()
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15);
        var options = new PredictiveOptions();
        var predictive = new PredictivePacing(options);
        predictive.Decide(stats, now);

        // 40 answers, 1 abandoned, resolved within the next interval.
        Feed(stats, now, -1, answers: 40, abandons: 1);
        predictive.Decide(stats, now + s_interval);

        // Campaign to date: 100 answers (60 from the warm-up, 40 now), 1 abandoned: the slack is
        // 2.5 − 1 = 1.5 abandons, repaid over 200 answers: target 2.5 % + 0.75 %, clamped to 2.75 %.
        double target = Math.Min(options.SetPoint + (1.5 / options.SlackAnswers), options.SetPoint + ((options.HardCap - options.SetPoint) / 2));
        Assert.Equal(target, predictive.TargetRate, 12);
        double expected = options.InitialRiskThreshold * Math.Exp(options.ControlGain * ((target * 40) - 1) / (target * options.ControlAnswers));
        Assert.Equal(expected, predictive.RiskThreshold, 12);

        // Nothing resolved since: no update, however long it waits.
        predictive.Decide(stats, now + (s_interval * 10));
        Assert.Equal(expected, predictive.RiskThreshold, 12);
    }

    [Fact]
    public void Outer_loop_on_a_synthetic_abandon_sequence_holds_at_the_target_falls_above_it_and_rises_below_it()
    {
        // Each sequence: 40 control intervals of 40 live answers; the slack repaid over so many answers
        // that the target stays at the set-point (the clamps of the target are not in play).
        var options = new PredictiveOptions { SlackAnswers = 1_000_000 };
        double atTarget = RunSequence(options, abandonsPerInterval: 1, out _);   // 2.5 %
        double above = RunSequence(options, abandonsPerInterval: 2, out var capped);      // 5 %: capped on the way
        double below = RunSequence(options, abandonsPerInterval: 0, out _);      // 0 %

        Assert.InRange(atTarget / options.InitialRiskThreshold, Math.Exp(-0.1), Math.Exp(0.1));
        Assert.True(above < options.InitialRiskThreshold / 10, above.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(capped, "5 % must reach the hard cap");
        Assert.Equal(options.MaxRiskThreshold, below);
    }

    [Fact]
    public void Outer_loop_does_not_wind_up_while_capped()
    {
        // Capped (3 abandons in 63 answers): answers kept while progressive do not raise θ.
        var (stats, now) = PacingScenario.Build(free: 5, talking: 20, wrapping: 2, ringing: 0, liveShare: 0.15);
        Feed(stats, now, -1000, answers: 3, abandons: 3);
        var predictive = new PredictivePacing();
        Assert.Equal(PacingReason.AbandonCap, predictive.Decide(stats, now).Reason);
        Feed(stats, now, -1, answers: 40, abandons: 0);
        Assert.Equal(PacingReason.AbandonCap, predictive.Decide(stats, now + s_interval).Reason);
        Assert.Equal(predictive.Options.InitialRiskThreshold, predictive.RiskThreshold);

        // Abandons of calls still in flight while capped lower it.
        Feed(stats, now + s_interval, -100, answers: 1, abandons: 1);
        predictive.Decide(stats, now + (s_interval * 2));
        Assert.True(predictive.RiskThreshold < predictive.Options.InitialRiskThreshold);
    }

    [Fact]
    public void Target_follows_the_campaign_to_date_slack_within_its_bounds()
    {
        var options = new PredictiveOptions();

        // 8 abandons in 100 answers: 5.5 abandons over the set-point, repaid over 200 answers → 2.5 − 2.75 %, clamped to 0.625 %.
        var (stats, now) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15);
        var predictive = new PredictivePacing(options with { CapHeadroom = 0, HardCap = 0.5 });
        predictive.Decide(stats, now);
        Feed(stats, now, -1, answers: 40, abandons: 8);
        predictive.Decide(stats, now + s_interval);
        Assert.Equal(options.SetPoint / 4, predictive.TargetRate, 12);

        // No abandon in 1,060 answers: 26.5 under the set-point → capped at halfway to the hard cap.
        var (clean, at) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15);
        var loose = new PredictivePacing(options);
        loose.Decide(clean, at);
        Feed(clean, at, -1, answers: 1000, abandons: 0);
        loose.Decide(clean, at + s_interval);
        Assert.Equal(options.SetPoint + ((options.HardCap - options.SetPoint) / 2), loose.TargetRate, 12);

        // A small surplus of kept answers lifts the target a little above the set-point.
        var (some, then) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15);
        var tuned = new PredictivePacing(options with { SlackAnswers = 1000 });
        tuned.Decide(some, then);
        Feed(some, then, -1, answers: 40, abandons: 1);
        tuned.Decide(some, then + s_interval);
        Assert.Equal(options.SetPoint + (1.5 / 1000), tuned.TargetRate, 12);
    }

    [Fact]
    public void Averaging_over_more_horizons_is_still_never_below_progressive_and_allocation_free()
    {
        var (stats, now) = PacingScenario.Build(free: 40, talking: 850, wrapping: 60, ringing: 300, liveShare: 0.3, talks: 1000);
        foreach (int points in new[] { 1, 3, 5 })
        {
            var predictive = new PredictivePacing(new PredictiveOptions { HorizonPoints = points });
            var first = predictive.Decide(stats, now);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var again = predictive.Decide(stats, now);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(first, again);
            Assert.True(first.Count >= ProgressiveCount(stats), first.ToString());
            Assert.InRange(predictive.LastRisk, 0d, 1d);
        }
    }

    [Fact]
    public void Sharing_the_work_across_horizons_decides_exactly_as_one_model_per_horizon()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        int dialedAhead = 0;
        PropertyRunner.Check(output, "PredictiveSharedHorizons", 20260611UL, 150, arbitrary, seed =>
        {
            var rng = new Random(seed);
            var (stats, now) = ReferencePredictivePacing.RandomState(rng);
            var options = new PredictiveOptions
            {
                HorizonPoints = rng.Next(4) == 0 ? rng.Next(1, 17) : 3,
                HorizonQuantile = 0.2 + (rng.NextDouble() * 0.7),
                InitialRiskThreshold = rng.Next(3) == 0 ? 0.0001 + (rng.NextDouble() * 0.4) : 0.001 + (rng.NextDouble() * 0.03),
                WarmUpTalksPerAgent = 0,
            };
            var predictive = new PredictivePacing(options);
            var decision = predictive.Decide(stats, now);
            Assert.Equal(options.InitialRiskThreshold, predictive.RiskThreshold);

            int progressive = ProgressiveCount(stats);
            int working = stats.LoggedInAgents - stats.AwayAgents;
            int maxNew = (int)Math.Floor(options.MaxLinesPerAgent * working) - stats.RingingCalls - stats.WaitingCalls;
            if (decision.Reason is PacingReason.WarmUp or PacingReason.AbandonCap or PacingReason.NoAgentsLoggedIn || maxNew <= progressive)
            {
                Assert.Equal(0d, predictive.LastRisk);
                return;
            }

            int count = ReferencePredictivePacing.CountUnderThreshold(
                options, stats, maxNew, now.ToUnixTimeTicks(), options.InitialRiskThreshold, out double risk);
            Assert.Equal(Math.Max(count, progressive), decision.Count);
            Assert.Equal(risk, predictive.LastRisk, 1e-12);
            Assert.Equal(risk, predictive.LastRisk);
            dialedAhead += count > progressive ? 1 : 0;
        });

        // The property is not vacuous: most states dial ahead of progressive.
        Assert.True(dialedAhead > 30, $"{dialedAhead} states dialed ahead");
    }

    [Fact]
    public void A_long_lived_pacer_searching_from_its_previous_count_decides_as_a_fresh_one()
    {
        // The search gallops from the previous decision's count; the count and the risk reported must not
        // depend on that history. The outer loop is held still (a control interval longer than the run).
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        var options = new PredictiveOptions { WarmUpTalksPerAgent = 0, ControlInterval = Duration.FromDays(10_000) };
        var longLived = new PredictivePacing(options);
        int dialedAhead = 0;
        PropertyRunner.Check(output, "PredictiveGallopingSearch", 20261122UL, 120, arbitrary, seed =>
        {
            var rng = new Random(seed);
            var (stats, now) = ReferencePredictivePacing.RandomState(rng);
            var fresh = new PredictivePacing(options);
            var expected = fresh.Decide(stats, now);
            var actual = longLived.Decide(stats, now);
            Assert.Equal(expected, actual);
            Assert.Equal(fresh.LastRisk, longLived.LastRisk);
            Assert.Equal(options.InitialRiskThreshold, longLived.RiskThreshold);
            dialedAhead += expected.Reason == PacingReason.RiskThreshold && expected.Count > ProgressiveCount(stats) ? 1 : 0;
        });

        Assert.True(dialedAhead > 20, $"{dialedAhead} states dialed ahead");
    }

    [Fact]
    public void New_options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { HorizonPoints = 0 }));
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { ControlAnswers = 0 }));
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { SlackAnswers = 0 }));
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { CapHeadroom = -1 }));
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { WarmUpTalksPerAgent = -1 }));
    }

    private static double RunSequence(PredictiveOptions options, int abandonsPerInterval, out bool capped)
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15);
        var predictive = new PredictivePacing(options);
        predictive.Decide(stats, now);
        capped = false;
        for (int i = 1; i <= 40; i++)
        {
            Feed(stats, now + (s_interval * (i - 1)), -100 * i, answers: 40, abandons: abandonsPerInterval);
            capped |= predictive.Decide(stats, now + (s_interval * i)).Reason == PacingReason.AbandonCap;
        }

        return predictive.RiskThreshold;
    }

    /// <summary>
    /// <paramref name="agents"/> agents who all started talking at the shift's start, talk i lasting 60 + 4i s,
    /// each starting a second talk after a 15 s wrap-up; <paramref name="free"/> more agents free; 400 outcomes
    /// (15 % live, answer delays 5–25 s) learned; read 300 s after the start.
    /// </summary>
    private static (DialerStatistics Statistics, Instant Now) StartOfShift(int agents, int free)
    {
        var stats = new DialerStatistics(new DialerStatisticsOptions { AnswerRatePriorWeight = 0 });
        var start = PacingScenario.Start;
        var now = start + Duration.FromSeconds(300);
        var rng = new Random(5);
        for (int i = 0; i < 400; i++)
        {
            var placed = start - Duration.FromMinutes(30) + Duration.FromSeconds(i);
            stats.CallPlaced(10_000 + i, placed);
            if (i % 20 < 3)
            {
                var answered = placed + Duration.FromSeconds(5 + rng.Next(21));
                stats.CallAnsweredLive(10_000 + i, answered);
                stats.CallConnected(10_000 + i, answered);
            }
            else
            {
                stats.CallNotLive(10_000 + i, DialerCallOutcome.NoAnswer, placed + Duration.FromSeconds(25));
            }
        }

        for (int i = 0; i < agents; i++)
        {
            stats.AgentLoggedIn(i, PacingAgentState.Talking, start);
            var ended = start + Duration.FromSeconds(60 + (4 * i));
            if (ended <= now)
            {
                stats.AgentChanged(i, PacingAgentState.WrapUp, ended);
                if (ended + Duration.FromSeconds(15) <= now)
                {
                    stats.AgentChanged(i, PacingAgentState.Talking, ended + Duration.FromSeconds(15));
                }
            }
        }

        for (int i = 0; i < free; i++)
        {
            stats.AgentLoggedIn(agents + i, PacingAgentState.Free, now);
        }

        return (stats, now);
    }

    private static int ProgressiveCount(DialerStatistics stats) => new ProgressivePacing().Decide(stats, PacingScenario.Start).Count;

    /// <summary>Live answers resolved just after <paramref name="at"/>: the first <paramref name="abandons"/> abandoned, the rest connected in time.</summary>
    private static void Feed(DialerStatistics stats, Instant at, long firstId, int answers, int abandons)
    {
        for (int i = 0; i < answers; i++)
        {
            long id = firstId - i;
            var placed = at + Duration.FromMilliseconds(i);
            stats.CallPlaced(id, placed);
            stats.CallAnsweredLive(id, placed);
            if (i < abandons)
            {
                stats.CallAbandoned(id, placed + Duration.FromSeconds(2));
            }
            else
            {
                stats.CallConnected(id, placed + Duration.FromSeconds(1));
            }
        }
    }
}
