using System;

namespace ContactCenter.Core.Tests.Pacing;

/// <summary>
/// The exact per-call risk of the predictive pacer, by brute force and without any cut: the full
/// Poisson-binomial distributions of the answers A and the freed agents B, and the full binomial of the
/// earlier new calls' answers N by its own dynamic programme: risk(k) = P(offset + B − A ≤ N_{k−1}).
/// The reference the optimised <c>AbandonRiskModel</c> must never undercut.
/// </summary>
internal sealed class ExactAbandonRisk
{
    private readonly double[] _cdfSlack;
    private readonly int _lowest;
    private readonly double _others;

    public ExactAbandonRisk(ReadOnlySpan<double> answers, ReadOnlySpan<double> freed, int offset, double others)
    {
        double[] pmfA = PoissonBinomial(answers);
        double[] pmfB = PoissonBinomial(freed);

        // E = offset + b − a ranges over [offset − n, offset + m].
        _lowest = offset - answers.Length;
        var pmfE = new double[answers.Length + freed.Length + 1];
        for (int a = 0; a < pmfA.Length; a++)
        {
            for (int b = 0; b < pmfB.Length; b++)
            {
                pmfE[b - a + answers.Length] += pmfA[a] * pmfB[b];
            }
        }

        _cdfSlack = new double[pmfE.Length];
        double sum = 0d;
        for (int i = 0; i < pmfE.Length; i++)
        {
            sum += pmfE[i];
            _cdfSlack[i] = sum;
        }

        _others = Math.Min(Math.Max(others, 0d), 1d);
    }

    /// <summary>P(E ≤ value).</summary>
    public double SlackCdf(int value)
    {
        int index = value - _lowest;
        return index < 0 ? 0d : _cdfSlack[Math.Min(index, _cdfSlack.Length - 1)];
    }

    /// <summary>The exact risk of the k-th new call.</summary>
    public double Risk(int k)
    {
        double[] pmfN = Binomial(k - 1, _others);
        double risk = 0d;
        for (int j = 0; j < pmfN.Length; j++)
        {
            risk += pmfN[j] * SlackCdf(j);
        }

        return risk;
    }

    /// <summary>The largest k in [1, maxNew] whose exact risk is at most the threshold (0 when none).</summary>
    public int Count(int maxNew, double threshold)
    {
        int count = 0;
        for (int k = 1; k <= maxNew && Risk(k) <= threshold; k++)
        {
            count = k;
        }

        return count;
    }

    public static double[] PoissonBinomial(ReadOnlySpan<double> probabilities)
    {
        var pmf = new double[probabilities.Length + 1];
        pmf[0] = 1d;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = Math.Min(Math.Max(probabilities[i], 0d), 1d);
            for (int j = i + 1; j >= 1; j--)
            {
                pmf[j] = (pmf[j] * (1d - p)) + (pmf[j - 1] * p);
            }

            pmf[0] *= 1d - p;
        }

        return pmf;
    }

    private static double[] Binomial(int n, double p)
    {
        var pmf = new double[Math.Max(n, 0) + 1];
        pmf[0] = 1d;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j >= 1; j--)
            {
                pmf[j] = (pmf[j] * (1d - p)) + (pmf[j - 1] * p);
            }

            pmf[0] *= 1d - p;
        }

        return pmf;
    }
}
