using System;
using System.Reactive.Concurrency;
using NodaTime;

namespace ContactCenter.Core.Time;

/// <summary>
/// The single source of time of the SDK: the current instant and the timers that fire later
/// (after-call work, offer timeouts, logout countdowns, due callbacks). Nothing in the SDK reads the
/// wall clock or sleeps; inject <see cref="SystemTimeSource"/> in production and a
/// <see cref="VirtualTimeSource"/> in tests and simulations, which then run a whole shift in
/// milliseconds.
/// </summary>
public interface ITimeSource
{
    /// <summary>The current instant.</summary>
    Instant Now { get; }

    /// <summary>
    /// The Rx scheduler behind this time source, for observable operators that need time
    /// (<c>Observable.Interval(period, timeSource.Scheduler)</c>).
    /// </summary>
    IScheduler Scheduler { get; }

    /// <summary>Runs <paramref name="action"/> once, <paramref name="dueIn"/> from now.</summary>
    /// <param name="dueIn">The delay; zero or negative runs it as soon as the scheduler can.</param>
    /// <param name="action">The work to run.</param>
    /// <returns>A handle that cancels the timer when disposed before it fires.</returns>
    IDisposable Schedule(Duration dueIn, Action action);
}
