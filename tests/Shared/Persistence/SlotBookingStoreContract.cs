using System;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using NodaTime;
using Xunit;

namespace ContactCenter.Persistence.Contracts;

/// <summary>What every <see cref="ISlotBookingStore"/> does: reserve a seat only while capacity remains, atomically.</summary>
public abstract class SlotBookingStoreContract
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IContactCenterStore> CreateStoreAsync();

    [Fact]
    public async Task Seats_are_reserved_until_the_capacity_then_the_slot_is_full()
    {
        var store = (await CreateStoreAsync()).Bookings;
        Assert.Equal(new SlotReservation(SlotReservationStatus.Reserved, 1), await store.TryReserveAsync(ContractData.Booking("a", 2), 2));
        Assert.Equal(new SlotReservation(SlotReservationStatus.Reserved, 2), await store.TryReserveAsync(ContractData.Booking("b", 2), 2));
        Assert.Equal(new SlotReservation(SlotReservationStatus.Full, 2), await store.TryReserveAsync(ContractData.Booking("c", 2), 2));
        Assert.Null(await store.FindAsync("c"));
        Assert.Equal(new SlotReservation(SlotReservationStatus.Reserved, 1), await store.TryReserveAsync(ContractData.Booking("c", 3), 2));
    }

    [Fact]
    public async Task A_duplicate_id_is_refused_even_for_another_slot()
    {
        var store = (await CreateStoreAsync()).Bookings;
        await store.TryReserveAsync(ContractData.Booking("a", 2), 5);
        var again = await store.TryReserveAsync(ContractData.Booking("a", 4), 5);
        Assert.Equal(SlotReservationStatus.DuplicateBookingId, again.Status);
        Assert.Equal(ContractData.Start + Duration.FromHours(2), (await store.FindAsync("a"))!.SlotStart);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryReserveAsync(ContractData.Booking("z", 2), 0));
    }

    [Fact]
    public async Task Bookings_read_back_identical_and_counts_and_lists_follow_the_range()
    {
        var store = (await CreateStoreAsync()).Bookings;
        var a = ContractData.Booking("a", 2);
        foreach (var booking in new[] { a, ContractData.Booking("c", 2), ContractData.Booking("b", 2), ContractData.Booking("d", 5), ContractData.Booking("e", 9) })
        {
            await store.TryReserveAsync(booking, 10);
        }

        Assert.Equal(SnapshotJson.Write(a), SnapshotJson.Write((await store.FindAsync("a"))!));
        var range = new Interval(ContractData.Start + Duration.FromHours(2), ContractData.Start + Duration.FromHours(9));
        Assert.Equal(
            [new SlotBookingCount(ContractData.Start + Duration.FromHours(2), 3), new SlotBookingCount(ContractData.Start + Duration.FromHours(5), 1)],
            await store.GetBookedCountsAsync(range));
        Assert.Equal(["a", "b", "c", "d"], (await store.ListAsync(range)).Select(static b => b.Id));
        Assert.Equal(5, (await store.ListAsync(new Interval(null, null))).Count);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat()
    {
        var store = (await CreateStoreAsync()).Bookings;
        await store.TryReserveAsync(ContractData.Booking("a", 2), 1);
        Assert.True(await store.CancelAsync("a"));
        Assert.False(await store.CancelAsync("a"));
        Assert.Equal(SlotReservationStatus.Reserved, (await store.TryReserveAsync(ContractData.Booking("b", 2), 1)).Status);
    }

    [Fact]
    public async Task Concurrent_reservations_never_exceed_the_capacity()
    {
        var store = (await CreateStoreAsync()).Bookings;
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.TryReserveAsync(ContractData.Booking("b" + i, 7), 6))));
        Assert.Equal(6, results.Count(static r => r.Status == SlotReservationStatus.Reserved));
        Assert.Equal(34, results.Count(static r => r.Status == SlotReservationStatus.Full));
        Assert.Equal(6, (await store.GetBookedCountsAsync(new Interval(null, null))).Single().Count);
    }
}
