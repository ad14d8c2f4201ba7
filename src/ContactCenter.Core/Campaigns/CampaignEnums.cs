namespace ContactCenter.Core.Campaigns;

/// <summary>The states of a <see cref="Campaign"/> (<see cref="Campaign.Definition"/>).</summary>
public enum CampaignState
{
    /// <summary>Created with its calling list; nothing is delivered yet. The mode may change.</summary>
    Loaded,

    /// <summary>Records are delivered to agents or dialers.</summary>
    Running,

    /// <summary>No new record is delivered; records already delivered finish their course. The mode may change.</summary>
    Paused,

    /// <summary>Stopped by a supervisor before the list was exhausted (final).</summary>
    Stopped,

    /// <summary>Every record of the calling list reached a final disposition (final).</summary>
    Completed,
}

/// <summary>How a campaign delivers its records.</summary>
public enum DeliveryMode
{
    /// <summary>Manual preview: an agent asks for a record (<see cref="Campaign.RequestPreview"/>), reviews it, then dials.</summary>
    Preview,

    /// <summary>Automatic push preview: the system pushes a record to a ready agent (<see cref="Campaign.PushPreview"/>); the agent dials.</summary>
    PushPreview,

    /// <summary>Progressive: the dialer dials (<see cref="Campaign.TryTakeNextRecord"/>) for an agent who is free, and passes the call once connected.</summary>
    Progressive,

    /// <summary>Predictive: the dialer dials ahead (<see cref="Campaign.TakeRecords"/>) from live statistics, even when no agent is free yet.</summary>
    Predictive,
}

/// <summary>
/// The triggers of the campaign's state machine: every <see cref="CampaignCommand"/> (same names and values) plus
/// <see cref="ListExhausted"/>, fired by the campaign itself.
/// </summary>
public enum CampaignTrigger
{
    /// <summary>A supervisor starts the campaign.</summary>
    Start,

    /// <summary>A supervisor pauses it.</summary>
    Pause,

    /// <summary>A supervisor resumes it.</summary>
    Resume,

    /// <summary>A supervisor stops it.</summary>
    Stop,

    /// <summary>The delivery mode changes.</summary>
    SetMode,

    /// <summary>An agent is assigned.</summary>
    Assign,

    /// <summary>An agent is unassigned.</summary>
    Unassign,

    /// <summary>An agent asks for a preview record.</summary>
    RequestPreview,

    /// <summary>The system pushes a preview record to an agent.</summary>
    PushPreview,

    /// <summary>A dialer takes records to dial.</summary>
    TakeRecords,

    /// <summary>Every record reached a final disposition.</summary>
    ListExhausted,
}

/// <summary>
/// What a supervisor, an agent or a dialer asks of a <see cref="Campaign"/>; used by
/// <see cref="Campaign.PermittedCommands"/>, <see cref="Campaign.Can"/> and <see cref="Campaign.WhyNot"/>.
/// </summary>
public enum CampaignCommand
{
    /// <summary><see cref="Campaign.Start"/>.</summary>
    Start = CampaignTrigger.Start,

    /// <summary><see cref="Campaign.Pause"/>.</summary>
    Pause = CampaignTrigger.Pause,

    /// <summary><see cref="Campaign.Resume"/>.</summary>
    Resume = CampaignTrigger.Resume,

    /// <summary><see cref="Campaign.Stop"/>.</summary>
    Stop = CampaignTrigger.Stop,

    /// <summary><see cref="Campaign.SetMode"/>.</summary>
    SetMode = CampaignTrigger.SetMode,

    /// <summary><see cref="Campaign.Assign"/>.</summary>
    Assign = CampaignTrigger.Assign,

    /// <summary><see cref="Campaign.Unassign"/>.</summary>
    Unassign = CampaignTrigger.Unassign,

    /// <summary><see cref="Campaign.RequestPreview"/>.</summary>
    RequestPreview = CampaignTrigger.RequestPreview,

    /// <summary><see cref="Campaign.PushPreview"/>.</summary>
    PushPreview = CampaignTrigger.PushPreview,

    /// <summary><see cref="Campaign.TryTakeNextRecord"/> and <see cref="Campaign.TakeRecords"/>.</summary>
    TakeRecords = CampaignTrigger.TakeRecords,
}

/// <summary>Why a campaign command is refused.</summary>
public enum CampaignRefusalReason
{
    /// <summary>The command means nothing in the campaign's state.</summary>
    WrongState,

    /// <summary>The command belongs to another delivery mode.</summary>
    WrongMode,

    /// <summary>The agent is not assigned to the campaign.</summary>
    NotAssigned,

    /// <summary>The agent already holds a preview record of the campaign.</summary>
    AgentBusy,

    /// <summary>An argument is invalid.</summary>
    InvalidArgument,
}
