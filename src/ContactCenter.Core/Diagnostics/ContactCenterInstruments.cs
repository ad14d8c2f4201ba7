namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The names of the instruments of the <see cref="ContactCenterDiagnostics.MeterName"/> meter, in the
/// OpenTelemetry semantic-convention style (lower case, dot-separated namespaces, units in UCUM). Aggregates are
/// measured when they are created through the factories of <c>AddContactCenter</c>.
/// </summary>
public static class ContactCenterInstruments
{
    /// <summary>
    /// <c>contactcenter.agent.count</c>: observable up-down counter, unit <c>{agent}</c>, the agents per state
    /// (tag <see cref="ContactCenterTags.AgentState"/>).
    /// </summary>
    public const string AgentCount = "contactcenter.agent.count";

    /// <summary>
    /// <c>contactcenter.agent.transitions</c>: counter, unit <c>{transition}</c>, agent state changes (tags
    /// <see cref="ContactCenterTags.AgentState"/>, <see cref="ContactCenterTags.AgentPreviousState"/>).
    /// </summary>
    public const string AgentTransitions = "contactcenter.agent.transitions";

    /// <summary>
    /// <c>contactcenter.interaction.count</c>: observable up-down counter, unit <c>{interaction}</c>, the open
    /// interactions (not done, rejected or abandoned) per state and medium (tags
    /// <see cref="ContactCenterTags.InteractionState"/>, <see cref="ContactCenterTags.InteractionMedia"/>).
    /// </summary>
    public const string InteractionCount = "contactcenter.interaction.count";

    /// <summary>
    /// <c>contactcenter.interaction.transitions</c>: counter, unit <c>{transition}</c>, interaction state changes
    /// (tags <see cref="ContactCenterTags.InteractionState"/>, <see cref="ContactCenterTags.InteractionPreviousState"/>,
    /// <see cref="ContactCenterTags.InteractionMedia"/>).
    /// </summary>
    public const string InteractionTransitions = "contactcenter.interaction.transitions";

    /// <summary>
    /// <c>contactcenter.callback.transitions</c>: counter, unit <c>{transition}</c>, callback state changes (tags
    /// <see cref="ContactCenterTags.CallbackState"/>, <see cref="ContactCenterTags.CallbackPreviousState"/>).
    /// </summary>
    public const string CallbackTransitions = "contactcenter.callback.transitions";

    /// <summary>
    /// <c>contactcenter.callback.queue.length</c>: observable up-down counter, unit <c>{callback}</c>, the due
    /// callbacks (offered ones included) waiting in the callback dispatchers' queues.
    /// </summary>
    public const string CallbackQueueLength = "contactcenter.callback.queue.length";

    /// <summary>
    /// <c>contactcenter.campaign.transitions</c>: counter, unit <c>{transition}</c>, campaign state changes (tags
    /// <see cref="ContactCenterTags.CampaignState"/>, <see cref="ContactCenterTags.CampaignPreviousState"/>).
    /// </summary>
    public const string CampaignTransitions = "contactcenter.campaign.transitions";

    /// <summary>
    /// <c>contactcenter.calls.placed</c>: counter, unit <c>{call}</c>, outbound calls placed for campaign records and
    /// callbacks (tags <see cref="ContactCenterTags.CallOrigin"/>, and <see cref="ContactCenterTags.DeliveryMode"/> for
    /// campaign calls).
    /// </summary>
    public const string CallsPlaced = "contactcenter.calls.placed";

    /// <summary>
    /// <c>contactcenter.dialer.abandon_rate</c>: observable gauge, unit <c>1</c> (a ratio), abandoned live answers over
    /// live answers of each dialer's statistics created through the pacing factory, campaign to date and over the
    /// recent live answers (tags <see cref="ContactCenterTags.CampaignId"/>, <see cref="ContactCenterTags.AbandonWindow"/>).
    /// The legal rolling-window rate is not among them: reading it moves the window, which belongs to the dialer's thread.
    /// </summary>
    public const string AbandonRate = "contactcenter.dialer.abandon_rate";

    /// <summary>
    /// <c>contactcenter.command.refusals</c>: counter, unit <c>{command}</c>, commands refused by an aggregate (tags
    /// <see cref="ContactCenterTags.Aggregate"/>, <see cref="ContactCenterTags.Command"/>).
    /// </summary>
    public const string CommandRefusals = "contactcenter.command.refusals";

    /// <summary>
    /// <c>contactcenter.slot.queries</c>: counter, unit <c>{query}</c>, callback slot calculations (tag
    /// <see cref="ContactCenterTags.SlotOutcome"/>).
    /// </summary>
    public const string SlotQueries = "contactcenter.slot.queries";

    /// <summary>
    /// <c>contactcenter.slot.query.duration</c>: histogram, unit <c>s</c>, how long a callback slot calculation took
    /// (tag <see cref="ContactCenterTags.SlotOutcome"/>).
    /// </summary>
    public const string SlotQueryDuration = "contactcenter.slot.query.duration";
}
