using System;
using System.Collections.Generic;
using System.Reactive.Linq;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Interactions;

/// <summary>Combines the event streams of many interactions into one, for a whole desktop.</summary>
public static class InteractionStreams
{
    /// <summary>
    /// Merges the events of <paramref name="interactions"/> into one stream. Each interaction's events keep their
    /// order; events of different interactions are interleaved in the order they are published, and the merged
    /// stream never delivers two events at once (observers need no locking).
    /// </summary>
    /// <param name="interactions">The interactions.</param>
    /// <returns>The merged stream.</returns>
    public static IObservable<InteractionEvent> Merge(IEnumerable<Interaction> interactions)
    {
        Guard.NotNull(interactions);
        return Observable.Defer(() =>
        {
            var streams = new List<IObservable<InteractionEvent>>();
            foreach (var interaction in interactions)
            {
                streams.Add(Guard.NotNull(interaction).Events);
            }

            return streams.Merge();
        });
    }

    /// <summary>
    /// Merges the events of interactions as they arrive on the desktop (e.g. as they are offered): each
    /// interaction's events from the moment it is published on <paramref name="interactions"/>. Same ordering
    /// guarantees as <see cref="Merge(IEnumerable{Interaction})"/>.
    /// </summary>
    /// <param name="interactions">The interactions, as they arrive.</param>
    /// <returns>The merged stream.</returns>
    public static IObservable<InteractionEvent> Merge(IObservable<Interaction> interactions) =>
        Guard.NotNull(interactions).SelectMany(static interaction => interaction.Events);
}
