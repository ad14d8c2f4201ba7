using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>A callback offered to an agent: the interaction it becomes when the agent accepts it.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="InteractionId">The interaction the agent is reserved for.</param>
/// <param name="At">When it was offered.</param>
public sealed record CallbackOffer(string AgentId, InteractionId InteractionId, Instant At);

/// <summary>How an offer of a callback ended.</summary>
public enum CallbackOfferOutcome
{
    /// <summary>The agent accepted it.</summary>
    Accepted,

    /// <summary>The agent declined it: the callback is due again, in the same position.</summary>
    Declined,

    /// <summary>The agent did not answer in time: the callback is due again, in the same position.</summary>
    TimedOut,

    /// <summary>The router withdrew it (or it was cancelled, or its window ended, while offered).</summary>
    Withdrawn,
}
