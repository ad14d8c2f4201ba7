using System;
using System.Threading;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// The observable of one interaction's events. Published only under the machine's gate, so observers see
/// events one at a time, in order. An observer whose <c>OnNext</c> throws is detached (and told through
/// <c>OnError</c>); the others still get the event, and the interaction is unaffected.
/// </summary>
internal sealed class InteractionEventStream : IObservable<InteractionEvent>
{
    private readonly object _lock = new();
    private IObserver<InteractionEvent>[] _observers = [];

    public IDisposable Subscribe(IObserver<InteractionEvent> observer)
    {
        Guard.NotNull(observer);

        lock (_lock)
        {
            var next = new IObserver<InteractionEvent>[_observers.Length + 1];
            _observers.CopyTo(next, 0);
            next[next.Length - 1] = observer;
            Volatile.Write(ref _observers, next);
        }

        return new Subscription(this, observer);
    }

    public void Publish(InteractionEvent @event)
    {
        var observers = Volatile.Read(ref _observers);
        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(@event);
            }
#pragma warning disable CA1031 // A faulty subscriber must not corrupt the interaction or starve the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Remove(observer);
                try
                {
                    observer.OnError(exception);
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

    private void Remove(IObserver<InteractionEvent> observer)
    {
        lock (_lock)
        {
            int index = Array.IndexOf(_observers, observer);
            if (index < 0)
            {
                return;
            }

            var next = new IObserver<InteractionEvent>[_observers.Length - 1];
            Array.Copy(_observers, 0, next, 0, index);
            Array.Copy(_observers, index + 1, next, index, _observers.Length - index - 1);
            Volatile.Write(ref _observers, next);
        }
    }

    private sealed class Subscription : IDisposable
    {
        private InteractionEventStream? _stream;
        private readonly IObserver<InteractionEvent> _observer;

        public Subscription(InteractionEventStream stream, IObserver<InteractionEvent> observer)
        {
            _stream = stream;
            _observer = observer;
        }

        public void Dispose() => Interlocked.Exchange(ref _stream, null)?.Remove(_observer);
    }
}
