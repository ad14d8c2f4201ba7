using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class CallingWindowPoliciesTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Fact]
    public void US_federal_is_08_to_21_every_day_for_solicitations_in_the_US()
    {
        var policy = CallingWindowPolicies.UsFederal;

        Assert.Equal("US federal", policy.Name);
        Assert.Contains("47 CFR § 64.1200(c)(1)", policy.Source, System.StringComparison.Ordinal);
        Assert.Contains("16 CFR § 310.4(c)", policy.Source, System.StringComparison.Ordinal);
        Assert.Equal(WeeklyHours.Every(LocalTimeRange.Parse("08:00-21:00")), policy.Hours);
        Assert.Equal([CallPurpose.Solicitation], policy.Purposes);
        Assert.Equal(new Jurisdiction("US"), policy.Jurisdiction);
        Assert.Null(policy.NoCallsOnHolidays);
        Assert.Empty(policy.FrequencyCaps);
    }

    [Fact]
    public void Florida_is_08_to_20_with_three_calls_per_24_hours_on_the_same_subject()
    {
        var policy = CallingWindowPolicies.Florida;

        Assert.Equal("Florida", policy.Name);
        Assert.Contains("501.616(6)", policy.Source, System.StringComparison.Ordinal);
        Assert.Equal(WeeklyHours.Every(LocalTimeRange.Parse("08:00-20:00")), policy.Hours);
        Assert.Equal(new Jurisdiction("US", "FL"), policy.Jurisdiction);
        Assert.Equal([new FrequencyCap(3, Duration.FromHours(24), FrequencyScope.SameSubject)], policy.FrequencyCaps);
        Assert.Equal([CallPurpose.Solicitation], policy.Purposes);
    }

    [Fact]
    public void France_is_weekdays_10_to_13_and_14_to_20_without_holidays_and_four_calls_per_30_days()
    {
        var policy = CallingWindowPolicies.FranceSolicitation;

        Assert.Equal("France", policy.Name);
        Assert.Contains("D. 223-9", policy.Source, System.StringComparison.Ordinal);
        Assert.Contains("2022-1313", policy.Source, System.StringComparison.Ordinal);
        Assert.Equal(WeeklyHours.Weekdays(LocalTimeRange.Parse("10:00-13:00"), LocalTimeRange.Parse("14:00-20:00")), policy.Hours);
        Assert.Empty(policy.Hours.For(IsoDayOfWeek.Saturday));
        Assert.Empty(policy.Hours.For(IsoDayOfWeek.Sunday));
        Assert.Same(FrenchPublicHolidays.Instance, policy.NoCallsOnHolidays);
        Assert.Equal([new FrequencyCap(4, Duration.FromDays(30), FrequencyScope.AnySubject)], policy.FrequencyCaps);
        Assert.Equal(new Jurisdiction("FR"), policy.Jurisdiction);
    }

    [Fact]
    public void All_lists_the_shipped_rules()
    {
        Assert.Equal([CallingWindowPolicies.UsFederal, CallingWindowPolicies.Florida, CallingWindowPolicies.FranceSolicitation], CallingWindowPolicies.All);
    }

    [Fact]
    public void The_intersection_over_two_zones_is_the_most_restrictive()
    {
        // Florida panhandle (850): Florida's 08:00–20:00 in Central and in Eastern time: 08:00 CST to 20:00 EST.
        var day = new Interval(Instant.FromUtc(2026, 11, 23, 12, 0), Instant.FromUtc(2026, 11, 24, 12, 0));

        var allowed = CallingWindowPolicies.AllowedIntervals(
            [CallingWindowPolicies.UsFederal, CallingWindowPolicies.Florida],
            [Zone("America/Chicago"), Zone("America/New_York")],
            day);

        // 08:00 CST = 14:00Z (the later opening), 20:00 EST = 01:00Z (the earlier closing).
        Assert.Equal([new Interval(Instant.FromUtc(2026, 11, 23, 14, 0), Instant.FromUtc(2026, 11, 24, 1, 0))], allowed.ToArray());
        Assert.Equal(Duration.FromHours(11), allowed[0].Duration);
    }

    [Fact]
    public void The_intersection_of_windows_that_never_meet_is_empty()
    {
        var week = new Interval(Instant.FromUtc(2026, 6, 1, 0, 0), Instant.FromUtc(2026, 6, 8, 0, 0));

        var allowed = CallingWindowPolicies.AllowedIntervals([CallingWindowPolicies.FranceSolicitation], [Zone("Europe/Paris"), Zone("Pacific/Honolulu")], week);

        Assert.Empty(allowed);
    }

    [Fact]
    public void No_policy_allows_everything_and_no_zone_allows_nothing()
    {
        var day = new Interval(Instant.FromUtc(2026, 6, 1, 0, 0), Instant.FromUtc(2026, 6, 2, 0, 0));

        Assert.Equal([day], CallingWindowPolicies.AllowedIntervals([], [Zone("Europe/Paris")], day).ToArray());
        Assert.Empty(CallingWindowPolicies.AllowedIntervals([CallingWindowPolicies.UsFederal], [], day));
        Assert.Empty(CallingWindowPolicies.AllowedIntervals([], [], new Interval(day.Start, day.Start)));
    }
}
