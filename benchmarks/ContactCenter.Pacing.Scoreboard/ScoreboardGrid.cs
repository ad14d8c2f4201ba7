using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>The scenario grid of the scoreboard, and the scenarios beyond it.</summary>
internal static class ScoreboardGrid
{
    /// <summary>Team sizes of the grid.</summary>
    public static IReadOnlyList<int> AgentCounts { get; } = [10, 25, 50, 100];

    /// <summary>Live-answer probabilities of the grid.</summary>
    public static IReadOnlyList<double> AnswerRates { get; } = [0.15, 0.30, 0.60];

    /// <summary>
    /// The grid's scenario: <paramref name="agents"/> agents logged in for a 4-hour shift, an unlimited list,
    /// live answers with probability <paramref name="p"/> after a ring uniform in 5–25 s, other calls ringing
    /// out at 25 s, talk log-normal with mean 180 s and CV 0.6, wrap-up 15 s, abandon after 2 s. Every value is
    /// set explicitly so that a change of the harness's defaults does not move the scoreboard.
    /// </summary>
    public static SimulationScenario Scenario(int agents, double p, long seed) =>
        new SimulationScenario
        {
            Name = Label(agents, p),
            Seed = seed,
            ShiftLength = Duration.FromHours(4),
            ListSize = null,
            TickInterval = Duration.FromSeconds(1),
        }
        .WithTeam(agents, Distribution.Constant(15))
        .WithNetwork(network => network with
        {
            LiveAnswerProbability = p,
            AnsweringMachineProbability = 0d,
            BusyProbability = 0d,
            InvalidProbability = 0d,
            AnswerDelay = Distribution.Uniform(5, 25),
            NoAnswerTimeout = Duration.FromSeconds(25),
            TalkTime = Distribution.LogNormal(180, 0.6),
            AbandonAfter = Duration.FromSeconds(2),
        });

    /// <summary>"N=25 p=0.30".</summary>
    public static string Label(int agents, double p) =>
        string.Format(CultureInfo.InvariantCulture, "N={0} p={1:0.00}", agents, p);

    /// <summary>The grid's cells, N by N then p by p, restricted to <paramref name="agents"/> and <paramref name="rates"/>.</summary>
    public static IReadOnlyList<ScoreboardCase> Cells(IEnumerable<int> agents, IEnumerable<double> rates)
    {
        var rateList = rates.ToList();
        return agents
            .SelectMany(n => rateList.Select(p => new ScoreboardCase(Label(n, p), n, p, seed => Scenario(n, p, seed))))
            .ToList();
    }

    /// <summary>
    /// Scenarios outside the grid (25 agents, p = 0.30 unless stated): an answer rate that drifts down over the
    /// shift, answering machines, agents logging in and out, a heavier talk-time tail, a small team with a low
    /// answer rate, and other distributions.
    /// </summary>
    public static IReadOnlyList<ScoreboardCase> Beyond() =>
    [
        new("answer rate drifting", 25, 0.30,
            seed => Scenario(25, 0.30, seed).WithNetwork(n => n.WithLinearDrift(0.30, 0.15, Duration.FromHours(4))),
            "the live-answer probability falls linearly from 0.30 at the start to 0.15 at the end of the shift (p of the moment each call is placed; fixed-ratio dials 1/0.30)"),
        new("answering machines", 25, 0.30,
            seed => Scenario(25, 0.30, seed).WithNetwork(n => n with { AnsweringMachineProbability = 0.25 }),
            "25 % of the calls reach an answering machine (it picks up after 5–25 s; excluded from the abandon rate)"),
        new("agents in and out", 25, 0.30,
            seed => Scenario(25, 0.30, seed) with { Agents = StaggeredTeam(25) },
            "half the team logs in at the start and the other half one by one over the first hour, a lunch wave (every agent pauses 30 min, starts staggered over 1:45–2:45), a fifth logs out 1 h early"),
        new("heavy talk tail", 25, 0.30,
            seed => Scenario(25, 0.30, seed).WithNetwork(n => n with { TalkTime = Distribution.LogNormal(180, 1.2) }),
            "talk log-normal, mean 180 s as on the grid but CV 1.2"),
        new("small team, low p", 5, 0.10,
            seed => Scenario(5, 0.10, seed),
            "5 agents, p = 0.10"),
        new("other distributions", 25, 0.30,
            seed => Scenario(25, 0.30, seed)
                .WithTeam(25, Distribution.Uniform(5, 40))
                .WithNetwork(n => n with { TalkTime = Distribution.Exponential(180), AnswerDelay = Distribution.Uniform(3, 20) }),
            "talk exponential mean 180 s, wrap-up uniform 5–40 s, ring to answer uniform 3–20 s"),
    ];

    /// <summary>
    /// <paramref name="count"/> agents logging in and out: the first half log in at the start and the second half one
    /// by one over the first hour; every agent takes a 30-minute lunch, the starts staggered evenly over 1:45–2:45
    /// (a wave: up to half the team away at once); the first fifth (whose lunches come first) log out an hour early.
    /// </summary>
    public static IReadOnlyList<SimulatedAgentProfile> StaggeredTeam(int count)
    {
        var team = SimulatedAgentProfile.Team(count, Distribution.Constant(15)).ToArray();
        int fifth = Math.Max(1, count / 5);
        int half = count / 2;
        int late = count - half;
        for (int i = 0; i < team.Length; i++)
        {
            var lunchAt = Duration.FromMinutes(105) + Duration.FromSeconds(3600L * i / Math.Max(1, count - 1));
            var profile = team[i] with { Pauses = [new AgentPause(lunchAt, Duration.FromMinutes(30), "Lunch")] };
            if (i >= half)
            {
                profile = profile with { LogInAt = Duration.FromSeconds(3600L * (i - half + 1) / late) };
            }

            if (i < fifth)
            {
                profile = profile with { LogOutAt = Duration.FromHours(3) };
            }

            team[i] = profile;
        }

        return team;
    }
}
