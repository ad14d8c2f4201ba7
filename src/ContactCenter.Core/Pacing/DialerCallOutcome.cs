namespace ContactCenter.Core.Pacing;

/// <summary>
/// How a placed call ended without reaching a live person. None of these counts in the legal abandon
/// rate, neither as abandoned nor as live-answered.
/// </summary>
public enum DialerCallOutcome
{
    /// <summary>An answering machine or voicemail picked up.</summary>
    AnsweringMachine,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>The call rang out without an answer.</summary>
    NoAnswer,

    /// <summary>The number is invalid, unallocated or disconnected.</summary>
    Invalid,

    /// <summary>A fax machine or modem answered.</summary>
    Fax,

    /// <summary>The network or the dialer failed to complete the call.</summary>
    Error,
}
