using System;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class CallbackFactoryTests
{
    private static readonly ContactNumber s_home = new(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);

    [Fact]
    public void Submit_queues_the_callback_on_the_registered_dispatcher_when_due()
    {
        using var fixture = new ProviderFixture(b => b.Configure(o => o.Callbacks = o.Callbacks with { MaxAttempts = 4 }));
        var factory = fixture.Get<CallbackFactory>();

        var callback = factory.Submit(new ScheduledCallbackRequest(s_home, HostFixture.Start + Duration.FromMinutes(10)));

        Assert.Same(fixture.Get<CallbackDispatcher>(), factory.Dispatcher);
        Assert.Empty(factory.Dispatcher.Queue);
        fixture.Time.AdvanceBy(Duration.FromMinutes(10));
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Same(callback, Assert.Single(factory.Dispatcher.Queue).Callback);
        Assert.Equal(4, callback.Options.MaxAttempts);
    }

    [Fact]
    public void Create_makes_a_callback_no_dispatcher_follows()
    {
        using var fixture = new ProviderFixture();
        var factory = fixture.Get<CallbackFactory>();

        var callback = factory.Create(new AsapCallbackRequest(s_home));

        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Empty(factory.Dispatcher.Callbacks);
        Assert.Throws<ArgumentNullException>(() => factory.Create(null!));
    }
}
