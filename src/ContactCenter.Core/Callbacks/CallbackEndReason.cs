namespace ContactCenter.Core.Callbacks;

/// <summary>Why a callback reached a terminal state.</summary>
public enum CallbackEndReason
{
    /// <summary>The contact was reached and the callback marked done (<see cref="CallbackState.Completed"/>).</summary>
    Completed,

    /// <summary>Cancelled with <see cref="Callback.Cancel"/> (<see cref="CallbackState.Cancelled"/>).</summary>
    Cancelled,

    /// <summary>A rescheduled callback was unscheduled with <see cref="Callback.Unschedule"/> (<see cref="CallbackState.Cancelled"/>).</summary>
    Unscheduled,

    /// <summary>The last attempt failed and <see cref="CallbackOptions.MaxAttempts"/> attempts were made (<see cref="CallbackState.Failed"/>).</summary>
    AttemptsExhausted,

    /// <summary>The window ended before the contact was reached, or before a retry could be made (<see cref="CallbackState.Failed"/>).</summary>
    WindowExpired,

    /// <summary>
    /// The last attempt found the number invalid or not the contact's, and no reschedule (with another number)
    /// was pending (<see cref="CallbackState.Failed"/>): retrying the same number is pointless.
    /// </summary>
    UnusableNumber,
}
