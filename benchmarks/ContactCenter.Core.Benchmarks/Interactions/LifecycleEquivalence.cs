using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Benchmarks.Interactions;

/// <summary>
/// Proves, before any benchmark runs, that <see cref="HandWrittenVoiceCall"/> and <see cref="Interaction"/>
/// publish the same events for the benchmarked lifecycle: same count, types, sequence numbers, causes,
/// parties, consultation, note, disposition and states, in the same order, with one correlation id and one
/// instant per input. Only the instants differ, and the interaction and correlation ids unless the caller
/// gave both the same ones (then they must be equal too). Both must end
/// in Done. The Lifecycle ratio is only honest if the baseline does the same observable work.
/// </summary>
internal static class LifecycleEquivalence
{
    public const int ExpectedEvents = 19;

    public static void Run()
    {
        Run(givenIds: false);
        Run(givenIds: true);
    }

    private static void Run(bool givenIds)
    {
        var sdk = new EventRecorder();
        var baseline = new EventRecorder();
        var interaction = InteractionBenchmarks.RunInteraction(sdk, givenIds);
        var call = InteractionBenchmarks.RunHandWritten(baseline, givenIds);

        if (interaction.State != InteractionState.Done || call.State != InteractionState.Done)
        {
            throw new InvalidOperationException($"The lifecycle must end in Done (interaction: {interaction.State}, hand-written: {call.State}).");
        }

        if (sdk.Events.Count != ExpectedEvents || baseline.Events.Count != ExpectedEvents)
        {
            throw new InvalidOperationException(
                $"Expected {ExpectedEvents} events; the interaction published {sdk.Events.Count}, the hand-written call {baseline.Events.Count}.");
        }

        for (int i = 0; i < ExpectedEvents; i++)
        {
            var expected = Normalise(sdk.Events[i], givenIds);
            var actual = Normalise(baseline.Events[i], givenIds);
            if (!expected.Equals(actual))
            {
                throw new InvalidOperationException($"Event {i + 1} differs.\n  interaction:  {expected}\n  hand-written: {actual}");
            }
        }

        CheckStamps(sdk.Events, "interaction");
        CheckStamps(baseline.Events, "hand-written call");
    }

    /// <summary>Clears the instant, and the ids unless both were given the same ones.</summary>
    private static InteractionEvent Normalise(InteractionEvent @event, bool givenIds)
    {
        var stripped = givenIds
            ? @event with { At = default }
            : @event with { InteractionId = default, At = default, CorrelationId = default };
        return stripped is NoteAdded added ? added with { Note = added.Note with { At = default } } : stripped;
    }

    /// <summary>Events of one input share the correlation id and the instant; each input has its own correlation id.</summary>
    private static void CheckStamps(List<InteractionEvent> events, string who)
    {
        var seen = new HashSet<Guid>();
        for (int i = 0; i < events.Count; i++)
        {
            bool sameInput = i > 0 && events[i].Cause == events[i - 1].Cause && events[i].CorrelationId == events[i - 1].CorrelationId;
            if (!sameInput && !seen.Add(events[i].CorrelationId))
            {
                throw new InvalidOperationException($"The {who} reused a correlation id across inputs (event {i + 1}).");
            }

            if (sameInput && events[i].At != events[i - 1].At)
            {
                throw new InvalidOperationException($"The {who} stamped one input's events with different instants (event {i + 1}).");
            }
        }
    }
}
