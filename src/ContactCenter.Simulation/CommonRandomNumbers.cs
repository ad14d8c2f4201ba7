namespace ContactCenter.Simulation;

/// <summary>
/// Counter-based random numbers for common-random-number experiments: every draw is a pure function
/// of (seed, key, attempt, draw), hashed with SplitMix64. Record <c>i</c> of a calling list therefore
/// has the same fate under every dialer, whatever the order or number of calls the dialer places, and
/// two runs with the same seed draw exactly the same numbers.
/// </summary>
public static class CommonRandomNumbers
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const double TwoToMinus53 = 1.0 / 9007199254740992.0;

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix with good avalanche.</summary>
    /// <param name="value">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    public static ulong Mix(ulong value)
    {
        unchecked
        {
            ulong z = value + Golden;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The 64 random bits of one draw.</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="key">What is drawn for: a record index of the calling list.</param>
    /// <param name="attempt">The attempt number on that record (1 for the first call).</param>
    /// <param name="draw">Which quantity is drawn.</param>
    /// <returns>64 bits that depend only on the four arguments.</returns>
    public static ulong Bits(long seed, long key, int attempt, RandomDraw draw)
    {
        unchecked
        {
            ulong h = Mix((ulong)seed);
            h = Mix(h ^ (ulong)key);
            h = Mix(h ^ (uint)attempt);
            return Mix(h ^ (ulong)draw);
        }
    }

    /// <summary>
    /// A uniform draw strictly inside (0, 1): the top 53 bits of <see cref="Bits"/> plus one half, scaled,
    /// so that inverse distribution functions never see 0 or 1.
    /// </summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="key">What is drawn for: a record index of the calling list.</param>
    /// <param name="attempt">The attempt number on that record (1 for the first call).</param>
    /// <param name="draw">Which quantity is drawn.</param>
    /// <returns>A number in (0, 1) that depends only on the four arguments.</returns>
    public static double Uniform(long seed, long key, int attempt, RandomDraw draw) =>
        ToUnit(Bits(seed, key, attempt, draw));

    /// <summary>Maps 64 random bits to (0, 1) using their top 53 bits.</summary>
    internal static double ToUnit(ulong bits) => ((bits >> 11) + 0.5) * TwoToMinus53;
}
