namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The event ids of the SDK's log messages (<c>Microsoft.Extensions.Logging</c>), grouped by area: 1xxx agents,
/// 2xxx interactions, 3xxx callbacks, 4xxx campaigns, 5xxx pacing, 6xxx persistence and recovery. The categories are
/// <c>ContactCenter.Core.Agents</c>, <c>ContactCenter.Core.Interactions</c>, <c>ContactCenter.Core.Callbacks</c>,
/// <c>ContactCenter.Core.Campaigns</c>, <c>ContactCenter.Core.Pacing</c> and <c>ContactCenter.Core.Persistence</c>. Messages carry ids, states and causes,
/// never a phone number, DTMF digits, a note, an address or a data value.
/// </summary>
public static class ContactCenterLogEvents
{
    /// <summary>1001, Debug: an agent's state changed.</summary>
    public const int AgentStateChanged = 1001;

    /// <summary>1002, Debug: an offer to an agent ended without being accepted (rejected, timed out, released, revoked).</summary>
    public const int AgentOfferEnded = 1002;

    /// <summary>1003, Information: an agent command was refused.</summary>
    public const int AgentCommandRefused = 1003;

    /// <summary>2001, Debug: an interaction's state changed.</summary>
    public const int InteractionStateChanged = 2001;

    /// <summary>2002, Information: an interaction command was refused.</summary>
    public const int InteractionCommandRefused = 2002;

    /// <summary>2003, Debug: DTMF digits were sent (their count only; the digits are never logged).</summary>
    public const int DtmfSent = 2003;

    /// <summary>3001, Debug: a callback's state changed.</summary>
    public const int CallbackStateChanged = 3001;

    /// <summary>3002, Information: a callback fell due.</summary>
    public const int CallbackDue = 3002;

    /// <summary>3003, Information: a callback command was refused.</summary>
    public const int CallbackCommandRefused = 3003;

    /// <summary>3004, Debug: a callback dispatcher queued a due callback.</summary>
    public const int CallbackQueued = 3004;

    /// <summary>3005, Debug: a callback dispatcher offered a callback to an agent.</summary>
    public const int CallbackOfferedToAgent = 3005;

    /// <summary>3006, Debug: a callback attempt started (the agent dialled).</summary>
    public const int CallbackDialled = 3006;

    /// <summary>4001, Information: a campaign's state changed.</summary>
    public const int CampaignStateChanged = 4001;

    /// <summary>4002, Debug: a call is being placed for a calling record.</summary>
    public const int CallingRecordDialled = 4002;

    /// <summary>4003, Information: a due record is held back by compliance (no number may be dialled now), with the explanation.</summary>
    public const int CallingRecordWaiting = 4003;

    /// <summary>4004, Debug: a calling record was completed.</summary>
    public const int CallingRecordCompleted = 4004;

    /// <summary>4005, Information: a campaign command was refused.</summary>
    public const int CampaignCommandRefused = 4005;

    /// <summary>4006, Information: a calling-record command was refused.</summary>
    public const int CallingRecordCommandRefused = 4006;

    /// <summary>5001, Trace: a pacing strategy's decision (how many calls to place now, and why).</summary>
    public const int PacingDecision = 5001;

    /// <summary>6001, Information: the host opened its store and recovered what it held (a summary of the recovery report).</summary>
    public const int RecoveryCompleted = 6001;

    /// <summary>6002, Warning: an in-flight interaction whose host died was taken over for a person to finish.</summary>
    public const int RecoveryOrphanedInteraction = 6002;

    /// <summary>6003, Error: the store could not be opened or recovered when the host started (the start fails).</summary>
    public const int RecoveryFailed = 6003;
}
