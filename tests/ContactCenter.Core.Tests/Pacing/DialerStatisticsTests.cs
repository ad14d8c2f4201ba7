using System;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class DialerStatisticsTests
{
    private static readonly Instant s_t0 = Instant.FromUtc(2026, 6, 1, 10, 0);

    [Fact]
    public void Calls_move_from_ringing_to_waiting_to_connected_and_teach_delays_and_rate()
    {
        var stats = new DialerStatistics(new DialerStatisticsOptions { AnswerRatePriorWeight = 0 });
        stats.CallPlaced(1, s_t0);
        stats.CallPlaced(2, s_t0);
        stats.CallPlaced(3, s_t0);
        Assert.Equal(3, stats.RingingCalls);
        stats.CallAnsweredLive(1, s_t0 + Duration.FromSeconds(10), s_t0 + Duration.FromSeconds(12));
        stats.CallNotLive(2, DialerCallOutcome.NoAnswer, s_t0 + Duration.FromSeconds(25));
        stats.CallCancelled(3);
        Assert.Equal(0, stats.RingingCalls);
        Assert.Equal(1, stats.WaitingCalls);
        Assert.Equal(0.5, stats.LiveAnswerRate, 12);
        Assert.Equal(Duration.FromSeconds(10), stats.AnswerDelays.Quantile(0.5));
        Assert.Equal(Duration.FromSeconds(25), stats.NonLiveDelays.Quantile(0.5));

        Assert.True(stats.CallConnected(1, s_t0 + Duration.FromSeconds(15)));
        Assert.Equal(0, stats.WaitingCalls);
        Assert.Equal(new AbandonRate(1, 1), stats.AbandonRate.CampaignToDate);
        Assert.Equal(1, stats.AbandonRate.ExcludedCount(DialerCallOutcome.NoAnswer));
    }

    [Fact]
    public void Answer_rate_blends_the_prior()
    {
        var stats = new DialerStatistics(new DialerStatisticsOptions { AnswerRatePrior = 0.3, AnswerRatePriorWeight = 20 });
        Assert.Equal(0.3, stats.LiveAnswerRate, 12);
        for (int i = 0; i < 20; i++)
        {
            stats.CallPlaced(i, s_t0);
            stats.CallAnsweredLive(i, s_t0 + Duration.FromSeconds(5));
            stats.CallAbandoned(i, s_t0 + Duration.FromSeconds(9));
        }

        Assert.Equal((20 + 6) / 40d, stats.LiveAnswerRate, 12);
        Assert.Equal(new AbandonRate(20, 20), stats.AbandonRate.Recent);
    }

    [Fact]
    public void Agent_transitions_count_states_and_learn_talk_and_wrap_times()
    {
        var stats = new DialerStatistics(new DialerStatisticsOptions { WarmUpTalks = 2 });
        stats.AgentLoggedIn(7, PacingAgentState.Free, s_t0);
        stats.AgentLoggedIn(8, PacingAgentState.Away, s_t0);
        Assert.Equal(1, stats.FreeAgents);
        Assert.Equal(1, stats.AwayAgents);
        stats.AgentChanged(7, PacingAgentState.Talking, s_t0 + Duration.FromSeconds(10));
        stats.AgentChanged(7, PacingAgentState.WrapUp, s_t0 + Duration.FromSeconds(190));
        Assert.Equal(1, stats.WrapUpAgents);
        Assert.False(stats.TalkTimes.IsWarm);
        stats.AgentChanged(7, PacingAgentState.Free, s_t0 + Duration.FromSeconds(205));
        Assert.Equal(Duration.FromSeconds(180), stats.TalkTimes.Quantile(1));
        Assert.Equal(Duration.FromSeconds(15), stats.WrapUpTimes.Quantile(1));
        stats.AgentChanged(7, PacingAgentState.Talking, s_t0 + Duration.FromSeconds(300));
        stats.AgentLoggedOut(7, s_t0 + Duration.FromSeconds(360));
        Assert.True(stats.TalkTimes.IsWarm);
        Assert.Equal(1, stats.LoggedInAgents);
        Assert.Equal(0, stats.TalkingAgents);
        Assert.False(stats.IsLoggedIn(7));
        Assert.Equal(PacingAgentState.Away, stats.AgentState(8));
    }

    [Fact]
    public void Unknown_ids_duplicates_and_capacity_are_refused()
    {
        var stats = new DialerStatistics(new DialerStatisticsOptions { MaxCallsInProgress = 1 });
        stats.CallPlaced(1, s_t0);
        Assert.Throws<InvalidOperationException>(() => stats.CallPlaced(1, s_t0));
        Assert.Throws<InvalidOperationException>(() => stats.CallPlaced(2, s_t0));
        Assert.Throws<InvalidOperationException>(() => stats.CallConnected(1, s_t0));
        Assert.Throws<InvalidOperationException>(() => stats.AgentChanged(5, PacingAgentState.Free, s_t0));
        Assert.Throws<ArgumentException>(() => new DialerStatistics(new DialerStatisticsOptions { AnswerRatePrior = 0 }));
        Assert.Equal(1, stats.RingingCalls);
    }

    [Fact]
    public void Feeding_events_allocates_nothing_in_steady_state()
    {
        var stats = new DialerStatistics();
        stats.AgentLoggedIn(1, PacingAgentState.Free, s_t0);
        void cycle(long id, Instant t)
        {
            stats.CallPlaced(id, t);
            stats.CallAnsweredLive(id, t + Duration.FromSeconds(8));
            stats.CallConnected(id, t + Duration.FromSeconds(9));
            stats.AgentChanged(1, PacingAgentState.Talking, t + Duration.FromSeconds(9));
            stats.AgentChanged(1, PacingAgentState.WrapUp, t + Duration.FromSeconds(100));
            stats.AgentChanged(1, PacingAgentState.Free, t + Duration.FromSeconds(115));
        }

        for (int i = 0; i < 2000; i++)
        {
            cycle(i, s_t0 + Duration.FromMinutes(i));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 2000; i < 2100; i++)
        {
            cycle(i, s_t0 + Duration.FromMinutes(i));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, stats.TalkTimes.Count);
    }
}
