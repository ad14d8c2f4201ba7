namespace ContactCenter.Core.Pacing;

/// <summary>What a logged-in agent of a campaign is doing, as far as pacing is concerned.</summary>
public enum PacingAgentState
{
    /// <summary>Ready and holding nothing: can take the next connected call or preview record.</summary>
    Free,

    /// <summary>Held for something else: a preview record on the desktop, a call being handed over, a negotiated logout.</summary>
    Reserved,

    /// <summary>Talking on a call of the campaign.</summary>
    Talking,

    /// <summary>In after-call work (wrap-up) after a call.</summary>
    WrapUp,

    /// <summary>Logged in but not ready (break, meeting...): not expected to take calls.</summary>
    Away,
}
