using System;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// The legal abandon rate of one campaign: abandoned ÷ live-answered calls. A live answer counts in
/// the denominator; it counts as abandoned too when the dialer or the party dropped it before an agent
/// was connected, or when the agent was connected more than <see cref="AbandonRateOptions.ConnectThreshold"/>
/// after the reference instant (<see cref="AbandonRateOptions.Measurement"/>). Answering machines,
/// no answers, busy lines, invalid numbers, faxes and errors are excluded from both counts
/// (<see cref="RecordExcluded"/> only tallies them).
/// </summary>
/// <remarks>
/// <para>Three views: <see cref="WindowRate"/> over a rolling window by elapsed time, bucketed by the
/// instant of the answer (memory is one pair of counters per bucket); <see cref="CampaignToDate"/>;
/// and <see cref="Recent"/>, the last <see cref="AbandonRateOptions.RecentLiveAnswers"/> live answers
/// in the order they were resolved.</para>
/// <para>Buckets are aligned on the Unix epoch. A call answered in bucket <c>b</c> counts in the
/// window at <c>now</c> while <c>b &gt; bucket(now) - Window / BucketWidth</c>: it rolls off at the
/// start of the bucket exactly one window after its own. The window only moves forward: a query or a
/// record at an earlier instant than one already seen reads the window at the latest instant, and a
/// record older than that window is counted in the campaign-to-date and recent views only.</para>
/// <para>Not thread-safe: owned by whoever drives the dialer (thread-confined). Allocation-free after
/// construction.</para>
/// </remarks>
public sealed class AbandonRateMeter
{
    private readonly long _bucketTicks;
    private readonly int _bucketCount;
    private readonly int[] _abandoned;
    private readonly int[] _live;
    private readonly bool[] _recent;
    private readonly long[] _excluded;
    private long _head;
    private bool _started;
    private long _windowAbandoned;
    private long _windowLive;
    private long _totalAbandoned;
    private long _totalLive;
    private int _recentNext;
    private int _recentCount;
    private int _recentAbandoned;

    /// <summary>Creates a meter.</summary>
    /// <param name="options">The window, buckets and connect rule; null means <see cref="AbandonRateOptions.UnitedKingdom"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public AbandonRateMeter(AbandonRateOptions? options = null)
    {
        Options = options ?? AbandonRateOptions.UnitedKingdom;
        Options.Validate();
        _bucketTicks = Options.BucketWidth.BclCompatibleTicks;
        _bucketCount = (int)(Options.Window.BclCompatibleTicks / _bucketTicks);
        _abandoned = new int[_bucketCount];
        _live = new int[_bucketCount];
        _recent = new bool[Options.RecentLiveAnswers];
        _excluded = new long[(int)DialerCallOutcome.Error + 1];
    }

    /// <summary>The options the meter was built with.</summary>
    public AbandonRateOptions Options { get; }

    /// <summary>Every live answer and abandon since the meter was created.</summary>
    public AbandonRate CampaignToDate => new(_totalAbandoned, _totalLive);

    /// <summary>The last <see cref="AbandonRateOptions.RecentLiveAnswers"/> live answers (fewer at the start), in resolution order.</summary>
    public AbandonRate Recent => new(_recentAbandoned, _recentCount);

    /// <summary>The rate over the rolling window that ends at <paramref name="now"/>.</summary>
    public AbandonRate WindowRate(Instant now)
    {
        Advance(BucketOf(now));
        return new AbandonRate(_windowAbandoned, _windowLive);
    }

    /// <summary>How many calls ended with <paramref name="outcome"/> (excluded from the rate).</summary>
    public long ExcludedCount(DialerCallOutcome outcome) => _excluded[(int)outcome];

    /// <summary>Tallies a call that did not reach a live person; it does not count in the rate.</summary>
    public void RecordExcluded(DialerCallOutcome outcome)
    {
        if ((uint)outcome >= (uint)_excluded.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a DialerCallOutcome.");
        }

        _excluded[(int)outcome]++;
    }

    /// <summary>
    /// Records a live answer connected to an agent, and whether the connection came too late (then the
    /// call is abandoned in law).
    /// </summary>
    /// <param name="answeredAt">When the party answered.</param>
    /// <param name="greetingEndedAt">When the greeting ended (equal to <paramref name="answeredAt"/> when none was played).</param>
    /// <param name="connectedAt">When an agent was connected.</param>
    /// <returns>True when the call counts as abandoned.</returns>
    /// <exception cref="ArgumentException">The instants are out of order.</exception>
    public bool RecordConnected(Instant answeredAt, Instant greetingEndedAt, Instant connectedAt)
    {
        if (greetingEndedAt < answeredAt)
        {
            throw new ArgumentException($"The greeting cannot end ({greetingEndedAt}) before the answer ({answeredAt}).", nameof(greetingEndedAt));
        }

        if (connectedAt < answeredAt)
        {
            throw new ArgumentException($"A call cannot be connected ({connectedAt}) before it is answered ({answeredAt}).", nameof(connectedAt));
        }

        var reference = Options.Measurement == AbandonMeasurement.FromGreetingEnd ? greetingEndedAt : answeredAt;
        bool late = connectedAt - reference > Options.ConnectThreshold;
        Record(answeredAt, late);
        return late;
    }

    /// <summary>Records a live answer dropped before an agent was connected: abandoned.</summary>
    /// <param name="answeredAt">When the party answered.</param>
    public void RecordAbandoned(Instant answeredAt) => Record(answeredAt, abandoned: true);

    private void Record(Instant answeredAt, bool abandoned)
    {
        _totalLive++;
        int flag = abandoned ? 1 : 0;
        _totalAbandoned += flag;

        if (_recentCount == _recent.Length)
        {
            _recentAbandoned -= _recent[_recentNext] ? 1 : 0;
        }
        else
        {
            _recentCount++;
        }

        _recent[_recentNext] = abandoned;
        _recentAbandoned += flag;
        _recentNext = _recentNext + 1 == _recent.Length ? 0 : _recentNext + 1;

        long bucket = BucketOf(answeredAt);
        Advance(bucket);
        if (bucket <= _head - _bucketCount)
        {
            return;
        }

        int slot = SlotOf(bucket);
        _live[slot]++;
        _abandoned[slot] += flag;
        _windowLive++;
        _windowAbandoned += flag;
    }

    private void Advance(long bucket)
    {
        if (!_started)
        {
            _started = true;
            _head = bucket;
            return;
        }

        if (bucket <= _head)
        {
            return;
        }

        if (bucket - _head >= _bucketCount)
        {
            Array.Clear(_live, 0, _bucketCount);
            Array.Clear(_abandoned, 0, _bucketCount);
            _windowLive = 0;
            _windowAbandoned = 0;
        }
        else
        {
            for (long b = _head + 1; b <= bucket; b++)
            {
                int slot = SlotOf(b);
                _windowLive -= _live[slot];
                _windowAbandoned -= _abandoned[slot];
                _live[slot] = 0;
                _abandoned[slot] = 0;
            }
        }

        _head = bucket;
    }

    private long BucketOf(Instant instant)
    {
        long ticks = (instant - NodaConstants.UnixEpoch).BclCompatibleTicks;
        long bucket = ticks / _bucketTicks;
        return ticks < 0 && ticks % _bucketTicks != 0 ? bucket - 1 : bucket;
    }

    private int SlotOf(long bucket)
    {
        long slot = bucket % _bucketCount;
        return (int)(slot < 0 ? slot + _bucketCount : slot);
    }
}
