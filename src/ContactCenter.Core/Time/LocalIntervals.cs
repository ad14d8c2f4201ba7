using System.Collections.Generic;
using ContactCenter.Core.Internal;
using NodaTime;
using NodaTime.TimeZones;

namespace ContactCenter.Core.Time;

/// <summary>
/// Turns local clock ranges into instants, by explicit rules for the local times a zone skips or
/// repeats:
/// <list type="bullet">
/// <item>a start in a skipped (spring-forward) hour opens at the end of the gap;</item>
/// <item>an ambiguous (fall-back) start takes the earlier occurrence;</item>
/// <item>an exclusive end in a skipped hour closes at the end of the gap;</item>
/// <item>an ambiguous end takes the later occurrence;</item>
/// <item>a start at 00:00 is the start of the day and an end at 24:00 the start of the next day,
/// wherever the zone puts them (midnight does not exist everywhere on every day).</item>
/// </list>
/// So a range never loses the hour a fall-back night repeats, and never opens before the time it
/// names.
/// </summary>
public static class LocalIntervals
{
    private static readonly ZoneLocalMappingResolver s_startResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver s_endResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The instant a range starting at <paramref name="local"/> opens: skipped → end of the gap, ambiguous → earlier.</summary>
    /// <param name="local">The local start.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The instant.</returns>
    public static Instant ResolveStart(LocalDateTime local, DateTimeZone zone) =>
        local.TimeOfDay == LocalTime.Midnight
            ? Guard.NotNull(zone).AtStartOfDay(local.Date).ToInstant()
            : local.InZone(Guard.NotNull(zone), s_startResolver).ToInstant();

    /// <summary>The instant a range ending (exclusively) at <paramref name="local"/> closes: skipped → end of the gap, ambiguous → later.</summary>
    /// <param name="local">The local end; 00:00 means the start of that day.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The instant.</returns>
    public static Instant ResolveEnd(LocalDateTime local, DateTimeZone zone) =>
        local.TimeOfDay == LocalTime.Midnight
            ? Guard.NotNull(zone).AtStartOfDay(local.Date).ToInstant()
            : local.InZone(Guard.NotNull(zone), s_endResolver).ToInstant();

    /// <summary>The instants a range occupies when it starts on <paramref name="date"/> in <paramref name="zone"/>.</summary>
    /// <param name="range">The local range.</param>
    /// <param name="date">The local date it starts on.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The interval, or <see langword="null"/> when the range is empty that day (it lies wholly in a skipped hour).</returns>
    public static Interval? Resolve(LocalTimeRange range, LocalDate date, DateTimeZone zone)
    {
        var start = ResolveStart(date + range.Start, zone);
        var endDate = range.CrossesMidnight ? date.PlusDays(1) : date;
        var end = ResolveEnd(endDate + range.End, zone);
        return end > start ? new Interval(start, end) : null;
    }

    /// <summary>
    /// The instants covered by <paramref name="hours"/> in <paramref name="zone"/> within
    /// <paramref name="within"/>: sorted, disjoint, adjacent ranges merged, clipped to
    /// <paramref name="within"/>. Ranges that start the day before and cross midnight are included.
    /// </summary>
    /// <param name="hours">The weekly hours.</param>
    /// <param name="zone">The zone they are expressed in.</param>
    /// <param name="within">The instants of interest.</param>
    /// <returns>The intervals.</returns>
    public static IReadOnlyList<Interval> Expand(WeeklyHours hours, DateTimeZone zone, Interval within)
    {
        var result = new List<Interval>();
        ExpandInto(hours, zone, within, result);
        return result;
    }

    /// <summary>As <see cref="Expand"/>, appending to a caller's list (cleared first).</summary>
    internal static void ExpandInto(WeeklyHours hours, DateTimeZone zone, Interval within, List<Interval> into)
    {
        Guard.NotNull(hours);
        Guard.NotNull(zone);
        Guard.NotNull(into);
        into.Clear();
        if (!within.HasStart || !within.HasEnd || within.Start >= within.End)
        {
            return;
        }

        var first = within.Start.InZone(zone).Date.PlusDays(-1);
        var last = within.End.InZone(zone).Date;
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            foreach (var range in hours.For(date.DayOfWeek))
            {
                if (Resolve(range, date, zone) is { } interval)
                {
                    IntervalAlgebra.AddClipped(into, interval, within);
                }
            }
        }

        IntervalAlgebra.Normalise(into);
    }
}
