using System;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>Runs simulated shifts.</summary>
public static class Simulator
{
    /// <summary>
    /// Runs <paramref name="scenario"/> with <paramref name="dialer"/> in virtual time and reports what
    /// happened. The run is deterministic: the same scenario (seed included) and a deterministic dialer give
    /// the same event log and report, on every machine.
    /// </summary>
    /// <param name="scenario">The shift; validated.</param>
    /// <param name="dialer">The dialer under test.</param>
    /// <returns>The metrics, counters and event log of the run.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="scenario"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The dialer asked for a negative number of calls.</exception>
    public static SimulationReport Run(SimulationScenario scenario, ISimulationDialer dialer)
    {
        Guard.NotNull(scenario);
        Guard.NotNull(dialer);
        scenario.Validate();
        return new SimulationRun(scenario, dialer).Execute();
    }

    /// <summary>
    /// As <see cref="Run(SimulationScenario, ISimulationDialer)"/>, and calls <paramref name="progress"/> every
    /// <paramref name="interval"/> of virtual time from the start of the shift to its end (included): a live progress
    /// line, a chart. The callback runs inside the run, before the dialer's tick of the same instant; it must not keep
    /// the <see cref="SimulationProgress.State"/> it receives (the run goes on updating it).
    /// </summary>
    /// <param name="scenario">The shift; validated.</param>
    /// <param name="dialer">The dialer under test.</param>
    /// <param name="interval">How often, in virtual time; positive.</param>
    /// <param name="progress">Called with the run's state at each interval.</param>
    /// <returns>The metrics, counters and event log of the run.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="scenario"/> is invalid, or <paramref name="interval"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The dialer asked for a negative number of calls.</exception>
    public static SimulationReport Run(SimulationScenario scenario, ISimulationDialer dialer, Duration interval, Action<SimulationProgress> progress)
    {
        Guard.NotNull(scenario);
        Guard.NotNull(dialer);
        Guard.NotNull(progress);
        if (interval <= Duration.Zero)
        {
            throw new ArgumentException($"The progress interval must be positive (was {interval}).", nameof(interval));
        }

        scenario.Validate();
        return new SimulationRun(scenario, dialer, interval, progress).Execute();
    }
}
