using Xunit;

namespace ContactCenter.Pacing.Scoreboard.Tests;

public class CellSummaryTests
{
    private static readonly ScoreboardCase s_case = ScoreboardGrid.Cells([25], [0.30])[0];

    internal static ShiftResult Shift(long seed, double talk, long live, long abandoned, string dialer = "predictive", long startupLive = 10, long startupAbandoned = 0) =>
        new(s_case.Label, dialer, seed, talk, talk / 60d, 180d / 195d, live, abandoned, startupLive, startupAbandoned, 1000, 0);

    [Fact]
    public void Summarises_means_maxima_and_shifts_over_three_percent()
    {
        var shifts = new[]
        {
            Shift(1, 50, 1000, 30),   // exactly 3.0 %: not over
            Shift(2, 52, 1000, 31),   // 3.1 %: over
            Shift(3, 48, 1000, 20, startupLive: 20, startupAbandoned: 1),
        };

        var cell = CellSummary.Of(s_case, "predictive", shifts, progressive: null);

        Assert.Equal(50d, cell.TalkMinutesPerAgentHour, 9);
        Assert.Equal(50d / 60d / (180d / 195d), cell.OfBound, 9);
        Assert.Equal(0.027, cell.MeanAbandonRate, 9);
        Assert.Equal(0.031, cell.MaxAbandonRate, 9);
        Assert.Equal(1, cell.ShiftsOver3Percent);
        Assert.Equal(1, cell.StartupAbandoned);
        Assert.Equal(40, cell.StartupLiveAnswers);
        Assert.Null(cell.ShiftsBelowProgressive);
    }

    [Fact]
    public void Compares_with_progressive_seed_by_seed()
    {
        var progressive = new[] { Shift(1, 40, 900, 0, "progressive"), Shift(2, 45, 900, 0, "progressive") };
        var ours = new[] { Shift(1, 44, 1000, 20), Shift(2, 44.9, 1000, 20) };

        var cell = CellSummary.Of(s_case, "predictive", ours, progressive);

        // The mean (44.45) beats progressive's (42.5), but seed 2 does not.
        Assert.Equal(1, cell.ShiftsBelowProgressive);
    }

    [Fact]
    public void The_bound_row_is_one_hundred_percent_of_itself()
    {
        var bound = CellSummary.BoundOf(s_case, "clairvoyant", 180d / 195d);

        Assert.True(bound.IsBound);
        Assert.Equal(1d, bound.OfBound);
        Assert.Equal(55.3846, bound.TalkMinutesPerAgentHour, 4);
        Assert.Empty(bound.Shifts);
        Assert.False(CellSummary.Of(s_case, "x", [Shift(1, 1, 1, 0)], null).IsBound);
    }
}
