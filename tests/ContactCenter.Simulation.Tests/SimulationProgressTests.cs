using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class SimulationProgressTests
{
    private static readonly SimulationScenario s_scenario =
        new SimulationScenario { Seed = 3, ShiftLength = Duration.FromHours(1) }.WithTeam(5, Distribution.Constant(15));

    [Fact]
    public void Progress_is_reported_at_every_interval_up_to_the_end_of_the_shift_with_the_metrics_so_far()
    {
        var seen = new List<(Instant At, Duration Elapsed, long Placed, long MetricsPlaced, int Talking, bool HasCampaign)>();

        var report = Simulator.Run(s_scenario, TestDialers.FixedRatio(2), Duration.FromMinutes(15), p =>
            seen.Add((p.At, p.Elapsed, p.State.CallsPlaced, p.Metrics.CallsPlaced, p.State.TalkingAgents, p.Campaign is not null)));

        Assert.Equal(Enumerable.Range(1, 4).Select(i => s_scenario.Start + Duration.FromMinutes(15 * i)), seen.Select(s => s.At));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => Duration.FromMinutes(15 * i)), seen.Select(s => s.Elapsed));
        Assert.All(seen, s => Assert.Equal(s.Placed, s.MetricsPlaced));
        Assert.True(seen.Zip(seen.Skip(1), (a, b) => a.Placed < b.Placed).All(x => x));
        Assert.Contains(seen, s => s.Talking > 0);
        Assert.All(seen, s => Assert.False(s.HasCampaign));
        Assert.Equal(report.Counts.CallsPlaced, seen[^1].Placed);
    }

    [Fact]
    public void Watching_the_progress_does_not_change_the_run()
    {
        var watched = Simulator.Run(s_scenario, TestDialers.FixedRatio(2), Duration.FromMinutes(7), _ => { });
        var plain = Simulator.Run(s_scenario, TestDialers.FixedRatio(2));

        Assert.Equal(plain.Events, watched.Events);
    }

    [Fact]
    public void A_progress_interval_must_be_positive()
    {
        Assert.Throws<ArgumentException>(() => Simulator.Run(s_scenario, TestDialers.Progressive(), Duration.Zero, _ => { }));
    }
}
