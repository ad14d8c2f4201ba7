using System;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Pacing;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class PacingFactoryTests
{
    [Theory]
    [InlineData(DeliveryMode.Preview, "preview")]
    [InlineData(DeliveryMode.PushPreview, "push-preview")]
    [InlineData(DeliveryMode.Progressive, "progressive")]
    [InlineData(DeliveryMode.Predictive, "predictive")]
    public void Each_mode_has_its_strategy(DeliveryMode mode, string name)
    {
        using var fixture = new ProviderFixture();

        Assert.Equal(name, fixture.Get<PacingFactory>().CreateStrategy(mode).Name);
    }

    [Fact]
    public void Progressive_pacing_places_the_configured_lines_per_free_agent()
    {
        using var fixture = new ProviderFixture(b => b.Configure(o => o.Pacing.ProgressiveLinesPerAgent = 2));
        var pacing = fixture.Get<PacingFactory>();
        var statistics = pacing.CreateStatistics("c1");
        statistics.AgentLoggedIn(1, PacingAgentState.Free, HostFixture.Start);
        statistics.AgentLoggedIn(2, PacingAgentState.Free, HostFixture.Start);

        var decision = pacing.CreateStrategy(DeliveryMode.Progressive).Decide(statistics, HostFixture.Start);

        Assert.Equal(4, decision.Count);
    }

    [Fact]
    public void Statistics_use_the_configured_options_and_strategies_are_new_each_time()
    {
        using var fixture = new ProviderFixture(b => b.Configure(o => o.Pacing.Statistics = o.Pacing.Statistics with { MaxAgents = 8 }));
        var pacing = fixture.Get<PacingFactory>();

        Assert.Equal(8, pacing.CreateStatistics("c1").Options.MaxAgents);
        Assert.NotSame(pacing.CreateStrategy(DeliveryMode.Predictive), pacing.CreateStrategy(DeliveryMode.Predictive));
        Assert.Throws<ArgumentOutOfRangeException>(() => pacing.CreateStrategy((DeliveryMode)9));
        Assert.Throws<ArgumentNullException>(() => pacing.CreateStatistics(null!));
    }

    [Fact]
    public void A_replacement_that_returns_null_is_reported()
    {
        using var fixture = new ProviderFixture(b => b.UsePacing(DeliveryMode.Preview, static _ => null!));

        Assert.Throws<InvalidOperationException>(() => fixture.Get<PacingFactory>().CreateStrategy(DeliveryMode.Preview));
    }
}
