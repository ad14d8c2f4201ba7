using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Scheduling;
using NodaTime;
using Xunit;
using static ContactCenter.Core.Tests.Scheduling.SlotTestKit;

namespace ContactCenter.Core.Tests.Scheduling;

public sealed class SlotBookTests
{
    private static readonly SlotQuery s_query = SlotQuery.Create("Europe/Paris", Every("09:00-12:00"), "Europe/Paris") with { HorizonDays = 2 };
    private static readonly Instant s_now = At("Europe/Paris", 2026, 6, 1, 8, 0);
    private static readonly Instant s_nine = At("Europe/Paris", 2026, 6, 1, 9, 0);

    [Fact]
    public void A_booking_takes_a_seat_and_records_the_slot()
    {
        var book = new SlotBook();
        var query = s_query with { Capacity = SlotCapacity.Constant(2) };

        var result = book.TryBook(query, s_nine, "cb-1", s_now);

        Assert.True(result.Succeeded);
        Assert.Equal(SlotBookingStatus.Booked, result.Status);
        var booking = Assert.IsType<SlotBooking>(result.Booking);
        Assert.Equal(("cb-1", s_nine, Duration.FromMinutes(15), s_now), (booking.Id, booking.SlotStart, booking.Length, booking.BookedAt));
        Assert.Equal("2026-06-01T09:00+02:00", Local(booking.CentreLocal));
        Assert.Equal("cb-1 at 2026-06-01T09:00+02:00 customer / 2026-06-01T09:00+02:00 centre", booking.ToString());
        Assert.Empty(result.Alternatives);
        Assert.Equal(1, book.BookedCount(s_nine));
        Assert.Equal(1, book.Count);
        Assert.True(book.TryGetBooking("cb-1", out var found));
        Assert.Same(booking, found);
        Assert.Equal(1, SlotCalculator.Calculate(query, book, s_now).Slots[0].Remaining);
    }

    [Fact]
    public void The_last_seat_taken_leaves_the_next_caller_with_the_nearest_alternatives_in_time_order()
    {
        var book = new SlotBook();
        var ten = At("Europe/Paris", 2026, 6, 1, 10, 0);
        Assert.True(book.TryBook(s_query, ten, "first", s_now).Succeeded);

        var second = book.TryBook(s_query, ten, "second", s_now);

        Assert.False(second.Succeeded);
        Assert.Equal(SlotBookingStatus.Full, second.Status);
        Assert.Null(second.Booking);
        Assert.Contains("no seat left", second.Explanation, StringComparison.Ordinal);
        Assert.Equal(["09:30", "09:45", "10:15"], second.Alternatives.Select(s => Hm(s.CentreLocal)));
        Assert.Equal(1, book.BookedCount(ten));
        Assert.False(book.TryGetBooking("second", out _));
    }

    [Fact]
    public void Alternatives_near_the_start_of_the_offer_take_what_follows()
    {
        var book = new SlotBook();
        book.TryBook(s_query, s_nine, "first", s_now);

        var refused = book.TryBook(s_query, s_nine, "second", s_now, maxAlternatives: 2);
        var none = book.TryBook(s_query, s_nine, "third", s_now, maxAlternatives: 0);

        Assert.Equal(["09:15", "09:30"], refused.Alternatives.Select(s => Hm(s.CentreLocal)));
        Assert.Empty(none.Alternatives);
    }

