using ContactCenter.Core.Agents;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class SimulationMetricsTests
{
    private static readonly Instant s_start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private static Instant T(int seconds) => s_start + Duration.FromSeconds(seconds);

    private static SimulationEvent Agent(int seconds, AgentState from, AgentState to) => SimulationEvent.ForAgent(T(seconds), 0, from, to);

    private static SimulationEvent Call(int seconds, SimulationEventKind kind, long id, int agent = -1) =>
        SimulationEvent.ForCall(T(seconds), kind, id, new CallFate(id, 1, SimulatedCallOutcome.Live, Duration.Zero, Duration.Zero, 0.5), agent);

    // One agent, one hour: ready 0-100 s, talks 100-400 s, wraps 400-460 s, ready until 3000 s, away 3000-3600 s.
    // Four calls: one connected after 1 s, one abandoned, one busy, one no answer.
    private static readonly SimulationEvent[] s_log =
    [
        Agent(0, AgentState.LoggedOut, AgentState.NotReady),
        Agent(0, AgentState.NotReady, AgentState.Ready),
        Call(80, SimulationEventKind.CallPlaced, 0),
        Call(81, SimulationEventKind.CallPlaced, 1),
        Call(82, SimulationEventKind.CallPlaced, 2),
        Call(83, SimulationEventKind.CallPlaced, 3),
        Call(85, SimulationEventKind.CallBusy, 2),
        Call(99, SimulationEventKind.CallAnsweredLive, 0),
        Call(100, SimulationEventKind.CallConnected, 0, 0),
        Agent(100, AgentState.Ready, AgentState.Reserved),
        Agent(100, AgentState.Reserved, AgentState.Busy),
        Call(101, SimulationEventKind.CallAnsweredLive, 1),
        Call(103, SimulationEventKind.CallAbandoned, 1),
        Call(106, SimulationEventKind.CallNoAnswer, 3),
        Call(400, SimulationEventKind.CallEnded, 0, 0),
        Agent(400, AgentState.Busy, AgentState.AfterCallWork),
        Agent(460, AgentState.AfterCallWork, AgentState.Ready),
        Agent(3000, AgentState.Ready, AgentState.NotReady),
        Agent(3600, AgentState.NotReady, AgentState.LoggedOut),
    ];

    [Fact]
    public void Metrics_follow_their_definitions()
    {
        var m = SimulationMetrics.Compute(s_log, new Interval(s_start, T(3600)));

        Assert.Equal(1, m.Agents);
        Assert.Equal(Duration.FromHours(1), m.LoggedInTime);
        Assert.Equal(Duration.FromSeconds(300), m.TalkTime);
        Assert.Equal(Duration.FromSeconds(60), m.WrapUpTime);
        Assert.Equal(Duration.FromSeconds(100 + 2540), m.ReadyTime);
        Assert.Equal(Duration.FromSeconds(600), m.NotReadyTime);
        Assert.Equal(300 / 3600.0, m.Occupancy, 12);
        Assert.Equal(360 / 3600.0, m.Utilisation, 12);
        Assert.Equal(5.0, m.TalkMinutesPerAgentHour, 12);
        Assert.Equal(4.0, m.DialsPerAgentHour, 12);
        Assert.Equal(2, m.LiveAnswers);
        Assert.Equal(1, m.Connected);
        Assert.Equal(1, m.Abandoned);
        Assert.Equal(0.5, m.AbandonRate, 12); // busy and no answer are outside the rate
        Assert.Equal(1, m.BusyLines);
        Assert.Equal(1, m.NoAnswers);
        Assert.Equal(Duration.FromSeconds(2640), m.AgentWaitPerConnectedCall);
        Assert.Equal(Duration.FromSeconds(1), m.MeanContactWait);
        Assert.Equal(Duration.FromSeconds(1), m.MaxContactWait);
    }

    [Fact]
    public void A_window_clips_agent_times_and_counts_the_events_inside_it()
    {
        var m = SimulationMetrics.Compute(s_log, new Interval(T(90), T(390)));

        Assert.Equal(Duration.FromSeconds(300), m.LoggedInTime);
        Assert.Equal(Duration.FromSeconds(290), m.TalkTime);
        Assert.Equal(Duration.FromSeconds(10), m.ReadyTime);
        Assert.Equal(0, m.CallsPlaced);
        Assert.Equal(2, m.LiveAnswers);
        Assert.Equal(1, m.NoAnswers);
        Assert.Equal(0, m.BusyLines);
    }

    [Fact]
    public void An_empty_log_gives_zero_ratios()
    {
        var m = SimulationMetrics.Compute([], new Interval(s_start, T(60)));

        Assert.Equal(0, m.Agents);
        Assert.Equal(0, m.Occupancy);
        Assert.Equal(0, m.AbandonRate);
        Assert.Equal(0, m.DialsPerAgentHour);
        Assert.Equal(Duration.Zero, m.AgentWaitPerConnectedCall);
    }
}
