using System.Collections.Generic;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// A consistent, immutable view of an interaction at one point of its life: everything is taken after the
/// same input. <see cref="Interaction.Snapshot"/> gives the current one; <see cref="InteractionReplay"/>
/// rebuilds one from events.
/// </summary>
/// <param name="Id">The interaction.</param>
/// <param name="Media">Its medium.</param>
/// <param name="Direction">Its direction.</param>
/// <param name="State">Its state.</param>
/// <param name="Parties">Its parties, in the order they joined (a party is never removed: it ends disconnected).</param>
/// <param name="Consultation">The open consultation, if any.</param>
/// <param name="Notes">The notes, oldest first.</param>
/// <param name="Disposition">The disposition code, if set.</param>
/// <param name="CallResult">The call result, if set.</param>
/// <param name="AttachedData">Attached data (read-only to the agent).</param>
/// <param name="CustomData">Custom data (fixed keys).</param>
/// <param name="IsSecure">Whether DTMF digits are masked.</param>
/// <param name="Sequence">The sequence number of the last event applied (0 before any).</param>
public sealed record InteractionSnapshot(
    InteractionId Id,
    MediaType Media,
    InteractionDirection Direction,
    InteractionState State,
    IReadOnlyList<Party> Parties,
    Consultation? Consultation,
    IReadOnlyList<Note> Notes,
    string? Disposition,
    CallResult? CallResult,
    IReadOnlyDictionary<string, string> AttachedData,
    IReadOnlyDictionary<string, string> CustomData,
    bool IsSecure,
    long Sequence)
{
    /// <summary>Compares everything, collections by content (records compare collections by reference).</summary>
    /// <param name="other">The other snapshot.</param>
    /// <returns><see langword="true"/> when both describe the same interaction in the same condition.</returns>
    public bool IsEquivalentTo(InteractionSnapshot? other) =>
        other is not null
        && Id == other.Id && Media == other.Media && Direction == other.Direction && State == other.State
        && Equals(Consultation, other.Consultation) && Disposition == other.Disposition && CallResult == other.CallResult
        && IsSecure == other.IsSecure && Sequence == other.Sequence
        && SequenceEqual(Parties, other.Parties) && SequenceEqual(Notes, other.Notes)
        && DictionaryEqual(AttachedData, other.AttachedData) && DictionaryEqual(CustomData, other.CustomData);

    private static bool SequenceEqual<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DictionaryEqual(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out string? value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }
}
