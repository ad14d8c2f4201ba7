using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>What <see cref="ISlotBookingStore.TryReserveAsync"/> did.</summary>
public enum SlotReservationStatus
{
    /// <summary>A seat was reserved (durably written).</summary>
    Reserved,

    /// <summary>The slot held <c>capacity</c> bookings already: nothing was written.</summary>
    Full,

    /// <summary>A booking with this id exists already: nothing was written.</summary>
    DuplicateBookingId,
}

/// <summary>The answer of <see cref="ISlotBookingStore.TryReserveAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="BookedCount">How many bookings the slot holds now (with the new one when reserved).</param>
public readonly record struct SlotReservation(SlotReservationStatus Status, int BookedCount);

/// <summary>
/// Durable bookings of slot capacity, keyed by the slot's start instant. <see cref="TryReserveAsync"/> is one atomic "reserve
/// one seat of this slot if fewer than <c>capacity</c> are booked", durable before it returns, safe against concurrent
/// reservations from several hosts (never more than <c>capacity</c> bookings in a slot).
/// </summary>
public interface ISlotBookingStore
{
    /// <summary>Reserves one seat of the booking's slot if the slot holds fewer than <paramref name="capacity"/> bookings.</summary>
    /// <param name="booking">The booking (its <see cref="SlotBooking.SlotStart"/> is the key).</param>
    /// <param name="capacity">The slot's seats; at least 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Reserved, full or duplicate id, with the slot's count.</returns>
    Task<SlotReservation> TryReserveAsync(SlotBooking booking, int capacity, CancellationToken cancellationToken = default);

    /// <summary>Removes a booking, freeing its seat.</summary>
    /// <param name="bookingId">The booking's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken = default);

    /// <summary>Reads a booking.</summary>
    /// <param name="bookingId">The booking's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The booking, or <see langword="null"/>.</returns>
    Task<SlotBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default);

    /// <summary>The booking counts of the slots starting within <paramref name="range"/> (half-open), one per slot start with at least one booking, sorted by start.</summary>
    /// <param name="range">The slot starts of interest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts.</returns>
    Task<IReadOnlyList<SlotBookingCount>> GetBookedCountsAsync(Interval range, CancellationToken cancellationToken = default);

    /// <summary>The bookings of the slots starting within <paramref name="range"/>, by slot start then id (ordinal).</summary>
    /// <param name="range">The slot starts of interest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bookings.</returns>
    Task<IReadOnlyList<SlotBooking>> ListAsync(Interval range, CancellationToken cancellationToken = default);
}
