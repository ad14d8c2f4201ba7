using System;
using System.Collections.Generic;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class VirtualTimeSourceTests
{
    private static readonly Instant s_start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void Starts_at_the_given_instant()
    {
        var time = new VirtualTimeSource(s_start);

        Assert.Equal(s_start, time.Now);
    }

    [Fact]
    public void Timers_fire_in_due_order_whatever_the_scheduling_order()
    {
        var time = new VirtualTimeSource(s_start);
        var fired = new List<string>();
        time.Schedule(Duration.FromSeconds(3), () => fired.Add("3s"));
        time.Schedule(Duration.FromSeconds(1), () => fired.Add("1s"));
        time.Schedule(Duration.FromSeconds(2), () => fired.Add("2s"));

        time.AdvanceBy(Duration.FromSeconds(10));

        Assert.Equal(["1s", "2s", "3s"], fired);
    }

    [Fact]
    public void A_timer_sees_its_due_instant_as_now()
    {
        var time = new VirtualTimeSource(s_start);
        Instant? seen = null;
        time.Schedule(Duration.FromSeconds(5), () => seen = time.Now);

        time.AdvanceBy(Duration.FromMinutes(1));

        Assert.Equal(s_start + Duration.FromSeconds(5), seen);
        Assert.Equal(s_start + Duration.FromMinutes(1), time.Now);
    }

    [Fact]
    public void AdvanceBy_runs_only_the_timers_that_fall_due()
    {
        var time = new VirtualTimeSource(s_start);
        var fired = new List<int>();
        time.Schedule(Duration.FromSeconds(1), () => fired.Add(1));
        time.Schedule(Duration.FromSeconds(5), () => fired.Add(5));

        time.AdvanceBy(Duration.FromSeconds(1));

        Assert.Equal([1], fired);
    }

    [Fact]
    public void AdvanceTo_moves_to_the_instant_and_runs_the_due_timers()
    {
        var time = new VirtualTimeSource(s_start);
        int fired = 0;
        time.Schedule(Duration.FromSeconds(30), () => fired++);

        time.AdvanceTo(s_start + Duration.FromSeconds(30));

        Assert.Equal(1, fired);
        Assert.Equal(s_start + Duration.FromSeconds(30), time.Now);
    }

    [Fact]
    public void RunAll_runs_every_timer_and_moves_time_to_the_last_one()
    {
        var time = new VirtualTimeSource(s_start);
        int fired = 0;
        time.Schedule(Duration.FromHours(2), () => fired++);
        time.Schedule(Duration.FromMinutes(1), () => fired++);

        time.RunAll();

        Assert.Equal(2, fired);
        Assert.Equal(s_start + Duration.FromHours(2), time.Now);
    }

    [Fact]
    public void AdvanceBy_refuses_to_go_backwards()
    {
        var time = new VirtualTimeSource(s_start);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.AdvanceBy(Duration.FromTicks(-1)));
        Assert.Equal(s_start, time.Now);
    }

    [Fact]
    public void AdvanceTo_refuses_to_go_backwards()
    {
        var time = new VirtualTimeSource(s_start);
        time.AdvanceBy(Duration.FromSeconds(10));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => time.AdvanceTo(s_start));

        Assert.Contains("does not move backwards", exception.Message, StringComparison.Ordinal);
        Assert.Equal(s_start + Duration.FromSeconds(10), time.Now);
    }

    [Fact]
    public void Disposing_a_schedule_before_it_is_due_cancels_it()
    {
        var time = new VirtualTimeSource(s_start);
        int fired = 0;
        var handle = time.Schedule(Duration.FromSeconds(1), () => fired++);

        handle.Dispose();
        time.AdvanceBy(Duration.FromSeconds(5));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void A_negative_delay_runs_as_soon_as_time_moves_without_moving_it_back()
    {
        var time = new VirtualTimeSource(s_start);
        Instant? seen = null;
        time.Schedule(Duration.FromSeconds(-5), () => seen = time.Now);

        time.AdvanceBy(Duration.FromTicks(1));

        Assert.Equal(s_start, seen);
    }

    [Fact]
    public void AdvanceBy_zero_runs_the_timers_already_due_without_moving_time()
    {
        var time = new VirtualTimeSource(s_start);
        var seen = new List<Instant>();
        time.Schedule(Duration.Zero, () => seen.Add(time.Now));
        time.Schedule(Duration.FromSeconds(-1), () => seen.Add(time.Now));
        time.Schedule(Duration.FromSeconds(1), () => seen.Add(time.Now));

        time.AdvanceBy(Duration.Zero);

        Assert.Equal(new[] { s_start, s_start }, seen);
        Assert.Equal(s_start, time.Now);
    }

    [Fact]
    public void A_timer_scheduled_by_a_timer_runs_in_the_same_advance_when_due()
    {
        var time = new VirtualTimeSource(s_start);
        var fired = new List<Instant>();
        time.Schedule(Duration.FromSeconds(1), () =>
        {
            fired.Add(time.Now);
            time.Schedule(Duration.FromSeconds(1), () => fired.Add(time.Now));
        });

        time.AdvanceBy(Duration.FromSeconds(3));

        Assert.Equal([s_start + Duration.FromSeconds(1), s_start + Duration.FromSeconds(2)], fired);
    }
}
