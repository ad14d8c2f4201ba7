using System;
using ContactCenter.Core.Scheduling;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Scheduling;

public sealed class SlotCapacityTests
{
    [Fact]
    public void Constant_gives_every_weekday_and_hour_the_same_capacity()
    {
        var capacity = SlotCapacity.Constant(3);

        Assert.True(capacity.IsConstant);
        Assert.Equal(3, capacity.For(IsoDayOfWeek.Monday, 0));
        Assert.Equal(3, capacity.For(IsoDayOfWeek.Sunday, 23));
        Assert.Equal("3 per slot", capacity.ToString());
    }

    [Fact]
    public void Per_weekday_and_hour_keeps_the_table_it_was_given()
    {
        var calls = 0;
        var capacity = SlotCapacity.PerWeekdayAndHour((day, hour) =>
        {
            calls++;
            return day == IsoDayOfWeek.Saturday ? 0 : hour < 12 ? 4 : 2;
        });

        Assert.Equal(168, calls);
        Assert.False(capacity.IsConstant);
        Assert.Equal(4, capacity.For(IsoDayOfWeek.Friday, 11));
        Assert.Equal(2, capacity.For(IsoDayOfWeek.Friday, 12));
        Assert.Equal(0, capacity.For(IsoDayOfWeek.Saturday, 10));
        Assert.Equal(168, calls);
        Assert.Equal("per weekday and hour (0\u20134 per slot)", capacity.ToString());
    }

    [Fact]
    public void Negative_capacities_and_invalid_keys_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotCapacity.Constant(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotCapacity.PerWeekdayAndHour(static (_, hour) => hour == 5 ? -1 : 1));
        Assert.Throws<ArgumentNullException>(() => SlotCapacity.PerWeekdayAndHour(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotCapacity.Constant(1).For(IsoDayOfWeek.None, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotCapacity.Constant(1).For(IsoDayOfWeek.Monday, 24));
    }
}
