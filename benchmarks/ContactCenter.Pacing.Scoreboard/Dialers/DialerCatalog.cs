using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Pacing;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Pacing.Scoreboard.Dialers;

/// <summary>One contender of the scoreboard: a name, and how to make a fresh dialer for a scenario.</summary>
/// <param name="Name">The name in tables, the plot and <c>--dialers</c>.</param>
/// <param name="Description">One line for the scoreboard's legend.</param>
/// <param name="Create">A new dialer for one run of the scenario; null for the clairvoyant bound, which is computed, not simulated.</param>
internal sealed record DialerSpec(string Name, string Description, Func<SimulationScenario, ISimulationDialer>? Create)
{
    /// <summary>Whether this is the computed bound rather than a simulated dialer.</summary>
    public bool IsBound => Create is null;
}

/// <summary>The contenders, in scoreboard order.</summary>
internal static class DialerCatalog
{
    public const string Preview = "preview";
    public const string Progressive = "progressive";
    public const string FixedRatio = "fixed-ratio";
    public const string Adaptive = "vicidial-adaptive";
    public const string Ours = "predictive";
    public const string Clairvoyant = "clairvoyant";

    /// <summary>Every contender, in the order of the tables.</summary>
    public static IReadOnlyList<DialerSpec> All { get; } =
    [
        new(Preview, "an agent previews a record for 10 s, dials it and waits for the outcome", _ => new PreviewDialer(Duration.FromSeconds(10))),
        new(Progressive, "ProgressivePacing: 1 line per ready agent", _ => new PacingSimulationDialer(new ProgressivePacing())),
        new(FixedRatio, "FixedRatioPacing(1/p): 1/p lines per ready agent, p the scenario's live-answer probability", CreateFixedRatio),
        new(Adaptive, "VICIdial-style ADAPT_AVERAGE: level × ready agents every 2.5 s, level adjusted every 15 s", _ => new AdaptiveRatioDialer()),
        new(Ours, "PredictivePacing with its default options (ours)", _ => new PacingSimulationDialer(new PredictivePacing())),
        new(Clairvoyant, "the clairvoyant bound: mean talk ÷ (mean talk + mean wrap-up), computed", null),
    ];

    /// <summary>The contenders named in <paramref name="names"/> (in catalogue order); unknown names throw.</summary>
    public static IReadOnlyList<DialerSpec> Select(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Where(name => !All.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                "Unknown dialer(s): " + string.Join(", ", unknown) + ". Known: " + string.Join(", ", All.Select(d => d.Name)) + ".",
                nameof(names));
        }

        return All.Where(d => wanted.Contains(d.Name)).ToList();
    }

    private static PacingSimulationDialer CreateFixedRatio(SimulationScenario scenario)
    {
        double p = scenario.Network.LiveAnswerProbability;
        double ratio = p > 0.1 ? 1d / p : 10d;
        return new PacingSimulationDialer(new FixedRatioPacing(ratio));
    }
}
