using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Benchmarks.Interactions;

/// <summary>Records every event, for the equivalence check.</summary>
internal sealed class EventRecorder : IObserver<InteractionEvent>
{
    public List<InteractionEvent> Events { get; } = [];

    public void OnNext(InteractionEvent value) => Events.Add(value);

    public void OnError(Exception error) => throw new InvalidOperationException("The subscriber was detached.", error);

    public void OnCompleted()
    {
    }
}
