using System;
using ContactCenter.Core.Compliance;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class FrequencyCapTests
{
    [Fact]
    public void Holds_its_values()
    {
        var cap = new FrequencyCap(3, Duration.FromHours(24), FrequencyScope.SameSubject);

        Assert.Equal(3, cap.MaxCalls);
        Assert.Equal(Duration.FromHours(24), cap.Period);
        Assert.Equal(FrequencyScope.SameSubject, cap.Scope);
        Assert.Equal(cap, new FrequencyCap(3, Duration.FromDays(1), FrequencyScope.SameSubject));
    }

    [Fact]
    public void Refuses_a_cap_that_allows_nothing_or_has_no_period()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyCap(0, Duration.FromHours(24), FrequencyScope.AnySubject));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyCap(1, Duration.Zero, FrequencyScope.AnySubject));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyCap(1, Duration.FromHours(-1), FrequencyScope.AnySubject));
    }
}
