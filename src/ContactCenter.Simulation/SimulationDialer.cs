using System;
using ContactCenter.Core.Internal;

namespace ContactCenter.Simulation;

/// <summary>Ready-made <see cref="ISimulationDialer"/>s.</summary>
public static class SimulationDialer
{
    /// <summary>A dialer that decides from the live counts alone and ignores events.</summary>
    /// <param name="name">Its name in reports.</param>
    /// <param name="callsToPlace">How many calls to place now, from the live counts.</param>
    /// <returns>The dialer.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISimulationDialer Create(string name, Func<SimulationState, int> callsToPlace)
    {
        Guard.NotNull(name);
        Guard.NotNull(callsToPlace);
        return new DelegateDialer(name, callsToPlace);
    }

    private sealed class DelegateDialer(string name, Func<SimulationState, int> callsToPlace) : ISimulationDialer
    {
        public string Name => name;

        public void Observe(SimulationEvent simulationEvent)
        {
        }

        public int CallsToPlace(SimulationState state) => callsToPlace(state);
    }
}
