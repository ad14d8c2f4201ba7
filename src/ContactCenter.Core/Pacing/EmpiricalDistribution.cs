using System;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// The empirical distribution of the latest durations observed (answer delays, talk times, wrap-up
/// times), in bounded memory: a ring buffer of the last <see cref="Capacity"/> samples and a sorted copy
/// kept up to date on every <see cref="Add"/> (one binary search and one block move, no allocation).
/// </summary>
/// <remarks>
/// Survivorship bias: the samples are the durations that have <em>completed</em>. Early in a shift the
/// completed talks are the short ones (the long ones are still running), so the distribution
/// under-estimates talk time until enough calls have finished; <see cref="IsWarm"/> turns true only
/// after <see cref="WarmUpSamples"/> samples. The predictive pacer corrects the bias at start-up by
/// counting the talks still running as censored observations (see <see cref="PredictiveOptions.ProductLimitWarmUp"/>).
/// Not thread-safe (thread-confined, like <see cref="DialerStatistics"/>).
/// </remarks>
public sealed class EmpiricalDistribution
{
    internal const int GridPoints = 1024;
    private readonly double[] _ring;
    private readonly double[] _sorted;
    // One cell past the last grid point, always 1, so that CdfTable reads the last point without a branch.
    private readonly double[] _grid = CreateGrid();
    private int _next;
    private int _count;
    private double _sum;
    private double _gridStep;
    private bool _gridStale = true;

    /// <summary>Creates an empty distribution.</summary>
    /// <param name="capacity">How many of the latest samples are kept (at least 1).</param>
    /// <param name="warmUpSamples">How many samples make the distribution <see cref="IsWarm"/> (0 or more).</param>
    public EmpiricalDistribution(int capacity, int warmUpSamples)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");
        }

        if (warmUpSamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warmUpSamples), warmUpSamples, "The warm-up count must not be negative.");
        }

        _ring = new double[capacity];
        _sorted = new double[capacity];
        WarmUpSamples = warmUpSamples;
    }

    /// <summary>How many samples are kept at most.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How many samples are kept now (at most <see cref="Capacity"/>).</summary>
    public int Count => _count;

    /// <summary>How many samples were ever added.</summary>
    public long TotalObserved { get; private set; }

    /// <summary>How many samples must have been observed before the distribution is trusted.</summary>
    public int WarmUpSamples { get; }

    /// <summary>True once <see cref="TotalObserved"/> reaches <see cref="WarmUpSamples"/>.</summary>
    public bool IsWarm => TotalObserved >= WarmUpSamples;

    /// <summary>The mean of the kept samples, in seconds; 0 when empty.</summary>
    public double MeanSeconds => _count == 0 ? 0d : _sum / _count;

    /// <summary>Adds a sample; the oldest is forgotten when the buffer is full.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void Add(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration sample must not be negative.");
        }

        double seconds = duration.TotalSeconds;
        if (_count == _ring.Length)
        {
            double old = _ring[_next];
            _sum -= old;
            int at = LowerBound(old);
            Array.Copy(_sorted, at + 1, _sorted, at, _count - at - 1);
            _count--;
        }

        int insert = UpperBound(seconds);
        Array.Copy(_sorted, insert, _sorted, insert + 1, _count - insert);
        _sorted[insert] = seconds;
        _count++;
        _sum += seconds;
        _ring[_next] = seconds;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        TotalObserved++;
        _gridStale = true;
    }

    /// <summary>The fraction of kept samples at most <paramref name="duration"/> (exact empirical CDF); 0 when empty.</summary>
    public double Cdf(Duration duration) => CdfSeconds(duration.TotalSeconds);

    /// <summary>The smallest kept sample with at least the fraction <paramref name="q"/> of samples at or below it; <see cref="Duration.Zero"/> when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is not in [0, 1].</exception>
    public Duration Quantile(double q)
    {
        if (!(q >= 0d && q <= 1d))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile must be between 0 and 1.");
        }

        return _count == 0 ? Duration.Zero : Duration.FromSeconds(QuantileSeconds(q));
    }

    /// <summary>The kept samples in seconds, ascending.</summary>
    internal ReadOnlySpan<double> SortedSeconds => _sorted.AsSpan(0, _count);

    internal double QuantileSeconds(double q)
    {
        if (_count == 0)
        {
            return 0d;
        }

        int index = (int)Math.Ceiling(q * _count) - 1;
        return _sorted[Math.Min(Math.Max(index, 0), _count - 1)];
    }

    internal double CdfSeconds(double seconds) => _count == 0 ? 0d : (double)UpperBound(seconds) / _count;

    /// <summary>
    /// The CDF read from a 1,024-point table rebuilt after samples change, linearly interpolated: O(1)
    /// for the pacing decision's hundreds of lookups. 0 when empty.
    /// </summary>
    internal double FastCdf(double seconds)
    {
        if (_count == 0 || seconds < 0d)
        {
            return 0d;
        }

        if (_gridStale)
        {
            RebuildGrid();
        }

        if (_gridStep <= 0d)
        {
            return seconds >= _sorted[_count - 1] ? 1d : 0d;
        }

        double position = seconds / _gridStep;
        if (position >= GridPoints - 1)
        {
            return 1d;
        }

        int index = (int)position;
        double fraction = position - index;
        return _grid[index] + ((_grid[index + 1] - _grid[index]) * fraction);
    }

    /// <summary>
    /// A snapshot of the table <see cref="FastCdf"/> reads (rebuilt first if samples changed), for loops
    /// that read it hundreds of times: the same piecewise-linear CDF without a call per lookup.
    /// </summary>
    internal CdfTable Table()
    {
        if (_count == 0)
        {
            return default;
        }

        if (_gridStale)
        {
            RebuildGrid();
        }

        return _gridStep <= 0d ? new CdfTable(null, 0d, _sorted[_count - 1]) : new CdfTable(_grid, 1d / _gridStep, 0d);
    }

    private static double[] CreateGrid()
    {
        var grid = new double[GridPoints + 1];
        grid[GridPoints] = 1d;
        return grid;
    }

    private void RebuildGrid()
    {
        _gridStale = false;
        double max = _sorted[_count - 1];
        _gridStep = max / (GridPoints - 1);
        if (_gridStep <= 0d)
        {
            return;
        }

        int sample = 0;
        double inverse = 1d / _count;
        for (int i = 0; i < GridPoints; i++)
        {
            double x = i * _gridStep;
            while (sample < _count && _sorted[sample] <= x)
            {
                sample++;
            }

            _grid[i] = sample * inverse;
        }

        _grid[GridPoints - 1] = 1d;
    }

    private int UpperBound(double value)
    {
        int lo = 0;
        int hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_sorted[mid] <= value)
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

    private int LowerBound(double value)
    {
        int lo = 0;
        int hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_sorted[mid] < value)
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
