using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class ContactCenterBuilderTests
{
    [Fact]
    public void Configure_runs_after_the_configuration_is_bound_in_the_order_given()
    {
        using var host = HostFixture.Build(
            new Dictionary<string, string?> { ["ContactCenter:Agents:MaxConsecutiveMissedOffers"] = "5" },
            builder => builder
                .Configure(o => o.Agents = o.Agents with { MaxConsecutiveMissedOffers = o.Agents.MaxConsecutiveMissedOffers + 1 })
                .Configure(o => o.Callbacks = o.Callbacks with { MaxAttempts = 9 }));

        var options = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;

        Assert.Equal(6, options.Agents.MaxConsecutiveMissedOffers);
        Assert.Equal(9, options.Callbacks.MaxAttempts);
    }

    [Fact]
    public void UseVirtualTime_registers_one_virtual_clock_as_the_time_source()
    {
        var services = new ServiceCollection();
        services.AddContactCenter().UseVirtualTime(HostFixture.Start).UseVirtualTime(HostFixture.Start + Duration.FromHours(1));
        using var provider = services.BuildServiceProvider();

        var clock = provider.GetRequiredService<VirtualTimeSource>();

        Assert.Same(clock, provider.GetRequiredService<ITimeSource>());
        Assert.Equal(HostFixture.Start + Duration.FromHours(1), clock.Now);
        Assert.Single(provider.GetServices<ITimeSource>());
    }

    [Fact]
    public void UseTimeSource_replaces_a_time_source_registered_before()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITimeSource>(SystemTimeSource.Instance);
        var clock = new VirtualTimeSource(HostFixture.Start);
        services.AddContactCenter().UseTimeSource(clock);
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<ITimeSource>());
        Assert.Same(clock, provider.GetRequiredService<InteractionFactory>().Options.TimeSource);
    }

    [Fact]
    public void AddComplianceProfile_adds_a_named_profile_and_may_replace_the_default()
    {
        var quiet = new ComplianceProfile([CallingWindowPolicies.FranceSolicitation]);
        var none = new ComplianceProfile([]);
        var services = new ServiceCollection();
        services.AddContactCenter().AddComplianceProfile("france", quiet).AddComplianceProfile(DialingComplianceProvider.DefaultProfileName, none);
        using var provider = services.BuildServiceProvider();

        var profiles = provider.GetRequiredService<DialingComplianceProvider>();

        Assert.Equal(["default", "france"], profiles.ProfileNames);
        Assert.Same(quiet, profiles.GetProfile("france"));
        Assert.Same(none, profiles.GetProfile());
    }

    [Fact]
    public void UsePacing_replaces_the_strategy_of_one_mode_only()
    {
        var services = new ServiceCollection();
        services.AddContactCenter().UsePacing(DeliveryMode.Predictive, static _ => new FixedRatioPacing(1.5));
        using var provider = services.BuildServiceProvider();

        var pacing = provider.GetRequiredService<PacingFactory>();

        Assert.Equal("fixed-ratio", pacing.CreateStrategy(DeliveryMode.Predictive).Name);
        Assert.Equal("progressive", pacing.CreateStrategy(DeliveryMode.Progressive).Name);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var builder = new ServiceCollection().AddContactCenter();

        Assert.Throws<ArgumentNullException>(() => builder.Configure(null!));
        Assert.Throws<ArgumentNullException>(() => builder.UseTimeSource(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddComplianceProfile("x", null!));
        Assert.Throws<ArgumentException>(() => builder.AddComplianceProfile(" ", ComplianceProfile.Default));
        Assert.Throws<ArgumentNullException>(() => builder.UsePacing(DeliveryMode.Preview, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.UsePacing((DeliveryMode)42, static _ => new PreviewPacing()));
        Assert.Equal(ContactCenterOptions.DefaultSectionName, builder.ConfigurationSection);
    }
}
