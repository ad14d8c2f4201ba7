using System;
using System.Threading;

namespace ContactCenter.Core.Internal;

/// <summary>
/// The subscribers of one aggregate's event stream: copy-on-write, so publishing reads a snapshot without
/// locking. One policy for every aggregate: a subscriber whose <c>OnNext</c> throws is detached and receives
/// <c>OnError</c> with that exception; the other subscribers still get the value, and the publisher (the
/// aggregate, and the caller of its command) is not disturbed.
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

    /// <summary>Sends <paramref name="value"/> to every subscriber, in subscription order.</summary>
    public void Publish(T value)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            try
            {
                subscription.Observer.OnNext(value);
            }
#pragma warning disable CA1031 // A faulty subscriber must not corrupt the aggregate, starve the others or fail the command.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Remove(subscription);
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
