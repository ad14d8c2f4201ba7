using System;
using System.Linq;
using ContactCenter.Simulation;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>One scenario of the scoreboard, run once per seed and dialer.</summary>
/// <param name="Label">A short label for tables ("N=25 p=0.30").</param>
/// <param name="Agents">The agents in the team (the plot's x axis).</param>
/// <param name="LiveAnswerProbability">The live-answer probability p.</param>
/// <param name="Build">The scenario for a seed.</param>
/// <param name="Description">What sets this scenario apart; empty for the grid.</param>
internal sealed record ScoreboardCase(
    string Label,
    int Agents,
    double LiveAnswerProbability,
    Func<long, SimulationScenario> Build,
    string Description = "")
{
    /// <summary>
    /// The clairvoyant bound of occupancy for <paramref name="scenario"/>: a dialer that knows which numbers
    /// answer, when, and every talk time connects every agent the instant its wrap-up ends, so an agent's
    /// available time is only talk and wrap-up: mean talk ÷ (mean talk + mean wrap-up), the wrap-up mean
    /// averaged over the team.
    /// </summary>
    public static double BoundOf(SimulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double talk = scenario.Network.TalkTime.Mean;
        double wrapUp = scenario.Agents.Count == 0 ? 0d : scenario.Agents.Average(agent => agent.WrapUp.Mean);
        return talk + wrapUp > 0d ? talk / (talk + wrapUp) : 0d;
    }
}
