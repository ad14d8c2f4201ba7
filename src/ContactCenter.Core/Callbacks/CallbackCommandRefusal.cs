namespace ContactCenter.Core.Callbacks;

/// <summary>Why a callback command is refused.</summary>
public enum CallbackRefusalReason
{
    /// <summary>The command means nothing in the callback's current state.</summary>
    WrongState,

    /// <summary>No reschedule is pending (to withdraw, or to apply at Mark done without an attempt).</summary>
    NoPendingReschedule,

    /// <summary>Only a callback that was rescheduled can be unscheduled.</summary>
    NotRescheduled,

    /// <summary>A personal callback is offered only to its owner.</summary>
    NotTheOwner,

    /// <summary>The centre forces personal (or shared) callbacks; the other kind is refused.</summary>
    OwnershipForced,

    /// <summary>An argument is invalid (an instant in the past, a window that does not contain it, a blank agent id...).</summary>
    InvalidArgument,
}

/// <summary>Why a callback command is refused, for the UI to show.</summary>
/// <param name="Command">The refused command.</param>
/// <param name="State">The callback's state when it was refused.</param>
/// <param name="Reason">The reason, as a value.</param>
/// <param name="Message">The reason, for people.</param>
public sealed record CallbackCommandRefusal(CallbackCommand Command, CallbackState State, CallbackRefusalReason Reason, string Message);
