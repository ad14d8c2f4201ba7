using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Exact distributions of counts of independent events with different probabilities
/// (Poisson-binomial), by the O(n·L) dynamic programme over a caller-owned buffer of L + 1 cells.
/// The last cell holds the whole upper tail ("L or more"): nothing is ever dropped, so the masses
/// always sum to 1 and a risk read from them is never silently zero.
/// </summary>
internal static class CountDistribution
{
    /// <summary>Zero cells kept below index 0 of the working buffers of <see cref="Build"/>.</summary>
    private const int Pad = 4;

    /// <summary>
    /// Cells kept above the last one in each working buffer of <see cref="Build"/>, so that its vector loop
    /// may run past the cells it needs (a whole vector at a time, no scalar remainder).
    /// </summary>
    private const int Overrun = 8;

    /// <summary>The scratch length <see cref="Build"/> needs for a distribution of <paramref name="cells"/> cells.</summary>
    public static int ScratchLength(int cells) => 2 * (cells + Pad + Overrun);

    /// <summary>Starts an empty count: P(0) = 1.</summary>
    public static void Reset(Span<double> pmf)
    {
        pmf.Clear();
        pmf[0] = 1d;
    }

    /// <summary>
    /// Adds one event of probability <paramref name="p"/> to a distribution whose support so far is
    /// [0, <paramref name="high"/>] (the last cell of <paramref name="pmf"/> is "that many or more");
    /// returns the new highest index.
    /// </summary>
    public static int Add(Span<double> pmf, int high, double p)
    {
        int last = pmf.Length - 1;
        if (p <= 0d)
        {
            return high;
        }

        double q = 1d - p;
        int top = high;
        if (high == last)
        {
            pmf[last] += pmf[last - 1] * p;
            top = last - 1;
        }
        else
        {
            pmf[high + 1] = pmf[high] * p;
        }

        int j = top;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            var vp = new Vector<double>(p);
            var vq = new Vector<double>(q);
            while (j - width >= 0)
            {
                int start = j - width + 1;
                var current = new Vector<double>(pmf.Slice(start, width));
                var below = new Vector<double>(pmf.Slice(start - 1, width));
                ((current * vq) + (below * vp)).CopyTo(pmf.Slice(start, width));
                j -= width;
            }
        }
#endif
        for (; j >= 1; j--)
        {
            pmf[j] = (pmf[j] * q) + (pmf[j - 1] * p);
        }

