using System;
using System.Threading;

namespace ContactCenter.Core.Internal;

/// <summary>
/// The subscribers of one stream: copy-on-write, so publishing reads a snapshot without locking. A subscriber
/// whose <c>OnNext</c> throws is detached and the others still get the value. For the aggregates' event
/// streams the faulting subscriber receives <c>OnError</c> and the publisher is not disturbed
/// (<see cref="Publish(T)"/>); a state machine's transition stream reports the fault to its owner instead.
/// </summary>
/// <typeparam name="T">The type of the published values.</typeparam>
/// <remarks>The caller serialises <see cref="Publish"/>; subscribing and unsubscribing may happen on any thread.</remarks>
internal sealed class ObserverList<T>
{
    private Subscription[] _subscriptions = [];

    /// <summary>Adds <paramref name="observer"/>; the same observer may be added several times, each with its own subscription.</summary>
    public IDisposable Add(IObserver<T> observer)
    {
        var subscription = new Subscription(this, Guard.NotNull(observer));
        Subscription[] current, updated;
        do
        {
            current = Volatile.Read(ref _subscriptions);
            updated = new Subscription[current.Length + 1];
            current.CopyTo(updated, 0);
            updated[current.Length] = subscription;
        }
        while (Interlocked.CompareExchange(ref _subscriptions, updated, current) != current);

        return subscription;
    }

    /// <summary>
    /// Sends <paramref name="value"/> to every subscriber, in subscription order. A subscriber that throws is
    /// detached and receives <c>OnError</c> with its exception.
    /// </summary>
    public void Publish(T value)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (Deliver(subscription, value) is { } exception)
            {
                try
                {
                    subscription.Observer.OnError(exception);
                }
#pragma warning disable CA1031
                catch (Exception)
#pragma warning restore CA1031
                {
                    // Already detached; nothing more can be done for it.
                }
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="value"/> to every subscriber, in subscription order. A subscriber that throws is
    /// detached and its exception goes to <paramref name="onFault"/> (with <paramref name="state"/>, so the
    /// callback can be a static lambda) instead of the subscriber's <c>OnError</c>.
    /// </summary>
    public void Publish<TState>(T value, TState state, Action<TState, T, Exception> onFault)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (Deliver(subscription, value) is { } exception)
            {
                onFault(state, value, exception);
            }
        }
    }

    /// <summary>Delivers one value; on failure detaches the subscriber and returns what it threw.</summary>
    private Exception? Deliver(Subscription subscription, T value)
    {
        try
        {
            subscription.Observer.OnNext(value);
            return null;
        }
#pragma warning disable CA1031 // A faulty subscriber must not corrupt the publisher or starve the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Remove(subscription);
            return exception;
        }
    }

    private void Remove(Subscription subscription)
    {
        Subscription[] current, updated;
        do
        {
            current = Volatile.Read(ref _subscriptions);
            int index = Array.IndexOf(current, subscription);
            if (index < 0)
            {
                return;
            }

            updated = new Subscription[current.Length - 1];
            Array.Copy(current, 0, updated, 0, index);
            Array.Copy(current, index + 1, updated, index, current.Length - index - 1);
        }
        while (Interlocked.CompareExchange(ref _subscriptions, updated, current) != current);
    }

    private sealed class Subscription : IDisposable
    {
        private ObserverList<T>? _list;

        public Subscription(ObserverList<T> list, IObserver<T> observer)
        {
            _list = list;
            Observer = observer;
        }

        public IObserver<T> Observer { get; }

        public void Dispose() => Interlocked.Exchange(ref _list, null)?.Remove(this);
    }
}
