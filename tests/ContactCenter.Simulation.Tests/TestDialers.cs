using System;

namespace ContactCenter.Simulation.Tests;

/// <summary>Baseline dialers used to exercise the harness.</summary>
internal static class TestDialers
{
    /// <summary>Progressive 1:1: one call per ready agent not already covered by a ringing or waiting call.</summary>
    public static ISimulationDialer Progressive() =>
        SimulationDialer.Create("progressive", static s => Math.Max(0, s.ReadyAgents - s.RingingCalls - s.WaitingCalls));

    /// <summary>Fixed ratio: ⌊ratio × ready agents⌋ lines, less the calls ringing or waiting.</summary>
    public static ISimulationDialer FixedRatio(double ratio) =>
        SimulationDialer.Create(
            "fixed-ratio " + ratio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            s => Math.Max(0, (int)Math.Floor(ratio * s.ReadyAgents) - s.RingingCalls - s.WaitingCalls));
}
