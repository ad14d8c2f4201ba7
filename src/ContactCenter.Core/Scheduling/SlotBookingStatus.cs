namespace ContactCenter.Core.Scheduling;

/// <summary>The outcome of <see cref="SlotBook.TryBook"/>.</summary>
public enum SlotBookingStatus
{
    /// <summary>The slot was booked.</summary>
    Booked = 0,

    /// <summary>The slot had no seat left (someone else took the last one).</summary>
    Full,

    /// <summary>
    /// No such slot is offered: the instant is not on the centre's grid, or the slot is not wholly
    /// inside the centre's hours, the customer's window, the legal windows and the horizon, starts
    /// too soon, or has no seats planned.
    /// </summary>
    NotOffered,

    /// <summary>The book already holds a booking with that identifier; nothing was changed.</summary>
    DuplicateBookingId,
}
