using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Core.Tests.Persistence;

/// <summary>An in-memory callback store whose writes fail (nothing written) while <see cref="Failing"/> is set.</summary>
internal sealed class FaultyCallbackStore(ICallbackStore inner) : ICallbackStore
{
    public bool Failing { get; set; }

    public int Writes { get; private set; }

    public Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        Fail();
        return inner.AddAsync(snapshot, cancellationToken);
    }

    public Task<StoredCallback?> FindAsync(CallbackId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

    public Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Fail();
        return inner.SaveAsync(snapshot, expectedVersion, cancellationToken);
    }

    public Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken = default) => inner.ListOpenAsync(skip, take, cancellationToken);

    public Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken = default) => inner.ClaimDueAsync(request, cancellationToken);

    public Task<bool> ReleaseAsync(CallbackId id, string ownerId, CancellationToken cancellationToken = default) => inner.ReleaseAsync(id, ownerId, cancellationToken);

    private void Fail()
    {
        if (Failing)
        {
            throw new StoreException(StoreFailure.Full, "The disk is full (test).");
        }

        Writes++;
    }
}

/// <summary>An in-memory booking store whose reservations fail while <see cref="Failing"/> is set.</summary>
internal sealed class FaultyBookingStore(ISlotBookingStore inner) : ISlotBookingStore
{
    public bool Failing { get; set; }

    public Task<SlotReservation> TryReserveAsync(SlotBooking booking, int capacity, CancellationToken cancellationToken = default) =>
        Failing ? throw new StoreException(StoreFailure.Unavailable, "The store is unreachable (test).") : inner.TryReserveAsync(booking, capacity, cancellationToken);

    public Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken = default) => inner.CancelAsync(bookingId, cancellationToken);

    public Task<SlotBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default) => inner.FindAsync(bookingId, cancellationToken);

    public Task<IReadOnlyList<SlotBookingCount>> GetBookedCountsAsync(Interval range, CancellationToken cancellationToken = default) => inner.GetBookedCountsAsync(range, cancellationToken);

    public Task<IReadOnlyList<SlotBooking>> ListAsync(Interval range, CancellationToken cancellationToken = default) => inner.ListAsync(range, cancellationToken);
}
