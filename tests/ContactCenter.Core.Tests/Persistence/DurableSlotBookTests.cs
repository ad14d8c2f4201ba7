using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using NodaTime;
using Xunit;
using static ContactCenter.Core.Tests.Scheduling.SlotTestKit;

namespace ContactCenter.Core.Tests.Persistence;

public sealed class DurableSlotBookTests
{
    private static readonly SlotQuery s_query = SlotQuery.Create("Europe/Paris", Every("09:00-12:00"), "Europe/Paris") with { HorizonDays = 2, Capacity = SlotCapacity.Constant(2) };
    private static readonly Instant s_now = At("Europe/Paris", 2026, 6, 1, 8, 0);
    private static readonly Instant s_nine = At("Europe/Paris", 2026, 6, 1, 9, 0);

    [Fact]
    public async Task A_booking_is_durable_when_acknowledged_and_the_last_seat_goes_once()
    {
        var store = new InMemorySlotBookingStore();
        var book = new DurableSlotBook(store);
        Assert.True((await book.TryBookAsync(s_query, s_nine, "cb-1", s_now)).Succeeded);
        Assert.NotNull(await store.FindAsync("cb-1"));

        // Another host's book, loaded from the same store, sees the seat taken and takes the last one.
        var other = new DurableSlotBook(store);
        await other.LoadAsync(new Interval(null, null));
        Assert.Equal(1, Assert.Single(other.GetBookedCounts(new Interval(null, null))).Count);
        Assert.True((await other.TryBookAsync(s_query, s_nine, "cb-2", s_now)).Succeeded);

        // This host's cache still says one seat: the store refuses, and the answer offers alternatives.
        var full = await book.TryBookAsync(s_query, s_nine, "cb-3", s_now, maxAlternatives: 2);
        Assert.Equal(SlotBookingStatus.Full, full.Status);
        Assert.Equal(2, full.Alternatives.Count);
        Assert.Equal(2, book.GetBookedCounts(new Interval(s_nine, s_nine + Duration.FromMinutes(1)))[0].Count);
        Assert.Equal(2, (await store.GetBookedCountsAsync(new Interval(null, null)))[0].Count);
        Assert.Equal(SlotBookingStatus.DuplicateBookingId, (await book.TryBookAsync(s_query, s_nine + Duration.FromMinutes(15), "cb-1", s_now)).Status);
        Assert.Equal(SlotBookingStatus.NotOffered, (await book.TryBookAsync(s_query, s_nine + Duration.FromMinutes(7), "cb-4", s_now)).Status);
    }

    [Fact]
    public async Task A_failed_write_throws_and_books_nothing()
    {
        var store = new FaultyBookingStore(new InMemorySlotBookingStore()) { Failing = true };
        var book = new DurableSlotBook(store);
        await Assert.ThrowsAsync<StoreException>(() => book.TryBookAsync(s_query, s_nine, "cb-1", s_now));
        Assert.Empty(book.GetBookedCounts(new Interval(null, null)));
        Assert.Null(await store.FindAsync("cb-1"));
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_in_the_store_and_the_cache()
    {
        var store = new InMemorySlotBookingStore();
        var book = new DurableSlotBook(store);
        await book.TryBookAsync(s_query, s_nine, "cb-1", s_now);
        Assert.True(await book.CancelAsync("cb-1"));
        Assert.False(await book.CancelAsync("cb-1"));
        Assert.Empty(book.GetBookedCounts(new Interval(null, null)));
        Assert.Empty(await store.ListAsync(new Interval(null, null)));
    }
}
