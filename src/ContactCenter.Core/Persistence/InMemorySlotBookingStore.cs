using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary><see cref="ISlotBookingStore"/> in memory: for tests and hosts that need no durability. Thread-safe.</summary>
public sealed class InMemorySlotBookingStore : ISlotBookingStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SlotBooking> _byId = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<SlotReservation> TryReserveAsync(SlotBooking booking, int capacity, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(booking);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A slot has at least one seat.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            int count = _byId.Values.Count(b => b.SlotStart == booking.SlotStart);
            if (_byId.ContainsKey(booking.Id))
            {
                return Task.FromResult(new SlotReservation(SlotReservationStatus.DuplicateBookingId, count));
            }

            if (count >= capacity)
            {
                return Task.FromResult(new SlotReservation(SlotReservationStatus.Full, count));
            }

            _byId.Add(booking.Id, booking);
            return Task.FromResult(new SlotReservation(SlotReservationStatus.Reserved, count + 1));
        }
    }

    /// <inheritdoc />
    public Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(bookingId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_byId.Remove(bookingId));
        }
    }

    /// <inheritdoc />
    public Task<SlotBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(bookingId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_byId.TryGetValue(bookingId, out var booking) ? booking : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SlotBookingCount>> GetBookedCountsAsync(Interval range, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SlotBookingCount> counts = _byId.Values.Where(b => range.Contains(b.SlotStart))
                .GroupBy(static b => b.SlotStart).OrderBy(static g => g.Key)
                .Select(static g => new SlotBookingCount(g.Key, g.Count())).ToArray();
            return Task.FromResult(counts);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SlotBooking>> ListAsync(Interval range, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SlotBooking> list = _byId.Values.Where(b => range.Contains(b.SlotStart))
                .OrderBy(static b => b.SlotStart).ThenBy(static b => b.Id, StringComparer.Ordinal).ToArray();
            return Task.FromResult(list);
        }
    }
}
