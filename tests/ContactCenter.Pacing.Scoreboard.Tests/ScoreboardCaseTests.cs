using System.Linq;
using ContactCenter.Simulation;
using Xunit;

namespace ContactCenter.Pacing.Scoreboard.Tests;

public class ScoreboardCaseTests
{
    [Fact]
    public void The_bound_of_the_grid_is_mean_talk_over_talk_plus_wrap_up()
    {
        double bound = ScoreboardCase.BoundOf(ScoreboardGrid.Scenario(25, 0.30, 1));

        Assert.Equal(180d / 195d, bound, 12);
        Assert.Equal(55.38, 60d * bound, 2);
    }

    [Fact]
    public void The_bound_follows_the_scenario_distributions_and_averages_the_team_wrap_up()
    {
        var scenario = ScoreboardGrid.Scenario(2, 0.30, 1).WithNetwork(n => n with { TalkTime = Distribution.Exponential(120) });
        scenario = scenario with
        {
            Agents =
            [
                scenario.Agents[0] with { WrapUp = Distribution.Constant(10) },
                scenario.Agents[1] with { WrapUp = Distribution.Uniform(20, 40) },
            ],
        };

        Assert.Equal(120d / (120d + 20d), ScoreboardCase.BoundOf(scenario), 12);
    }

    [Fact]
    public void The_grid_has_twelve_cells_and_its_scenarios_are_valid()
    {
        var cells = ScoreboardGrid.Cells(ScoreboardGrid.AgentCounts, ScoreboardGrid.AnswerRates);

        Assert.Equal(12, cells.Count);
        Assert.Equal("N=10 p=0.15", cells[0].Label);
        Assert.Equal("N=100 p=0.60", cells[^1].Label);
        foreach (var cell in cells)
        {
            var scenario = cell.Build(5);
            scenario.Validate();
            Assert.Equal(cell.Agents, scenario.Agents.Count);
            Assert.Equal(cell.LiveAnswerProbability, scenario.Network.LiveAnswerProbability);
            Assert.Equal(5, scenario.Seed);
        }

        foreach (var beyond in ScoreboardGrid.Beyond())
        {
            beyond.Build(1).Validate();
            Assert.NotEmpty(beyond.Description);
        }
    }

    [Fact]
    public void The_staggered_team_logs_in_over_the_first_hour_takes_a_lunch_wave_and_a_fifth_leaves_early()
    {
        var team = ScoreboardGrid.StaggeredTeam(25);

        Assert.Equal(12, team.Count(a => a.LogInAt == NodaTime.Duration.Zero));
        Assert.Equal(13, team.Select(a => a.LogInAt).Where(at => at > NodaTime.Duration.Zero).Distinct().Count());
        Assert.Equal(NodaTime.Duration.FromHours(1), team.Max(a => a.LogInAt));
        Assert.Equal(5, team.Count(a => a.LogOutAt == NodaTime.Duration.FromHours(3)));
        Assert.All(team, a => Assert.Equal("Lunch", Assert.Single(a.Pauses).Reason));
        Assert.All(team.Where(a => a.LogOutAt is not null), a => Assert.True(a.Pauses[0].Start + a.Pauses[0].Length <= a.LogOutAt));
        Assert.Equal(NodaTime.Duration.FromMinutes(105), team.Min(a => a.Pauses[0].Start));
        Assert.Equal(NodaTime.Duration.FromMinutes(165), team.Max(a => a.Pauses[0].Start));
    }

    [Fact]
    public void The_drifting_case_places_calls_against_a_falling_live_answer_probability()
    {
        var drifting = ScoreboardGrid.Beyond().Single(c => c.Label == "answer rate drifting").Build(1);

        Assert.Equal(0.30, drifting.Network.LiveAnswerProbabilityAt(NodaTime.Duration.Zero), 12);
        Assert.Equal(0.225, drifting.Network.LiveAnswerProbabilityAt(NodaTime.Duration.FromHours(2)), 12);
        Assert.Equal(0.15, drifting.Network.LiveAnswerProbabilityAt(NodaTime.Duration.FromHours(4)), 12);
    }
}
