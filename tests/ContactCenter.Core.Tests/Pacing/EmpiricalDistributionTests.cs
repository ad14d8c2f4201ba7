using System;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class EmpiricalDistributionTests
{
    [Fact]
    public void Keeps_the_latest_samples_sorted_and_answers_cdf_and_quantiles()
    {
        var distribution = new EmpiricalDistribution(capacity: 4, warmUpSamples: 3);
        foreach (int s in new[] { 50, 10, 30, 20, 40 })
        {
            distribution.Add(Duration.FromSeconds(s));
        }

        Assert.Equal(4, distribution.Count);
        Assert.Equal(5, distribution.TotalObserved);
        Assert.True(distribution.IsWarm);
        Assert.Equal(0.25, distribution.Cdf(Duration.FromSeconds(10)), 12);
        Assert.Equal(0.75, distribution.Cdf(Duration.FromSeconds(35)), 12);
        Assert.Equal(Duration.FromSeconds(20), distribution.Quantile(0.5));
        Assert.Equal(Duration.FromSeconds(40), distribution.Quantile(1));
        Assert.Equal(25d, distribution.MeanSeconds, 9);
        Assert.InRange(distribution.FastCdf(35), 0.7, 0.8);
        Assert.Equal(1d, distribution.FastCdf(41));
    }

    [Fact]
    public void Empty_and_invalid_inputs()
    {
        var distribution = new EmpiricalDistribution(3, 1);
        Assert.False(distribution.IsWarm);
        Assert.Equal(0d, distribution.Cdf(Duration.FromSeconds(1)));
        Assert.Equal(Duration.Zero, distribution.Quantile(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => distribution.Add(Duration.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => distribution.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmpiricalDistribution(0, 0));
    }
}
