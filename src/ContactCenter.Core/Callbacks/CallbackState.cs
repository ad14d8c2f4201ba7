namespace ContactCenter.Core.Callbacks;

/// <summary>The state of a <see cref="Callback"/> (see <see cref="Callback.Definition"/>).</summary>
public enum CallbackState
{
    /// <summary>Waiting for its due instant (<see cref="Callback.DueAt"/>); a timer on the time source makes it due.</summary>
    Scheduled,

    /// <summary>Due: queued, waiting for an agent, in the order of <see cref="Callback.QueuedSince"/>.</summary>
    Due,

    /// <summary>Offered to an agent (<see cref="Callback.CurrentOffer"/>), who accepts or declines it.</summary>
    Offered,

    /// <summary>The agent took it and has not dialled yet (e.g. listens to the caller's voice message).</summary>
    Accepted,

    /// <summary>An attempt is under way: the agent dialled and the attempt's result is not known yet.</summary>
    InProgress,

    /// <summary>The attempt ended with a result; the agent has not marked the callback done yet.</summary>
    WrapUp,

    /// <summary>Terminal: the contact was reached and the callback marked done.</summary>
    Completed,

    /// <summary>Terminal: cancelled (removed from the queue so the contact is not called back), or unscheduled.</summary>
    Cancelled,

    /// <summary>Terminal: attempts exhausted, window expired, or the number is unusable (see <see cref="Callback.EndReason"/>).</summary>
    Failed,
}
