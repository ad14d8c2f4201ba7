namespace ContactCenter.Core.Agents;

/// <summary>The state of an <see cref="Agent"/>, as the desktop shows it and routing reads it.</summary>
public enum AgentState
{
    /// <summary>Not logged in: receives nothing.</summary>
    LoggedOut,

    /// <summary>Logged in but unavailable, with a configured reason code (<see cref="Agent.NotReadyReason"/>).</summary>
    NotReady,

    /// <summary>Available: may be reserved for an offer or start an interaction.</summary>
    Ready,

    /// <summary>A router or dialer reserved the agent for an offer that is pending, and the agent has no interaction.</summary>
    Reserved,

    /// <summary>Handling at least one interaction.</summary>
    Busy,

    /// <summary>Wrap-up after the agent's last voice interaction ended; ends by itself on the time source.</summary>
    AfterCallWork,

    /// <summary>
    /// Negotiated logout: the agent asked to log out while a dialer holds a reservation. No new reservation
    /// is made; the agent logs out when the reservation is released or at the deadline, whichever comes first.
    /// </summary>
    LogoutPending,
}
