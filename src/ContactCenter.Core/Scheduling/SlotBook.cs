using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// The in-memory book of callback slot bookings, keyed by slot start instant. Thread-safe; booking is
/// atomic: <see cref="TryBook"/> re-checks, under the book's lock, that the slot is still offered
/// (on the grid, inside every window, after the minimum notice, within the horizon) and that a seat
/// remains, and only then records the booking. Two callers racing for the last seat: exactly one
/// succeeds; the other is told the slot is full and receives the nearest available alternatives.
/// Searches read a consistent snapshot without taking the lock.
/// </summary>
public sealed class SlotBook : ISlotBookings
{
    /// <summary>How many alternatives a refused booking proposes unless told otherwise.</summary>
    public const int DefaultAlternatives = 3;

    private readonly object _gate = new();
    private readonly Dictionary<string, SlotBooking> _byId = new(StringComparer.Ordinal);
    private SlotBookingCount[] _counts = []; // sorted by start; replaced, never mutated, under _gate

    /// <summary>How many bookings the book holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>A snapshot of the bookings, sorted by slot start, then by identifier (ordinal).</summary>
    public IReadOnlyList<SlotBooking> Bookings
    {
        get
        {
            lock (_gate)
            {
                return [.. _byId.Values.OrderBy(static b => b.SlotStart).ThenBy(static b => b.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SlotBookingCount> GetBookedCounts(Interval range)
    {
        var counts = Volatile.Read(ref _counts);
        var from = range.HasStart ? LowerBound(counts, range.Start) : 0;
        var to = range.HasEnd ? LowerBound(counts, range.End) : counts.Length;
        return new ArraySegment<SlotBookingCount>(counts, from, Math.Max(0, to - from));
    }

    /// <summary>How many callbacks are booked in the slot starting at <paramref name="slotStart"/>.</summary>
    /// <param name="slotStart">The slot's start instant.</param>
    /// <returns>The number of bookings.</returns>
    public int BookedCount(Instant slotStart)
    {
        var counts = Volatile.Read(ref _counts);
        var index = LowerBound(counts, slotStart);
        return index < counts.Length && counts[index].SlotStart == slotStart ? counts[index].Count : 0;
    }

    /// <summary>Finds a booking by identifier.</summary>
    /// <param name="bookingId">The identifier.</param>
    /// <param name="booking">The booking, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetBooking(string bookingId, [NotNullWhen(true)] out SlotBooking? booking)
    {
        Guard.NotNull(bookingId);
        lock (_gate)
        {
            return _byId.TryGetValue(bookingId, out booking);
        }
    }

    /// <summary>
    /// Books the slot starting at <paramref name="slotStart"/>, atomically: the slot must be one that
    /// <see cref="SlotCalculator.Calculate(SlotQuery, ISlotBookings, Instant)"/> offers for
    /// <paramref name="query"/> at <paramref name="now"/> against this book, with a seat left.
    /// A refusal changes nothing and, unless the identifier was a duplicate, proposes the nearest
    /// available slots.
    /// </summary>
    /// <param name="query">The search the slot was chosen from (its windows, capacity, notice and horizon are re-checked).</param>
    /// <param name="slotStart">The slot's start instant (<see cref="Slot.Start"/>).</param>
    /// <param name="bookingId">The new booking's identifier, unique in this book (for example the callback's id).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="maxAlternatives">How many alternatives to propose on refusal; zero for none.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="bookingId"/> is blank, <paramref name="maxAlternatives"/> is negative, or the query is invalid.</exception>
    public SlotBookingResult TryBook(SlotQuery query, Instant slotStart, string bookingId, Instant now, int maxAlternatives = DefaultAlternatives)
    {
        Guard.NotNull(query);
        Guard.NotNull(bookingId);
        if (string.IsNullOrWhiteSpace(bookingId))
        {
            throw new ArgumentException("A booking id must not be blank.", nameof(bookingId));
        }

        if (maxAlternatives < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAlternatives), maxAlternatives, "The number of alternatives must not be negative.");
        }

        Slot? slot;
        string? whyNot;
        lock (_gate)
        {
            if (_byId.ContainsKey(bookingId))
            {
                return new SlotBookingResult(SlotBookingStatus.DuplicateBookingId, null, $"The book already holds a booking with id '{bookingId}'; nothing was changed.", Array.Empty<Slot>());
            }

            slot = SlotEngine.Find(query, this, now, slotStart, out whyNot);
            if (slot is { Remaining: > 0 })
            {
                var booking = new SlotBooking(bookingId, slot, now);
                _byId.Add(bookingId, booking);
                Volatile.Write(ref _counts, Add(_counts, slotStart, +1));
                return new SlotBookingResult(SlotBookingStatus.Booked, booking, $"Booked {slot}.", Array.Empty<Slot>());
            }
        }

        var status = slot is null ? SlotBookingStatus.NotOffered : SlotBookingStatus.Full;
        var explanation = slot is null ? whyNot! : $"The slot {slot} has no seat left ({slot.Total} of {slot.Total} booked).";
        var alternatives = maxAlternatives == 0
            ? Array.Empty<Slot>()
            : Nearest(SlotEngine.Search(query with { ReportFullSlots = false }, this, now).Slots, slotStart, maxAlternatives);
        return new SlotBookingResult(status, null, explanation, alternatives);
    }

    /// <summary>Cancels a booking, freeing its seat.</summary>
    /// <param name="bookingId">The booking's identifier.</param>
    /// <returns>Whether a booking was cancelled (false when the book holds none with that id).</returns>
    public bool Cancel(string bookingId)
    {
        Guard.NotNull(bookingId);
        lock (_gate)
        {
            if (!_byId.TryGetValue(bookingId, out var booking))
            {
                return false;
            }

            _byId.Remove(bookingId);
            Volatile.Write(ref _counts, Add(_counts, booking.SlotStart, -1));
            return true;
        }
    }

    private static IReadOnlyList<Slot> Nearest(IReadOnlyList<Slot> slots, Instant target, int count)
    {
        if (slots.Count <= count)
        {
            return slots;
        }

        // Grow a window [lo, hi) around the target's position, taking the nearer neighbour each time.
        int lo = 0, hi = slots.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (slots[mid].Start < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        hi = lo;
        while (hi - lo < count)
        {
            if (lo == 0)
            {
                hi++;
            }
            else if (hi == slots.Count || target - slots[lo - 1].Start <= slots[hi].Start - target)
            {
                lo--;
            }
            else
            {
                hi++;
            }
        }

        var nearest = new Slot[count];
        for (var i = 0; i < count; i++)
        {
            nearest[i] = slots[lo + i];
        }

        return nearest;
    }

    private static SlotBookingCount[] Add(SlotBookingCount[] counts, Instant slotStart, int delta)
    {
        var index = LowerBound(counts, slotStart);
        if (index < counts.Length && counts[index].SlotStart == slotStart)
        {
            var count = counts[index].Count + delta;
            if (count == 0)
            {
                var shorter = new SlotBookingCount[counts.Length - 1];
                Array.Copy(counts, 0, shorter, 0, index);
                Array.Copy(counts, index + 1, shorter, index, counts.Length - index - 1);
                return shorter;
            }

            var copy = (SlotBookingCount[])counts.Clone();
            copy[index] = new SlotBookingCount(slotStart, count);
            return copy;
        }

        var longer = new SlotBookingCount[counts.Length + 1];
        Array.Copy(counts, 0, longer, 0, index);
        longer[index] = new SlotBookingCount(slotStart, delta);
        Array.Copy(counts, index, longer, index + 1, counts.Length - index);
        return longer;
    }

    private static int LowerBound(SlotBookingCount[] counts, Instant instant)
    {
        int lo = 0, hi = counts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (counts[mid].SlotStart < instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
