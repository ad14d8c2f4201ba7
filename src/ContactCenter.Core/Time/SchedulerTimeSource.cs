using System;
using System.Reactive.Concurrency;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Time;

/// <summary>An <see cref="ITimeSource"/> over any Rx <see cref="IScheduler"/>.</summary>
public class SchedulerTimeSource : ITimeSource
{
    /// <summary>Creates a time source that reads and schedules on <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">The scheduler; its <see cref="IScheduler.Now"/> is the current instant.</param>
    public SchedulerTimeSource(IScheduler scheduler) => Scheduler = Guard.NotNull(scheduler);

    /// <inheritdoc />
    public Instant Now => Instant.FromDateTimeOffset(Scheduler.Now);

    /// <inheritdoc />
    public IScheduler Scheduler { get; }

    /// <inheritdoc />
    public IDisposable Schedule(Duration dueIn, Action action)
    {
        Guard.NotNull(action);
        var delay = dueIn < Duration.Zero ? TimeSpan.Zero : dueIn.ToTimeSpan();
        return Scheduler.Schedule(action, delay, static (_, work) =>
        {
            work();
            return System.Reactive.Disposables.Disposable.Empty;
        });
    }
}

/// <summary>The production time source: the system clock and Rx's default scheduler (thread-pool timers).</summary>
public sealed class SystemTimeSource : SchedulerTimeSource
{
    private SystemTimeSource()
        : base(DefaultScheduler.Instance)
    {
    }

    /// <summary>The shared instance.</summary>
    public static SystemTimeSource Instance { get; } = new();
}
