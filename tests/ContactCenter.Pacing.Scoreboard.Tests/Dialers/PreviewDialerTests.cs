using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Pacing;
using ContactCenter.Pacing.Scoreboard.Dialers;
using ContactCenter.Simulation;
using NodaTime;
using Xunit;

namespace ContactCenter.Pacing.Scoreboard.Tests.Dialers;

public class PreviewDialerTests
{
    private static readonly Instant s_start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly CallFate s_fate = new SimulatedNetwork(new NetworkModel(), 1).FateOf(0, 1);

    private static PreviewDialer Dialer() => new(Duration.FromSeconds(10));

    private static Instant At(int seconds) => s_start + Duration.FromSeconds(seconds);

    [Fact]
    public void An_agent_who_becomes_ready_dials_after_its_preview()
    {
        var dialer = Dialer();
        dialer.Observe(SimulationEvent.ForAgent(At(0), 0, AgentState.NotReady, AgentState.Ready));

        Assert.Equal(0, dialer.Decide(At(9), readyAgents: 1, callsInProgress: 0, recordsRemaining: null));
        Assert.Equal(1, dialer.Previewing);
        Assert.Equal(1, dialer.Decide(At(10), readyAgents: 1, callsInProgress: 0, recordsRemaining: null));
        Assert.Equal(0, dialer.Previewing);
        Assert.Equal(0, dialer.Decide(At(11), readyAgents: 1, callsInProgress: 1, recordsRemaining: null));
    }

    [Fact]
    public void A_call_that_does_not_answer_live_starts_a_new_preview_and_a_connected_call_does_not()
    {
        var dialer = Dialer();
        dialer.Observe(SimulationEvent.ForAgent(At(0), 0, AgentState.NotReady, AgentState.Ready));
        dialer.Observe(SimulationEvent.ForAgent(At(0), 1, AgentState.NotReady, AgentState.Ready));
        Assert.Equal(2, dialer.Decide(At(10), 2, 0, null));
        dialer.Observe(SimulationEvent.ForCall(At(10), SimulationEventKind.CallPlaced, 0, s_fate));
        dialer.Observe(SimulationEvent.ForCall(At(10), SimulationEventKind.CallPlaced, 1, s_fate));

        dialer.Observe(SimulationEvent.ForCall(At(35), SimulationEventKind.CallNoAnswer, 0, s_fate));
        dialer.Observe(SimulationEvent.ForCall(At(30), SimulationEventKind.CallConnected, 1, s_fate, agent: 1));

        Assert.Equal(1, dialer.Previewing);
        Assert.Equal(0, dialer.Decide(At(44), 1, 0, null));
        Assert.Equal(1, dialer.Decide(At(45), 1, 0, null));
    }

    [Fact]
    public void Never_has_more_calls_in_progress_than_ready_agents_nor_more_than_the_records_left()
    {
        var dialer = Dialer();
        for (int agent = 0; agent < 5; agent++)
        {
            dialer.Observe(SimulationEvent.ForAgent(At(0), agent, AgentState.NotReady, AgentState.Ready));
        }

        Assert.Equal(2, dialer.Decide(At(10), readyAgents: 5, callsInProgress: 3, recordsRemaining: null));
        Assert.Equal(1, dialer.Decide(At(10), readyAgents: 5, callsInProgress: 0, recordsRemaining: 1));
        Assert.Equal(2, dialer.Previewing);
    }

    [Fact]
    public void An_agent_who_pauses_gives_back_the_record_it_was_previewing()
    {
        var dialer = Dialer();
        dialer.Observe(SimulationEvent.ForAgent(At(0), 0, AgentState.NotReady, AgentState.Ready));
        dialer.Observe(SimulationEvent.ForAgent(At(3), 0, AgentState.Ready, AgentState.NotReady));

        Assert.Equal(0, dialer.Previewing);
        Assert.Equal(0, dialer.Decide(At(20), 0, 0, null));
    }

    [Fact]
    public void In_a_shift_it_never_abandons_dials_ten_seconds_after_log_in_and_talks_less_than_progressive()
    {
        var scenario = ScoreboardGrid.Scenario(5, 0.30, seed: 3) with { ShiftLength = Duration.FromHours(1) };

        var preview = Simulator.Run(scenario, Dialer());
        var progressive = Simulator.Run(scenario, new PacingSimulationDialer(new ProgressivePacing()));

        Assert.Empty(preview.Refusals);
        Assert.Equal(0, preview.Metrics.Abandoned);
        Assert.True(preview.Metrics.Connected > 20);
        var firstCall = preview.Events.First(e => e.Kind == SimulationEventKind.CallPlaced);
        Assert.Equal(scenario.Start + Duration.FromSeconds(10), firstCall.At);
        Assert.True(preview.Metrics.TalkMinutesPerAgentHour < progressive.Metrics.TalkMinutesPerAgentHour);
    }
}
