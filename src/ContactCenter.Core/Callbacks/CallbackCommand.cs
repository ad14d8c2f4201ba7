namespace ContactCenter.Core.Callbacks;

/// <summary>
/// What an agent, the dispatcher or the host asks of a <see cref="Callback"/>; each value has one method on
/// <see cref="Callback"/>. Used by <see cref="Callback.PermittedCommands"/>, <see cref="Callback.Can"/> and
/// <see cref="Callback.WhyNot"/> to enable or grey buttons.
/// </summary>
public enum CallbackCommand
{
    /// <summary><see cref="Callback.MarkDue"/>.</summary>
    MarkDue = CallbackTrigger.MarkDue,

    /// <summary><see cref="Callback.Offer"/> (the dispatcher).</summary>
    Offer = CallbackTrigger.Offer,

    /// <summary><see cref="Callback.Accept"/>.</summary>
    Accept = CallbackTrigger.Accept,

    /// <summary><see cref="Callback.Decline"/>.</summary>
    Decline = CallbackTrigger.Decline,

    /// <summary><see cref="Callback.OfferTimedOut"/> (the dispatcher, when the agent's offer timed out).</summary>
    OfferTimedOut = CallbackTrigger.OfferTimedOut,

    /// <summary><see cref="Callback.WithdrawOffer"/> (the dispatcher).</summary>
    WithdrawOffer = CallbackTrigger.WithdrawOffer,

    /// <summary><see cref="Callback.Dial"/>.</summary>
    Dial = CallbackTrigger.Dial,

    /// <summary><see cref="Callback.RecordResult"/>.</summary>
    RecordResult = CallbackTrigger.RecordResult,

    /// <summary><see cref="Callback.Reschedule"/>.</summary>
    Reschedule = CallbackTrigger.Reschedule,

    /// <summary><see cref="Callback.Unschedule"/>.</summary>
    Unschedule = CallbackTrigger.Unschedule,

    /// <summary><see cref="Callback.MarkDone"/>.</summary>
    MarkDone = CallbackTrigger.MarkDone,

    /// <summary><see cref="Callback.Cancel"/>.</summary>
    Cancel = CallbackTrigger.Cancel,
}
