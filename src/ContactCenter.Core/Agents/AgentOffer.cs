using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>An offer pending for the agent: a router or dialer reserved the agent for an interaction.</summary>
/// <param name="InteractionId">The offered interaction.</param>
/// <param name="Media">Its medium.</param>
/// <param name="Queue">The queue it comes from, or <see langword="null"/>.</param>
/// <param name="ReservedAt">When the reservation was made.</param>
/// <param name="ExpiresAt">When the offer times out (a missed offer) unless answered or released before.</param>
public sealed record AgentOffer(InteractionId InteractionId, MediaType Media, string? Queue, Instant ReservedAt, Instant ExpiresAt);
