using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Campaigns;

/// <summary>One entry of a calling list, as loaded: who to call and on which numbers.</summary>
/// <param name="Id">The record's id, unique within its list.</param>
/// <param name="ContactName">The contact's name, shown to the agent.</param>
/// <param name="Numbers">The contact's numbers, in the list's order of preference (at least one).</param>
public sealed record CallingRecordData(string Id, string ContactName, IReadOnlyList<RecordNumber> Numbers)
{
    /// <summary>Read-only facts shown to the agent (account number, product...); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A named, validated list of records to call, in list order; a <see cref="Campaign"/> works through it.</summary>
public sealed class CallingList
{
    /// <summary>Creates the list.</summary>
    /// <param name="name">The list's name.</param>
    /// <param name="records">The records, in list order.</param>
    /// <exception cref="ArgumentNullException">An argument, a record, its numbers or one of them is null.</exception>
    /// <exception cref="ArgumentException">A blank name, a blank or duplicate record id, or a record without numbers; the message says which.</exception>
    public CallingList(string name, IEnumerable<CallingRecordData> records)
    {
        Guard.NotNull(name);
        Guard.NotNull(records);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A calling list needs a name.", nameof(name));
        }

        var list = records.ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in list)
        {
            Guard.NotNull(record, nameof(records));
            Guard.NotNull(record.Numbers, nameof(records));
            if (string.IsNullOrWhiteSpace(record.Id))
            {
                throw new ArgumentException($"A record of list {name} has a blank id.", nameof(records));
            }

            if (!ids.Add(record.Id))
            {
                throw new ArgumentException($"Record id {record.Id} appears twice in list {name}.", nameof(records));
            }

            if (record.Numbers.Count == 0)
            {
                throw new ArgumentException($"Record {record.Id} has no number.", nameof(records));
            }

            foreach (var number in record.Numbers)
            {
                Guard.NotNull(number, nameof(records));
                if (number.Number == default)
                {
                    throw new ArgumentException($"Record {record.Id} has a number that holds no phone number.", nameof(records));
                }

                if (number.Zones is { Count: 0 })
                {
                    throw new ArgumentException($"Record {record.Id} has a number with an empty zone list (use null to locate the number).", nameof(records));
                }
            }
        }

        Name = name;
        Records = Array.AsReadOnly(list);
    }

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>The records, in list order.</summary>
    public IReadOnlyList<CallingRecordData> Records { get; }
}
