using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class LocalIntervalsTests
{
    private static readonly DateTimeZone s_newYork = TimeZoneIds.Resolve("America/New_York");
    private static readonly DateTimeZone s_havana = TimeZoneIds.Resolve("America/Havana");
    private static readonly LocalDate s_springForward = new(2026, 3, 8);
    private static readonly LocalDate s_fallBack = new(2026, 11, 1);

    [Fact]
    public void A_skipped_start_opens_at_the_end_of_the_gap()
    {
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), LocalIntervals.ResolveStart(s_springForward.At(new LocalTime(2, 30)), s_newYork));
    }

    [Fact]
    public void An_ambiguous_start_takes_the_earlier_occurrence()
    {
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), LocalIntervals.ResolveStart(s_fallBack.At(new LocalTime(1, 30)), s_newYork));
    }

    [Fact]
    public void A_skipped_end_closes_at_the_end_of_the_gap()
    {
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), LocalIntervals.ResolveEnd(s_springForward.At(new LocalTime(2, 30)), s_newYork));
    }

    [Fact]
    public void An_ambiguous_end_takes_the_later_occurrence()
    {
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 6, 30), LocalIntervals.ResolveEnd(s_fallBack.At(new LocalTime(1, 30)), s_newYork));
    }

    [Fact]
    public void Midnight_is_the_start_of_the_day_even_where_it_is_skipped()
    {
        var skippedMidnight = new LocalDate(2026, 3, 8).AtMidnight();

        Assert.Equal(Instant.FromUtc(2026, 3, 8, 5, 0), LocalIntervals.ResolveStart(skippedMidnight, s_havana)); // 01:00 CDT
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 5, 0), LocalIntervals.ResolveEnd(skippedMidnight, s_havana));
    }

    [Fact]
    public void A_range_wholly_inside_a_skipped_hour_is_empty_that_day()
    {
        Assert.Null(LocalIntervals.Resolve(LocalTimeRange.Parse("02:00-02:45"), s_springForward, s_newYork));
        Assert.NotNull(LocalIntervals.Resolve(LocalTimeRange.Parse("02:00-02:45"), s_springForward.PlusDays(1), s_newYork));
    }

    [Fact]
    public void A_range_crossing_midnight_ends_on_the_next_day_and_24_00_is_the_next_start_of_day()
    {
        var night = LocalIntervals.Resolve(LocalTimeRange.Parse("22:00-02:00"), new LocalDate(2026, 6, 5), s_newYork);
        var untilMidnight = LocalIntervals.Resolve(LocalTimeRange.Parse("22:00-24:00"), new LocalDate(2026, 3, 7), s_havana);

        Assert.Equal(new Interval(Instant.FromUtc(2026, 6, 6, 2, 0), Instant.FromUtc(2026, 6, 6, 6, 0)), night);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 3, 8, 3, 0), Instant.FromUtc(2026, 3, 8, 5, 0)), untilMidnight);
    }

    [Fact]
    public void A_fall_back_range_keeps_the_repeated_hour()
    {
        var interval = LocalIntervals.Resolve(LocalTimeRange.Parse("00:00-03:00"), s_fallBack, s_newYork);

        Assert.Equal(Duration.FromHours(4), interval!.Value.Duration);
    }

    [Fact]
    public void Expand_merges_adjacent_ranges_clips_to_the_window_and_includes_the_previous_evening()
    {
        var hours = WeeklyHours.Every(LocalTimeRange.Parse("08:00-12:00"), LocalTimeRange.Parse("12:00-14:00"))
            .With(IsoDayOfWeek.Sunday, LocalTimeRange.Parse("22:00-02:00"));
        var within = new Interval(Instant.FromUtc(2026, 6, 8, 4, 0), Instant.FromUtc(2026, 6, 8, 16, 0)); // Monday 00:00–12:00 EDT

        var intervals = LocalIntervals.Expand(hours, s_newYork, within);

        Assert.Equal(
            [
                new Interval(Instant.FromUtc(2026, 6, 8, 4, 0), Instant.FromUtc(2026, 6, 8, 6, 0)), // Sunday's 22:00–02:00, clipped
                new Interval(Instant.FromUtc(2026, 6, 8, 12, 0), Instant.FromUtc(2026, 6, 8, 16, 0)), // 08:00–14:00 merged, clipped at 12:00
            ],
            intervals);
    }

    [Fact]
    public void Expand_of_an_empty_window_is_empty()
    {
        var instant = Instant.FromUtc(2026, 6, 8, 4, 0);

        Assert.Empty(LocalIntervals.Expand(WeeklyHours.Always, s_newYork, new Interval(instant, instant)));
        Assert.Empty(LocalIntervals.Expand(WeeklyHours.Always, s_newYork, new Interval(null, instant)));
    }
}
