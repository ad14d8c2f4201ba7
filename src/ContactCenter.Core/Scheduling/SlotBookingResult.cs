using System.Collections.Generic;

namespace ContactCenter.Core.Scheduling;

/// <summary>The answer of <see cref="SlotBook.TryBook"/>.</summary>
public sealed record SlotBookingResult
{
    internal SlotBookingResult(SlotBookingStatus status, SlotBooking? booking, string explanation, IReadOnlyList<Slot> alternatives)
    {
        Status = status;
        Booking = booking;
        Explanation = explanation;
        Alternatives = alternatives;
    }

    /// <summary>Whether the slot was booked.</summary>
    public bool Succeeded => Status == SlotBookingStatus.Booked;

    /// <summary>What happened.</summary>
    public SlotBookingStatus Status { get; }

    /// <summary>The booking, when <see cref="Succeeded"/>.</summary>
    public SlotBooking? Booking { get; }

    /// <summary>A sentence saying what happened and, when refused, why (English, invariant formatting).</summary>
    public string Explanation { get; }

    /// <summary>
    /// When the slot was full or not offered: the available slots nearest to the one asked for (by
    /// elapsed time, the earlier first on a tie), listed in time order. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Slot> Alternatives { get; }
}
