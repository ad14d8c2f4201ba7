using System;
using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>A thread-safe call history in memory, per number, kept in time order.</summary>
public sealed class InMemoryCallHistory : ICallHistory
{
    private readonly Dictionary<PhoneNumber, List<CallRecord>> _calls = [];
    private readonly object _gate = new();

    /// <summary>Records a call attempt.</summary>
    /// <param name="number">The number called.</param>
    /// <param name="placedAt">When the call was placed.</param>
    /// <param name="purpose">Why; default <see cref="CallPurpose.Solicitation"/>.</param>
    /// <param name="subject">What it was about, or <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException"><paramref name="number"/> is the default value, which holds no number.</exception>
    public void Record(PhoneNumber number, Instant placedAt, CallPurpose purpose = CallPurpose.Solicitation, string? subject = null)
    {
        if (number == default)
        {
            throw new ArgumentException("The default PhoneNumber holds no number.", nameof(number));
        }

        var call = new CallRecord(placedAt, purpose, subject);
        lock (_gate)
        {
            if (!_calls.TryGetValue(number, out var list))
            {
                list = [];
                _calls.Add(number, list);
            }

            var index = UpperBound(list, placedAt);
            list.Insert(index, call);
        }
    }

    /// <summary>Forgets the calls placed before <paramref name="cutoff"/> (older than every cap's period).</summary>
    /// <param name="cutoff">The first instant to keep.</param>
    /// <returns>How many calls were forgotten.</returns>
    public int RemoveBefore(Instant cutoff)
    {
        var removed = 0;
        lock (_gate)
        {
            var emptied = new List<PhoneNumber>();
            foreach (var pair in _calls)
            {
                var count = LowerBound(pair.Value, cutoff);
                pair.Value.RemoveRange(0, count);
                removed += count;
                if (pair.Value.Count == 0)
                {
                    emptied.Add(pair.Key);
                }
            }

            foreach (var number in emptied)
            {
                _calls.Remove(number);
            }
        }

        return removed;
    }

    /// <inheritdoc />
    public IReadOnlyList<CallRecord> CallsTo(PhoneNumber number, Interval within)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(number, out var list))
            {
                return Array.Empty<CallRecord>();
            }

            var from = within.HasStart ? LowerBound(list, within.Start) : 0;
            var to = within.HasEnd ? LowerBound(list, within.End) : list.Count;
            return to > from ? list.GetRange(from, to - from) : Array.Empty<CallRecord>();
        }
    }

    // First index whose instant is >= at.
    private static int LowerBound(List<CallRecord> list, Instant at)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (list[mid].PlacedAt < at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // First index whose instant is > at (keeps insertion order among equal instants).
    private static int UpperBound(List<CallRecord> list, Instant at)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (list[mid].PlacedAt <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
