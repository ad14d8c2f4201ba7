using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Agents;

/// <summary>An interaction the agent is handling, as the agent knows it.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Media">Its medium (decides the capacity it uses and whether its end starts after-call work).</param>
/// <param name="Queue">The queue it came from, which selects the after-call work duration; <see langword="null"/> for none.</param>
public sealed record AgentInteraction(InteractionId InteractionId, MediaType Media, string? Queue);
