using System;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

public sealed class AgentCapacityTests
{
    [Fact]
    public void Callbacks_and_campaign_calls_count_as_voice()
    {
        var capacity = new AgentCapacity(voice: 1, chat: 3, email: 2, sms: 4);

        Assert.Equal(1, capacity.LimitFor(MediaType.Callback));
        Assert.Equal(1, capacity.LimitFor(MediaType.OutboundCampaign));
        Assert.Equal(3, capacity.LimitFor(MediaType.Chat));
        Assert.Equal(2, capacity.LimitFor(MediaType.Email));
        Assert.Equal(4, capacity.LimitFor(MediaType.Sms));
        Assert.True(AgentCapacity.IsVoice(MediaType.Callback));
        Assert.False(AgentCapacity.IsVoice(MediaType.Chat));
    }

    [Fact]
    public void Negative_or_all_zero_capacities_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentCapacity(voice: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentCapacity(voice: 0));
    }

    [Fact]
    public void An_undefined_medium_has_no_limit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentCapacity.Default.LimitFor((MediaType)42));
    }

    [Fact]
    public void Describes_itself_invariantly()
    {
        Assert.Equal("voice 1, chat 3, email 2, sms 3", AgentCapacity.Default.ToString());
    }
}
