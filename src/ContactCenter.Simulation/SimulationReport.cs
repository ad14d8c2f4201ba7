using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>What a run produced: its metrics, its counters and its full event log.</summary>
public sealed class SimulationReport
{
    internal SimulationReport(
        SimulationScenario scenario,
        string dialerName,
        Instant endedAt,
        IReadOnlyList<SimulationEvent> events,
        SimulationCounts counts,
        IReadOnlyList<string> refusals)
    {
        Scenario = scenario;
        DialerName = dialerName;
        EndedAt = endedAt;
        Events = events;
        Counts = counts;
        Refusals = refusals;
        Window = new Interval(scenario.Start, endedAt + Duration.Epsilon);
        Metrics = SimulationMetrics.Compute(events, Window);
    }

    /// <summary>The scenario that was run.</summary>
    public SimulationScenario Scenario { get; }

    /// <summary>The dialer's name.</summary>
    public string DialerName { get; }

    /// <summary>
    /// When the run ended: the last event, once the shift was over, every call had ended and every agent had
    /// finished its wrap-up and logged out (or its last timer fired).
    /// </summary>
    public Instant EndedAt { get; }

    /// <summary>The whole run: from the start of the shift to just after its last event.</summary>
    public Interval Window { get; }

    /// <summary>The metrics of the whole run (<see cref="Window"/>), computed from <see cref="Events"/>.</summary>
    public SimulationMetrics Metrics { get; }

    /// <summary>The counters kept during the run.</summary>
    public SimulationCounts Counts { get; }

    /// <summary>The event log, in the order things happened.</summary>
    public IReadOnlyList<SimulationEvent> Events { get; }

    /// <summary>The messages of the commands a real agent or interaction refused (empty in a sound run).</summary>
    public IReadOnlyList<string> Refusals { get; }

    /// <summary>
    /// For a campaign-driven run (<see cref="SimulationScenario.Campaign"/>): the real campaign as the run left it — its
    /// records with their attempts, dispositions and end reasons, and the records still waiting
    /// (<see cref="Campaign.WaitingRecords"/>); <see langword="null"/> for the synthetic list.
    /// </summary>
    public Campaign? Campaign { get; init; }

    /// <summary>For a campaign-driven run: every event the campaign published, in order; empty for the synthetic list.</summary>
    public IReadOnlyList<CampaignEvent> CampaignEvents { get; init; } = Array.Empty<CampaignEvent>();

    /// <summary>For a campaign-driven run: the call history the run wrote every dial to (what frequency caps counted); <see langword="null"/> for the synthetic list.</summary>
    public ICallHistory? CallHistory { get; init; }

    /// <summary>The metrics of any window of the run (an hour, the shift without the drain...).</summary>
    /// <param name="window">The window.</param>
    /// <returns>The metrics.</returns>
    public SimulationMetrics MetricsFor(Interval window) => SimulationMetrics.Compute(Guard.NotNull(Events), window);

    /// <summary>The dialer's name and the run's metrics.</summary>
    public override string ToString() => $"{Scenario.Name} / {DialerName}: {Metrics}";
}
