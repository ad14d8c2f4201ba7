using System;
using System.Runtime.CompilerServices;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace ContactCenter.Core.Pacing;

/// <summary>
/// The piecewise-linear CDF table of an <see cref="EmpiricalDistribution"/> (see
/// <see cref="EmpiricalDistribution.Table"/>), read without a method call or a staleness check per
/// lookup. It computes what <see cref="EmpiricalDistribution.FastCdf"/> computes, multiplying by the
/// inverse grid step instead of dividing by it (the two differ in the last bit at most), and without
/// a branch on the position, so that reading it for elapsed times in random order costs no
/// mispredicted branches. The default
/// value is the CDF of an empty distribution (0 everywhere).
/// </summary>
internal readonly struct CdfTable
{
    private const double LastPosition = EmpiricalDistribution.GridPoints - 1;
    private readonly double[]? _grid;
    private readonly double _scale;
    private readonly double _degenerateAt;
    private readonly bool _nonEmpty;

    /// <summary>A grid table (<paramref name="grid"/> not null) or a step at <paramref name="degenerateAt"/> (all samples equal).</summary>
    public CdfTable(double[]? grid, double scale, double degenerateAt)
    {
        _grid = grid;
        _scale = scale;
        _degenerateAt = degenerateAt;
        _nonEmpty = true;
    }

    /// <summary>P(X ≤ <paramref name="seconds"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double At(double seconds)
    {
        if (!_nonEmpty || !(seconds >= 0d))
        {
            return 0d;
        }

        double[]? grid = _grid;
        if (grid is null)
        {
            return seconds >= _degenerateAt ? 1d : 0d;
        }

        // Past the last point the table reads 1 (the grid holds one more cell, 1): no branch.
        double position = Math.Min(seconds * _scale, LastPosition);
#if NET9_0_OR_GREATER
        // position is in [0, LastPosition]: the native truncation needs no saturation, and the grid
        // holds LastPosition + 2 cells, so neither read needs a bounds check.
        int index = double.ConvertToIntegerNative<int>(position);
        ref double low = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(grid), index);
        return low + ((Unsafe.Add(ref low, 1) - low) * (position - index));
#else
        int index = (int)position;
        double low = grid[index];
        return low + ((grid[index + 1] - low) * (position - index));
#endif
    }

    /// <summary>
    /// <c>values[i] = At(seconds[i] + shift)</c> for every i, bit for bit, in one tight loop: the checks
    /// that depend only on the table are made once, and a negative argument is handled without a branch
    /// (its position is read as 0 and its value multiplied by 0; a NaN is read at the last position and
    /// multiplied by 0, so no read ever leaves the table).
    /// </summary>
    public void AtMany(ReadOnlySpan<double> seconds, double shift, Span<double> values)
    {
        int n = Math.Min(seconds.Length, values.Length);
        double[]? grid = _grid;
        if (!_nonEmpty || grid is null)
        {
            for (int j = 0; j < n; j++)
            {
                values[j] = At(seconds[j] + shift);
            }

            return;
        }

        double scale = _scale;
#if NET9_0_OR_GREATER
        ref double cells = ref MemoryMarshal.GetArrayDataReference(grid);
        ref double from = ref MemoryMarshal.GetReference(seconds);
        ref double to = ref MemoryMarshal.GetReference(values);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // Eight lanes computing what the scalar loop below computes, in the same order; only the two
            // table reads per lane are scalar (no gather without pointers). Every index is in
            // [0, LastPosition], so both reads stay inside the grid.
            var last = Vector512.Create(LastPosition);
            var scales = Vector512.Create(scale);
            var shifts = Vector512.Create(shift);
            var zero = Vector512<double>.Zero;
            var one = Vector512<double>.One;
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var x = Vector512.LoadUnsafe(ref from, (nuint)i) + shifts;
                var inside = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, zero), one, zero);
                var position = x * scales;
                position = Vector512.ConditionalSelect(Vector512.LessThan(position, last), position, last);
                position = Vector512.ConditionalSelect(Vector512.GreaterThan(position, zero), position, zero);
                var index = Vector512.ConvertToInt64(position);
                var low = Vector512.Create(
                    Unsafe.Add(ref cells, (nint)index.GetElement(0)), Unsafe.Add(ref cells, (nint)index.GetElement(1)),
                    Unsafe.Add(ref cells, (nint)index.GetElement(2)), Unsafe.Add(ref cells, (nint)index.GetElement(3)),
                    Unsafe.Add(ref cells, (nint)index.GetElement(4)), Unsafe.Add(ref cells, (nint)index.GetElement(5)),
                    Unsafe.Add(ref cells, (nint)index.GetElement(6)), Unsafe.Add(ref cells, (nint)index.GetElement(7)));
                var high = Vector512.Create(
                    Unsafe.Add(ref cells, (nint)index.GetElement(0) + 1), Unsafe.Add(ref cells, (nint)index.GetElement(1) + 1),
                    Unsafe.Add(ref cells, (nint)index.GetElement(2) + 1), Unsafe.Add(ref cells, (nint)index.GetElement(3) + 1),
                    Unsafe.Add(ref cells, (nint)index.GetElement(4) + 1), Unsafe.Add(ref cells, (nint)index.GetElement(5) + 1),
                    Unsafe.Add(ref cells, (nint)index.GetElement(6) + 1), Unsafe.Add(ref cells, (nint)index.GetElement(7) + 1));
                ((low + ((high - low) * (position - Vector512.ConvertToDouble(index)))) * inside).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double x = Unsafe.Add(ref from, i) + shift;
            double inside = x >= 0d ? 1d : 0d;
            double position = x * scale;
            position = position < LastPosition ? position : LastPosition;
            position = position > 0d ? position : 0d;
            int index = double.ConvertToIntegerNative<int>(position);
            ref double low = ref Unsafe.Add(ref cells, index);
            Unsafe.Add(ref to, i) = (low + ((Unsafe.Add(ref low, 1) - low) * (position - index))) * inside;
        }
#else
        for (int i = 0; i < n; i++)
        {
            double x = seconds[i] + shift;
            double inside = x >= 0d ? 1d : 0d;
            double position = x * scale;
            position = position < LastPosition ? position : LastPosition;
            position = position > 0d ? position : 0d;
            int index = (int)position;
            double low = grid[index];
            values[i] = (low + ((grid[index + 1] - low) * (position - index))) * inside;
        }
#endif
    }
}
