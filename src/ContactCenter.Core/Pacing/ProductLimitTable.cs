using System;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// The talk-time CDF estimated by the product-limit (Kaplan–Meier) estimator over the completed talks
/// and the talks still running (right-censored at their elapsed time), as a table that
/// <see cref="CdfTable"/> reads: the same 1,024-point piecewise-linear grid as
/// <see cref="EmpiricalDistribution.Table"/>, over [0, the longest time observed].
/// </summary>
/// <remarks>
/// <para>Early in a shift the completed talks are the short ones: the empirical distribution of the
/// completed talks alone predicts agents free far too soon. A running talk of elapsed e says "longer
/// than e"; the product-limit estimate S(t) = Π over completed times tᵢ ≤ t of (1 − dᵢ ÷ nᵢ), nᵢ the
/// talks (completed or running) lasting at least tᵢ, corrects that bias instead of waiting it out.</para>
/// <para>Past the longest time observed nothing is known; when that longest time is a running talk the
/// estimate stops below 1 and the table stays at that value: an agent is never predicted free beyond
/// what has been observed (the risky side for abandons is to predict agents free too soon). Buffers
/// are allocated once, for the agents and samples given to the constructor; building allocates
/// nothing.</para>
/// </remarks>
internal sealed class ProductLimitTable
{
    private const int GridPoints = EmpiricalDistribution.GridPoints;
    private readonly double[] _grid = new double[GridPoints + 1];
    private readonly double[] _running;

    /// <summary>Creates a table for at most <paramref name="maxRunning"/> running talks.</summary>
    public ProductLimitTable(int maxRunning)
    {
        _running = new double[Math.Max(1, maxRunning)];
    }

    /// <summary>
    /// Builds the estimate from the completed talks (<paramref name="completedSorted"/>, seconds,
    /// ascending) and the elapsed times of the talks running (<paramref name="running"/>, seconds, any
    /// order; not modified). With no completed talk the CDF is 0 everywhere (no agent predicted free).
    /// </summary>
    public CdfTable Build(ReadOnlySpan<double> completedSorted, ReadOnlySpan<double> running)
    {
        int completed = completedSorted.Length;
        if (completed == 0)
        {
            return default;
        }

        int censored = Math.Min(running.Length, _running.Length);
        double[] times = _running;
        double longest = completedSorted[completed - 1];
        for (int i = 0; i < censored; i++)
        {
            double elapsed = running[i] > 0d ? running[i] : 0d;
            times[i] = elapsed;
            longest = elapsed > longest ? elapsed : longest;
        }

        Array.Sort(times, 0, censored);
        if (!(longest > 0d))
        {
            // Every observation at 0: the completed talks took no time.
            return new CdfTable(null, 0d, 0d);
        }

        double step = longest / (GridPoints - 1);
        double atRisk = completed + censored;
        double survival = 1d;
        int c = 0;
        int r = 0;
        for (int i = 0; i < GridPoints; i++)
        {
            double x = i == GridPoints - 1 ? longest : i * step;

            // In time order; at equal times the completed talks come first (a talk running at t is at
            // risk of ending at t).
            while (true)
            {
                bool hasCompleted = c < completed && completedSorted[c] <= x;
                bool hasRunning = r < censored && times[r] <= x;
                if (hasCompleted && (!hasRunning || completedSorted[c] <= times[r]))
                {
                    survival *= 1d - (1d / atRisk);
                    atRisk--;
                    c++;
                }
                else if (hasRunning)
                {
                    atRisk--;
                    r++;
                }
                else
                {
                    break;
                }
            }

            _grid[i] = 1d - survival;
        }

        _grid[GridPoints] = _grid[GridPoints - 1];
        return new CdfTable(_grid, 1d / step, 0d);
    }
}
