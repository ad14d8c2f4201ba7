using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>One attempt to call the contact back. Every attempt is kept in <see cref="Callback.Attempts"/>.</summary>
/// <param name="Number">The attempt's number: 1, 2, 3... (<see cref="Callback.AttemptNumber"/> when it was made).</param>
/// <param name="StartedAt">When the agent dialled.</param>
/// <param name="EndedAt">When its result was recorded; <see langword="null"/> while it is under way.</param>
/// <param name="Dialled">The number dialled.</param>
/// <param name="AgentId">The agent who dialled.</param>
/// <param name="InteractionId">The interaction it was made in (the offer's).</param>
/// <param name="Result">How it ended; <see langword="null"/> while it is under way.</param>
public sealed record CallbackAttempt(
    int Number, Instant StartedAt, Instant? EndedAt, ContactNumber Dialled, string AgentId, InteractionId InteractionId, CallbackAttemptResult? Result);
