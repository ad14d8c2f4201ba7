using ContactCenter.Core.Internal;

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
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="scenario"/> is invalid.</exception>
    /// <exception cref="System.InvalidOperationException">The dialer asked for a negative number of calls.</exception>
    public static SimulationReport Run(SimulationScenario scenario, ISimulationDialer dialer)
    {
        Guard.NotNull(scenario);
        Guard.NotNull(dialer);
        scenario.Validate();
        return new SimulationRun(scenario, dialer).Execute();
    }
}
