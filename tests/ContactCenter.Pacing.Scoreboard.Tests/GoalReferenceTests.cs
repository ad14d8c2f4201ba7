using Xunit;

namespace ContactCenter.Pacing.Scoreboard.Tests;

public class GoalReferenceTests
{
    private static CellSummary Cell(int agents, double p, double ofBound, double[] rates, double[]? progressiveTalk = null, long startupAbandoned = 0)
    {
        var scenario = ScoreboardGrid.Cells([agents], [p])[0];
        double bound = 180d / 195d;
        var shifts = new ShiftResult[rates.Length];
        var progressive = new ShiftResult[rates.Length];
        for (int i = 0; i < rates.Length; i++)
        {
            double talk = ofBound * bound * 60d;
            shifts[i] = new ShiftResult(scenario.Label, "predictive", i + 1, talk, ofBound * bound, bound, 10_000, (long)System.Math.Round(rates[i] * 10_000), 100, startupAbandoned, 1, 0);
            double baseline = progressiveTalk?[i] ?? 30d;
            progressive[i] = new ShiftResult(scenario.Label, "progressive", i + 1, baseline, baseline / 60d, bound, 10_000, 0, 100, 0, 1, 0);
        }

        return CellSummary.Of(scenario, "predictive", shifts, progressive);
    }

    [Fact]
    public void Knows_the_reference_of_every_grid_cell_and_nothing_outside()
    {
        Assert.Equal(80d, GoalReference.OfBoundPercent(10, 0.15));
        Assert.Equal(94d, GoalReference.OfBoundPercent(50, 0.30));
        Assert.Equal(97d, GoalReference.OfBoundPercent(100, 0.60));
        Assert.Null(GoalReference.OfBoundPercent(25, 0.10));
        Assert.Null(GoalReference.OfBoundPercent(5, 0.30));
    }

    [Fact]
    public void A_cell_meeting_every_criterion_is_met()
    {
        var verdict = GoalReference.Judge(Cell(50, 0.30, 0.945, [0.025, 0.024, 0.026, 0.025, 0.0255]));

        Assert.True(verdict.Occupancy);
        Assert.True(verdict.EveryShiftUnderLimit);
        Assert.True(verdict.NeverBelowProgressive);
        Assert.True(verdict.NoStartupBurst);
        Assert.True(verdict.NearSetPoint);
        Assert.True(verdict.Met);
    }

    [Fact]
    public void Each_criterion_can_miss_the_goal_on_its_own()
    {
        double[] good = [0.025, 0.025, 0.025, 0.025, 0.025];
        Assert.False(GoalReference.Judge(Cell(50, 0.30, 0.93, good)).Met);                                      // below 94 %
        Assert.False(GoalReference.Judge(Cell(50, 0.30, 0.95, [0.025, 0.025, 0.025, 0.025, 0.0301])).Met);     // a shift over 3 %
        Assert.False(GoalReference.Judge(Cell(50, 0.30, 0.95, good, [30, 30, 60, 30, 30])).Met);                // below progressive once
        Assert.False(GoalReference.Judge(Cell(50, 0.30, 0.95, good, startupAbandoned: 4)).Met);                 // 4 % at start-up
        Assert.False(GoalReference.Judge(Cell(50, 0.30, 0.95, [0.02, 0.02, 0.02, 0.02, 0.02])).Met);            // 0.5 points off
    }

    [Fact]
    public void The_set_point_does_not_apply_to_ten_agents()
    {
        var verdict = GoalReference.Judge(Cell(10, 0.30, 0.85, [0.01, 0.01, 0.01, 0.01, 0.01]));

        Assert.Null(verdict.NearSetPoint);
        Assert.True(verdict.Met);
    }
}
