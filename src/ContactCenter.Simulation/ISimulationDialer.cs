namespace ContactCenter.Simulation;

/// <summary>
/// The dialer under test in a run. The run tells it every event of the log, in order
/// (<see cref="Observe"/>), and asks it how many calls to place now (<see cref="CallsToPlace"/>) at every tick
/// of <see cref="SimulationScenario.TickInterval"/> and every time an agent becomes free with no live answer
/// waiting for it. Called on the run's thread only.
/// </summary>
public interface ISimulationDialer
{
    /// <summary>A short name for reports ("progressive", "predictive"...).</summary>
    string Name { get; }

    /// <summary>Sees an event of the run as it is logged (e.g. to feed live statistics).</summary>
    /// <param name="simulationEvent">The event.</param>
    void Observe(SimulationEvent simulationEvent);

    /// <summary>How many calls to place now.</summary>
    /// <param name="state">The run's live counts.</param>
    /// <returns>The number of calls to place now; not negative. More than the records left places what is left.</returns>
    int CallsToPlace(SimulationState state);
}
