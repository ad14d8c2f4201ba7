using System;
using System.Reactive.Concurrency;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// A time source whose <see cref="Now"/> can be pinned to one instant while a command runs twice — once on a probe to
/// learn what to write, once on the live aggregate after the write — so that both runs compute the same state. Timers
/// go to the inner source.
/// </summary>
internal sealed class PinnedClock(ITimeSource inner) : ITimeSource
{
    private readonly object _gate = new();
    private Instant? _pinned;

    public Instant Now
    {
        get
        {
            lock (_gate)
            {
                return _pinned ?? inner.Now;
            }
        }
    }

    public IScheduler Scheduler => inner.Scheduler;

    public IDisposable Schedule(Duration dueIn, Action action) => inner.Schedule(dueIn, action);

    public Instant InnerNow => inner.Now;

    public void Run(Instant at, Action action)
    {
        lock (_gate)
        {
            _pinned = at;
        }

        try
        {
            action();
        }
        finally
        {
            lock (_gate)
            {
                _pinned = null;
            }
        }
    }
}

/// <summary>A clock stopped at one instant whose timers never fire: the probe of a command runs on it.</summary>
internal sealed class FrozenClock(Instant now) : ITimeSource
{
    public Instant Now { get; } = now;

    public IScheduler Scheduler => ImmediateScheduler.Instance;

    public IDisposable Schedule(Duration dueIn, Action action) => System.Reactive.Disposables.Disposable.Empty;
}
