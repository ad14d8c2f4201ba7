namespace ContactCenter.Core.Agents;

/// <summary>
/// The triggers of the agent's state machine (<see cref="Agent.Definition"/>): every
/// <see cref="AgentCommand"/> (same names and values) plus the timers that run on the time source.
/// </summary>
public enum AgentTrigger
{
    /// <summary>The agent logs in.</summary>
    LogIn,

    /// <summary>The agent logs out (immediately, negotiated, or deferred until the current work ends).</summary>
    LogOut,

    /// <summary>The agent becomes available (or ends after-call work early by going ready).</summary>
    SetReady,

    /// <summary>The agent becomes unavailable with a reason (immediately, or deferred until the current work ends).</summary>
    SetNotReady,

    /// <summary>A router or dialer reserves the agent for an offer.</summary>
    Reserve,

    /// <summary>The agent accepts the pending offer.</summary>
    AcceptOffer,

    /// <summary>The agent rejects the pending offer.</summary>
    RejectOffer,

    /// <summary>The router or dialer withdraws the pending offer (not the agent's miss).</summary>
    ReleaseReservation,

    /// <summary>The host reports an interaction that started without an offer (e.g. a manual outbound call).</summary>
    StartInteraction,

    /// <summary>The host reports that one of the agent's interactions ended.</summary>
    EndInteraction,

    /// <summary>The agent extends after-call work by the configured amount.</summary>
    ExtendAfterCallWork,

    /// <summary>The agent ends after-call work early.</summary>
    EndAfterCallWork,

    /// <summary>The agent cancels its pending deferred intent.</summary>
    CancelIntent,

    /// <summary>A supervisor overrides the pending deferred intent.</summary>
    OverrideIntent,

    /// <summary>Timer: the pending offer was not answered in time (a missed offer).</summary>
    OfferTimedOut,

    /// <summary>Timer: the after-call work time ran out.</summary>
    AfterCallWorkTimedOut,

    /// <summary>Timer: the negotiated-logout deadline was reached while the reservation was still held.</summary>
    LogoutDeadlineReached,
}
