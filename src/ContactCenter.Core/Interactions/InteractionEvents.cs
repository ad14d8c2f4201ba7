using System;
using NodaTime;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// Something that happened to an interaction. Every event is immutable and carries the interaction, the
/// instant (from the interaction's time source), the correlation id of the input that caused it (shared by
/// every event of that input), the input itself (<see cref="Cause"/>) and a sequence number, 1-based and
/// gapless per interaction, in publication order.
/// </summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction: 1, 2, 3...</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the command or network event that caused it.</param>
/// <param name="Cause">The command or network event that caused it.</param>
public abstract record InteractionEvent(InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause);

/// <summary>The interaction's state changed.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
public sealed record InteractionStateChanged(
    InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, InteractionState Previous, InteractionState Current)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>A party joined or changed state.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Previous">The party before, or null when it just joined.</param>
/// <param name="Current">The party after.</param>
public sealed record PartyChanged(
    InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, Party? Previous, Party Current)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>A consultation opened, changed or closed.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Previous">The consultation before, or null.</param>
/// <param name="Current">The consultation after, or null when it closed.</param>
public sealed record ConsultationChanged(
    InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, Consultation? Previous, Consultation? Current)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>A note was added (by the agent, or automatically for a transfer reason).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Note">The note.</param>
public sealed record NoteAdded(InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, Note Note)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>The disposition code was set or changed.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Previous">The code before, or null.</param>
/// <param name="Current">The code after.</param>
public sealed record DispositionSet(
    InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, string? Previous, string Current)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>The call result was set or changed (by the agent, or by the network: busy, no answer, rejected).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Previous">The result before, or null.</param>
/// <param name="Current">The result after.</param>
public sealed record CallResultSet(
    InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, CallResult? Previous, CallResult Current)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>An attached or custom data value changed.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it: <see cref="InteractionTrigger.SetCustomData"/> (agent) or <see cref="InteractionTrigger.SetAttachedData"/> (host).</param>
/// <param name="Scope">Attached or custom data.</param>
/// <param name="Key">The key.</param>
/// <param name="Previous">The value before, or null when the key was new (attached data only).</param>
/// <param name="Current">The value after.</param>
public sealed record DataChanged(
    InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, DataScope Scope, string Key, string? Previous, string Current)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause)
{
    /// <summary>Describes the event without the values, which may be personal data (a caller's number, an account).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"DataChanged {{ InteractionId = {InteractionId}, Sequence = {Sequence}, At = {At}, CorrelationId = {CorrelationId}, Cause = {Cause}, Scope = {Scope}, Key = {Key}, Previous = (redacted), Current = (redacted) }}");
}

/// <summary>DTMF digits were sent. In secure mode the digits are masked: every digit is replaced by <c>*</c>.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Digits">The digits sent, or as many <c>*</c> when masked (pauses <c>,</c> are kept).</param>
/// <param name="IsMasked">Whether the digits are masked.</param>
public sealed record DtmfSent(InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, string Digits, bool IsMasked)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause)
{
    /// <summary>Describes the event without its digits (a card number, a PIN): only how many were sent.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"DtmfSent {{ InteractionId = {InteractionId}, Sequence = {Sequence}, At = {At}, CorrelationId = {CorrelationId}, Cause = {Cause}, Digits = ({Digits.Length} redacted), IsMasked = {IsMasked} }}");
}

/// <summary>Secure mode was entered or left (it is left automatically when the exchange ends).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="IsSecure">Whether DTMF digits are masked from now on.</param>
public sealed record SecureModeChanged(InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, bool IsSecure)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause);

/// <summary>An email was sent: replied to or forwarded.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Sequence">The event's number within the interaction.</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the input that caused it.</param>
/// <param name="Cause">The input that caused it.</param>
/// <param name="Kind">Reply or forward.</param>
/// <param name="To">The forward address (personal data), or null for a reply (sent to the contact).</param>
public sealed record MessageSent(InteractionId InteractionId, long Sequence, Instant At, Guid CorrelationId, InteractionTrigger Cause, MessageKind Kind, string? To)
    : InteractionEvent(InteractionId, Sequence, At, CorrelationId, Cause)
{
    /// <summary>Describes the event without the forward address, which is personal data.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"MessageSent {{ InteractionId = {InteractionId}, Sequence = {Sequence}, At = {At}, CorrelationId = {CorrelationId}, Cause = {Cause}, Kind = {Kind}, To = {(To is null ? "(reply)" : "(redacted)")} }}");
}
