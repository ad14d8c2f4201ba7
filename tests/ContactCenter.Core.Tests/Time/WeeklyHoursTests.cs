using System;
using System.Linq;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class WeeklyHoursTests
{
    private static readonly LocalTimeRange s_office = LocalTimeRange.Parse("08:00-20:00");

    [Fact]
    public void Always_and_None_are_initialised_for_every_day()
    {
        // Regression: the static list of days was declared after Always, which was built from it.
        foreach (var day in Enumerable.Range(1, 7).Select(static d => (IsoDayOfWeek)d))
        {
            Assert.Equal([LocalTimeRange.WholeDay], WeeklyHours.Always.For(day));
            Assert.Empty(WeeklyHours.None.For(day));
        }

        Assert.True(WeeklyHours.None.IsEmpty);
        Assert.False(WeeklyHours.Always.IsEmpty);
        Assert.True(WeeklyHours.Always.IsAlways);
        Assert.True(WeeklyHours.Every(LocalTimeRange.Parse("00:00-24:00")).IsAlways);
        Assert.False(WeeklyHours.Every(s_office).IsAlways);
    }

    [Fact]
    public void Weekdays_leaves_the_weekend_closed_and_With_replaces_one_day()
    {
        var saturday = LocalTimeRange.Parse("09:00-13:00");
        var hours = WeeklyHours.Weekdays(s_office).With(IsoDayOfWeek.Saturday, saturday).With(IsoDayOfWeek.Monday);

        Assert.Empty(hours.For(IsoDayOfWeek.Monday));
        Assert.Equal([s_office], hours.For(IsoDayOfWeek.Friday));
        Assert.Equal([saturday], hours.For(IsoDayOfWeek.Saturday));
        Assert.Empty(hours.For(IsoDayOfWeek.Sunday));
    }

    [Fact]
    public void Ranges_are_sorted_by_start_and_duplicates_removed()
    {
        var afternoon = LocalTimeRange.Parse("14:00-18:00");
        var morning = LocalTimeRange.Parse("08:00-12:00");

        var hours = WeeklyHours.Every(afternoon, morning, afternoon);

        Assert.Equal([morning, afternoon], hours.For(IsoDayOfWeek.Wednesday));
    }

    [Fact]
    public void The_builder_is_immutable()
    {
        var original = WeeklyHours.Weekdays(s_office);

        _ = original.With(IsoDayOfWeek.Monday, LocalTimeRange.WholeDay);

        Assert.Equal([s_office], original.For(IsoDayOfWeek.Monday));
    }

    [Fact]
    public void Equality_compares_the_ranges_of_every_day()
    {
        var a = WeeklyHours.Weekdays(s_office);
        var b = WeeklyHours.None.With([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], s_office);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, WeeklyHours.Every(s_office));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void ToString_lists_open_days_invariantly()
    {
        var hours = WeeklyHours.Weekdays(s_office).With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("22:00-02:00"));

        Assert.Equal("Mon 08:00\u201320:00; Tue 08:00\u201320:00; Wed 08:00\u201320:00; Thu 08:00\u201320:00; Fri 08:00\u201320:00; Sat 22:00\u201302:00", hours.ToString());
        Assert.Equal("closed", WeeklyHours.None.ToString());
    }

    [Fact]
    public void An_invalid_day_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyHours.Always.For(IsoDayOfWeek.None));
        Assert.Throws<ArgumentNullException>(() => WeeklyHours.None.With(IsoDayOfWeek.Monday, null!));
    }
}
