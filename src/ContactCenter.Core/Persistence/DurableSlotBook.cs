using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Slot bookings written to an <see cref="ISlotBookingStore"/> before they are acknowledged: <see cref="TryBookAsync"/>
/// returns <see cref="SlotBookingStatus.Booked"/> only once the seat is durably reserved — with the store's atomic
/// "reserve one seat if capacity remains", so that several hosts never overbook a slot. It is also the
/// <see cref="ISlotBookings"/> a slot search reads, from counts cached on this host (refreshed from the store by
/// <see cref="LoadAsync"/> and by every refused reservation).
/// </summary>
public sealed class DurableSlotBook : ISlotBookings
{
    private readonly ISlotBookingStore _store;
    private readonly object _gate = new();
    private SortedDictionary<Instant, int> _counts = [];

    /// <summary>Creates a book over a store (call <see cref="LoadAsync"/> to read the counts already stored).</summary>
    /// <param name="store">Where bookings are written.</param>
    public DurableSlotBook(ISlotBookingStore store) => _store = Guard.NotNull(store);

    /// <summary>Reads the booking counts of the slots starting within <paramref name="range"/> from the store, replacing the cached ones.</summary>
    /// <param name="range">The slot starts of interest (unbounded for all).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the counts are read.</returns>
    public async Task LoadAsync(Interval range, CancellationToken cancellationToken = default)
    {
        var counts = await _store.GetBookedCountsAsync(range, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var copy = new SortedDictionary<Instant, int>(_counts);
            foreach (var start in copy.Keys.Where(range.Contains).ToArray())
            {
                copy.Remove(start);
            }

            foreach (var count in counts)
            {
                copy[count.SlotStart] = count.Count;
            }

            _counts = copy;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SlotBookingCount> GetBookedCounts(Interval range)
    {
        lock (_gate)
        {
            return _counts.Where(p => range.Contains(p.Key)).Select(static p => new SlotBookingCount(p.Key, p.Value)).ToArray();
        }
    }

    /// <summary>
    /// Books a seat of the slot starting at <paramref name="slotStart"/>, as <see cref="SlotBook.TryBook"/> does, and returns
    /// <see cref="SlotBookingStatus.Booked"/> only once the booking is durably stored.
    /// </summary>
    /// <param name="query">The search the slot was offered by (centre hours, capacity, customer window...).</param>
    /// <param name="slotStart">The slot's start instant.</param>
    /// <param name="bookingId">The booking's id (e.g. the callback's id), unique in the store.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="maxAlternatives">How many nearest available slots to offer when refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Booked, full (someone took the last seat, maybe on another host), not offered, or a duplicate id.</returns>
    /// <exception cref="StoreException">The write failed: nothing is booked.</exception>
    public async Task<SlotBookingResult> TryBookAsync(
        SlotQuery query, Instant slotStart, string bookingId, Instant now, int maxAlternatives = SlotBook.DefaultAlternatives, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        Guard.NotNull(bookingId);
        if (string.IsNullOrWhiteSpace(bookingId))
        {
            throw new ArgumentException("A booking id must not be blank.", nameof(bookingId));
        }

        var slot = SlotEngine.Find(query, this, now, slotStart, out var whyNot);
        if (slot is null)
        {
            return new SlotBookingResult(SlotBookingStatus.NotOffered, null, whyNot!, Alternatives(query, now, slotStart, maxAlternatives));
        }

        var booking = new SlotBooking(bookingId, slot, now);
        var reservation = slot.Remaining > 0
            ? await _store.TryReserveAsync(booking, slot.Total, cancellationToken).ConfigureAwait(false)
            : new SlotReservation(SlotReservationStatus.Full, slot.Total);
        lock (_gate)
        {
            var copy = new SortedDictionary<Instant, int>(_counts) { [slotStart] = reservation.BookedCount };
            _counts = copy;
        }

        return reservation.Status switch
        {
            SlotReservationStatus.Reserved => new SlotBookingResult(SlotBookingStatus.Booked, booking, $"Booked {slot}.", []),
            SlotReservationStatus.DuplicateBookingId => new SlotBookingResult(
                SlotBookingStatus.DuplicateBookingId, null, $"The book already holds a booking with id '{bookingId}'; nothing was changed.", []),
            _ => new SlotBookingResult(SlotBookingStatus.Full, null, $"The slot {slot} has no seat left ({slot.Total} of {slot.Total} booked).", Alternatives(query, now, slotStart, maxAlternatives)),
        };
    }

    /// <summary>Cancels a booking in the store, freeing its seat.</summary>
    /// <param name="bookingId">The booking's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    public async Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        var booking = await _store.FindAsync(bookingId, cancellationToken).ConfigureAwait(false);
        if (booking is null || !await _store.CancelAsync(bookingId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        lock (_gate)
        {
            var copy = new SortedDictionary<Instant, int>(_counts);
            if (copy.TryGetValue(booking.SlotStart, out int count))
            {
                if (count <= 1)
                {
                    copy.Remove(booking.SlotStart);
                }
                else
                {
                    copy[booking.SlotStart] = count - 1;
                }
            }

            _counts = copy;
        }

        return true;
    }

    private Slot[] Alternatives(SlotQuery query, Instant now, Instant target, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var slots = SlotEngine.Search(query with { ReportFullSlots = false }, this, now).Slots;
        return slots.OrderBy(s => Abs(s.Start - target)).ThenBy(static s => s.Start).Take(count).OrderBy(static s => s.Start).ToArray();
    }

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;
}
