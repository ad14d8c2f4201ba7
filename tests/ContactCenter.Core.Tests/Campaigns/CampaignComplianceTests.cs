using System;
using System.Linq;
using ContactCenter.Core.Campaigns;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CampaignComplianceTests
{
    private readonly CampaignFixture _f = new();

    [Fact]
    public void A_record_outside_its_legal_window_waits_with_the_explanation_and_is_delivered_when_it_opens()
    {
        // Monday 09:00 in Paris: French solicitation opens at 10:00.
        var list = CampaignFixture.List(CampaignFixture.Record("r1", CampaignFixture.Number("+33612345678")));
        var campaign = _f.Running(list, DeliveryMode.Progressive, compliance: true);

        Assert.False(campaign.TryTakeNextRecord(out _));

        var record = Assert.Single(campaign.WaitingRecords);
        var wait = record.WaitReason!;
        Assert.Contains("09:00 is before 10:00 in Europe/Paris (France)", wait.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("no number may be dialled now: number 1 (Mobile ", wait.Explanation, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 0), wait.NextOpeningAt);
        Assert.Equal(wait, Assert.Single(_f.Of<CallingRecordWaiting>()).Wait);
        Assert.Equal(CallingRecordState.Ready, record.State);

        // Asking again before the opening does not publish the same wait twice.
        _f.Time.AdvanceBy(Duration.FromMinutes(30));
        Assert.False(campaign.TryTakeNextRecord(out _));
        Assert.Single(_f.Of<CallingRecordWaiting>());

        _f.Time.AdvanceTo(Instant.FromUtc(2026, 3, 2, 9, 0));
        Assert.True(campaign.TryTakeNextRecord(out var task));
        Assert.Equal("r1", task!.RecordId);
        Assert.Empty(campaign.WaitingRecords);
        Assert.Null(record.WaitReason);
    }

    [Fact]
    public void Every_candidate_zone_must_be_inside_its_window()
    {
        // 15:30 UTC: 16:30 in Paris (open), 09:30 in Chicago; US federal 08:00-21:00 is open in Chicago too, but the
        // record's own zones add Honolulu (05:30), which US federal refuses.
        _f.Time.AdvanceTo(Instant.FromUtc(2026, 3, 2, 15, 30));
        var honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];
        var list = CampaignFixture.List(
            CampaignFixture.Record("r1", CampaignFixture.Number("+13125550142", zones: [CampaignFixture.Chicago, honolulu])),
            CampaignFixture.Record("r2", CampaignFixture.Number("+13125550143", zones: [CampaignFixture.Chicago])));
        var campaign = _f.Running(list, DeliveryMode.Progressive, compliance: true);

        var taken = campaign.TakeRecords(2);

        Assert.Equal(["r2"], taken.Select(t => t.RecordId));
        Assert.Contains("Pacific/Honolulu", campaign.GetRecord("r1").WaitReason!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Do_not_call_numbers_wait_without_an_opening_and_the_next_number_is_recommended()
    {
        _f.Time.AdvanceTo(Instant.FromUtc(2026, 3, 2, 15, 30));
        var blocked = CampaignFixture.Number("+13125550101", zones: [CampaignFixture.Chicago]);
        var other = CampaignFixture.Number("+13125550102", zones: [CampaignFixture.Chicago]);
        _f.DoNotCall.Add(blocked.Number);
        var campaign = _f.Running(
            CampaignFixture.List(CampaignFixture.Record("r1", blocked, other), CampaignFixture.Record("r2", blocked)),
            DeliveryMode.Progressive,
            compliance: true);

        var taken = campaign.TakeRecords(2);

        Assert.Equal(other, Assert.Single(taken).Number);
        var wait = campaign.GetRecord("r2").WaitReason!;
        Assert.Contains("do-not-call", wait.Explanation, StringComparison.Ordinal);
        Assert.Null(wait.NextOpeningAt);
        Assert.EndsWith("no opening known", wait.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_may_not_dial_a_chosen_number_outside_its_legal_window()
    {
        _f.Time.AdvanceTo(Instant.FromUtc(2026, 3, 2, 15, 30));
        var paris = CampaignFixture.Number("+33612345678");
        var late = CampaignFixture.Number("+13125550142", zones: [DateTimeZoneProviders.Tzdb["Pacific/Honolulu"]]);
        var campaign = _f.Running(CampaignFixture.List(CampaignFixture.Record("r1", paris, late)), DeliveryMode.Preview, compliance: true, agents: "alice");
        var preview = campaign.RequestPreview("alice")!;
        Assert.Equal(0, preview.Recommendation.Index);
        Assert.False(preview.Recommendation.Assessments[1].IsDialable);
        campaign.AcceptPreview("r1");
        int before = _f.Events.Count;

        var refused = Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.DialPreview("r1", 1));

        Assert.Equal(CallingRecordRefusalReason.NotDialable, refused.Refusal.Reason);
        Assert.Contains("Pacific/Honolulu", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CallingRecordState.Previewing, campaign.GetRecord("r1").State);
        Assert.Equal(before, _f.Events.Count);
    }

    [Fact]
    public void A_preview_timeout_with_no_dialable_number_puts_the_record_back_waiting()
    {
        // 18:59:30 in Paris: the window closes at 20:00 local = 19:00 UTC; the timeout fires at 19:00:30 UTC.
        _f.Time.AdvanceTo(Instant.FromUtc(2026, 3, 2, 18, 59, 30));
        var options = new CampaignOptions { PreviewTimeout = Duration.FromMinutes(1) };
        var campaign = _f.Running(CampaignFixture.List(CampaignFixture.Record("r1", CampaignFixture.Number("+33612345678"))), DeliveryMode.Preview, options, compliance: true, agents: "alice");
        campaign.RequestPreview("alice");
        campaign.AcceptPreview("r1");

        _f.Time.AdvanceBy(Duration.FromMinutes(1));

        var record = campaign.GetRecord("r1");
        Assert.Equal(CallingRecordState.Ready, record.State);
        Assert.Empty(_f.Of<CallingRecordDialled>());
        Assert.StartsWith("preview time ran out; no number may be dialled now", record.WaitReason!.Explanation, StringComparison.Ordinal);
        Assert.Equal(0, record.SkipCount);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 9, 0), record.WaitReason.NextOpeningAt);
    }
}
