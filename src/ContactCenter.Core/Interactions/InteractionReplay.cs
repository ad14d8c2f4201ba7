using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// Rebuilds an interaction's snapshot from its events: a projection for read models, audits and tests. Start
/// from <see cref="Interaction.InitialSnapshot"/> (or any snapshot) and apply the events that followed it, in
/// order; the result equals the interaction's <see cref="Interaction.Snapshot"/> after the same events.
/// </summary>
public sealed class InteractionReplay
{
    private readonly List<Party> _parties;
    private readonly List<Note> _notes;
    private readonly Dictionary<string, string> _attached;
    private readonly Dictionary<string, string> _custom;
    private readonly InteractionSnapshot _origin;
    private InteractionState _state;
    private Consultation? _consultation;
    private string? _disposition;
    private CallResult? _callResult;
    private bool _isSecure;
    private long _sequence;

    /// <summary>Starts a projection at <paramref name="initial"/>.</summary>
    /// <param name="initial">The snapshot the events follow.</param>
    public InteractionReplay(InteractionSnapshot initial)
    {
        _origin = Guard.NotNull(initial);
        _state = initial.State;
        _parties = [.. initial.Parties];
        _notes = [.. initial.Notes];
        _attached = new Dictionary<string, string>(StringComparer.Ordinal);
        _custom = new Dictionary<string, string>(StringComparer.Ordinal);
        Copy(initial.AttachedData, _attached);
        Copy(initial.CustomData, _custom);
        _consultation = initial.Consultation;
        _disposition = initial.Disposition;
        _callResult = initial.CallResult;
        _isSecure = initial.IsSecure;
        _sequence = initial.Sequence;
    }

    /// <summary>The snapshot after the events applied so far.</summary>
    public InteractionSnapshot Current => new(
        _origin.Id,
        _origin.Media,
        _origin.Direction,
        _state,
        _parties.ToArray(),
        _consultation,
        _notes.ToArray(),
        _disposition,
        _callResult,
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(_attached, StringComparer.Ordinal)),
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(_custom, StringComparer.Ordinal)),
        _isSecure,
        _sequence);

    /// <summary>Replays <paramref name="events"/> from <paramref name="initial"/>.</summary>
    /// <param name="initial">The snapshot the events follow.</param>
    /// <param name="events">The events, in order.</param>
    /// <returns>The resulting snapshot.</returns>
    /// <exception cref="ArgumentException">An event belongs to another interaction or breaks the sequence.</exception>
    public static InteractionSnapshot Replay(InteractionSnapshot initial, IEnumerable<InteractionEvent> events)
    {
        var replay = new InteractionReplay(initial);
        foreach (var @event in Guard.NotNull(events))
        {
            replay.Apply(@event);
        }

        return replay.Current;
    }

    /// <summary>Applies the next event.</summary>
    /// <param name="event">The event; its sequence number must follow the last one applied.</param>
    /// <exception cref="ArgumentException">The event belongs to another interaction or breaks the sequence (a gap or a repeat).</exception>
    public void Apply(InteractionEvent @event)
    {
        Guard.NotNull(@event);
        if (@event.InteractionId != _origin.Id)
        {
            throw new ArgumentException($"The event belongs to interaction {@event.InteractionId}, not {_origin.Id}.", nameof(@event));
        }

        if (@event.Sequence != _sequence + 1)
        {
            throw new ArgumentException($"Expected event {_sequence + 1}, got {@event.Sequence}: events must be applied in order, without gaps.", nameof(@event));
        }

        _sequence = @event.Sequence;
        switch (@event)
        {
            case InteractionStateChanged changed:
                _state = changed.Current;
                break;
            case PartyChanged changed:
                int index = _parties.FindIndex(p => p.Id == changed.Current.Id);
                if (index < 0)
                {
                    _parties.Add(changed.Current);
                }
                else
                {
                    _parties[index] = changed.Current;
                }

                break;
            case ConsultationChanged changed:
                _consultation = changed.Current;
                break;
            case NoteAdded added:
                _notes.Add(added.Note);
                break;
            case DispositionSet set:
                _disposition = set.Current;
                break;
            case CallResultSet set:
                _callResult = set.Current;
                break;
            case DataChanged changed:
                (changed.Scope == DataScope.Custom ? _custom : _attached)[changed.Key] = changed.Current;
                break;
            case SecureModeChanged changed:
                _isSecure = changed.IsSecure;
                break;
            default:
                // DtmfSent, MessageSent: facts that do not change the snapshot.
                break;
        }
    }

    private static void Copy(IReadOnlyDictionary<string, string> source, Dictionary<string, string> destination)
    {
        foreach (var pair in source)
        {
            destination[pair.Key] = pair.Value;
        }
    }
}
