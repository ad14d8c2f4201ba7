using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;
using static ContactCenter.Core.Tests.Scheduling.SlotTestKit;

namespace ContactCenter.Core.Tests.Scheduling;

/// <summary>
/// The slot rules, on real zones of the shipped tz database: the grid, the DST rules for local ranges,
/// 23- and 25-hour days, weeks when the US and Europe are on different DST regimes, a 30-minute DST
/// shift, a +05:45 zone, days whose midnight is skipped, the date line, capacity, minimum notice,
/// legal windows and the reasons for days without slots.
/// </summary>
public sealed class SlotCalculatorTests
{
    private static SlotQuery Query(string centre, WeeklyHours hours, string? customer = null, int minutes = 15, int days = 1) =>
        SlotQuery.Create(centre, hours, customer ?? centre) with { SlotLength = Duration.FromMinutes(minutes), HorizonDays = days };

    // ----- the grid -----

    [Fact]
    public void Slots_lie_on_the_centre_grid_with_instants_and_both_local_times()
    {
        var query = Query("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("09:00-12:00")));

        var result = Search(query, At("Europe/Paris", 2026, 6, 1));

        Assert.Equal(Times("09:00", "11:45", 15), CentreTimes(result));
        var first = result.Slots[0];
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 7, 0), first.Start);
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 7, 15), first.End);
        Assert.Equal(Duration.FromMinutes(15), first.Length);
        Assert.Equal("2026-06-01T09:00+02:00", Local(first.CentreLocal));
        Assert.Equal("2026-06-01T09:00+02:00", Local(first.CustomerLocal));
        Assert.Equal((1, 1, false), (first.Remaining, first.Total, first.IsFull));
        Assert.Empty(result.DaysWithoutSlots);
    }

    [Fact]
    public void A_slot_is_offered_only_when_it_lies_wholly_inside_the_hours_and_starts_on_the_grid()
    {
        var query = Query("Europe/Paris", Every("09:10-10:20"));

        var result = Search(query, At("Europe/Paris", 2026, 6, 1));

        Assert.Equal(["09:15", "09:30", "09:45", "10:00"], CentreTimes(result));
    }

    [Fact]
    public void The_grid_is_anchored_at_centre_local_midnight_for_every_slot_length()
    {
        var query = Query("Europe/Paris", Every("08:00-20:00"), minutes: 45);

        var result = Search(query, At("Europe/Paris", 2026, 6, 1));

        // 45-minute grid from 00:00: ... 07:30, 08:15, 09:00, ... 18:45 (ends 19:30), 19:30 ends 20:15.
        Assert.Equal(Times("08:15", "18:45", 45), CentreTimes(result));
    }

    // ----- spring forward and fall back: 23- and 25-hour days -----

    [Theory]
    [InlineData("America/New_York", 2026, 3, 8, 23)]
    [InlineData("America/New_York", 2026, 11, 1, 25)]
    [InlineData("Europe/Paris", 2026, 3, 29, 23)]
    [InlineData("Europe/Paris", 2026, 10, 25, 25)]
    public void A_whole_day_has_one_hourly_slot_per_elapsed_hour(string zone, int year, int month, int day, int hours)
    {
        var query = Query(zone, Every("00:00-24:00"), minutes: 60);

        var result = Search(query, At(zone, year, month, day));

        Assert.Equal(hours, result.Slots.Count);
        Assert.Equal(Duration.FromHours(hours), result.Horizon.Duration);
        Assert.All(result.Slots.Zip(result.Slots.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void Spring_forward_has_no_slot_in_the_skipped_hour_and_the_slot_before_it_ends_at_the_end_of_the_gap()
    {
        var query = Query("America/New_York", Every("00:00-06:00"));

        var result = Search(query, At("America/New_York", 2026, 3, 8));

        Assert.Equal(Concat(Times("00:00", "01:45", 15), Times("03:00", "05:45", 15)), CentreTimes(result));
        var beforeGap = result.Slots.Single(s => s.CentreLocal.Hour == 1 && s.CentreLocal.Minute == 45);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), beforeGap.End);
        Assert.Equal("2026-03-08T03:00-04:00", Local(result.Slots.Single(s => s.Start == beforeGap.End).CentreLocal));
    }

    [Fact]
    public void Fall_back_gives_two_slots_at_01_00_with_two_instants_and_two_offsets()
    {
        var query = Query("America/New_York", Every("00:00-03:00"), minutes: 60);

        var result = Search(query, At("America/New_York", 2026, 11, 1));

        Assert.Equal(["00:00", "01:00", "01:00", "02:00"], CentreTimes(result));
        var oneOClock = result.Slots.Where(s => s.CentreLocal.Hour == 1).ToArray();
        Assert.Equal([Instant.FromUtc(2026, 11, 1, 5, 0), Instant.FromUtc(2026, 11, 1, 6, 0)], oneOClock.Select(s => s.Start));
        Assert.Equal(["2026-11-01T01:00-04:00", "2026-11-01T01:00-05:00"], oneOClock.Select(s => Local(s.CentreLocal)));
    }

    [Fact]
    public void A_start_in_the_skipped_hour_opens_at_the_end_of_the_gap()
    {
        var result = Search(Query("Europe/Paris", Every("02:30-05:00")), At("Europe/Paris", 2026, 3, 29));

        Assert.Equal(Times("03:00", "04:45", 15), CentreTimes(result));
        Assert.Equal("2026-03-29T03:00+02:00", Local(result.Slots[0].CentreLocal));
    }

    [Fact]
    public void An_end_in_the_skipped_hour_closes_at_the_end_of_the_gap()
    {
        var result = Search(Query("Europe/Paris", Every("00:00-02:30")), At("Europe/Paris", 2026, 3, 29));

        Assert.Equal(Times("00:00", "01:45", 15), CentreTimes(result));
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), result.Slots[^1].End);
    }

    [Fact]
    public void An_ambiguous_start_takes_the_earlier_occurrence()
    {
        var result = Search(Query("Europe/Paris", Every("02:30-04:00")), At("Europe/Paris", 2026, 10, 25));

        Assert.Equal(
            ["02:30+02:00", "02:45+02:00", "02:00+01:00", "02:15+01:00", "02:30+01:00", "02:45+01:00", "03:00+01:00", "03:15+01:00", "03:30+01:00", "03:45+01:00"],
            result.Slots.Select(s => Local(s.CentreLocal).Substring(11)));
    }

    [Fact]
    public void An_ambiguous_end_takes_the_later_occurrence()
    {
        var result = Search(Query("Europe/Paris", Every("00:00-02:30")), At("Europe/Paris", 2026, 10, 25));

        // 00:00–01:45, the whole first 02:00 hour (CEST), then 02:00 and 02:15 CET: the end is the later 02:30.
        Assert.Equal(14, result.Slots.Count);
        Assert.Equal(["02:45+02:00", "02:00+01:00", "02:15+01:00"], result.Slots.TakeLast(3).Select(s => Local(s.CentreLocal)[11..]));
    }

    // ----- the US and Europe on different DST regimes -----

    [Theory]
    [InlineData(2026, 3, 9, 24, "09:00", "14:00")] // US already on EDT, Paris still on CET: 5 hours apart
    [InlineData(2026, 4, 6, 20, "09:00", "15:00")] // both on summer time: 6 hours apart
    [InlineData(2026, 10, 26, 24, "09:00", "14:00")] // Paris back on CET, US still on EDT: 5 hours apart
    [InlineData(2026, 11, 2, 20, "09:00", "15:00")] // both on standard time: 6 hours apart
    public void The_overlap_between_Paris_and_New_York_follows_both_DST_regimes(int year, int month, int day, int count, string firstCustomer, string firstCentre)
    {
        var query = Query("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("14:00-20:00")), "America/New_York")
            with { CustomerWindows = Every("09:00-17:00") };

        var result = Search(query, At("America/New_York", year, month, day));

        Assert.Equal(count, result.Slots.Count);
        Assert.Equal(firstCustomer, CustomerTimes(result)[0]);
        Assert.Equal(firstCentre, CentreTimes(result)[0]);
    }

    // ----- a 30-minute DST shift and a +05:45 zone -----

    [Fact]
    public void Lord_Howe_fall_back_repeats_half_an_hour_and_gives_two_01_30_slots()
    {
        var query = Query("Australia/Lord_Howe", Every("00:00-24:00"), minutes: 30);

        var result = Search(query, At("Australia/Lord_Howe", 2026, 4, 5));

        Assert.Equal(49, result.Slots.Count);
        Assert.Equal(
            ["2026-04-05T01:30+11:00", "2026-04-05T01:30+10:30"],
            result.Slots.Where(s => s.CentreLocal.Hour == 1 && s.CentreLocal.Minute == 30).Select(s => Local(s.CentreLocal)));
    }

    [Fact]
    public void Lord_Howe_spring_forward_skips_half_an_hour()
    {
        var query = Query("Australia/Lord_Howe", Every("00:00-24:00"));

        var result = Search(query, At("Australia/Lord_Howe", 2026, 10, 4));

        Assert.Equal(94, result.Slots.Count); // 23.5 hours of 15-minute slots
        Assert.DoesNotContain("02:00", CentreTimes(result));
        Assert.DoesNotContain("02:15", CentreTimes(result));
        Assert.Equal("2026-10-04T02:30+11:00", Local(result.Slots.First(s => s.CentreLocal.Hour == 2).CentreLocal));
    }

    [Fact]
    public void Kathmandu_customers_see_the_centre_grid_at_a_quarter_past_their_hours()
    {
        var query = Query("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-12:00")), "Asia/Kathmandu")
            with { CustomerWindows = Every("14:00-15:00") };

        var result = Search(query, At("Asia/Kathmandu", 2026, 1, 5));

        Assert.Equal(["14:00", "14:15", "14:30", "14:45"], CustomerTimes(result));
        Assert.Equal("2026-01-05T14:00+05:45", Local(result.Slots[0].CustomerLocal));
        Assert.Equal("2026-01-05T09:15+01:00", Local(result.Slots[0].CentreLocal));
        Assert.Equal("2026-01-05T14:00+05:45 customer / 2026-01-05T09:15+01:00 centre, 15 min, 1 of 1 free", result.Slots[0].ToString());
    }

    [Fact]
    public void An_hour_grid_that_never_fits_a_Kathmandu_window_reports_no_slot_fits()
    {
        var query = Query("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-12:00")), "Asia/Kathmandu", minutes: 60)
            with { CustomerWindows = Every("14:00-15:00") };

        var result = Search(query, At("Asia/Kathmandu", 2026, 1, 5));

        Assert.Empty(result.Slots);
        Assert.Equal(NoSlotReason.NoSlotFits, Assert.Single(result.DaysWithoutSlots).Reason);
    }

    // ----- zones whose midnight is skipped -----

    [Theory]
    [InlineData("America/Havana", 2026, 3, 8, 5, "2026-03-08T01:00-04:00")]
    [InlineData("America/Santiago", 2026, 9, 6, 4, "2026-09-06T01:00-03:00")]
    [InlineData("Asia/Beirut", 2026, 3, 28, 22, "2026-03-29T01:00+03:00")]
    public void A_day_whose_midnight_is_skipped_starts_at_the_end_of_the_gap(string zone, int year, int month, int day, int utcHour, string firstLocal)
    {
        var query = Query(zone, Every("00:00-24:00"), minutes: 60);
        var startOfDay = Instant.FromUtc(year, month, day, utcHour, 0);

        var result = Search(query, startOfDay);

        Assert.Equal(startOfDay, result.Horizon.Start);
        Assert.Equal(23, result.Slots.Count);
        Assert.Equal(firstLocal, Local(result.Slots[0].CentreLocal));
        Assert.Equal(firstLocal, Local(result.Slots[0].CustomerLocal));
    }

    [Fact]
    public void A_range_until_24_00_ends_at_the_start_of_the_next_day_when_that_midnight_is_skipped()
    {
        var query = Query("America/Havana", WeeklyHours.None.With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("22:00-24:00")), days: 2);

        var result = Search(query, At("America/Havana", 2026, 3, 7));

        Assert.Equal(Times("22:00", "23:45", 15), CentreTimes(result));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 5, 0), result.Slots[^1].End); // 01:00 CDT, the first instant of 8 March
        Assert.Equal(NoSlotReason.Closed, Assert.Single(result.DaysWithoutSlots).Reason);
    }

    [Fact]
    public void A_fall_back_at_midnight_gives_a_25_hour_day_with_two_23_00_slots()
    {
        var query = Query("Asia/Beirut", Every("00:00-24:00"), minutes: 60);

        var result = Search(query, At("Asia/Beirut", 2026, 10, 24));

        Assert.Equal(25, result.Slots.Count);
        Assert.Equal(["2026-10-24T23:00+03:00", "2026-10-24T23:00+02:00"], result.Slots.Where(s => s.CentreLocal.Hour == 23).Select(s => Local(s.CentreLocal)));
    }

    // ----- the date line -----

    [Theory]
    [InlineData("Pacific/Kiritimati", "Pacific/Honolulu")]
    [InlineData("Pacific/Auckland", "Pacific/Pago_Pago")]
    public void A_centre_holiday_falls_on_the_customer_previous_day_across_the_date_line(string centre, string customer)
    {
        var query = Query(centre, Every("09:00-17:00"), customer, minutes: 60, days: 3)
            with { Holidays = [new LocalDate(2026, 12, 25)] };

        var result = Search(query, At(customer, 2026, 12, 23));

        var day = Assert.Single(result.DaysWithoutSlots);
        Assert.Equal((new LocalDate(2026, 12, 24), NoSlotReason.Holiday), (day.CustomerDate, day.Reason));
        Assert.Contains("2026-12-25", day.Explanation, StringComparison.Ordinal);
        Assert.Equal([new LocalDate(2026, 12, 23), new LocalDate(2026, 12, 25)], result.Slots.Select(s => s.CustomerLocal.Date).Distinct());
        Assert.Equal(new LocalDate(2026, 12, 24), result.Slots[0].CentreLocal.Date);
        Assert.Equal(new LocalDate(2026, 12, 26), result.Slots[^1].CentreLocal.Date);
        Assert.Equal("09:00", CustomerTimes(result)[0]);
    }

    // ----- capacity and bookings -----

    [Fact]
    public void Capacity_per_weekday_and_hour_is_read_on_the_centre_clock_and_zero_means_not_offered()
    {
        var query = Query("Europe/Paris", Every("09:00-11:00"), days: 2) with
        {
            Capacity = SlotCapacity.PerWeekdayAndHour(static (_, hour) => hour == 9 ? 2 : hour == 10 ? 0 : 1),
            Overrides = new Dictionary<LocalDate, IReadOnlyList<LocalTimeRange>> { [new LocalDate(2026, 6, 2)] = [LocalTimeRange.Parse("10:00-11:00")] },
        };

        var result = Search(query, At("Europe/Paris", 2026, 6, 1));

        Assert.Equal(Times("09:00", "09:45", 15), CentreTimes(result));
        Assert.All(result.Slots, s => Assert.Equal((2, 2), (s.Remaining, s.Total)));
        var day = Assert.Single(result.DaysWithoutSlots);
        Assert.Equal((new LocalDate(2026, 6, 2), NoSlotReason.NoCapacity), (day.CustomerDate, day.Reason));
    }

    [Fact]
    public void Bookings_reduce_what_remains_and_full_slots_are_listed_only_when_asked()
    {
        var query = Query("Europe/Paris", Every("09:00-09:30")) with { Capacity = SlotCapacity.Constant(2) };
        var now = At("Europe/Paris", 2026, 6, 1);
        var book = new SlotBook();
        Assert.True(book.TryBook(query, Instant.FromUtc(2026, 6, 1, 7, 0), "a", now).Succeeded);
        Assert.True(book.TryBook(query, Instant.FromUtc(2026, 6, 1, 7, 0), "b", now).Succeeded);
        Assert.True(book.TryBook(query, Instant.FromUtc(2026, 6, 1, 7, 15), "c", now).Succeeded);

        var hidden = Search(query, now, book);
        var shown = Search(query with { ReportFullSlots = true }, now, book);

        var only = Assert.Single(hidden.Slots);
        Assert.Equal((1, 2), (only.Remaining, only.Total));
        Assert.Equal([true, false], shown.Slots.Select(s => s.IsFull));
        Assert.Equal(0, shown.Slots[0].Remaining);
    }

    [Fact]
    public void The_two_01_00_slots_of_a_fall_back_night_have_their_own_capacity()
    {
        var query = Query("America/New_York", Every("00:00-03:00"), minutes: 60) with { Capacity = SlotCapacity.Constant(1), ReportFullSlots = true };
        var now = At("America/New_York", 2026, 11, 1);
        var book = new SlotBook();

        var booked = book.TryBook(query, Instant.FromUtc(2026, 11, 1, 5, 0), "first-one-o-clock", now);
        var result = Search(query, now, book);

        Assert.True(booked.Succeeded);
        Assert.Equal(
            ["01:00-04:00 full", "01:00-05:00 free"],
            result.Slots.Where(s => s.CentreLocal.Hour == 1).Select(s => $"{Local(s.CentreLocal)[11..]} {(s.IsFull ? "full" : "free")}"));
    }

    [Fact]
    public void A_day_whose_slots_are_all_booked_is_full_and_its_slots_show_greyed()
    {
        var query = Query("Europe/Paris", Every("09:00-09:30"));
        var now = At("Europe/Paris", 2026, 6, 1);
        var book = new SlotBook();
        book.TryBook(query, Instant.FromUtc(2026, 6, 1, 7, 0), "a", now);
        book.TryBook(query, Instant.FromUtc(2026, 6, 1, 7, 15), "b", now);

        var result = Search(query with { ReportFullSlots = true }, now, book);

        Assert.Equal(2, result.Slots.Count(s => s.IsFull));
        Assert.Equal(NoSlotReason.Full, Assert.Single(result.DaysWithoutSlots).Reason);
    }

    // ----- minimum notice and horizon -----

    [Fact]
    public void The_first_slot_starts_at_least_the_minimum_notice_after_now()
    {
        var query = Query("Europe/Paris", Every("08:00-20:00")) with { MinimumNotice = Duration.FromMinutes(30) };

        var result = Search(query, At("Europe/Paris", 2026, 6, 1, 10, 7));

        Assert.Equal("10:45", CentreTimes(result)[0]);
        Assert.Equal(At("Europe/Paris", 2026, 6, 1, 10, 37), result.EarliestStart);
    }

    [Fact]
    public void A_day_left_with_less_than_the_notice_is_too_soon_and_a_past_day_says_so()
    {
        var withNotice = Query("Europe/Paris", Every("08:00-20:00")) with { MinimumNotice = Duration.FromMinutes(30) };
        var noNotice = withNotice with { MinimumNotice = Duration.Zero };

        var soon = Assert.Single(Search(withNotice, At("Europe/Paris", 2026, 6, 1, 19, 40)).DaysWithoutSlots);
        var past = Assert.Single(Search(noNotice, At("Europe/Paris", 2026, 6, 1, 20, 30)).DaysWithoutSlots);

        Assert.Equal(NoSlotReason.TooSoon, soon.Reason);
        Assert.Contains("30 min", soon.Explanation, StringComparison.Ordinal);
        Assert.Equal(NoSlotReason.TooSoon, past.Reason);
        Assert.Contains("already past", past.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_horizon_counts_customer_local_days_from_the_customer_today()
    {
        // 23:30 on Sunday in New York is already Monday in Paris: the horizon starts on the customer's Sunday.
        var query = Query("Europe/Paris", Every("08:00-20:00"), "America/New_York", days: 2);

        var result = Search(query, At("America/New_York", 2026, 5, 31, 23, 30));

        Assert.Equal(new LocalDate(2026, 5, 31), result.CustomerToday);
        Assert.Equal(new Interval(At("America/New_York", 2026, 5, 31), At("America/New_York", 2026, 6, 2)), result.Horizon);
        Assert.Equal([new LocalDate(2026, 6, 1)], result.Slots.Select(s => s.CustomerLocal.Date).Distinct());
        Assert.Equal(NoSlotReason.TooSoon, Assert.Single(result.DaysWithoutSlots).Reason);
    }

    // ----- legal windows -----

    [Fact]
    public void Slots_lie_inside_the_legal_window_of_the_customer_zone()
    {
        var query = Query("Europe/Paris", Every("00:00-24:00"), "America/New_York") with { LegalPolicies = [Policy("US federal", "08:00-21:00")] };

        var result = Search(query, At("America/New_York", 2026, 6, 1));

        Assert.Equal(Times("08:00", "20:45", 15), CustomerTimes(result));
    }

    [Fact]
    public void Several_legal_zones_apply_the_most_restrictive_intersection()
    {
        var query = Query("Europe/Paris", Every("00:00-24:00"), "America/New_York") with
        {
            LegalPolicies = [Policy("US federal", "08:00-21:00")],
            LegalZones = [Zone("America/New_York"), Zone("America/Los_Angeles")],
        };

        var result = Search(query, At("America/New_York", 2026, 6, 1));

        Assert.Equal(Times("11:00", "20:45", 15), CustomerTimes(result));
    }

    [Fact]
    public void A_day_outside_the_legal_window_names_the_policy_that_blocks_it()
    {
        var query = Query("Europe/Paris", Every("00:00-24:00"), "America/New_York") with
        {
            CustomerWindows = Every("06:00-08:00"),
            LegalPolicies = [Policy("Permissive", "05:00-23:00"), Policy("US federal", "08:00-21:00")],
        };

        var day = Assert.Single(Search(query, At("America/New_York", 2026, 6, 1)).DaysWithoutSlots);

        Assert.Equal(NoSlotReason.OutsideLegalWindow, day.Reason);
        Assert.Contains("US federal", day.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Permissive", day.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legal_holiday_of_the_customer_removes_the_whole_customer_day()
    {
        var query = Query("Europe/Paris", Every("00:00-24:00"), "America/New_York", days: 2) with
        {
            LegalPolicies = [Policy("US federal", "08:00-21:00", new Holidays("US", new LocalDate(2026, 7, 4)))],
        };

        var result = Search(query, At("America/New_York", 2026, 7, 3));

        Assert.Equal([new LocalDate(2026, 7, 3)], result.Slots.Select(s => s.CustomerLocal.Date).Distinct());
        var day = Assert.Single(result.DaysWithoutSlots);
        Assert.Equal((new LocalDate(2026, 7, 4), NoSlotReason.OutsideLegalWindow), (day.CustomerDate, day.Reason));
    }

    // ----- hours crossing midnight, holidays and overrides -----

    [Fact]
    public void A_range_crossing_midnight_belongs_to_the_day_it_starts_on()
    {
        var friday = WeeklyHours.None.With(IsoDayOfWeek.Friday, LocalTimeRange.Parse("22:00-02:00"));
        var now = At("Europe/Paris", 2026, 6, 5);
        var plain = Query("Europe/Paris", friday, days: 2);

        var open = Search(plain, now);
        var saturdayHoliday = Search(plain with { Holidays = [new LocalDate(2026, 6, 6)] }, now);
        var fridayHoliday = Search(plain with { Holidays = [new LocalDate(2026, 6, 5)] }, now);

        Assert.Equal(Concat(Times("22:00", "23:45", 15), Times("00:00", "01:45", 15)), CentreTimes(open));
        Assert.Equal([new LocalDate(2026, 6, 5), new LocalDate(2026, 6, 6)], open.Slots.Select(s => s.CustomerLocal.Date).Distinct());
        Assert.Equal(16, saturdayHoliday.Slots.Count);
        Assert.Empty(fridayHoliday.Slots);
        Assert.All(fridayHoliday.DaysWithoutSlots, d => Assert.Equal(NoSlotReason.Holiday, d.Reason));
        Assert.All(fridayHoliday.DaysWithoutSlots, d => Assert.Contains("2026-06-05", d.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_replaces_the_hours_of_one_date_and_wins_over_a_holiday()
    {
        var monday = new LocalDate(2026, 6, 1);
        var tuesday = new LocalDate(2026, 6, 2);
        var query = Query("Europe/Paris", Every("09:00-17:00"), days: 2) with
        {
            Holidays = [monday],
            Overrides = new Dictionary<LocalDate, IReadOnlyList<LocalTimeRange>>
            {
                [monday] = [LocalTimeRange.Parse("10:00-11:00")],
                [tuesday] = [],
            },
        };

        var result = Search(query, At("Europe/Paris", 2026, 6, 1));

        Assert.Equal(Times("10:00", "10:45", 15), CentreTimes(result));
        var day = Assert.Single(result.DaysWithoutSlots);
        Assert.Equal((tuesday, NoSlotReason.Closed), (day.CustomerDate, day.Reason));
    }

    [Fact]
    public void Every_day_without_slots_has_a_reason_in_precedence_order()
    {
        var weekdays = WeeklyHours.Weekdays(LocalTimeRange.Parse("09:00-12:00"));
        var query = Query("Europe/Paris", weekdays, days: 7) with
        {
            Holidays = [new LocalDate(2026, 6, 2), new LocalDate(2026, 6, 7)], // a Tuesday and a Sunday
            Overrides = new Dictionary<LocalDate, IReadOnlyList<LocalTimeRange>>
            {
                [new LocalDate(2026, 6, 4)] = [LocalTimeRange.Parse("09:00-09:10")], // Thursday: no whole slot
                [new LocalDate(2026, 6, 5)] = [LocalTimeRange.Parse("13:00-14:00")], // Friday: the customer is not reachable
            },
            CustomerWindows = Every("08:00-13:00"),
        };

        var result = Search(query, At("Europe/Paris", 2026, 6, 1, 11, 50));

        Assert.Equal(
            [
                (new LocalDate(2026, 6, 1), NoSlotReason.TooSoon),
                (new LocalDate(2026, 6, 2), NoSlotReason.Holiday),
                (new LocalDate(2026, 6, 4), NoSlotReason.NoSlotFits),
                (new LocalDate(2026, 6, 5), NoSlotReason.NoOverlap),
                (new LocalDate(2026, 6, 6), NoSlotReason.Closed),
                (new LocalDate(2026, 6, 7), NoSlotReason.Closed), // a holiday on a closed day is just closed
            ],
            result.DaysWithoutSlots.Select(d => (d.CustomerDate, d.Reason)));
        Assert.Equal([new LocalDate(2026, 6, 3)], result.Slots.Select(s => s.CustomerLocal.Date).Distinct());
        Assert.All(result.DaysWithoutSlots, d => Assert.False(string.IsNullOrWhiteSpace(d.Explanation)));
    }

    // ----- the result and the entry points -----

    [Fact]
    public void The_result_names_the_tz_database_version()
    {
        var result = Search(Query("Europe/Paris", Every("09:00-10:00")), At("Europe/Paris", 2026, 6, 1));

        Assert.Equal(TimeZoneIds.TzdbVersion, result.TzdbVersion);
        Assert.Matches("^[0-9]{4}[a-z]$", result.TzdbVersion);
    }

    [Fact]
    public void The_calculator_reads_now_from_its_time_source()
    {
        var time = new VirtualTimeSource(At("Europe/Paris", 2026, 6, 1, 9, 20));
        var calculator = new SlotCalculator(time);
        var query = Query("Europe/Paris", Every("09:00-10:00"));

        var before = calculator.Calculate(query, new SlotBook());
        time.AdvanceBy(Duration.FromMinutes(20));
        var after = calculator.Calculate(query, new SlotBook());

        Assert.Equal(["09:30", "09:45"], CentreTimes(before));
        Assert.Equal(["09:45"], CentreTimes(after));
    }

    [Fact]
    public void The_example_of_the_scheduling_guide_gives_the_documented_output()
    {
        // docs/scheduling.md, "A search in code".
        var centreHours = WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00"))
            .With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("09:00-13:00"));
        var usFederal = new CallingWindowPolicy("US federal", "47 CFR 64.1200(c)(1)", WeeklyHours.Every(LocalTimeRange.Parse("08:00-21:00")));
        var query = SlotQuery.Create("Europe/Paris", centreHours, "America/New_York") with
        {
            Holidays = [new LocalDate(2026, 11, 11)],
            CustomerWindows = WeeklyHours.Every(LocalTimeRange.Parse("09:00-18:00")),
            LegalPolicies = [usFederal],
            Capacity = SlotCapacity.PerWeekdayAndHour(static (day, hour) => hour < 12 ? 3 : 2),
            HorizonDays = 5,
            MinimumNotice = Duration.FromHours(1),
            ReportFullSlots = true,
        };
        query.Validate();
        var time = new VirtualTimeSource(Instant.FromUtc(2026, 11, 9, 14, 0));
        var book = new SlotBook();
        var calculator = new SlotCalculator(time);

        var result = calculator.Calculate(query, book);
        var booking = book.TryBook(query, result.Slots[0].Start, "callback-42", time.Now);

        Assert.Equal("2026-11-09T10:00-05:00 customer / 2026-11-09T16:00+01:00 centre, 15 min, 2 of 2 free", result.Slots[0].ToString());
        Assert.Equal("2026-11-11 Holiday: The centre (Europe/Paris) is closed for its holiday on 2026-11-11 (centre-local date).", Assert.Single(result.DaysWithoutSlots).ToString());
        Assert.True(booking.Succeeded);
        Assert.Equal(1, calculator.Calculate(query, book).Slots[0].Remaining);
    }

    [Fact]
    public void An_invalid_query_is_refused_before_searching()
    {
        var query = Query("Europe/Paris", Every("09:00-10:00")) with { HorizonDays = 0 };

        var error = Assert.Throws<ArgumentException>(() => Search(query, At("Europe/Paris", 2026, 6, 1)));

        Assert.Contains("HorizonDays", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => SlotCalculator.Calculate(query, null!, Instant.FromUtc(2026, 6, 1, 0, 0)));
    }
}
