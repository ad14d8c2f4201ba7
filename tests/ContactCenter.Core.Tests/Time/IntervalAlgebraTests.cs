using System.Collections.Generic;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class IntervalAlgebraTests
{
    private static Instant T(int hour, int minute = 0) => Instant.FromUtc(2026, 6, 1, hour, minute);

    private static Interval I(int from, int to) => new(T(from), T(to));

    [Fact]
    public void Normalise_sorts_and_merges_overlapping_and_touching_intervals()
    {
        var list = new List<Interval> { I(10, 12), I(1, 3), I(2, 4), I(4, 5), I(7, 8), I(11, 11) };

        IntervalAlgebra.Normalise(list);

        Assert.Equal([I(1, 5), I(7, 8), I(10, 12)], list);
    }

    [Fact]
    public void Intersect_keeps_what_both_lists_cover()
    {
        var into = new List<Interval> { I(0, 1) };

        IntervalAlgebra.Intersect([I(1, 5), I(7, 10)], [I(0, 2), I(4, 8), I(9, 12)], into);

        Assert.Equal([I(1, 2), I(4, 5), I(7, 8), I(9, 10)], into);
    }

    [Fact]
    public void Intersect_with_an_empty_list_is_empty()
    {
        var into = new List<Interval>();

        IntervalAlgebra.Intersect([I(1, 5)], [], into);

        Assert.Empty(into);
    }

    [Fact]
    public void Covers_requires_one_interval_to_hold_the_whole_span()
    {
        IReadOnlyList<Interval> list = [I(1, 3), I(3, 4), I(6, 9)];

        Assert.True(IntervalAlgebra.Covers(list, T(6), T(9)));
        Assert.True(IntervalAlgebra.Covers(list, T(7), T(8)));
        Assert.False(IntervalAlgebra.Covers(list, T(2), T(4))); // not normalised: two intervals
        Assert.False(IntervalAlgebra.Covers(list, T(5), T(7)));
        Assert.False(IntervalAlgebra.Covers(list, T(8), T(10)));
        Assert.False(IntervalAlgebra.Covers([], T(1), T(2)));
    }

    [Fact]
    public void Overlaps_and_OverlapBetween_find_any_shared_instant()
    {
        IReadOnlyList<Interval> a = [I(1, 3), I(6, 9)];
        IReadOnlyList<Interval> b = [I(3, 6), I(8, 10)];

        Assert.True(IntervalAlgebra.Overlaps(a, T(2), T(4)));
        Assert.False(IntervalAlgebra.Overlaps(a, T(3), T(6)));
        Assert.False(IntervalAlgebra.Overlaps(a, T(9), T(12)));
        Assert.True(IntervalAlgebra.OverlapBetween(a, b, T(0), T(12)));
        Assert.False(IntervalAlgebra.OverlapBetween(a, b, T(0), T(8)));
        Assert.True(IntervalAlgebra.OverlapBetween(a, b, T(8, 30), T(8, 45)));
        Assert.False(IntervalAlgebra.OverlapBetween(a, b, T(9), T(12)));
    }

    [Fact]
    public void NextInside_returns_the_first_instant_at_or_after()
    {
        IReadOnlyList<Interval> list = [I(1, 3), I(6, 9)];

        Assert.Equal(T(1), IntervalAlgebra.NextInside(list, T(0)));
        Assert.Equal(T(2), IntervalAlgebra.NextInside(list, T(2)));
        Assert.Equal(T(6), IntervalAlgebra.NextInside(list, T(3)));
        Assert.Null(IntervalAlgebra.NextInside(list, T(9)));
    }

    [Fact]
    public void Subtract_removes_a_span_splitting_an_interval_when_needed()
    {
        var list = new List<Interval> { I(1, 5), I(6, 9), I(10, 12) };

        IntervalAlgebra.Subtract(list, I(2, 3));
        IntervalAlgebra.Subtract(list, I(8, 11));

        Assert.Equal([I(1, 2), I(3, 5), I(6, 8), I(11, 12)], list);
    }

    [Fact]
    public void AddClipped_adds_only_the_part_inside_the_window()
    {
        var list = new List<Interval>();

        IntervalAlgebra.AddClipped(list, I(1, 5), I(3, 10));
        IntervalAlgebra.AddClipped(list, I(11, 12), I(3, 10));

        Assert.Equal([I(3, 5)], list);
    }
}
