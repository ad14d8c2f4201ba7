using System;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>How the dispatcher chose the agent a callback is offered to.</summary>
public enum CallbackRoute
{
    /// <summary>The owner of a personal callback (the only agent it is ever offered to).</summary>
    Owner,

    /// <summary>The preferred agent, while the callback waits for that agent.</summary>
    PreferredAgent,

    /// <summary>Any eligible agent: the one available the longest (after the preferred agent's wait, or without one).</summary>
    AnyAgent,
}

/// <summary>
/// Something the <see cref="CallbackDispatcher"/> did or saw. Events are immutable, published in order on
/// <see cref="CallbackDispatcher.Events"/> with a sequence number (1-based, gapless per dispatcher); the correlation id
/// is the one of the callback event, agent event, command or timer that caused it.
/// </summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of what caused it.</param>
public abstract record CallbackDispatchEvent(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId);

/// <summary>A callback entered the queue (it became due, or was added while due).</summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The cause.</param>
/// <param name="QueuedSince">The instant that orders it (<see cref="Callback.QueuedSince"/>).</param>
public sealed record CallbackQueued(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId, Instant QueuedSince)
    : CallbackDispatchEvent(Sequence, CallbackId, At, CorrelationId);

/// <summary>The dispatcher reserved an agent and offered the callback to it.</summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The cause.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="InteractionId">The interaction the agent is reserved for.</param>
/// <param name="Route">Why this agent.</param>
public sealed record CallbackOfferedToAgent(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId, string AgentId, InteractionId InteractionId, CallbackRoute Route)
    : CallbackDispatchEvent(Sequence, CallbackId, At, CorrelationId);

/// <summary>An offer ended without being accepted: the callback is due again, in the same position.</summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The cause.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Outcome">Declined, timed out or withdrawn.</param>
public sealed record CallbackOfferReturned(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId, string AgentId, CallbackOfferOutcome Outcome)
    : CallbackDispatchEvent(Sequence, CallbackId, At, CorrelationId);

/// <summary>An agent accepted the callback: it left the queue.</summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The cause.</param>
/// <param name="AgentId">The agent.</param>
public sealed record CallbackAssigned(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId, string AgentId)
    : CallbackDispatchEvent(Sequence, CallbackId, At, CorrelationId);

/// <summary>The callback waited <see cref="CallbackOptions.PreferredAgentTimeout"/> for its preferred agent: from now on any eligible agent may take it.</summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The timer.</param>
/// <param name="PreferredAgentId">The preferred agent.</param>
public sealed record PreferredAgentWaitEnded(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId, string PreferredAgentId)
    : CallbackDispatchEvent(Sequence, CallbackId, At, CorrelationId);

/// <summary>The callback left the queue without an agent taking it: rescheduled, cancelled or failed.</summary>
/// <param name="Sequence">The event's number within the dispatcher.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The cause.</param>
/// <param name="State">The callback's state after it left.</param>
public sealed record CallbackDequeued(long Sequence, CallbackId CallbackId, Instant At, Guid CorrelationId, CallbackState State)
    : CallbackDispatchEvent(Sequence, CallbackId, At, CorrelationId);

/// <summary>One due callback in the queue, as <see cref="CallbackDispatcher.Queue"/> shows it.</summary>
/// <param name="Position">1 for the head of the queue.</param>
/// <param name="Callback">The callback.</param>
/// <param name="QueuedSince">The instant that orders it.</param>
/// <param name="State"><see cref="CallbackState.Due"/>, or <see cref="CallbackState.Offered"/> (an offered callback keeps its position).</param>
/// <param name="OfferedTo">The agent it is offered to, or <see langword="null"/>.</param>
/// <param name="WaitingFor">The only agent it may go to now (its owner, or its preferred agent during the wait), or <see langword="null"/> for any eligible agent.</param>
public sealed record CallbackQueueEntry(int Position, Callback Callback, Instant QueuedSince, CallbackState State, string? OfferedTo, string? WaitingFor);
