using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// The live counts of a run, as a dialer reads them when asked how many calls to place. Read-only to the
/// dialer; valid during the call that received it (the run updates the same instance as it goes).
/// </summary>
public sealed class SimulationState
{
    internal SimulationState(Instant start) => Now = start;

    /// <summary>The current instant of the virtual clock.</summary>
    public Instant Now { get; internal set; }

    /// <summary>Agents logged in (in any state but logged out).</summary>
    public int LoggedInAgents { get; internal set; }

    /// <summary>Agents ready and without a call: free to take the next live answer.</summary>
    public int ReadyAgents { get; internal set; }

    /// <summary>Agents on a call.</summary>
    public int TalkingAgents { get; internal set; }

    /// <summary>Agents in after-call work.</summary>
    public int WrapUpAgents { get; internal set; }

    /// <summary>Agents logged in but not ready (pauses).</summary>
    public int NotReadyAgents { get; internal set; }

    /// <summary>Agents reserved for a call being handed over, or logging out while reserved (transient).</summary>
    public int ReservedAgents { get; internal set; }

    /// <summary>Calls placed and still ringing.</summary>
    public int RingingCalls { get; internal set; }

    /// <summary>Live answers waiting for an agent.</summary>
    public int WaitingCalls { get; internal set; }

    /// <summary>Records not dialled yet; <see langword="null"/> for an unlimited list.</summary>
    public long? RecordsRemaining { get; internal set; }

    /// <summary>Calls placed so far.</summary>
    public long CallsPlaced { get; internal set; }

    /// <summary>Live answers so far.</summary>
    public long LiveAnswers { get; internal set; }

    /// <summary>Live answers connected to an agent so far.</summary>
    public long Connected { get; internal set; }

    /// <summary>Live answers abandoned so far.</summary>
    public long Abandoned { get; internal set; }
}
