using System;
using System.Runtime.CompilerServices;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
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
}
