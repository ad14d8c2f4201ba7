using System;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The SDK's log messages, source-generated: each checks <see cref="ILogger.IsEnabled"/> first and allocates
/// nothing when its level is off. Ids and levels are listed in <see cref="ContactCenterLogEvents"/>.
/// </summary>
internal static partial class Log
{
    internal const string AgentsCategory = "ContactCenter.Core.Agents";
    internal const string InteractionsCategory = "ContactCenter.Core.Interactions";
    internal const string CallbacksCategory = "ContactCenter.Core.Callbacks";
    internal const string CampaignsCategory = "ContactCenter.Core.Campaigns";
    internal const string PacingCategory = "ContactCenter.Core.Pacing";
    internal const string PersistenceCategory = "ContactCenter.Core.Persistence";

    [LoggerMessage(EventId = ContactCenterLogEvents.AgentStateChanged, EventName = nameof(AgentStateChanged), Level = LogLevel.Debug,
        Message = "Agent {AgentId}: {PreviousState} -> {State} by {Cause} (not-ready reason {NotReadyReason}, correlation {CorrelationId})")]
    public static partial void AgentStateChanged(ILogger logger, string agentId, AgentState previousState, AgentState state, AgentTrigger cause, string? notReadyReason, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.AgentOfferEnded, EventName = nameof(AgentOfferEnded), Level = LogLevel.Debug,
        Message = "Agent {AgentId}: offer of interaction {InteractionId} ended {Outcome} ({ConsecutiveMissedOffers} consecutive missed, correlation {CorrelationId})")]
    public static partial void AgentOfferEnded(ILogger logger, string agentId, InteractionId interactionId, OfferOutcome outcome, int consecutiveMissedOffers, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.AgentCommandRefused, EventName = nameof(AgentCommandRefused), Level = LogLevel.Information,
        Message = "Agent {AgentId}: {Command} refused in state {State} ({Reason}): {Explanation}")]
    public static partial void AgentCommandRefused(ILogger logger, string agentId, AgentCommand command, AgentState state, AgentRefusalReason reason, string explanation);

    [LoggerMessage(EventId = ContactCenterLogEvents.InteractionStateChanged, EventName = nameof(InteractionStateChanged), Level = LogLevel.Debug,
        Message = "{Media} interaction {InteractionId}: {PreviousState} -> {State} by {Cause} (correlation {CorrelationId})")]
    public static partial void InteractionStateChanged(ILogger logger, MediaType media, InteractionId interactionId, InteractionState previousState, InteractionState state, InteractionTrigger cause, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.InteractionCommandRefused, EventName = nameof(InteractionCommandRefused), Level = LogLevel.Information,
        Message = "{Media} interaction {InteractionId}: {Command} refused in state {State} ({Reason}): {Explanation}")]
    public static partial void InteractionCommandRefused(ILogger logger, MediaType media, InteractionId interactionId, InteractionCommand command, InteractionState state, InteractionRefusalReason reason, string explanation);

    [LoggerMessage(EventId = ContactCenterLogEvents.DtmfSent, EventName = nameof(DtmfSent), Level = LogLevel.Debug,
        Message = "Interaction {InteractionId}: {DigitCount} DTMF digit(s) sent (digits redacted; secure mode {IsSecure}, correlation {CorrelationId})")]
    public static partial void DtmfSent(ILogger logger, InteractionId interactionId, int digitCount, bool isSecure, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallbackStateChanged, EventName = nameof(CallbackStateChanged), Level = LogLevel.Debug,
        Message = "Callback {CallbackId}: {PreviousState} -> {State} by {Cause} (correlation {CorrelationId})")]
    public static partial void CallbackStateChanged(ILogger logger, CallbackId callbackId, CallbackState previousState, CallbackState state, CallbackTrigger cause, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallbackDue, EventName = nameof(CallbackDue), Level = LogLevel.Information,
        Message = "Callback {CallbackId} is due (correlation {CorrelationId})")]
    public static partial void CallbackDue(ILogger logger, CallbackId callbackId, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallbackCommandRefused, EventName = nameof(CallbackCommandRefused), Level = LogLevel.Information,
        Message = "Callback {CallbackId}: {Command} refused in state {State} ({Reason}): {Explanation}")]
    public static partial void CallbackCommandRefused(ILogger logger, CallbackId callbackId, CallbackCommand command, CallbackState state, CallbackRefusalReason reason, string explanation);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallbackQueued, EventName = nameof(CallbackQueued), Level = LogLevel.Debug,
        Message = "Callback {CallbackId} queued for an agent (correlation {CorrelationId})")]
    public static partial void CallbackQueued(ILogger logger, CallbackId callbackId, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallbackOfferedToAgent, EventName = nameof(CallbackOfferedToAgent), Level = LogLevel.Debug,
        Message = "Callback {CallbackId} offered to agent {AgentId} as interaction {InteractionId} ({Route}, correlation {CorrelationId})")]
    public static partial void CallbackOfferedToAgent(ILogger logger, CallbackId callbackId, string agentId, InteractionId interactionId, CallbackRoute route, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallbackDialled, EventName = nameof(CallbackDialled), Level = LogLevel.Debug,
        Message = "Callback {CallbackId}: attempt {Attempt} dialled by agent {AgentId} (correlation {CorrelationId})")]
    public static partial void CallbackDialled(ILogger logger, CallbackId callbackId, int attempt, string agentId, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CampaignStateChanged, EventName = nameof(CampaignStateChanged), Level = LogLevel.Information,
        Message = "Campaign {CampaignId}: {PreviousState} -> {State} by {Cause} (correlation {CorrelationId})")]
    public static partial void CampaignStateChanged(ILogger logger, string campaignId, CampaignState previousState, CampaignState state, CampaignTrigger cause, Guid correlationId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallingRecordDialled, EventName = nameof(CallingRecordDialled), Level = LogLevel.Debug,
        Message = "Campaign {CampaignId}: record {RecordId} attempt {Attempt} dialled ({Mode}, agent {AgentId}, interaction {InteractionId})")]
    public static partial void CallingRecordDialled(ILogger logger, string campaignId, string recordId, int attempt, DeliveryMode mode, string? agentId, InteractionId interactionId);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallingRecordWaiting, EventName = nameof(CallingRecordWaiting), Level = LogLevel.Information,
        Message = "Campaign {CampaignId}: record {RecordId} held back by compliance until {NextOpeningAt}: {Explanation}")]
    public static partial void CallingRecordWaiting(ILogger logger, string campaignId, string recordId, NodaTime.Instant? nextOpeningAt, string explanation);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallingRecordCompleted, EventName = nameof(CallingRecordCompleted), Level = LogLevel.Debug,
        Message = "Campaign {CampaignId}: record {RecordId} completed ({Reason}, disposition {Disposition})")]
    public static partial void CallingRecordCompleted(ILogger logger, string campaignId, string recordId, RecordEndReason reason, string disposition);

    [LoggerMessage(EventId = ContactCenterLogEvents.CampaignCommandRefused, EventName = nameof(CampaignCommandRefused), Level = LogLevel.Information,
        Message = "Campaign {CampaignId}: {Command} refused in state {State}: {Explanation}")]
    public static partial void CampaignCommandRefused(ILogger logger, string campaignId, CampaignCommand command, CampaignState state, string explanation);

    [LoggerMessage(EventId = ContactCenterLogEvents.CallingRecordCommandRefused, EventName = nameof(CallingRecordCommandRefused), Level = LogLevel.Information,
        Message = "Campaign {CampaignId}: record {RecordId}: {Command} refused in state {State}: {Explanation}")]
    public static partial void CallingRecordCommandRefused(ILogger logger, string campaignId, string recordId, CallingRecordCommand command, CallingRecordState state, string explanation);

    [LoggerMessage(EventId = ContactCenterLogEvents.PacingDecision, EventName = nameof(PacingDecision), Level = LogLevel.Trace,
        Message = "Pacing {Strategy}: place {Count} call(s) ({Reason}); {FreeAgents} free agent(s), {RingingCalls} ringing, {WaitingCalls} waiting")]
    public static partial void PacingDecision(ILogger logger, string strategy, int count, PacingReason reason, int freeAgents, int ringingCalls, int waitingCalls);

    [LoggerMessage(EventId = ContactCenterLogEvents.RecoveryCompleted, EventName = nameof(RecoveryCompleted), Level = LogLevel.Information,
        Message = "Host {HostId} recovered its store ({Store}): {Callbacks} open callback(s) ({Overdue} overdue, {Expired} expired, {WithdrawnOffers} offer(s) withdrawn, {InSession} in session), {Campaigns} campaign(s) ({RecordsInCall} record(s) in call), {Orphaned} orphaned interaction(s), {LiveElsewhere} live on other hosts")]
    public static partial void RecoveryCompleted(ILogger logger, string hostId, string store, int callbacks, int overdue, int expired, int withdrawnOffers, int inSession, int campaigns, int recordsInCall, int orphaned, int liveElsewhere);

    [LoggerMessage(EventId = ContactCenterLogEvents.RecoveryOrphanedInteraction, EventName = nameof(RecoveryOrphanedInteraction), Level = LogLevel.Warning,
        Message = "Interaction {InteractionId} was left {State} by host {PreviousOwner} (last written {LastUpdatedAt}): taken over for a person to finish")]
    public static partial void RecoveryOrphanedInteraction(ILogger logger, InteractionId interactionId, InteractionState state, string previousOwner, NodaTime.Instant lastUpdatedAt);

    [LoggerMessage(EventId = ContactCenterLogEvents.RecoveryFailed, EventName = nameof(RecoveryFailed), Level = LogLevel.Error,
        Message = "Host {HostId} could not open or recover its store ({Failure}): {Explanation}")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string hostId, string failure, string explanation);
}
