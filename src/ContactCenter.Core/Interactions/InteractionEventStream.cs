using System;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// The observable of one interaction's events. Published only under the machine's gate, so observers see
/// events one at a time, in order. An observer whose <c>OnNext</c> throws is detached (and told through
/// <c>OnError</c>); the others still get the event, and the interaction is unaffected.
/// </summary>
internal sealed class InteractionEventStream : IObservable<InteractionEvent>
{
    private readonly ObserverList<InteractionEvent> _observers = new();

    public IDisposable Subscribe(IObserver<InteractionEvent> observer) => _observers.Add(observer);

    public void Publish(InteractionEvent @event) => _observers.Publish(@event);
}
