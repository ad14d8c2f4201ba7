namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The tag (attribute) names of the SDK's instruments and activities. Values are the invariant names of the
/// enum members (<c>Ready</c>, <c>AfterCallWork</c>...) or the plain strings listed on each tag.
/// </summary>
public static class ContactCenterTags
{
    /// <summary><c>contactcenter.agent.state</c>: an agent's state (the new one for a transition).</summary>
    public const string AgentState = "contactcenter.agent.state";

    /// <summary><c>contactcenter.agent.previous_state</c>: an agent's state before a transition.</summary>
    public const string AgentPreviousState = "contactcenter.agent.previous_state";

    /// <summary><c>contactcenter.interaction.state</c>: an interaction's state (the new one for a transition).</summary>
    public const string InteractionState = "contactcenter.interaction.state";

    /// <summary><c>contactcenter.interaction.previous_state</c>: an interaction's state before a transition.</summary>
    public const string InteractionPreviousState = "contactcenter.interaction.previous_state";

    /// <summary><c>contactcenter.interaction.media</c>: an interaction's medium (<c>Voice</c>, <c>Chat</c>...).</summary>
    public const string InteractionMedia = "contactcenter.interaction.media";

    /// <summary><c>contactcenter.callback.state</c>: a callback's state (the new one for a transition).</summary>
    public const string CallbackState = "contactcenter.callback.state";

    /// <summary><c>contactcenter.callback.previous_state</c>: a callback's state before a transition.</summary>
    public const string CallbackPreviousState = "contactcenter.callback.previous_state";

    /// <summary><c>contactcenter.campaign.state</c>: a campaign's state (the new one for a transition).</summary>
    public const string CampaignState = "contactcenter.campaign.state";

    /// <summary><c>contactcenter.campaign.previous_state</c>: a campaign's state before a transition.</summary>
    public const string CampaignPreviousState = "contactcenter.campaign.previous_state";

    /// <summary><c>contactcenter.campaign.id</c>: the campaign a dialer's statistics belong to.</summary>
    public const string CampaignId = "contactcenter.campaign.id";

    /// <summary><c>contactcenter.dialer.abandon_window</c>: which abandon rate a measurement is: <c>campaign</c> (campaign to date) or <c>recent</c> (the latest live answers).</summary>
    public const string AbandonWindow = "contactcenter.dialer.abandon_window";

    /// <summary><c>contactcenter.campaign.delivery_mode</c>: a campaign's delivery mode (<c>Preview</c>, <c>Predictive</c>...).</summary>
    public const string DeliveryMode = "contactcenter.campaign.delivery_mode";

    /// <summary><c>contactcenter.call.origin</c>: why an outbound call was placed: <c>campaign</c> or <c>callback</c>.</summary>
    public const string CallOrigin = "contactcenter.call.origin";

    /// <summary><c>contactcenter.aggregate</c>: the kind of aggregate: <c>agent</c>, <c>interaction</c>, <c>callback</c>, <c>campaign</c> or <c>calling_record</c>.</summary>
    public const string Aggregate = "contactcenter.aggregate";

    /// <summary><c>contactcenter.command</c>: the name of a refused command (<c>SetReady</c>, <c>Hold</c>...).</summary>
    public const string Command = "contactcenter.command";

    /// <summary><c>contactcenter.slot.outcome</c>: how a slot calculation ended: <c>found</c> (at least one slot) or <c>none</c>.</summary>
    public const string SlotOutcome = "contactcenter.slot.outcome";

    /// <summary><c>contactcenter.slot.count</c>: how many slots a slot calculation found (on its activity).</summary>
    public const string SlotCount = "contactcenter.slot.count";

    /// <summary><c>contactcenter.compliance.dialable</c>: whether a compliance check allowed the call now (on its activity).</summary>
    public const string ComplianceDialable = "contactcenter.compliance.dialable";

    /// <summary><c>contactcenter.compliance.refusals</c>: the kinds of the refusals of a compliance check, comma-separated (on its activity).</summary>
    public const string ComplianceRefusals = "contactcenter.compliance.refusals";
}
