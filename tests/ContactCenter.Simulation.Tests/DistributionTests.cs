using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class DistributionTests
{
    private const int Samples = 200_000;

    [Fact]
    public void Constant_always_gives_its_value()
    {
        var d = Distribution.Constant(15);

        Assert.Equal(15, d.Sample(0));
        Assert.Equal(15, d.Sample(0.999));
        Assert.Equal(15, d.Mean);
        Assert.Equal(Duration.FromSeconds(15), d.SampleDuration(0.3));
    }

    [Fact]
    public void Uniform_maps_the_unit_interval_linearly()
    {
        var d = Distribution.Uniform(5, 25);

        Assert.Equal(5, d.Sample(0));
        Assert.Equal(15, d.Sample(0.5));
        Assert.Equal(15, d.Mean);
        var (mean, sd) = Moments(d);
        Assert.InRange(mean, 14.95, 15.05);
        Assert.InRange(sd, (20 / Math.Sqrt(12)) - 0.05, (20 / Math.Sqrt(12)) + 0.05);
    }

    [Fact]
    public void Exponential_samples_have_its_mean_and_a_CV_of_one()
    {
        var d = Distribution.Exponential(180);

        var (mean, sd) = Moments(d);
        Assert.InRange(mean, 180 * 0.99, 180 * 1.01);
        Assert.InRange(sd / mean, 0.98, 1.02);
        Assert.Equal(-180 * Math.Log(0.5), d.Sample(0.5), 9);
    }

    [Fact]
    public void LogNormal_parameters_follow_from_mean_and_CV()
    {
        var d = Distribution.LogNormal(180, 0.6);

        double sigma2 = Math.Log(1 + (0.6 * 0.6));
        Assert.Equal(Math.Sqrt(sigma2), d.Sigma, 12);
        Assert.Equal(Math.Log(180) - (sigma2 / 2), d.Mu, 12);
        Assert.Equal(180, Math.Exp(d.Mu + (d.Sigma * d.Sigma / 2)), 9);
        Assert.Equal(Math.Exp(d.Mu), d.Sample(0.5), 6); // the median
    }

    [Theory]
    [InlineData(180, 0.6)]
    [InlineData(60, 0.3)]
    [InlineData(300, 1.0)]
    public void LogNormal_samples_have_the_requested_mean_and_CV(double mean, double cv)
    {
        var d = Distribution.LogNormal(mean, cv);

        var (sampleMean, sd) = Moments(d);
        Assert.InRange(sampleMean, mean * 0.99, mean * 1.01);
        Assert.InRange(sd / sampleMean, cv * 0.96, cv * 1.04);
    }

    [Fact]
    public void Empirical_samples_the_observed_values_equally()
    {
        var d = Distribution.Empirical([30, 10, 20, 40]);

        Assert.Equal([10, 20, 30, 40], d.Values);
        Assert.Equal(25, d.Mean);
        Assert.Equal(10, d.Sample(0));
        Assert.Equal(20, d.Sample(0.25));
        Assert.Equal(40, d.Sample(0.9999));
        var (mean, _) = Moments(d);
        Assert.InRange(mean, 24.9, 25.1);
    }

    [Fact]
    public void SampleDuration_rounds_seconds_to_the_millisecond()
    {
        Assert.Equal(Duration.FromMilliseconds(12346), Distribution.Constant(12.3456).SampleDuration(0.1));
    }

    [Fact]
    public void Uniforms_outside_the_half_open_unit_interval_are_refused()
    {
        var d = Distribution.Uniform(0, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => d.Sample(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Sample(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Sample(double.NaN));
    }

    [Fact]
    public void Invalid_parameters_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Constant(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Uniform(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Exponential(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.LogNormal(180, 0));
        Assert.Throws<ArgumentException>(() => Distribution.Empirical([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Empirical([1, -1]));
    }

    [Fact]
    public void Names_are_invariant()
    {
        Assert.Equal("LogNormal(mean 180, CV 0.6)", Distribution.LogNormal(180, 0.6).ToString());
        Assert.Equal("Uniform(5, 25)", Distribution.Uniform(5, 25).ToString());
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.999999, 4.753424308822899)]
    public void The_normal_quantile_is_accurate(double p, double expected)
    {
        Assert.Equal(expected, NormalQuantile.Of(p), 7);
    }

    private static (double Mean, double StandardDeviation) Moments(Distribution d)
    {
        var values = Enumerable.Range(0, Samples).Select(i => d.Sample(CommonRandomNumbers.Uniform(11, i, 1, RandomDraw.TalkTime))).ToArray();
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance));
    }
}
