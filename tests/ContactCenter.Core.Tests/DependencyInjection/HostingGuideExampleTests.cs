using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

/// <summary>The examples of docs/hosting.md: each runs here, and the guide shows it verbatim.</summary>
public sealed class HostingGuideExampleTests
{
    private const string File = "DependencyInjection/HostingGuideExampleTests.cs";

    [Theory]
    [InlineData("registering")]
    [InlineData("replacing")]
    [InlineData("virtual-time")]
    public void The_guide_shows_the_example_verbatim(string name)
    {
        Assert.Contains("```csharp\n" + GuideSnippets.Example(File, name) + "```", GuideSnippets.Guide("hosting.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering()
    {
        string[] args = [];
        // begin: registering
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddContactCenter()
            .Configure(o => o.Interactions = o.Interactions with { Dispositions = ["Sale", "No sale"] });
        using var host = builder.Build();
        await host.StartAsync();

        var agent = host.Services.GetRequiredService<AgentFactory>().Create("alice");
        agent.LogIn();
        agent.SetReady();
        // end: registering

        Assert.Equal(AgentState.Ready, agent.State);
        Assert.Equal(["Sale", "No sale"], host.Services.GetRequiredService<InteractionFactory>().Options.Dispositions);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_configuration_example_binds_and_starts()
    {
        string json = Assert.Single(GuideSnippets.Blocks("hosting.md", "json"));
        var builder = HostFixture.Builder();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddContactCenter();
        using var host = builder.Build();
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;

        Assert.Equal(Duration.FromSeconds(20), options.Agents.OfferTimeout);
        Assert.Equal(["LoggedIn", "MissedOffers", "Break", "Lunch"], options.Agents.NotReadyReasons);
        Assert.Equal(new AgentCapacity(voice: 1, chat: 2, email: 2, sms: 3), options.Agents.Capacity);
        Assert.Equal(5, options.Callbacks.MaxAttempts);
        Assert.Equal(new RetryRule(Duration.FromMinutes(10), 3), options.Campaigns.RetryRules[CampaignCallResult.Busy]);
        Assert.Equal(new RetryRule(Duration.FromHours(1), 3), options.Campaigns.RetryRules[CampaignCallResult.NoAnswer]);
        Assert.Equal(0.02, options.Pacing.Predictive.SetPoint);
        Assert.Equal(Duration.FromDays(30), options.Pacing.Statistics.AbandonRate.Window);
        Assert.Equal(Duration.FromHours(1), options.Pacing.Statistics.AbandonRate.BucketWidth);
        Assert.Equal(("desk-1", Duration.FromMinutes(5)), (options.Recovery.HostId, options.Recovery.Lease));
        Assert.Equal("desk-1", host.Services.GetRequiredService<ContactCenterRecoveryState>().HostId);
        await host.StopAsync();
    }

    [Fact]
    public void Replacing()
    {
        var builder = HostFixture.Builder();
        // begin: replacing
        var doNotCall = new InMemoryDoNotCallList();
        doNotCall.Add(PhoneNumber.Parse("+33612345678"));
        builder.Services.AddSingleton<IDoNotCallList>(doNotCall);
        builder.Services.AddContactCenter()
            .AddComplianceProfile("us-only", new ComplianceProfile([CallingWindowPolicies.UsFederal]))
            .UsePacing(DeliveryMode.Predictive, _ => new FixedRatioPacing(2.0));
        // end: replacing
        using var host = builder.Build();

        var compliance = host.Services.GetRequiredService<DialingComplianceProvider>();
        Assert.Equal(["default", "us-only"], compliance.ProfileNames);
        Assert.False(compliance.Get("us-only").Check(new DialRequest(PhoneNumber.Parse("+33612345678")), Instant.FromUtc(2026, 11, 23, 10, 0)).IsDialable);
        Assert.Equal("fixed-ratio", host.Services.GetRequiredService<PacingFactory>().CreateStrategy(DeliveryMode.Predictive).Name);
    }

    [Fact]
    public void Virtual_time()
    {
        // begin: virtual-time
        var services = new ServiceCollection();
        services.AddContactCenter().UseVirtualTime(Instant.FromUtc(2026, 11, 23, 9, 0));
        using var provider = services.BuildServiceProvider();
        var clock = provider.GetRequiredService<VirtualTimeSource>();

        var alice = provider.GetRequiredService<AgentFactory>().Create("alice");
        alice.LogIn();
        alice.SetReady();
        alice.Reserve(InteractionId.New(), MediaType.Voice);
        clock.AdvanceBy(Duration.FromSeconds(15)); // the offer times out: the agent is ready again, one offer missed
        // end: virtual-time

        Assert.Equal(AgentState.Ready, alice.State);
        Assert.Equal(1, alice.ConsecutiveMissedOffers);
    }
}
