using System;
using System.Threading;

namespace ContactCenter.Core.Internal;

/// <summary>
/// Unique identifiers for interactions, intents and correlation ids, without a system call per id:
/// a random 64-bit prefix drawn once per process, followed by a 64-bit counter. They are unique (a
/// collision needs two processes drawing the same prefix), not unpredictable: never use them as secrets.
/// </summary>
internal static class Ids
{
    private static readonly byte[] s_prefix = Guid.NewGuid().ToByteArray();
    private static readonly int s_a = BitConverter.ToInt32(s_prefix, 0);
    private static readonly short s_b = BitConverter.ToInt16(s_prefix, 4);
    private static readonly short s_c = BitConverter.ToInt16(s_prefix, 6);
    private static long s_counter;

    /// <summary>The next identifier of this process.</summary>
    public static Guid Next()
    {
        ulong n = unchecked((ulong)Interlocked.Increment(ref s_counter));
        return new Guid(
            s_a,
            s_b,
            s_c,
            (byte)(n >> 56),
            (byte)(n >> 48),
            (byte)(n >> 40),
            (byte)(n >> 32),
            (byte)(n >> 24),
            (byte)(n >> 16),
            (byte)(n >> 8),
            (byte)n);
    }
}
