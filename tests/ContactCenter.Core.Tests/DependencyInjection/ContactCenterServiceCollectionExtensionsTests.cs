using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class ContactCenterServiceCollectionExtensionsTests
{
    [Fact]
    public async Task A_started_host_creates_an_agent_that_runs_commands_with_the_configured_options()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Agents:OfferTimeout"] = "0:00:00:05",
        });
        builder.Services.AddContactCenter().UseVirtualTime(HostFixture.Start);
        using var host = builder.Build();
        await host.StartAsync();

        var agent = host.Services.GetRequiredService<AgentFactory>().Create("alice");
        agent.LogIn();
        agent.SetReady();
        agent.Reserve(InteractionId.New(), MediaType.Voice);
        Assert.Equal(AgentState.Reserved, agent.State);

        // The offer times out after the configured 5 seconds, in virtual time.
        host.Services.GetRequiredService<VirtualTimeSource>().AdvanceBy(Duration.FromSeconds(5));
        Assert.Equal(AgentState.Ready, agent.State);
        Assert.Equal(1, agent.ConsecutiveMissedOffers);

        await host.StopAsync();
    }

    [Fact]
    public async Task The_default_host_builder_binds_the_ContactCenter_section()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Callbacks:MaxAttempts"] = "5",
        });
        builder.Services.AddContactCenter();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(5, host.Services.GetRequiredService<CallbackFactory>().Options.MaxAttempts);
        Assert.Same(SystemTimeSource.Instance, host.Services.GetRequiredService<ITimeSource>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_bad_option_fails_start_up_with_the_option_path_and_the_rule()
    {
        using var host = HostFixture.Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Pacing:Predictive:SetPoint"] = "0.05",
            ["ContactCenter:Agents:OfferTimeout"] = "-0:00:00:05",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ContactCenter:Pacing:Predictive:HardCap must be above SetPoint and at most 1 (was 0.03).", failure.Failures);
        Assert.Contains(failure.Failures, static f => f.StartsWith("ContactCenter:Agents:OfferTimeout must be positive (was -", StringComparison.Ordinal));
        Assert.Contains("ContactCenter:Agents:OfferTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_does_not_convert_fails_start_up_naming_its_path()
    {
        using var host = HostFixture.Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Agents:MaxConsecutiveMissedOffers"] = "three",
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ContactCenter:Agents:MaxConsecutiveMissedOffers", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_in_configuration_replace_the_defaults_and_a_capacity_changes_only_the_media_it_names()
    {
        using var host = HostFixture.Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Agents:NotReadyReasons:0"] = "LoggedIn",
            ["ContactCenter:Agents:NotReadyReasons:1"] = "Coaching",
            ["ContactCenter:Agents:MaxConsecutiveMissedOffers"] = "0",
            ["ContactCenter:Agents:Capacity:Chat"] = "1",
            ["ContactCenter:Agents:AfterCallWork:DurationByQueue:sales"] = "0:00:01:00",
            ["ContactCenter:Interactions:Dispositions:0"] = "Sale",
            ["ContactCenter:Campaigns:RetryRules:Busy:MaxAttempts"] = "2",
        });

        var options = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;

        Assert.Equal(["LoggedIn", "Coaching"], options.Agents.NotReadyReasons);
        Assert.Equal(new AgentCapacity(voice: 1, chat: 1, email: 2, sms: 3), options.Agents.Capacity);
        Assert.Equal(Duration.FromMinutes(1), options.Agents.AfterCallWork.DurationFor("sales"));
        Assert.Equal(["Sale"], options.Interactions.Dispositions);
        Assert.True(options.Interactions.IsValidDisposition("Sale"));
        Assert.Equal(2, options.Campaigns.RetryRules[CampaignCallResult.Busy].MaxAttempts);
        Assert.Equal(Duration.FromMinutes(5), options.Campaigns.RetryRules[CampaignCallResult.Busy].Delay);
        Assert.Equal(3, options.Campaigns.RetryRules[CampaignCallResult.NoAnswer].MaxAttempts);
    }

    [Fact]
    public void Binding_never_changes_the_shared_default_records()
    {
        using var host = HostFixture.Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Pacing:Statistics:AbandonRate:ConnectThreshold"] = "0:00:00:03",
        });

        var options = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;

        Assert.Equal(Duration.FromSeconds(3), options.Pacing.Statistics.AbandonRate.ConnectThreshold);
        Assert.Equal(Duration.FromSeconds(2), AbandonRateOptions.UnitedKingdom.ConnectThreshold);
    }

    [Fact]
    public void A_service_the_host_registered_first_wins()
    {
        var clock = new VirtualTimeSource(HostFixture.Start);
        var doNotCall = new InMemoryDoNotCallList();
        var number = PhoneNumber.Parse("+33612345678");
        doNotCall.Add(number);
        var services = new ServiceCollection();
        services.AddSingleton<ITimeSource>(clock);
        services.AddSingleton<IDoNotCallList>(doNotCall);
        services.AddContactCenter();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<ITimeSource>());
        var agent = provider.GetRequiredService<AgentFactory>().Create("bob");
        var events = new List<AgentEvent>();
        using var subscription = agent.Events.Subscribe(events.Add);
        clock.AdvanceBy(Duration.FromMinutes(3));
        agent.LogIn();
        Assert.Equal(HostFixture.Start + Duration.FromMinutes(3), Assert.Single(events).At);
        var decision = provider.GetRequiredService<DialingComplianceProvider>().Get().Check(new DialRequest(number), clock.Now);
        Assert.Contains(decision.Refusals, static r => r.Kind == DialRefusalKind.DoNotCall);
    }

    [Fact]
    public void Calling_it_twice_registers_nothing_more_and_keeps_the_first_section()
    {
        var services = new ServiceCollection();
        var first = services.AddContactCenter("Telephony");
        int count = services.Count;

        var second = services.AddContactCenter();

        Assert.Equal(count, services.Count);
        Assert.Equal("Telephony", first.ConfigurationSection);
        Assert.Equal("Telephony", second.ConfigurationSection);
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<AgentFactory>());
    }

    [Fact]
    public void Another_section_can_be_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Agents:MaxConsecutiveMissedOffers"] = "7",
            ["ContactCenter:Agents:MaxConsecutiveMissedOffers"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddContactCenter("Telephony");
        using var provider = services.BuildServiceProvider();

        Assert.Equal(7, provider.GetRequiredService<AgentFactory>().Options.MaxConsecutiveMissedOffers);
    }

    [Fact]
    public void Without_configuration_the_defaults_apply()
    {
        var services = new ServiceCollection();
        services.AddContactCenter();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ContactCenterOptions>>().Value;

        Assert.Equal(new AgentOptions().OfferTimeout, options.Agents.OfferTimeout);
        Assert.Equal(0.025, options.Pacing.Predictive.SetPoint);
        Assert.Same(provider.GetRequiredService<SlotBook>(), provider.GetRequiredService<ISlotBookings>());
        Assert.Same(provider.GetRequiredService<InMemoryCallHistory>(), provider.GetRequiredService<ICallHistory>());
        Assert.Same(CompositePhoneNumberLocator.Default, provider.GetRequiredService<IPhoneNumberLocator>());
    }

    [Fact]
    public void Blank_section_names_and_null_arguments_are_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddContactCenter(" "));
        Assert.Throws<ArgumentNullException>(() => services.AddContactCenter(null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddContactCenter());
        Assert.DoesNotContain(services, static d => d.ServiceType == typeof(AgentFactory));
    }
}
