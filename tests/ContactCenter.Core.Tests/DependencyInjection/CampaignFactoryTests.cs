using System;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class CampaignFactoryTests
{
    // Monday 23 November 2026 07:00 UTC is 08:00 in Paris: before the French solicitation window opens (10:00).
    private static readonly Instant s_parisEarlyMorning = Instant.FromUtc(2026, 11, 23, 7, 0);

    private static CallingList ParisList() => new("list",
    [
        new CallingRecordData("r1", "Contact r1", [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+33612345678"), PhoneNumberType.Mobile))]),
    ]);

    [Fact]
    public void Checks_every_number_with_the_default_profile()
    {
        using var fixture = new ProviderFixture(b => b.UseVirtualTime(s_parisEarlyMorning));
        var campaign = fixture.Get<CampaignFactory>().Create("c1", "Winter offer", ParisList(), DeliveryMode.Progressive);
        campaign.Start();

        Assert.False(campaign.TryTakeNextRecord(out _));
        Assert.Contains("not dialable", Assert.Single(campaign.WaitingRecords).Wait!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_profile_without_policies_lets_the_number_through()
    {
        using var fixture = new ProviderFixture(b => b.UseVirtualTime(s_parisEarlyMorning).AddComplianceProfile("internal", new ComplianceProfile([])));
        var factory = fixture.Get<CampaignFactory>();
        var campaign = factory.Create("c1", "Service check", ParisList(), DeliveryMode.Progressive, factory.Options with { Purpose = CallPurpose.Service }, "internal");
        campaign.Start();

        Assert.True(campaign.TryTakeNextRecord(out var task));
        Assert.Equal("r1", task!.RecordId);
        Assert.Equal(CallPurpose.Service, campaign.Options.Purpose);
    }

    [Fact]
    public void An_unknown_profile_is_refused_with_the_known_names()
    {
        using var fixture = new ProviderFixture();

        var refusal = Assert.Throws<ArgumentException>(() => fixture.Get<CampaignFactory>().Create("c1", "x", ParisList(), DeliveryMode.Preview, "us"));

        Assert.Contains("\"us\"", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("default", refusal.Message, StringComparison.Ordinal);
    }
}
