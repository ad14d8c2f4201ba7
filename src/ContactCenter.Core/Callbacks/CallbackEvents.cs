using System;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// Something that happened to a callback. Every event is immutable and carries the callback, a sequence number
/// (1-based and gapless per callback, in publication order), the instant (from the callback's time source), the
/// correlation id of the command or timer that caused it (shared by every event it caused) and that cause.
/// </summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback: 1, 2, 3...</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the command or timer that caused it.</param>
/// <param name="Cause">The command or timer that caused it.</param>
public abstract record CallbackEvent(CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause);

/// <summary>The callback's state changed.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="Cause">The command or timer that caused it.</param>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
/// <param name="EndReason">Why, when <paramref name="Current"/> is terminal; else <see langword="null"/>.</param>
public sealed record CallbackStateChanged(
    CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackState Previous, CallbackState Current, CallbackEndReason? EndReason)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>The callback was offered to an agent.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The command that caused it.</param>
/// <param name="Offer">The offer.</param>
public sealed record CallbackOffered(CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackOffer Offer)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>An offer of the callback ended: accepted, declined, timed out or withdrawn.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="Cause">The command or timer that caused it.</param>
/// <param name="Offer">The offer.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record CallbackOfferEnded(
    CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackOffer Offer, CallbackOfferOutcome Outcome)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>The agent dialled: an attempt started.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The command that caused it.</param>
/// <param name="Attempt">The attempt, under way.</param>
public sealed record CallbackAttemptStarted(CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackAttempt Attempt)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>An attempt ended with a result.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The command that caused it.</param>
/// <param name="Attempt">The attempt, with its end and result.</param>
public sealed record CallbackAttemptEnded(CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackAttempt Attempt)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>A reschedule was asked while an agent holds the callback: it takes effect at Mark done (a newer one replaces it).</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The command that caused it.</param>
/// <param name="Schedule">The schedule that applies at Mark done.</param>
public sealed record CallbackReschedulePending(CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackSchedule Schedule)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>A pending reschedule was withdrawn (unscheduled) before Mark done.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The command that caused it.</param>
/// <param name="Schedule">The schedule that no longer applies.</param>
public sealed record CallbackRescheduleWithdrawn(CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackSchedule Schedule)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);

/// <summary>The callback's schedule changed: a reschedule took effect, or an automatic retry was scheduled.</summary>
/// <param name="CallbackId">The callback.</param>
/// <param name="Sequence">The event's number within the callback.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The command that caused it.</param>
/// <param name="Previous">The schedule before.</param>
/// <param name="Current">The schedule now.</param>
/// <param name="IsRetry">Whether it is an automatic retry (<see cref="CallbackOptions.RetryDelay"/>) rather than a reschedule.</param>
public sealed record CallbackRescheduled(
    CallbackId CallbackId, long Sequence, Instant At, Guid CorrelationId, CallbackTrigger Cause, CallbackSchedule Previous, CallbackSchedule Current, bool IsRetry)
    : CallbackEvent(CallbackId, Sequence, At, CorrelationId, Cause);
