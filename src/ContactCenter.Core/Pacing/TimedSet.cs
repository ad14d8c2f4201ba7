using System;
using System.Collections.Generic;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// A dense set of ids, each with an instant (ticks since the Unix epoch) and a small tag, preallocated
/// to a fixed capacity: add, remove (swap with the last) and look up are O(1) and allocation-free.
/// </summary>
internal sealed class TimedSet
{
    private readonly Dictionary<long, int> _index;
    private readonly long[] _ids;
    private readonly long[] _ticks;
    private readonly long[] _extra;
    private readonly int[] _tags;

    public TimedSet(int capacity, string what)
    {
        _index = new Dictionary<long, int>(capacity);
        _ids = new long[capacity];
        _ticks = new long[capacity];
        _extra = new long[capacity];
        _tags = new int[capacity];
        What = what;
    }

    public string What { get; }

    public int Count { get; private set; }

    public long[] Ticks => _ticks;

    public int[] Tags => _tags;

    public bool Contains(long id) => _index.ContainsKey(id);

    public bool TryGet(long id, out int position) => _index.TryGetValue(id, out position);

    public long TicksAt(int position) => _ticks[position];

    public long ExtraAt(int position) => _extra[position];

    public int TagAt(int position) => _tags[position];

    public void Set(int position, long ticks, int tag)
    {
        _ticks[position] = ticks;
        _tags[position] = tag;
    }

    public void Add(long id, long ticks, long extra, int tag)
    {
        if (_index.ContainsKey(id))
        {
            throw new InvalidOperationException($"{What} {id} is already tracked.");
        }

        if (Count == _ids.Length)
        {
            throw new InvalidOperationException($"Cannot track more than {_ids.Length} {What}s; raise the capacity in DialerStatisticsOptions.");
        }

        _index.Add(id, Count);
        _ids[Count] = id;
        _ticks[Count] = ticks;
        _extra[Count] = extra;
        _tags[Count] = tag;
        Count++;
    }

    public void RemoveAt(int position)
    {
        _index.Remove(_ids[position]);
        int last = Count - 1;
        if (position != last)
        {
            _ids[position] = _ids[last];
            _ticks[position] = _ticks[last];
            _extra[position] = _extra[last];
            _tags[position] = _tags[last];
            _index[_ids[position]] = position;
        }

        Count = last;
    }
}
