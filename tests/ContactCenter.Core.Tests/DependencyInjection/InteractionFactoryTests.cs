using System;
using System.Collections.Generic;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class InteractionFactoryTests
{
    [Fact]
    public void Creates_interactions_with_the_configured_dispositions_on_the_registered_clock()
    {
        using var fixture = new ProviderFixture(b => b.Configure(o => o.Interactions = o.Interactions with { Dispositions = ["Sale"], DispositionRequired = true }));
        var factory = fixture.Get<InteractionFactory>();
        var call = factory.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33612345678"));
        var events = new List<InteractionEvent>();
        using var subscription = call.Events.Subscribe(events.Add);

        fixture.Time.AdvanceBy(Duration.FromSeconds(30));
        call.Accept();
        call.Disconnect();

        Assert.False(call.Can(InteractionCommand.MarkDone));
        call.SetDisposition("Sale");
        call.MarkDone();
        Assert.Equal(InteractionState.Done, call.State);
        Assert.Same(fixture.Time, factory.Options.TimeSource);
        Assert.Equal(HostFixture.Start + Duration.FromSeconds(30), events[0].At);
    }

    [Fact]
    public void Refuses_a_null_spec()
    {
        using var fixture = new ProviderFixture();

        Assert.Throws<ArgumentNullException>(() => fixture.Get<InteractionFactory>().Create(null!));
    }
}
