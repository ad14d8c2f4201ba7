using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// The booked callbacks a slot search reads: how many bookings each slot start holds. Implemented
/// in memory by <see cref="SlotBook"/>; a persistent store implements the same port. Synchronous and
/// read-only; bookings are keyed by the slot's start instant, never by a local time.
/// </summary>
public interface ISlotBookings
{
    /// <summary>The booking counts of the slots starting within <paramref name="range"/>.</summary>
    /// <param name="range">The slot starts of interest (half-open).</param>
    /// <returns>One entry per slot start with at least one booking, sorted by start.</returns>
    IReadOnlyList<SlotBookingCount> GetBookedCounts(Interval range);
}

/// <summary>How many callbacks are booked in the slot starting at <see cref="SlotStart"/>.</summary>
/// <param name="SlotStart">The slot's start instant.</param>
/// <param name="Count">The number of bookings.</param>
public readonly record struct SlotBookingCount(Instant SlotStart, int Count);
