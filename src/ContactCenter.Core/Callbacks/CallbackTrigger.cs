namespace ContactCenter.Core.Callbacks;

/// <summary>
/// The triggers of the callback's state machine (<see cref="Callback.Definition"/>): every
/// <see cref="CallbackCommand"/> (same names and values) plus the timer that ends a callback's window.
/// </summary>
public enum CallbackTrigger
{
    /// <summary>The callback becomes due (its due timer, or a host forcing it).</summary>
    MarkDue,

    /// <summary>The callback is offered to an agent.</summary>
    Offer,

    /// <summary>The agent accepts the offer.</summary>
    Accept,

    /// <summary>The agent declines the offer.</summary>
    Decline,

    /// <summary>The agent did not answer the offer in time.</summary>
    OfferTimedOut,

    /// <summary>The router withdraws the offer.</summary>
    WithdrawOffer,

    /// <summary>The agent dials the contact: an attempt starts.</summary>
    Dial,

    /// <summary>The attempt's result is recorded: the attempt ends.</summary>
    RecordResult,

    /// <summary>A new instant (and optionally number, window, ownership): at once when scheduled or due, at Mark done otherwise.</summary>
    Reschedule,

    /// <summary>Withdraws a pending reschedule, or cancels a callback that was rescheduled.</summary>
    Unschedule,

    /// <summary>The agent marks the callback done: completed, rescheduled, retried or failed.</summary>
    MarkDone,

    /// <summary>Removes the callback so that the contact is not called back.</summary>
    Cancel,

    /// <summary>Timer: the callback's window ended before the callback was taken.</summary>
    WindowExpired,
}
