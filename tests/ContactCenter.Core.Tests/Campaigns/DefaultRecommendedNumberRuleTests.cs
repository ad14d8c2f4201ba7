using System;
using System.Linq;
using ContactCenter.Core.Campaigns;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class DefaultRecommendedNumberRuleTests
{
    private readonly CampaignFixture _f = new(Instant.FromUtc(2026, 3, 2, 15, 30)); // 16:30 Paris, 09:30 Chicago

    [Fact]
    public void The_first_number_inside_its_reachable_hours_is_recommended()
    {
        var evening = CampaignFixture.Number("+33612345678", reachable: "18:00-21:00");
        var now = CampaignFixture.Number("+33140000000", reachable: "16:00-17:00");
        var campaign = _f.Running(CampaignFixture.List(CampaignFixture.Record("r1", evening, now)), DeliveryMode.Preview, compliance: true, agents: "a");

        var recommendation = campaign.RequestPreview("a")!.Recommendation;

        Assert.Equal(1, recommendation.Index);
        Assert.Equal(now, recommendation.Number);
        Assert.Equal("outside reachable hours 18:00–21:00 in Europe/Paris", recommendation.Assessments[0].Explanation);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 17, 0), recommendation.Assessments[0].NextOpeningAt);
        Assert.StartsWith("number 2 (", recommendation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_with_fewer_attempts_are_preferred_then_list_order()
    {
        var first = CampaignFixture.Number("+13125550101");
        var second = CampaignFixture.Number("+13125550102");
        var campaign = _f.Running(CampaignFixture.List(CampaignFixture.Record("r1", first, second)), DeliveryMode.Progressive);

        campaign.TryTakeNextRecord(out var a);
        campaign.RecordCallResult("r1", CampaignCallResult.Dropped);
        _f.Time.AdvanceBy(Duration.FromHours(1));
        campaign.TryTakeNextRecord(out var b);
        campaign.RecordCallResult("r1", CampaignCallResult.Dropped);
        _f.Time.AdvanceBy(Duration.FromHours(1));
        campaign.TryTakeNextRecord(out var c);

        Assert.Equal([first, second, first], new[] { a!, b!, c! }.Select(t => t.Number));
    }

    [Fact]
    public void Without_any_dialable_number_it_explains_each_and_the_earliest_opening()
    {
        var f = new CampaignFixture(); // Monday 09:00 Paris
        var mobile = CampaignFixture.Number("+33612345678");
        var work = CampaignFixture.Number("+33140000000", reachable: "11:00-12:00");
        var campaign = f.Running(CampaignFixture.List(CampaignFixture.Record("r1", mobile, work)), DeliveryMode.Progressive, compliance: true);

        Assert.Empty(campaign.TakeRecords(1));
        var wait = campaign.GetRecord("r1").WaitReason!;

        Assert.Contains("number 1 (Mobile", wait.Explanation, StringComparison.Ordinal);
        Assert.Contains("number 2 (Mobile", wait.Explanation, StringComparison.Ordinal);
        Assert.Contains("outside reachable hours 11:00–12:00 in Europe/Paris", wait.Explanation, StringComparison.Ordinal);
        Assert.EndsWith("next opening 2026-03-02T09:00Z", wait.Explanation, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 0), wait.NextOpeningAt);
    }

    [Fact]
    public void Reachable_hours_need_a_zone()
    {
        var unknown = CampaignFixture.Number("+33612345678", reachable: "08:00-20:00");
        var campaign = _f.Running(CampaignFixture.List(CampaignFixture.Record("r1", unknown)), DeliveryMode.Progressive); // no compliance: no locator

        Assert.Empty(campaign.TakeRecords(1));
        Assert.Contains("cannot be checked: the callee's zone is unknown", campaign.GetRecord("r1").WaitReason!.Explanation, StringComparison.Ordinal);
    }
}
