using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// A thread-safe do-not-call list in memory. An entry blocks a number forever or until an expiry
/// instant (exclusive): the French 60-day pause after a consumer refuses prospecting is
/// <c>Add(number, refusedAt + Duration.FromDays(60))</c>.
/// </summary>
public sealed class InMemoryDoNotCallList : IDoNotCallList
{
    private readonly ConcurrentDictionary<PhoneNumber, Instant?> _entries = new();

    /// <summary>How many entries the list holds, expired ones included.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a number, or replaces its entry.</summary>
    /// <param name="number">The number.</param>
    /// <param name="until">The instant the block ends (exclusive), or <see langword="null"/> for no end.</param>
    /// <exception cref="ArgumentException"><paramref name="number"/> is the default value, which holds no number.</exception>
    public void Add(PhoneNumber number, Instant? until = null)
    {
        if (number == default)
        {
            throw new ArgumentException("The default PhoneNumber holds no number.", nameof(number));
        }

        _entries[number] = until;
    }

    /// <summary>Removes a number.</summary>
    /// <param name="number">The number.</param>
    /// <returns>Whether it was on the list.</returns>
    public bool Remove(PhoneNumber number) => _entries.TryRemove(number, out _);

    /// <summary>Whether the list holds an entry for the number, expired or not.</summary>
    /// <param name="number">The number.</param>
    /// <returns>Whether it holds one.</returns>
    public bool Contains(PhoneNumber number) => _entries.ContainsKey(number);

    /// <summary>Removes the entries whose block ended at or before <paramref name="now"/>.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>How many entries were removed.</returns>
    public int RemoveExpired(Instant now)
    {
        var removed = 0;
        foreach (var entry in _entries)
        {
            if (entry.Value is { } until && until <= now
                && ((ICollection<KeyValuePair<PhoneNumber, Instant?>>)_entries).Remove(entry))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <inheritdoc />
    public bool IsBlocked(PhoneNumber number, Instant at) =>
        _entries.TryGetValue(number, out var until) && (until is null || at < until.Value);
}
