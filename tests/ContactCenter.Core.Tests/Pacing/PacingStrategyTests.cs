using System;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class PacingStrategyTests
{
    [Fact]
    public void Nothing_is_placed_when_no_agent_is_logged_in()
    {
        var stats = new DialerStatistics();
        var now = PacingScenario.Start;
        IPacingStrategy[] strategies = [new PreviewPacing(), new PushPreviewPacing(), new ProgressivePacing(), new FixedRatioPacing(2), new PredictivePacing()];
        foreach (var strategy in strategies)
        {
            Assert.Equal(new PacingDecision(0, PacingReason.NoAgentsLoggedIn), strategy.Decide(stats, now));
        }
    }

    [Fact]
    public void Preview_delivers_one_record_per_free_agent_without_one()
    {
        var stats = new DialerStatistics();
        var now = PacingScenario.Start;
        stats.AgentLoggedIn(1, PacingAgentState.Free, now);
        stats.AgentLoggedIn(2, PacingAgentState.Free, now);
        stats.AgentLoggedIn(3, PacingAgentState.Reserved, now);
        Assert.Equal(new PacingDecision(2, PacingReason.OneRecordPerFreeAgent), new PushPreviewPacing().Decide(stats, now));
        Assert.Equal(2, new PreviewPacing().Decide(stats, now).Count);
    }

    [Fact]
    public void Progressive_places_lines_per_free_agent_minus_calls_in_progress()
    {
        var (stats, now) = PacingScenario.Build(free: 10, talking: 0, wrapping: 0, ringing: 0, liveShare: 0.3);
        Assert.Equal(new PacingDecision(10, PacingReason.LinesPerFreeAgent), new ProgressivePacing().Decide(stats, now));
        stats.CallPlaced(-5, now);
        stats.CallPlaced(-6, now);
        Assert.Equal(8, new ProgressivePacing().Decide(stats, now).Count);
        Assert.Equal(18, new ProgressivePacing(2).Decide(stats, now).Count);
        Assert.Equal(13, new FixedRatioPacing(1.5).Decide(stats, now).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressivePacing(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedRatioPacing(0));
    }

    [Fact]
    public void Predictive_behaves_as_progressive_during_warm_up()
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 20, wrapping: 0, ringing: 0, liveShare: 0.15, talks: 9);
        Assert.Equal(new PacingDecision(5, PacingReason.WarmUp), new PredictivePacing().Decide(stats, now));
    }

    [Fact]
    public void Predictive_places_more_than_progressive_after_warm_up_when_few_answer()
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 20, wrapping: 2, ringing: 0, liveShare: 0.15);
        var predictive = new PredictivePacing();
        var decision = predictive.Decide(stats, now);
        Assert.Equal(PacingReason.RiskThreshold, decision.Reason);
        Assert.True(decision.Count > 5, decision.ToString());
        Assert.True(predictive.LastRisk > predictive.RiskThreshold);
    }

    [Fact]
    public void Predictive_never_places_fewer_than_progressive()
    {
        var (stats, now) = PacingScenario.Build(free: 10, talking: 0, wrapping: 0, ringing: 0, liveShare: 0.6);
        Assert.True(new PredictivePacing().Decide(stats, now).Count >= 10);
    }

    [Fact]
    public void Predictive_falls_back_to_progressive_above_the_hard_cap()
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 20, wrapping: 0, ringing: 0, liveShare: 0.15);
        for (int i = 0; i < 30; i++)
        {
            stats.CallPlaced(-100 - i, now);
            stats.CallAnsweredLive(-100 - i, now);
            stats.CallAbandoned(-100 - i, now);
        }

        Assert.Equal(new PacingDecision(5, PacingReason.AbandonCap), new PredictivePacing().Decide(stats, now));
    }

    [Fact]
    public void Outer_loop_lowers_the_threshold_when_the_recent_rate_is_above_the_set_point_and_places_fewer()
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15,
            options: new DialerStatisticsOptions { AbandonRate = AbandonRateOptions.UnitedKingdom with { RecentLiveAnswers = 20 } });
        var predictive = new PredictivePacing(new PredictiveOptions { HardCap = 0.1 });
        int first = predictive.Decide(stats, now).Count;
        double threshold = predictive.RiskThreshold;

        // 1 abandon in the last 20 live answers: 5 %, above the set-point (the cap is raised to 10 % for this test).
        stats.CallPlaced(-1, now);
        stats.CallAnsweredLive(-1, now);
        stats.CallAbandoned(-1, now);
        int later = 0;
        for (int i = 1; i <= 20; i++)
        {
            later = predictive.Decide(stats, now + Duration.FromSeconds(30 * i)).Count;
        }

        Assert.True(predictive.RiskThreshold < threshold, $"{predictive.RiskThreshold} vs {threshold}");
        Assert.True(later <= first, $"{later} vs {first}");
    }

    [Fact]
    public void Outer_loop_raises_the_threshold_when_answers_resolve_without_abandons()
    {
        var (stats, now) = PacingScenario.Build(free: 5, talking: 40, wrapping: 2, ringing: 0, liveShare: 0.15);
        var predictive = new PredictivePacing();
        predictive.Decide(stats, now);
        predictive.Decide(stats, now + Duration.FromSeconds(30));
        Assert.Equal(predictive.Options.InitialRiskThreshold, predictive.RiskThreshold);

        for (int i = 0; i < 20; i++)
        {
            var at = now + Duration.FromSeconds(31 + i);
            stats.CallPlaced(-1000 - i, at);
            stats.CallAnsweredLive(-1000 - i, at);
            stats.CallConnected(-1000 - i, at + Duration.FromSeconds(1));
        }

        predictive.Decide(stats, now + Duration.FromSeconds(60));
        Assert.True(predictive.RiskThreshold > predictive.Options.InitialRiskThreshold);
    }

    [Fact]
    public void Predictive_decision_allocates_nothing_once_warmed()
    {
        var (stats, now) = PacingScenario.Build(free: 40, talking: 850, wrapping: 60, ringing: 300, liveShare: 0.3, talks: 1000);
        var predictive = new PredictivePacing();
        var progressive = new ProgressivePacing();
        predictive.Decide(stats, now);
        progressive.Decide(stats, now);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var decision = predictive.Decide(stats, now);
        progressive.Decide(stats, now);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(decision.Reason is PacingReason.RiskThreshold or PacingReason.LineLimit, decision.ToString());
    }

    [Fact]
    public void Predictive_options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { HardCap = 0.02 }));
        Assert.Throws<ArgumentException>(() => new PredictivePacing(new PredictiveOptions { MaxLinesPerAgent = 0.5 }));
        Assert.Equal(0.025, new PredictiveOptions().SetPoint);
    }
}