        pmf[0] *= q;
        return Math.Min(high + 1, last);
    }

    /// <summary>
    /// The same distribution as <see cref="Reset"/> followed by <see cref="Add"/> for every probability
    /// (same cells, same "that many or more" last cell), four events per pass: each pass convolves the
    /// distribution with the exact five-cell distribution of four events' count, out of place between
    /// two halves of <paramref name="scratch"/> (<see cref="ScratchLength"/>). Returns the highest index.
    /// </summary>
    public static int Build(ReadOnlySpan<double> probabilities, Span<double> pmf, Span<double> scratch)
    {
        int last = pmf.Length - 1;
        int stride = pmf.Length + Pad + Overrun;
        var source = scratch.Slice(0, stride);
        var target = scratch.Slice(stride, stride);
        source.Clear();
        target.Clear();
        source[Pad] = 1d;
        int high = 0;
        for (int i = 0; i < probabilities.Length; i += 4)
        {
            double p1 = probabilities[i];
            double p2 = i + 1 < probabilities.Length ? probabilities[i + 1] : 0d;
            double p3 = i + 2 < probabilities.Length ? probabilities[i + 2] : 0d;
            double p4 = i + 3 < probabilities.Length ? probabilities[i + 3] : 0d;

            // The count of the four events: (q1 + p1 x)(q2 + p2 x)(q3 + p3 x)(q4 + p4 x).
            double q1 = 1d - p1;
            double q2 = 1d - p2;
            double a0 = q1 * q2;
            double a1 = (p1 * q2) + (q1 * p2);
            double a2 = p1 * p2;
            double q3 = 1d - p3;
            double q4 = 1d - p4;
            double b0 = q3 * q4;
            double b1 = (p3 * q4) + (q3 * p4);
            double b2 = p3 * p4;
            double c0 = a0 * b0;
            double c1 = (a0 * b1) + (a1 * b0);
            double c2 = (a0 * b2) + (a1 * b1) + (a2 * b0);
            double c3 = (a1 * b2) + (a2 * b1);
            double c4 = a2 * b2;
            int newHigh = Math.Min(high + 4, last);
            int cells = Math.Min(newHigh, last - 1) + 1;
            Convolve(source, target, cells, c0, c1, c2, c3, c4);
            if (newHigh == last)
            {
                // "last or more": what was there, plus what the four events carry up to it or past it.
                int at = last + Pad;
                target[at] = source[at] + ((c1 + c2 + c3 + c4) * source[at - 1]) + ((c2 + c3 + c4) * source[at - 2])
                    + ((c3 + c4) * source[at - 3]) + (c4 * source[at - 4]);
            }

            high = newHigh;
            var swap = source;
            source = target;
            target = swap;
        }

        source.Slice(Pad, pmf.Length).CopyTo(pmf);
        return high;
    }

    private static void Convolve(Span<double> source, Span<double> target, int cells, double c0, double c1, double c2, double c3, double c4)
    {
        int j = 0;
#if NET8_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && Vector512<double>.Count <= Overrun)
        {
            // Whole vectors up to `cells` rounded up: the cells past it read cells that are still 0 (above the
            // highest index reached so far) and so stay 0, or lie past the last cell, which nothing reads back
            // into the distribution; the buffers hold Overrun cells for them.
            ref double from = ref MemoryMarshal.GetReference(source);
            ref double to = ref MemoryMarshal.GetReference(target);
            var w0 = Vector512.Create(c0);
            var w1 = Vector512.Create(c1);
            var w2 = Vector512.Create(c2);
            var w3 = Vector512.Create(c3);
            var w4 = Vector512.Create(c4);
            int end = Math.Min(cells + Vector512<double>.Count - 1, source.Length - Pad - Vector512<double>.Count + 1);
            for (; j < end; j += Vector512<double>.Count)
            {
                int at = j + Pad;
                var sum = (w0 * Load512(ref from, at)) + (w1 * Load512(ref from, at - 1)) + (w2 * Load512(ref from, at - 2))
                    + (w3 * Load512(ref from, at - 3)) + (w4 * Load512(ref from, at - 4));
                Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref to, at)), sum);
            }
        }

        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            ref double from = ref MemoryMarshal.GetReference(source);
            ref double to = ref MemoryMarshal.GetReference(target);
            var v0 = new Vector<double>(c0);
            var v1 = new Vector<double>(c1);
            var v2 = new Vector<double>(c2);
            var v3 = new Vector<double>(c3);
            var v4 = new Vector<double>(c4);
            for (; j + width <= cells; j += width)
            {
                int at = j + Pad;
                var sum = (v0 * Load(ref from, at)) + (v1 * Load(ref from, at - 1)) + (v2 * Load(ref from, at - 2))
                    + (v3 * Load(ref from, at - 3)) + (v4 * Load(ref from, at - 4));
                Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref to, at)), sum);
            }
        }
#endif
        for (; j < cells; j++)
        {
            int at = j + Pad;
            target[at] = (c0 * source[at]) + (c1 * source[at - 1]) + (c2 * source[at - 2]) + (c3 * source[at - 3]) + (c4 * source[at - 4]);
        }
    }

#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Load512(ref double start, int index) =>
        Unsafe.ReadUnaligned<Vector512<double>>(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref start, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(ref double start, int index) =>
        Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref start, index)));
#endif
}
