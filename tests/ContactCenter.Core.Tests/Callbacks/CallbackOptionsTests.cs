using System;
using ContactCenter.Core.Callbacks;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_documented()
    {
        var options = CallbackOptions.Default;
        options.Validate();
        Assert.Equal(
            (3, Duration.FromMinutes(15), Duration.FromSeconds(60), Duration.FromSeconds(20), (CallbackOwnershipKind?)null),
            (options.MaxAttempts, options.RetryDelay, options.PreferredAgentTimeout, options.OfferTimeout, options.ForcedOwnership));
    }

    [Fact]
    public void A_zero_preferred_agent_timeout_is_valid_it_does_not_wait()
    {
        new CallbackOptions { PreferredAgentTimeout = Duration.Zero }.Validate();
    }

    [Fact]
    public void Every_invalid_option_is_named_in_one_message()
    {
        var options = new CallbackOptions
        {
            MaxAttempts = 0,
            RetryDelay = Duration.Zero,
            PreferredAgentTimeout = Duration.FromSeconds(-1),
            OfferTimeout = Duration.FromSeconds(-5),
            ForcedOwnership = (CallbackOwnershipKind)7,
        };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        foreach (var name in new[] { "MaxAttempts", "RetryDelay", "PreferredAgentTimeout", "OfferTimeout", "ForcedOwnership" })
        {
            Assert.Contains(name, exception.Message, StringComparison.Ordinal);
        }
    }
}
