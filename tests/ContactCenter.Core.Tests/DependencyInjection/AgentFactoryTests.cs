using System;
using ContactCenter.Core.Agents;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class AgentFactoryTests
{
    [Fact]
    public void Creates_logged_out_agents_with_the_configured_options()
    {
        using var fixture = new ProviderFixture(b => b.Configure(o => o.Agents = o.Agents with { NotReadyReasons = ["LoggedIn", "MissedOffers", "Coaching"] }));
        var factory = fixture.Get<AgentFactory>();

        var agent = factory.Create("alice");
        agent.LogIn();
        agent.SetNotReady("Coaching");

        Assert.Equal("alice", agent.Id);
        Assert.Equal(AgentState.NotReady, agent.State);
        Assert.Equal(factory.Options.NotReadyReasons, agent.Options.NotReadyReasons);
    }

    [Fact]
    public void Creates_agents_with_their_own_options_on_the_registered_clock()
    {
        using var fixture = new ProviderFixture();
        var options = new AgentOptions { OfferTimeout = Duration.FromSeconds(3) };

        var agent = fixture.Get<AgentFactory>().Create("bob", options);
        agent.LogIn();
        agent.SetReady();
        agent.Reserve(InteractionId.New(), MediaType.Voice);
        fixture.Time.AdvanceBy(Duration.FromSeconds(3));

        Assert.Equal(AgentState.Ready, agent.State);
    }

    [Fact]
    public void Refuses_bad_arguments()
    {
        using var fixture = new ProviderFixture();
        var factory = fixture.Get<AgentFactory>();

        Assert.Throws<ArgumentException>(() => factory.Create(" "));
        Assert.Throws<ArgumentNullException>(() => factory.Create("carol", null!));
        Assert.Throws<ArgumentException>(() => factory.Create("carol", new AgentOptions { OfferTimeout = Duration.Zero }));
    }
}
