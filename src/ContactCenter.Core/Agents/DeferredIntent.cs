using System;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>What a deferred intent will do when granted.</summary>
public enum DeferredIntentKind
{
    /// <summary>Go not ready (with <see cref="DeferredIntent.NotReadyReason"/>) when the current work ends.</summary>
    NotReady,

    /// <summary>Log out when the current work ends, or — negotiated logout — when the dialer releases its reservation or at the deadline.</summary>
    LogOut,
}

/// <summary>Where a deferred intent is in its life.</summary>
public enum DeferredIntentStatus
{
    /// <summary>Waiting for the current work or reservation to end.</summary>
    Pending,

    /// <summary>Took effect.</summary>
    Granted,

    /// <summary>Withdrawn by the agent, or dropped by going ready during after-call work.</summary>
    Cancelled,

    /// <summary>Overridden by a supervisor: it will not take effect.</summary>
    Overridden,

    /// <summary>
    /// Replaced by a newer intent before it took effect: a newer not-ready intent, or a logout (deferred, or
    /// negotiated while reserved) replaced this not-ready intent. The newer intent is published after it.
    /// </summary>
    Superseded,
}

/// <summary>Who asked for a deferred intent.</summary>
public enum DeferredIntentOrigin
{
    /// <summary>The agent.</summary>
    Agent,

    /// <summary>The SDK itself (e.g. not ready after too many consecutive missed offers while busy).</summary>
    System,
}

/// <summary>
/// A request that cannot take effect now and waits for the current work to end: "not ready after this
/// call", "log out after this call", and negotiated logout while a dialer holds a reservation (which has a
/// <see cref="Deadline"/>). At most one intent is pending per agent; each change is a new immutable value
/// published in an event.
/// </summary>
/// <param name="Id">Identifies the intent across its events.</param>
/// <param name="Kind">Not ready or log out.</param>
/// <param name="NotReadyReason">The reason code for <see cref="DeferredIntentKind.NotReady"/>; <see langword="null"/> for a logout.</param>
/// <param name="Origin">Who asked.</param>
/// <param name="RequestedAt">When it was asked.</param>
/// <param name="Deadline">For a negotiated logout while a reservation is held: when the agent is logged out at the latest.</param>
/// <param name="Status">Where it is in its life.</param>
public sealed record DeferredIntent(
    Guid Id,
    DeferredIntentKind Kind,
    string? NotReadyReason,
    DeferredIntentOrigin Origin,
    Instant RequestedAt,
    Instant? Deadline,
    DeferredIntentStatus Status);