    [Theory]
    [InlineData(2026, 6, 1, 9, 5, "grid")]
    [InlineData(2026, 6, 1, 12, 0, "not open")]
    [InlineData(2026, 6, 3, 9, 0, "horizon")]
    public void A_slot_that_is_not_offered_is_refused_with_the_reason(int year, int month, int day, int hour, int minute, string reason)
    {
        var book = new SlotBook();

        var result = book.TryBook(s_query, At("Europe/Paris", year, month, day, hour, minute), "cb", s_now);

        Assert.Equal(SlotBookingStatus.NotOffered, result.Status);
        Assert.Contains(reason, result.Explanation, StringComparison.Ordinal);
        Assert.NotEmpty(result.Alternatives);
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void A_slot_that_starts_before_now_plus_the_notice_is_refused()
    {
        var book = new SlotBook();
        var query = s_query with { MinimumNotice = Duration.FromMinutes(10) };

        var result = book.TryBook(query, At("Europe/Paris", 2026, 6, 1, 9, 15), "cb", At("Europe/Paris", 2026, 6, 1, 9, 10));

        Assert.Equal(SlotBookingStatus.NotOffered, result.Status);
        Assert.Contains("earliest allowed start 2026-06-01T09:20+02:00", result.Explanation, StringComparison.Ordinal);
        Assert.Equal("09:30", Hm(result.Alternatives[0].CentreLocal));
    }

    [Fact]
    public void A_slot_outside_the_customer_window_or_the_legal_window_is_refused()
    {
        var book = new SlotBook();
        var customer = s_query with { CustomerWindows = Every("10:00-11:00") };
        var legal = s_query with { LegalPolicies = [Policy("FR d\u00e9marchage", "10:00-11:00")] };

        var notReachable = book.TryBook(customer, s_nine, "a", s_now);
        var notLegal = book.TryBook(legal, s_nine, "b", s_now);

        Assert.Contains("customer is not reachable", notReachable.Explanation, StringComparison.Ordinal);
        Assert.Contains("FR d\u00e9marchage", notLegal.Explanation, StringComparison.Ordinal);
        Assert.Equal(SlotBookingStatus.NotOffered, notLegal.Status);
        Assert.Equal("10:00", Hm(notLegal.Alternatives[0].CentreLocal));
    }

    [Fact]
    public void A_duplicate_booking_id_changes_nothing()
    {
        var book = new SlotBook();
        var query = s_query with { Capacity = SlotCapacity.Constant(5) };
        book.TryBook(query, s_nine, "cb", s_now);

        var again = book.TryBook(query, s_nine.Plus(Duration.FromMinutes(15)), "cb", s_now);

        Assert.Equal(SlotBookingStatus.DuplicateBookingId, again.Status);
        Assert.Empty(again.Alternatives);
        Assert.Equal(1, book.Count);
        Assert.Equal(0, book.BookedCount(s_nine.Plus(Duration.FromMinutes(15))));
    }

    [Fact]
    public void Cancel_frees_the_seat()
    {
        var book = new SlotBook();
        book.TryBook(s_query, s_nine, "cb", s_now);

        Assert.True(book.Cancel("cb"));
        Assert.False(book.Cancel("cb"));
        Assert.Equal(0, book.BookedCount(s_nine));
        Assert.True(book.TryBook(s_query, s_nine, "other", s_now).Succeeded);
    }

    [Fact]
    public void Booked_counts_are_sorted_and_limited_to_the_range()
    {
        var book = new SlotBook();
        var query = s_query with { Capacity = SlotCapacity.Constant(3) };
        var quarter = Duration.FromMinutes(15);
        book.TryBook(query, s_nine + quarter + quarter, "c", s_now);
        book.TryBook(query, s_nine, "a", s_now);
        book.TryBook(query, s_nine + quarter, "b", s_now);
        book.TryBook(query, s_nine, "a2", s_now);

        var all = book.GetBookedCounts(new Interval(null, null));
        var some = book.GetBookedCounts(new Interval(s_nine + quarter, s_nine + quarter + quarter));

        Assert.Equal([new SlotBookingCount(s_nine, 2), new SlotBookingCount(s_nine + quarter, 1), new SlotBookingCount(s_nine + quarter + quarter, 1)], all);
        Assert.Equal([new SlotBookingCount(s_nine + quarter, 1)], some);
        Assert.Equal(["a", "a2", "b", "c"], book.Bookings.Select(b => b.Id));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var book = new SlotBook();

        Assert.Throws<ArgumentException>(() => book.TryBook(s_query, s_nine, " ", s_now));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.TryBook(s_query, s_nine, "cb", s_now, maxAlternatives: -1));
        Assert.Throws<ArgumentNullException>(() => book.TryBook(null!, s_nine, "cb", s_now));
        Assert.Throws<ArgumentException>(() => book.TryBook(s_query with { HorizonDays = 0 }, s_nine, "cb", s_now));
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public async Task Threads_racing_for_the_last_seat_get_exactly_one_success_every_time()
    {
        const int Threads = 8;
        const int Rounds = 200;
        var book = new SlotBook();
        var query = s_query with { HorizonDays = 7, Capacity = SlotCapacity.Constant(1), CentreHours = Every("00:00-24:00") };
        var slots = SlotCalculator.Calculate(query, book, s_now).Slots;
        using var barrier = new Barrier(Threads);
        var outcomes = new ConcurrentBag<(int Round, SlotBookingResult Result)>();

        var workers = Enumerable.Range(0, Threads).Select(worker => Task.Factory.StartNew(
            () =>
            {
                for (var round = 0; round < Rounds; round++)
                {
                    barrier.SignalAndWait();
                    outcomes.Add((round, book.TryBook(query, slots[round].Start, $"r{round}-w{worker}", s_now, maxAlternatives: 1)));
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        foreach (var round in outcomes.GroupBy(o => o.Round))
        {
            Assert.Equal(1, round.Count(o => o.Result.Succeeded));
            Assert.All(round.Where(o => !o.Result.Succeeded), o =>
            {
                Assert.Equal(SlotBookingStatus.Full, o.Result.Status);
                Assert.NotEqual(slots[round.Key].Start, Assert.Single(o.Result.Alternatives).Start);
            });
            Assert.Equal(1, book.BookedCount(slots[round.Key].Start));
        }

        Assert.Equal(Rounds, book.Count);
    }
}
