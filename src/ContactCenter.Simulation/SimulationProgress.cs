using ContactCenter.Core.Campaigns;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// Where a run stands at one of the instants asked of
/// <see cref="Simulator.Run(SimulationScenario, ISimulationDialer, Duration, System.Action{SimulationProgress})"/>:
/// the live counts, the metrics so far, and the real campaign of a campaign-driven run.
/// </summary>
public sealed class SimulationProgress
{
    internal SimulationProgress(Instant at, Duration elapsed, SimulationState state, SimulationMetrics metrics, Campaign? campaign)
    {
        At = at;
        Elapsed = elapsed;
        State = state;
        Metrics = metrics;
        Campaign = campaign;
    }

    /// <summary>The instant of the virtual clock.</summary>
    public Instant At { get; }

    /// <summary>The time since the start of the shift.</summary>
    public Duration Elapsed { get; }

    /// <summary>The live counts (agents by state, calls ringing and waiting, totals). Valid during the callback only.</summary>
    public SimulationState State { get; }

    /// <summary>The metrics from the start of the shift to now (<see cref="SimulationMetrics.Compute"/> over the log so far).</summary>
    public SimulationMetrics Metrics { get; }

    /// <summary>The real campaign of a campaign-driven run (its records as they stand now); <see langword="null"/> for the synthetic list.</summary>
    public Campaign? Campaign { get; }
}
