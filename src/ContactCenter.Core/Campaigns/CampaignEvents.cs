using System;
using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// Something that happened in a campaign or to one of its records. Every event is immutable and carries the campaign,
/// a sequence number (1-based and gapless per campaign, in publication order), the instant (from the campaign's time
/// source) and the correlation id of the command or timer that caused it (shared by every event it caused).
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number within the campaign: 1, 2, 3...</param>
/// <param name="At">When it happened.</param>
/// <param name="CorrelationId">The id of the command or timer that caused it.</param>
public abstract record CampaignEvent(string CampaignId, long Sequence, Instant At, Guid CorrelationId);

/// <summary>The campaign's state changed.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Cause">The trigger.</param>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
public sealed record CampaignStateChanged(string CampaignId, long Sequence, Instant At, Guid CorrelationId, CampaignTrigger Cause, CampaignState Previous, CampaignState Current)
    : CampaignEvent(CampaignId, Sequence, At, CorrelationId);

/// <summary>The campaign started: the notification to its assigned agents.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Name">The campaign's name.</param>
/// <param name="Mode">Its delivery mode.</param>
/// <param name="AgentIds">The agents assigned when it started, in assignment order.</param>
public sealed record CampaignStarted(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string Name, DeliveryMode Mode, IReadOnlyList<string> AgentIds)
    : CampaignEvent(CampaignId, Sequence, At, CorrelationId);

/// <summary>The delivery mode changed.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="Previous">The mode before.</param>
/// <param name="Current">The mode after.</param>
public sealed record CampaignModeChanged(string CampaignId, long Sequence, Instant At, Guid CorrelationId, DeliveryMode Previous, DeliveryMode Current)
    : CampaignEvent(CampaignId, Sequence, At, CorrelationId);

/// <summary>An agent was assigned to the campaign, or unassigned.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Assigned">Assigned (<see langword="true"/>) or unassigned.</param>
public sealed record CampaignAgentAssignmentChanged(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string AgentId, bool Assigned)
    : CampaignEvent(CampaignId, Sequence, At, CorrelationId);

/// <summary>Something that happened to one record of the campaign.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="RecordId">The record.</param>
public abstract record CallingRecordEvent(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId)
    : CampaignEvent(CampaignId, Sequence, At, CorrelationId);

/// <summary>A record's state changed.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="RecordId">The record.</param>
/// <param name="Cause">The trigger.</param>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
public sealed record CallingRecordStateChanged(
    string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, CallingRecordTrigger Cause, CallingRecordState Previous, CallingRecordState Current)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>A record was delivered to an agent as a preview request.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="RecordId">The record.</param>
/// <param name="Preview">The preview request.</param>
public sealed record CallingRecordDelivered(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, PreviewTask Preview)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>A call is being placed for a record (by a dialer, an agent, or the preview timeout).</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command or timer.</param>
/// <param name="RecordId">The record.</param>
/// <param name="Task">The call to place.</param>
public sealed record CallingRecordDialled(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, DialTask Task)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>An attempt's result was recorded.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="RecordId">The record.</param>
/// <param name="Attempt">The attempt, with its result.</param>
public sealed record CallingRecordCallResult(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, RecordAttempt Attempt)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>A record is to be retried at an instant.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="RecordId">The record.</param>
/// <param name="RetryAt">When it is due again.</param>
/// <param name="Reason">Why (the result and its rule, or the agent's reschedule).</param>
public sealed record CallingRecordRetryScheduled(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, Instant RetryAt, string Reason)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>An agent skipped a record: it goes back to the list, after the other ready records.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="RecordId">The record.</param>
/// <param name="AgentId">The agent who skipped it.</param>
/// <param name="SkipCount">How many times the record was skipped, this one included.</param>
public sealed record CallingRecordSkipped(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, string AgentId, int SkipCount)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>A record was finished with a disposition.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="RecordId">The record.</param>
/// <param name="Disposition">Its disposition.</param>
/// <param name="Reason">Why it ended.</param>
public sealed record CallingRecordCompleted(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, string Disposition, RecordEndReason Reason)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);

/// <summary>A due record is not delivered because no number may be dialled now; it waits (published when the reason changes).</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The event's number.</param>
/// <param name="At">When.</param>
/// <param name="CorrelationId">The causing command.</param>
/// <param name="RecordId">The record.</param>
/// <param name="Wait">Why, and until when.</param>
public sealed record CallingRecordWaiting(string CampaignId, long Sequence, Instant At, Guid CorrelationId, string RecordId, RecordWait Wait)
    : CallingRecordEvent(CampaignId, Sequence, At, CorrelationId, RecordId);
