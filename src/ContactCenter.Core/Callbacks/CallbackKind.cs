namespace ContactCenter.Core.Callbacks;

/// <summary>Where a callback comes from; each kind has its own <see cref="CallbackRequest"/>.</summary>
public enum CallbackKind
{
    /// <summary>The customer asked for it on a web page, for a window of time (<see cref="WebCallbackRequest"/>).</summary>
    Web,

    /// <summary>To call back as soon as possible (<see cref="AsapCallbackRequest"/>).</summary>
    Asap,

    /// <summary>To call back at an agreed instant (<see cref="ScheduledCallbackRequest"/>).</summary>
    Scheduled,

    /// <summary>A callback of an outbound campaign record, personal or shared with the campaign (<see cref="CampaignCallbackRequest"/>).</summary>
    Campaign,

    /// <summary>
    /// A voice message left by a caller waiting in a queue (<see cref="VoiceMessageCallbackRequest"/>): it keeps the
    /// caller's original position in the queue.
    /// </summary>
    VoiceMessage,
}
