namespace ContactCenter.Core.Campaigns;

/// <summary>The states of a <see cref="CallingRecord"/> (<see cref="CallingRecord.Definition"/>).</summary>
public enum CallingRecordState
{
    /// <summary>Waiting in the list to be delivered (a skipped record comes back here, after the other ready records).</summary>
    Ready,

    /// <summary>To be retried at <see cref="CallingRecord.RetryAt"/>; deliverable from that instant.</summary>
    Scheduled,

    /// <summary>Delivered to an agent as a preview request, not yet accepted.</summary>
    Delivered,

    /// <summary>Accepted: the agent is reviewing the record (and may skip, complete or dial it).</summary>
    Previewing,

    /// <summary>A call is being placed to one of its numbers; exactly one attempt is open.</summary>
    Dialing,

    /// <summary>The contact answered and the call is with an agent.</summary>
    Connected,

    /// <summary>Finished for this campaign, with a disposition (final).</summary>
    Done,
}

/// <summary>
/// The triggers of a calling record's state machine: every <see cref="CallingRecordCommand"/> (same names and values)
/// plus those the campaign fires itself.
/// </summary>
public enum CallingRecordTrigger
{
    /// <summary>The agent accepts the preview request.</summary>
    Accept,

    /// <summary>The agent skips the record: it goes back to the list, counted.</summary>
    Skip,

    /// <summary>The agent dials a number of the previewed record.</summary>
    Dial,

    /// <summary>The call is answered and given to an agent.</summary>
    Connect,

    /// <summary>The call ended without reaching the contact (busy, no answer...).</summary>
    RecordResult,

    /// <summary>The record is finished with a disposition.</summary>
    Complete,

    /// <summary>The connected attempt is rescheduled at an instant.</summary>
    Reschedule,

    /// <summary>The record is delivered to an agent as a preview request.</summary>
    Deliver,

    /// <summary>A dialer takes the record and dials its recommended number.</summary>
    Take,

    /// <summary>The preview time ran out: the recommended number is dialled (or, when none may be dialled now, the record goes back).</summary>
    PreviewTimedOut,
}

/// <summary>What an agent or a dialer asks of a <see cref="CallingRecord"/>, through its <see cref="Campaign"/>.</summary>
public enum CallingRecordCommand
{
    /// <summary><see cref="Campaign.AcceptPreview"/>.</summary>
    Accept = CallingRecordTrigger.Accept,

    /// <summary><see cref="Campaign.SkipPreview"/>.</summary>
    Skip = CallingRecordTrigger.Skip,

    /// <summary><see cref="Campaign.DialPreview"/>.</summary>
    Dial = CallingRecordTrigger.Dial,

    /// <summary><see cref="Campaign.Connected"/> (or <see cref="Campaign.RecordCallResult"/> with <see cref="CampaignCallResult.LiveAnswer"/>).</summary>
    Connect = CallingRecordTrigger.Connect,

    /// <summary><see cref="Campaign.RecordCallResult"/> with any other result.</summary>
    RecordResult = CallingRecordTrigger.RecordResult,

    /// <summary><see cref="Campaign.Complete"/>.</summary>
    Complete = CallingRecordTrigger.Complete,

    /// <summary><see cref="Campaign.Reschedule"/>.</summary>
    Reschedule = CallingRecordTrigger.Reschedule,
}

/// <summary>Why a calling-record command is refused.</summary>
public enum CallingRecordRefusalReason
{
    /// <summary>The command means nothing in the record's state.</summary>
    WrongState,

    /// <summary>The number may not be dialled now (compliance), or is unknown or unusable.</summary>
    NotDialable,

    /// <summary>An argument is invalid (an unconfigured disposition, an instant in the past, a blank agent id...).</summary>
    InvalidArgument,
}

/// <summary>The outcome of one call attempt.</summary>
public enum CampaignCallResult
{
    /// <summary>A person answered.</summary>
    LiveAnswer,

    /// <summary>An answering machine or voicemail answered.</summary>
    AnsweringMachine,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>A fax machine answered: the number is not usable for voice.</summary>
    Fax,

    /// <summary>A special information tone (SIT): the number is invalid or disconnected.</summary>
    InvalidNumber,

    /// <summary>The contact answered but no agent was free: the call was dropped (abandoned).</summary>
    Dropped,

    /// <summary>The network or the dialer failed to place the call.</summary>
    Error,
}

/// <summary>Why a record reached <see cref="CallingRecordState.Done"/>.</summary>
public enum RecordEndReason
{
    /// <summary>An agent or the host completed it with a disposition (<see cref="Campaign.Complete"/>).</summary>
    Completed,

    /// <summary>The attempts allowed for a result, or for the record, are used up.</summary>
    AttemptsExhausted,

    /// <summary>The result has no retry rule, so the record ends.</summary>
    NoRetryRule,

    /// <summary>Every number of the record turned out unusable (fax, invalid number).</summary>
    NoUsableNumber,
}
