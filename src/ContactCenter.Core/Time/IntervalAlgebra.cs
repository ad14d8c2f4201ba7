using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Time;

/// <summary>Set operations on lists of half-open instant intervals, kept sorted and disjoint.</summary>
internal static class IntervalAlgebra
{
    private static readonly Comparer<Interval> s_byStart = Comparer<Interval>.Create(static (a, b) => a.Start.CompareTo(b.Start));

    /// <summary>Adds <c>interval ∩ within</c> when it is not empty.</summary>
    public static void AddClipped(List<Interval> into, Interval interval, Interval within)
    {
        var start = interval.Start > within.Start ? interval.Start : within.Start;
        var end = interval.End < within.End ? interval.End : within.End;
        if (end > start)
        {
            into.Add(new Interval(start, end));
        }
    }

    /// <summary>Sorts by start and merges overlapping or touching intervals, in place.</summary>
    public static void Normalise(List<Interval> intervals)
    {
        if (intervals.Count < 2)
        {
            return;
        }

        intervals.Sort(s_byStart);
        var write = 0;
        for (var read = 1; read < intervals.Count; read++)
        {
            var current = intervals[write];
            var next = intervals[read];
            if (next.Start <= current.End)
            {
                if (next.End > current.End)
                {
                    intervals[write] = new Interval(current.Start, next.End);
                }
            }
            else
            {
                intervals[++write] = next;
            }
        }

        intervals.RemoveRange(write + 1, intervals.Count - write - 1);
    }

    /// <summary>Writes <c>a ∩ b</c> into <paramref name="into"/> (cleared first); both inputs sorted and disjoint.</summary>
    public static void Intersect(IReadOnlyList<Interval> a, IReadOnlyList<Interval> b, List<Interval> into)
    {
        into.Clear();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            var end = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (end > start)
            {
                into.Add(new Interval(start, end));
            }

            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }

    /// <summary>Whether <c>[start, end)</c> lies wholly inside one interval of a sorted, disjoint list.</summary>
    public static bool Covers(IReadOnlyList<Interval> intervals, Instant start, Instant end)
    {
        int lo = 0, hi = intervals.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (intervals[mid].End <= start)
            {
                lo = mid + 1;
            }
            else if (intervals[mid].Start > start)
            {
                hi = mid - 1;
            }
            else
            {
                return intervals[mid].End >= end;
            }
        }

        return false;
    }

    /// <summary>Whether some instant of <c>[start, end)</c> lies inside the sorted, disjoint list.</summary>
    public static bool Overlaps(IReadOnlyList<Interval> intervals, Instant start, Instant end)
    {
        var index = FirstEndingAfter(intervals, start);
        return index < intervals.Count && intervals[index].Start < end && start < end;
    }

    /// <summary>Whether <c>a ∩ b ∩ [start, end)</c> is not empty; both lists sorted and disjoint.</summary>
    public static bool OverlapBetween(IReadOnlyList<Interval> a, IReadOnlyList<Interval> b, Instant start, Instant end)
    {
        int i = FirstEndingAfter(a, start), j = FirstEndingAfter(b, start);
        while (i < a.Count && j < b.Count)
        {
            var from = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            if (from < start)
            {
                from = start;
            }

            if (from >= end)
            {
                return false;
            }

            var until = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (until > from)
            {
                return true;
            }

            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>The first instant at or after <paramref name="from"/> inside the list, or null.</summary>
    public static Instant? NextInside(IReadOnlyList<Interval> intervals, Instant from)
    {
        var index = FirstEndingAfter(intervals, from);
        if (index == intervals.Count)
        {
            return null;
        }

        var interval = intervals[index];
        return interval.Start > from ? interval.Start : from;
    }

    /// <summary>The index of the first interval ending after <paramref name="instant"/> (binary search), or the count.</summary>
    private static int FirstEndingAfter(IReadOnlyList<Interval> intervals, Instant instant)
    {
        int lo = 0, hi = intervals.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (intervals[mid].End <= instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Removes <paramref name="removed"/> from a sorted, disjoint list, in place.</summary>
    public static void Subtract(List<Interval> intervals, Interval removed)
    {
        for (var i = intervals.Count - 1; i >= 0; i--)
        {
            var current = intervals[i];
            if (current.End <= removed.Start || current.Start >= removed.End)
            {
                continue;
            }

            intervals.RemoveAt(i);
            if (removed.End < current.End)
            {
                intervals.Insert(i, new Interval(removed.End, current.End));
            }

            if (current.Start < removed.Start)
            {
                intervals.Insert(i, new Interval(current.Start, removed.Start));
            }
        }
    }
}
