using System.Collections.Generic;
using ContactCenter.Core.Agents;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

public sealed class AfterCallWorkPolicyTests
{
    [Fact]
    public void The_duration_comes_from_the_queue_else_the_default()
    {
        var policy = new AfterCallWorkPolicy
        {
            DefaultDuration = Duration.FromSeconds(30),
            DurationByQueue = new Dictionary<string, Duration> { ["sales"] = Duration.FromSeconds(90) },
        };

        Assert.Equal(Duration.FromSeconds(90), policy.DurationFor("sales"));
        Assert.Equal(Duration.FromSeconds(30), policy.DurationFor("support"));
        Assert.Equal(Duration.FromSeconds(30), policy.DurationFor(null));
    }

    [Fact]
    public void Extensions_need_a_positive_amount_and_a_non_negative_maximum()
    {
        var problems = new List<string>();
        new AfterCallWorkPolicy { Extension = Duration.Zero, MaxExtensions = 1 }.Validate(problems);
        new AfterCallWorkPolicy { MaxExtensions = -1 }.Validate(problems);
        new AfterCallWorkPolicy { Extension = Duration.Zero, MaxExtensions = 0 }.Validate(problems);

        Assert.Equal(2, problems.Count);
        Assert.Contains("Extension must be positive", problems[0], System.StringComparison.Ordinal);
        Assert.Contains("MaxExtensions must not be negative", problems[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_default_duration_is_invalid()
    {
        var problems = new List<string>();

        new AfterCallWorkPolicy { DefaultDuration = Duration.FromSeconds(-1) }.Validate(problems);

        Assert.Single(problems);
    }
}
