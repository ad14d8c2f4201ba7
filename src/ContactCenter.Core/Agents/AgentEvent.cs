using System;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>
/// Something that happened to an agent. Events are immutable and published on <see cref="Agent.Events"/>
/// in the order they happened; all events caused by one command or timer share its <see cref="CorrelationId"/>.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When it happened, on the agent's time source.</param>
/// <param name="CorrelationId">The id of the command or timer that caused it.</param>
public abstract record AgentEvent(string AgentId, Instant At, Guid CorrelationId);

/// <summary>The agent's state changed (or, from not ready to not ready, its reason code changed).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
/// <param name="Cause">The command or timer that caused the change.</param>
/// <param name="NotReadyReason">The reason code when <paramref name="Current"/> is <see cref="AgentState.NotReady"/>, else <see langword="null"/>.</param>
public sealed record AgentStateChanged(
    string AgentId, Instant At, Guid CorrelationId, AgentState Previous, AgentState Current, AgentTrigger Cause, string? NotReadyReason)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>A router or dialer reserved the agent for an offer.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Offer">The pending offer.</param>
public sealed record AgentOfferReserved(string AgentId, Instant At, Guid CorrelationId, AgentOffer Offer)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>How an offer ended without being accepted.</summary>
public enum OfferOutcome
{
    /// <summary>The agent rejected it (a missed offer).</summary>
    Rejected,

    /// <summary>It timed out (a missed offer).</summary>
    TimedOut,

    /// <summary>The router or dialer released the reservation (not counted as missed).</summary>
    Released,

    /// <summary>The negotiated-logout deadline passed: the agent logged out and the reservation is void (not counted as missed).</summary>
    Revoked,
}

/// <summary>A pending offer ended without being accepted.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="Offer">The offer.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ConsecutiveMissedOffers">The consecutive missed offers after this one (reset by accepting an offer).</param>
public sealed record AgentOfferEnded(
    string AgentId, Instant At, Guid CorrelationId, AgentOffer Offer, OfferOutcome Outcome, int ConsecutiveMissedOffers)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>An interaction was assigned to the agent (an accepted offer, or one the host reported as started).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Interaction">The interaction.</param>
public sealed record AgentInteractionStarted(string AgentId, Instant At, Guid CorrelationId, AgentInteraction Interaction)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>One of the agent's interactions ended.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Interaction">The interaction.</param>
public sealed record AgentInteractionEnded(string AgentId, Instant At, Guid CorrelationId, AgentInteraction Interaction)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>After-call work started (after the agent's last voice interaction ended).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Queue">The queue of the interaction whose end started it, or <see langword="null"/>.</param>
/// <param name="EndsAt">When it ends unless extended or ended early.</param>
public sealed record AfterCallWorkStarted(string AgentId, Instant At, Guid CorrelationId, string? Queue, Instant EndsAt)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>The agent extended after-call work.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Extensions">How many times it has been extended now.</param>
/// <param name="EndsAt">The new end.</param>
public sealed record AfterCallWorkExtended(string AgentId, Instant At, Guid CorrelationId, int Extensions, Instant EndsAt)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>
/// A deferred intent was requested, or the pending intent changed: a negotiated logout got its deadline, or
/// lost it because the agent accepted the call. <see cref="Intent"/> is the pending intent as it is now; a change
/// keeps its <see cref="DeferredIntent.Id"/>. Until a <see cref="DeferredIntentResolved"/> with that id, the
/// last of these events is the agent's <see cref="Agent.PendingIntent"/>.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="Intent">The intent, <see cref="DeferredIntentStatus.Pending"/>.</param>
public sealed record DeferredIntentRequested(string AgentId, Instant At, Guid CorrelationId, DeferredIntent Intent)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>A deferred intent left the pending status: granted, cancelled, overridden or superseded by a newer intent (see <see cref="DeferredIntent.Status"/>).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="Intent">The intent with its final status.</param>
public sealed record DeferredIntentResolved(string AgentId, Instant At, Guid CorrelationId, DeferredIntent Intent)
    : AgentEvent(AgentId, At, CorrelationId);

/// <summary>A tick of a negotiated logout's countdown: once on entering <see cref="AgentState.LogoutPending"/>, then every second on the time source, the last at zero.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The command (or timer) that started the countdown, for every tick, the last one included.</param>
/// <param name="Remaining">Time left before the deadline.</param>
public sealed record LogoutCountdownTicked(string AgentId, Instant At, Guid CorrelationId, Duration Remaining)
    : AgentEvent(AgentId, At, CorrelationId);
