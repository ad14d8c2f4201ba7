namespace ContactCenter.Core.Agents;

/// <summary>Why an agent command is refused.</summary>
public enum AgentRefusalReason
{
    /// <summary>The command means nothing in the agent's current state.</summary>
    WrongState,

    /// <summary>The not-ready reason code is not one of the configured codes.</summary>
    InvalidReasonCode,

    /// <summary>The agent already handles as many interactions of that medium as its capacity allows.</summary>
    CapacityReached,

    /// <summary>An offer is already pending.</summary>
    OfferPending,

    /// <summary>No offer is pending.</summary>
    NoOfferPending,

    /// <summary>A deferred intent is pending (a pending intent stops new reservations).</summary>
    IntentPending,

    /// <summary>A logout is pending; cancel it first.</summary>
    LogoutPending,

    /// <summary>No deferred intent is pending.</summary>
    NoIntentPending,

    /// <summary>After-call work was already extended the configured maximum number of times.</summary>
    ExtensionLimitReached,

    /// <summary>The interaction is not one of the agent's.</summary>
    UnknownInteraction,

    /// <summary>The interaction is already the agent's (or already offered).</summary>
    DuplicateInteraction,

    /// <summary>An argument is invalid (e.g. a non-positive timeout).</summary>
    InvalidArgument,
}

/// <summary>Why a command is refused, for the UI to show.</summary>
/// <param name="Command">The refused command.</param>
/// <param name="State">The agent's state when it was refused.</param>
/// <param name="Reason">The reason, as a value.</param>
/// <param name="Message">The reason, for people.</param>
public sealed record AgentCommandRefusal(AgentCommand Command, AgentState State, AgentRefusalReason Reason, string Message);
