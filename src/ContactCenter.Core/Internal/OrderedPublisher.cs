using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ContactCenter.Core.Internal;

/// <summary>
/// An aggregate's event stream: events are enqueued in the order the aggregate produced them (under its
/// gate) and delivered in that order, one at a time, by whichever thread calls <see cref="Deliver"/> first.
/// A subscriber that publishes a command from its handler does not recurse: its events are delivered after
/// the current one, by the same loop. Faulting subscribers are handled by <see cref="ObserverList{T}"/>.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class OrderedPublisher<T> : IObservable<T>
{
    private readonly ConcurrentQueue<T> _pending = new();
    private readonly ObserverList<T> _observers = new();
    private int _delivering;

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<T> observer) => _observers.Add(observer);

    /// <summary>Queues an event for delivery; call under the aggregate's gate so that order is the aggregate's.</summary>
    public void Enqueue(T value) => _pending.Enqueue(value);

    /// <summary>Delivers queued events in order, unless another thread (or this one, further up the stack) already is.</summary>
    public void Deliver()
    {
        while (!_pending.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _delivering, 1, 0) != 0)
            {
                // Another delivery loop is running: it will deliver these too.
                return;
            }

            try
            {
                while (_pending.TryDequeue(out var value))
                {
                    _observers.Publish(value);
                }
            }
            finally
            {
                Volatile.Write(ref _delivering, 0);
            }
        }
    }
}
