using System;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class InteractionOptionsTests
{
    [Fact]
    public void Dispositions_are_a_configured_set_compared_ordinally()
    {
        var options = new InteractionOptions { Dispositions = ["Sale"] };
        Assert.True(options.IsValidDisposition("Sale"));
        Assert.False(options.IsValidDisposition("sale"));
        Assert.False(options.IsValidDisposition(null));
    }

    [Fact]
    public void A_with_copy_does_not_change_the_original_set()
    {
        var original = new InteractionOptions { Dispositions = ["Sale"] };
        var copy = original with { Dispositions = ["Other"] };
        Assert.True(original.IsValidDisposition("Sale"));
        Assert.False(original.IsValidDisposition("Other"));
        Assert.True(copy.IsValidDisposition("Other"));
    }

    [Fact]
    public void Blank_disposition_codes_are_refused() =>
        Assert.Throws<ArgumentException>(() => new InteractionOptions { Dispositions = ["Sale", " "] });

    [Fact]
    public void With_no_configured_codes_every_disposition_is_refused()
    {
        var call = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "1"));
        call.Accept();
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.SetDisposition("Sale"));
        Assert.Equal(InteractionRefusalReason.InvalidArgument, refused.Refusal.Reason);
    }
}
