using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

/// <summary>The example of docs/campaigns.md, run.</summary>
public sealed class CampaignGuideExampleTests
{
    [Fact]
    public void The_guide_example_runs_as_documented()
    {
        var time = new VirtualTimeSource(Instant.FromUtc(2026, 3, 2, 8, 0));
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default,
            new InMemoryDoNotCallList(), new InMemoryCallHistory());
        var list = new CallingList("spring", [
            new CallingRecordData("r1", "Camille Martin",
                [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+33612345678"), PhoneNumberType.Mobile))]),
        ]);
        var campaign = new Campaign("spring-2026", "Spring offer", list, DeliveryMode.Progressive, time,
            new CampaignOptions { RetryRules = new Dictionary<CampaignCallResult, RetryRule> { [CampaignCallResult.Busy] = new(Duration.FromMinutes(5), 3) } },
            compliance);
        var started = new List<CampaignStarted>();
        using var subscription = campaign.Events.Subscribe(new Collect(started));
        campaign.Assign("alice");
        campaign.Start();
        Assert.Equal(["alice"], Assert.Single(started).AgentIds);

        Assert.False(campaign.TryTakeNextRecord(out var task));
        Assert.Contains("Europe/Paris", campaign.WaitingRecords[0].WaitReason!.ToString(), StringComparison.Ordinal);

        time.AdvanceBy(Duration.FromHours(1));
        Assert.True(campaign.TryTakeNextRecord(out task));
        campaign.RecordCallResult(task!.RecordId, CampaignCallResult.Busy);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 5), campaign.GetRecord("r1").RetryAt);
        time.AdvanceBy(Duration.FromMinutes(5));
        Assert.True(campaign.TryTakeNextRecord(out task));
        Assert.Equal(2, task!.Attempt);
        campaign.Connected(task.RecordId, "alice");
        campaign.Complete(task.RecordId, "Sale");

        Assert.Equal(CampaignState.Completed, campaign.State);
        Assert.Equal("Sale", campaign.GetRecord("r1").Disposition);
    }

    private sealed class Collect(List<CampaignStarted> into) : IObserver<CampaignEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(CampaignEvent value)
        {
            if (value is CampaignStarted started)
            {
                into.Add(started);
            }
        }
    }
}
