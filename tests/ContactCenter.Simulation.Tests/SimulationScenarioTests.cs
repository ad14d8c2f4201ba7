using System;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class SimulationScenarioTests
{
    [Fact]
    public void The_defaults_are_valid_and_describe_a_four_hour_shift()
    {
        var scenario = new SimulationScenario().WithTeam(3);

        scenario.Validate();
        Assert.Equal(scenario.Start + Duration.FromHours(4), scenario.End);
        Assert.Equal(["agent-001", "agent-002", "agent-003"], Array.ConvertAll([.. scenario.Agents], a => a.Id));
        Assert.Null(scenario.ListSize);
    }

    [Fact]
    public void WithNetwork_changes_only_the_network()
    {
        var scenario = new SimulationScenario { Seed = 5 }.WithNetwork(n => n with { LiveAnswerProbability = 0.5 });

        Assert.Equal(0.5, scenario.Network.LiveAnswerProbability);
        Assert.Equal(5, scenario.Seed);
    }

    [Fact]
    public void An_invalid_scenario_is_refused_with_every_problem()
    {
        var scenario = new SimulationScenario
        {
            ShiftLength = Duration.Zero,
            ListSize = -1,
            Agents =
            [
                new SimulatedAgentProfile("a"),
                new SimulatedAgentProfile("a") { Pauses = [new AgentPause(Duration.FromMinutes(1), Duration.FromMinutes(5), "Nap")] },
            ],
        };

        var error = Assert.Throws<ArgumentException>(scenario.Validate);

        Assert.Contains("ShiftLength", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Nap\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_validates_the_scenario()
    {
        var scenario = new SimulationScenario { TickInterval = Duration.Zero };

        Assert.Throws<ArgumentException>(() => Simulator.Run(scenario, TestDialers.Progressive()));
        Assert.Throws<ArgumentNullException>(() => Simulator.Run(null!, TestDialers.Progressive()));
    }

    [Fact]
    public void A_blank_agent_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SimulatedAgentProfile(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedAgentProfile.Team(-1));
    }
}
