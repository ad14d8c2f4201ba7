using System;
using System.Collections.Generic;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class CommonRandomNumbersTests
{
    [Fact]
    public void A_draw_depends_only_on_seed_key_attempt_and_draw()
    {
        double first = CommonRandomNumbers.Uniform(7, 123, 1, RandomDraw.TalkTime);
        _ = CommonRandomNumbers.Uniform(7, 124, 1, RandomDraw.TalkTime);
        _ = CommonRandomNumbers.Uniform(8, 123, 1, RandomDraw.Outcome);

        Assert.Equal(first, CommonRandomNumbers.Uniform(7, 123, 1, RandomDraw.TalkTime));
    }

    [Fact]
    public void Changing_any_coordinate_changes_the_draw()
    {
        ulong reference = CommonRandomNumbers.Bits(7, 123, 1, RandomDraw.TalkTime);

        Assert.NotEqual(reference, CommonRandomNumbers.Bits(8, 123, 1, RandomDraw.TalkTime));
        Assert.NotEqual(reference, CommonRandomNumbers.Bits(7, 124, 1, RandomDraw.TalkTime));
        Assert.NotEqual(reference, CommonRandomNumbers.Bits(7, 123, 2, RandomDraw.TalkTime));
        Assert.NotEqual(reference, CommonRandomNumbers.Bits(7, 123, 1, RandomDraw.WrapUp));
    }

    [Fact]
    public void Uniforms_lie_strictly_inside_the_unit_interval_and_fill_it_evenly()
    {
        const int N = 200_000;
        var buckets = new int[20];
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double u = CommonRandomNumbers.Uniform(42, i, 1, RandomDraw.Outcome);
            Assert.InRange(u, double.Epsilon, 1 - 1e-17);
            Assert.True(u > 0 && u < 1);
            buckets[(int)(u * buckets.Length)]++;
            sum += u;
        }

        Assert.InRange(sum / N, 0.497, 0.503);

        // Chi-square with 19 degrees of freedom: the 0.999 quantile is 43.8.
        double expected = (double)N / buckets.Length;
        double chiSquare = 0;
        foreach (int count in buckets)
        {
            chiSquare += (count - expected) * (count - expected) / expected;
        }

        Assert.True(chiSquare < 43.8, $"chi-square {chiSquare}");
    }

    [Fact]
    public void Draws_of_different_quantities_of_the_same_call_are_uncorrelated()
    {
        const int N = 100_000;
        var a = new List<double>(N);
        var b = new List<double>(N);
        for (int i = 0; i < N; i++)
        {
            a.Add(CommonRandomNumbers.Uniform(3, i, 1, RandomDraw.RingTime));
            b.Add(CommonRandomNumbers.Uniform(3, i, 1, RandomDraw.TalkTime));
        }

        Assert.InRange(Correlation(a, b), -0.015, 0.015);
    }

    [Fact]
    public void Mix_is_the_SplitMix64_finaliser()
    {
        // SplitMix64 seeded with 0 gives this first output.
        Assert.Equal(0xE220A8397B1DCDAFUL, CommonRandomNumbers.Mix(0));
    }

    private static double Correlation(List<double> x, List<double> y)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < x.Count; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= x.Count;
        my /= y.Count;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
