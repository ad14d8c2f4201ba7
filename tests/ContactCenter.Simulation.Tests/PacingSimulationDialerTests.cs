using System.Linq;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Simulation.Tests;

public class PacingSimulationDialerTests(ITestOutputHelper output)
{
    /// <summary>
    /// The scoreboard cell N = 25, p = 0.30, 4 h: ring to answer uniform 5–25 s, non-live calls ring out at 25 s,
    /// talk log-normal mean 180 s CV 0.6, wrap-up 15 s, abandon after 2 s.
    /// </summary>
    private static SimulationScenario ScoreboardCell(long seed) =>
        new SimulationScenario
        {
            Name = "N=25 p=0.30 4h",
            Seed = seed,
            ShiftLength = Duration.FromHours(4),
            Network = new NetworkModel
            {
                LiveAnswerProbability = 0.30,
                AnswerDelay = Distribution.Uniform(5, 25),
                NoAnswerTimeout = Duration.FromSeconds(25),
                TalkTime = Distribution.LogNormal(180, 0.6),
                AbandonAfter = Duration.FromSeconds(2),
            },
        }.WithTeam(25, Distribution.Constant(15));

    [Fact]
    public void Progressive_and_predictive_run_on_a_scoreboard_cell()
    {
        const long Seed = 2026;
        output.WriteLine($"seed {Seed}");
        var scenario = ScoreboardCell(Seed);

        var progressive = new PacingSimulationDialer(new ProgressivePacing());
        var progressiveReport = Simulator.Run(scenario, progressive);
        var predictive = new PacingSimulationDialer(new PredictivePacing());
        var predictiveReport = Simulator.Run(scenario, predictive);

        output.WriteLine(progressiveReport.ToString());
        output.WriteLine(predictiveReport.ToString());
        output.WriteLine("predictive decisions: " + string.Join(", ", predictive.DecisionReasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}")));
        output.WriteLine($"predictive run: meter campaign to date {predictive.Statistics.AbandonRate.CampaignToDate}");

        Assert.Empty(progressiveReport.Refusals);
        Assert.Empty(predictiveReport.Refusals);
        Assert.Equal(0, progressiveReport.Metrics.Abandoned);
        Assert.True(progressiveReport.Metrics.Connected > 1000);
        Assert.True(predictiveReport.Metrics.Connected > 1000);

        // The statistics saw every call and every agent through the run: nothing is left in progress.
        Assert.Equal(0, predictive.Statistics.RingingCalls);
        Assert.Equal(0, predictive.Statistics.WaitingCalls);
        Assert.Equal(0, predictive.Statistics.LoggedInAgents);
    }

    [Fact]
    public void The_statistics_follow_the_run_and_count_abandons_as_the_log_does()
    {
        var scenario = ScoreboardCell(7) with { ShiftLength = Duration.FromMinutes(30) };
        var dialer = new PacingSimulationDialer(new FixedRatioPacing(3));

        var report = Simulator.Run(scenario, dialer);

        var meter = dialer.Statistics.AbandonRate.CampaignToDate;
        Assert.True(report.Metrics.Abandoned > 0);
        Assert.Equal(report.Metrics.Abandoned, meter.Abandoned);
        Assert.Equal(report.Metrics.LiveAnswers, meter.LiveAnswered);
        Assert.Equal(report.Metrics.NoAnswers, dialer.Statistics.AbandonRate.ExcludedCount(DialerCallOutcome.NoAnswer));
        Assert.Equal(report.Counts.Decisions, dialer.DecisionReasons.Values.Sum());
        Assert.Equal("fixed-ratio", report.DialerName.Split(' ')[0]);
    }
}
