using System;
using System.Reactive.Concurrency;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class SchedulerTimeSourceTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Now_is_the_scheduler_clock_as_an_instant()
    {
        var scheduler = new HistoricalScheduler(s_start);
        var time = new SchedulerTimeSource(scheduler);

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 7, 0), time.Now);
    }

    [Fact]
    public void Now_follows_the_scheduler()
    {
        var scheduler = new HistoricalScheduler(s_start);
        var time = new SchedulerTimeSource(scheduler);

        scheduler.AdvanceBy(TimeSpan.FromMinutes(90));

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 8, 30), time.Now);
    }

    [Fact]
    public void Scheduler_is_the_one_given()
    {
        var scheduler = new HistoricalScheduler(s_start);

        Assert.Same(scheduler, new SchedulerTimeSource(scheduler).Scheduler);
    }

    [Fact]
    public void Schedule_runs_the_action_on_the_scheduler_when_due()
    {
        var scheduler = new HistoricalScheduler(s_start);
        var time = new SchedulerTimeSource(scheduler);
        int fired = 0;
        time.Schedule(Duration.FromSeconds(2), () => fired++);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(0, fired);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Disposing_the_schedule_cancels_it()
    {
        var scheduler = new HistoricalScheduler(s_start);
        var time = new SchedulerTimeSource(scheduler);
        int fired = 0;

        time.Schedule(Duration.FromSeconds(2), () => fired++).Dispose();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void A_null_scheduler_or_action_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new SchedulerTimeSource(null!));
        var time = new SchedulerTimeSource(new HistoricalScheduler(s_start));
        Assert.Throws<ArgumentNullException>(() => time.Schedule(Duration.Zero, null!));
    }
}
