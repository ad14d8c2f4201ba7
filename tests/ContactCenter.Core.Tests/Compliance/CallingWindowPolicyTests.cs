using System;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class CallingWindowPolicyTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    private static Instant Local(string zone, int year, int month, int day, int hour, int minute, int offsetMinutes) =>
        new LocalDateTime(year, month, day, hour, minute).WithOffset(Offset.FromSeconds(offsetMinutes * 60)).ToInstant().InZone(Zone(zone)).ToInstant();

    private static Interval Day(string zone, int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        return new Interval(Zone(zone).AtStartOfDay(date).ToInstant(), Zone(zone).AtStartOfDay(date.PlusDays(1)).ToInstant());
    }

    [Fact]
    public void Needs_a_name_and_a_source()
    {
        Assert.Throws<ArgumentException>(() => new CallingWindowPolicy(" ", "src", WeeklyHours.Always));
        Assert.Throws<ArgumentException>(() => new CallingWindowPolicy("n", "", WeeklyHours.Always));
        Assert.Throws<ArgumentNullException>(() => new CallingWindowPolicy("n", "src", null!));
    }

    [Fact]
    public void Defaults_to_solicitation_anywhere_without_holidays_or_caps()
    {
        var policy = new CallingWindowPolicy("Centre", "house rule", WeeklyHours.Always);

        Assert.True(policy.AppliesTo(CallPurpose.Solicitation));
        Assert.False(policy.AppliesTo(CallPurpose.RequestedCallback));
        Assert.Same(Jurisdiction.Anywhere, policy.Jurisdiction);
        Assert.Null(policy.NoCallsOnHolidays);
        Assert.Empty(policy.FrequencyCaps);
    }

    [Fact]
    public void The_window_keeps_its_local_hours_on_the_spring_forward_day_in_New_York()
    {
        // 2026-03-08: 02:00 EST becomes 03:00 EDT; the day has 23 hours but 08:00–21:00 is still 13 hours.
        var allowed = CallingWindowPolicies.UsFederal.AllowedIntervals(Zone("America/New_York"), Day("America/New_York", 2026, 3, 8));

        var window = Assert.Single(allowed);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 12, 0), window.Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 1, 0), window.End);
    }

    [Fact]
    public void The_window_keeps_its_local_hours_on_the_fall_back_day_in_New_York()
    {
        // 2026-11-01: 02:00 EDT becomes 01:00 EST; 08:00 is EST.
        var allowed = CallingWindowPolicies.UsFederal.AllowedIntervals(Zone("America/New_York"), Day("America/New_York", 2026, 11, 1));

        var window = Assert.Single(allowed);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 13, 0), window.Start);
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 2, 0), window.End);
    }

    [Fact]
    public void A_window_inside_the_skipped_hour_opens_at_the_end_of_the_gap()
    {
        var night = new CallingWindowPolicy("Night", "test", WeeklyHours.Every(LocalTimeRange.Parse("02:30-05:00")));

        var window = Assert.Single(night.AllowedIntervals(Zone("America/New_York"), Day("America/New_York", 2026, 3, 8)));

        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), window.Start); // 03:00 EDT
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 9, 0), window.End);   // 05:00 EDT
    }

    [Fact]
    public void A_window_over_the_repeated_hour_keeps_both_occurrences()
    {
        var night = new CallingWindowPolicy("Night", "test", WeeklyHours.Every(LocalTimeRange.Parse("01:00-01:30")));

        var window = Assert.Single(night.AllowedIntervals(Zone("America/New_York"), Day("America/New_York", 2026, 11, 1)));

        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 0), window.Start); // first 01:00, EDT
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 6, 30), window.End);  // second 01:30, EST
        Assert.Equal(Duration.FromMinutes(90), window.Duration);
    }

    [Fact]
    public void Lord_Howe_half_hour_shift_on_the_fall_back_day_repeats_thirty_minutes()
    {
        // 2026-04-05 02:00 +11:00 becomes 01:30 +10:30.
        var night = new CallingWindowPolicy("Night", "test", WeeklyHours.Every(LocalTimeRange.Parse("01:30-02:30")));

        var window = Assert.Single(night.AllowedIntervals(Zone("Australia/Lord_Howe"), Day("Australia/Lord_Howe", 2026, 4, 5)));

        Assert.Equal(Local("Australia/Lord_Howe", 2026, 4, 5, 1, 30, 11 * 60), window.Start);
        Assert.Equal(Local("Australia/Lord_Howe", 2026, 4, 5, 2, 30, (10 * 60) + 30), window.End);
        Assert.Equal(Duration.FromMinutes(90), window.Duration);
    }

    [Fact]
    public void Lord_Howe_half_hour_shift_on_the_spring_forward_day_skips_thirty_minutes()
    {
        // 2026-10-04 02:00 +10:30 becomes 02:30 +11:00.
        var night = new CallingWindowPolicy("Night", "test", WeeklyHours.Every(LocalTimeRange.Parse("02:00-03:00")));

        var window = Assert.Single(night.AllowedIntervals(Zone("Australia/Lord_Howe"), Day("Australia/Lord_Howe", 2026, 10, 4)));

        Assert.Equal(Local("Australia/Lord_Howe", 2026, 10, 4, 2, 30, 11 * 60), window.Start);
        Assert.Equal(Duration.FromMinutes(30), window.Duration);
    }

    [Fact]
    public void Kathmandu_windows_follow_its_quarter_hour_offset()
    {
        var window = Assert.Single(CallingWindowPolicies.UsFederal.AllowedIntervals(Zone("Asia/Kathmandu"), Day("Asia/Kathmandu", 2026, 6, 15)));

        Assert.Equal(Instant.FromUtc(2026, 6, 15, 2, 15), window.Start);  // 08:00 +05:45
        Assert.Equal(Instant.FromUtc(2026, 6, 15, 15, 15), window.End);   // 21:00 +05:45
    }

    [Fact]
    public void Holidays_of_the_callee_local_date_are_removed()
    {
        var paris = Zone("Europe/Paris");
        var week = new Interval(paris.AtStartOfDay(new LocalDate(2026, 7, 13)).ToInstant(), paris.AtStartOfDay(new LocalDate(2026, 7, 18)).ToInstant());

        var allowed = CallingWindowPolicies.FranceSolicitation.AllowedIntervals(paris, week);

        // Monday 13, Wednesday 15, Thursday 16, Friday 17: two windows each; Tuesday 14 July is a holiday.
        Assert.Equal(8, allowed.Count);
        Assert.DoesNotContain(allowed, static i => i.Start.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).Date == new LocalDate(2026, 7, 14));
        Assert.Equal(Instant.FromUtc(2026, 7, 13, 8, 0), allowed[0].Start);  // 10:00 +02:00
        Assert.Equal(Instant.FromUtc(2026, 7, 13, 11, 0), allowed[0].End);   // 13:00 +02:00
        Assert.Equal(Instant.FromUtc(2026, 7, 13, 12, 0), allowed[1].Start); // 14:00 +02:00
    }

    [Fact]
    public void A_holiday_is_the_callee_local_date_not_the_UTC_date()
    {
        // 14 July in Réunion (+04:00) starts at 13 July 20:00 UTC.
        var reunion = Zone("Indian/Reunion");
        var policy = new CallingWindowPolicy("All day", "test", WeeklyHours.Always) { NoCallsOnHolidays = FrenchPublicHolidays.Instance };
        var within = new Interval(Instant.FromUtc(2026, 7, 13, 0, 0), Instant.FromUtc(2026, 7, 16, 0, 0));

        var allowed = policy.AllowedIntervals(reunion, within);

        Assert.Equal(
            [new Interval(Instant.FromUtc(2026, 7, 13, 0, 0), Instant.FromUtc(2026, 7, 13, 20, 0)), new Interval(Instant.FromUtc(2026, 7, 14, 20, 0), Instant.FromUtc(2026, 7, 16, 0, 0))],
            allowed.ToArray());
    }
}
