using System;
using System.Reactive.Concurrency;
using NodaTime;

namespace ContactCenter.Core.Time;

/// <summary>
/// A time source whose time only moves when told to, driven by Rx's
/// <see cref="HistoricalScheduler"/>: timers fire, in order, as <see cref="AdvanceBy"/> or
/// <see cref="AdvanceTo"/> passes their due instant. For tests, simulations and samples.
/// </summary>
/// <remarks>Not thread-safe: advance it from one thread.</remarks>
public sealed class VirtualTimeSource : SchedulerTimeSource
{
    private readonly DueRunningScheduler _scheduler;

    /// <summary>Creates a virtual clock that starts at <paramref name="start"/>.</summary>
    /// <param name="start">The initial instant.</param>
    public VirtualTimeSource(Instant start)
        : this(new DueRunningScheduler(start.ToDateTimeOffset()))
    {
    }

    private VirtualTimeSource(DueRunningScheduler scheduler)
        : base(scheduler) => _scheduler = scheduler;

    /// <summary>
    /// Moves time forward by <paramref name="duration"/>, running every timer that falls due, in order
    /// (with <see cref="Duration.Zero"/>: the timers already due now).
    /// </summary>
    /// <param name="duration">How far to move; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void AdvanceBy(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Virtual time does not move backwards.");
        }

        _scheduler.AdvanceBy(duration.ToTimeSpan());
        _scheduler.RunDue();
    }

    /// <summary>Moves time forward to <paramref name="instant"/>, running every timer that falls due, in order.</summary>
    /// <param name="instant">The target instant; must not be before <see cref="SchedulerTimeSource.Now"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is in the past.</exception>
    public void AdvanceTo(Instant instant)
    {
        if (instant < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"Virtual time is already at {Now}; it does not move backwards.");
        }

        _scheduler.AdvanceTo(instant.ToDateTimeOffset());
        _scheduler.RunDue();
    }

    /// <summary>Runs every timer scheduled so far, however far ahead, moving time to the last one.</summary>
    public void RunAll() => _scheduler.Start();

    /// <summary>A historical scheduler that can also run the work already due at the current time.</summary>
    private sealed class DueRunningScheduler : HistoricalScheduler
    {
        public DueRunningScheduler(DateTimeOffset start)
            : base(start)
        {
        }

        /// <summary>Runs, in order, every item due at or before the clock (including work scheduled by that work).</summary>
        public void RunDue()
        {
            while (GetNext() is { } next && next.DueTime <= Clock)
            {
                next.Invoke();
            }
        }
    }
}
