using System;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Benchmarks.Interactions;

/// <summary>The benchmarks' subscriber: counts events and remembers the last sequence number (so they are read).</summary>
public sealed class EventCounter : IObserver<InteractionEvent>
{
    public long Count { get; private set; }

    public long LastSequence { get; private set; }

    public void OnNext(InteractionEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Count++;
        LastSequence = value.Sequence;
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }
}
