using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>A call to place for a record: the dialer (or the agent's phone) places it, then reports its result.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="RecordId">The record.</param>
/// <param name="InteractionId">The interaction the call is; reserve the agent with it (<see cref="CampaignAgentReservations"/>).</param>
/// <param name="Number">The number to dial.</param>
/// <param name="Attempt">The attempt's ordinal within the record (1 for the first).</param>
/// <param name="AgentId">The previewing agent who dials, or <see langword="null"/> for a dialer's call.</param>
/// <param name="Mode">The campaign's mode when the call was taken.</param>
/// <param name="At">When.</param>
/// <param name="Explanation">Why this number (the recommendation, or the agent's choice).</param>
public sealed record DialTask(
    string CampaignId, string RecordId, InteractionId InteractionId, RecordNumber Number, int Attempt, string? AgentId, DeliveryMode Mode, Instant At, string Explanation);

/// <summary>A record delivered to an agent as a preview request.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="RecordId">The record.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Record">The record's data (name, numbers, facts).</param>
/// <param name="Recommendation">The recommended number, marked for the agent.</param>
/// <param name="Accepted">Whether it was accepted on delivery (<see cref="CampaignOptions.AutoAcceptPreview"/>).</param>
/// <param name="At">When it was delivered.</param>
public sealed record PreviewTask(
    string CampaignId, string RecordId, string AgentId, CallingRecordData Record, NumberRecommendation Recommendation, bool Accepted, Instant At);
