using System;
using System.Linq;
using ContactCenter.Core.Campaigns;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CampaignTests
{
    private readonly CampaignFixture _f = new();

    [Fact]
    public void A_new_campaign_is_loaded_and_may_start_stop_change_mode_and_assign()
    {
        var campaign = _f.Create(CampaignFixture.Simple(2), DeliveryMode.Progressive);

        Assert.Equal(CampaignState.Loaded, campaign.State);
        Assert.Equal(
            [CampaignCommand.Start, CampaignCommand.Stop, CampaignCommand.SetMode, CampaignCommand.Assign, CampaignCommand.Unassign],
            campaign.PermittedCommands);
        Assert.All(campaign.Records, r => Assert.Equal(CallingRecordState.Ready, r.State));
    }

    [Fact]
    public void Start_notifies_the_assigned_agents_with_the_campaign_and_mode()
    {
        var campaign = _f.Create(CampaignFixture.Simple(1), DeliveryMode.Preview);
        campaign.Assign("alice");
        campaign.Assign("bob");
        campaign.Assign("alice");
        campaign.Unassign("bob");
        campaign.Assign("carol");

        campaign.Start();

        var started = Assert.Single(_f.Of<CampaignStarted>());
        Assert.Equal(["alice", "carol"], started.AgentIds);
        Assert.Equal("Spring offer", started.Name);
        Assert.Equal(DeliveryMode.Preview, started.Mode);
        Assert.Equal(CampaignState.Running, campaign.State);
        Assert.Equal(3, _f.Of<CampaignAgentAssignmentChanged>().Count(e => e.Assigned));
        var changed = Assert.Single(_f.Of<CampaignStateChanged>());
        Assert.Equal((CampaignState.Loaded, CampaignState.Running, CampaignTrigger.Start), (changed.Previous, changed.Current, changed.Cause));
        Assert.Equal(changed.CorrelationId, started.CorrelationId);
    }

    [Fact]
    public void Events_are_numbered_in_order_without_gaps()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Progressive, agents: "alice");
        campaign.TakeRecords(2);

        Assert.Equal(Enumerable.Range(1, _f.Events.Count).Select(i => (long)i), _f.Events.Select(e => e.Sequence));
        Assert.All(_f.Events, e => Assert.Equal("c1", e.CampaignId));
    }

    [Fact]
    public void Pause_resume_and_stop_follow_the_lifecycle()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive);

        campaign.Pause();
        Assert.Equal(CampaignState.Paused, campaign.State);
        Assert.False(campaign.Can(CampaignCommand.TakeRecords));
        campaign.Resume();
        Assert.Equal(CampaignState.Running, campaign.State);
        campaign.Stop();
        Assert.Equal(CampaignState.Stopped, campaign.State);
        Assert.Empty(campaign.PermittedCommands);
    }

    [Fact]
    public void The_mode_changes_only_while_loaded_or_paused()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive);
        int before = _f.Events.Count;

        var refused = Assert.Throws<CampaignCommandRefusedException>(() => campaign.SetMode(DeliveryMode.Predictive));
        Assert.Equal(CampaignState.Running, refused.State);
        Assert.Equal(CampaignCommand.SetMode, refused.Command);
        Assert.Contains("pause it first", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Permitted commands: Pause, Stop, Assign, Unassign, TakeRecords", refused.Message, StringComparison.Ordinal);
        Assert.Equal(DeliveryMode.Progressive, campaign.Mode);
        Assert.Equal(before, _f.Events.Count);

        campaign.Pause();
        campaign.SetMode(DeliveryMode.Predictive);
        Assert.Equal(DeliveryMode.Predictive, campaign.Mode);
        var changed = Assert.Single(_f.Of<CampaignModeChanged>());
        Assert.Equal((DeliveryMode.Progressive, DeliveryMode.Predictive), (changed.Previous, changed.Current));
    }

    [Fact]
    public void Deliveries_are_refused_in_another_mode_and_when_not_running()
    {
        var campaign = _f.Create(CampaignFixture.Simple(1), DeliveryMode.Preview);
        campaign.Assign("alice");

        var notRunning = Assert.Throws<CampaignCommandRefusedException>(() => campaign.RequestPreview("alice"));
        Assert.Equal(CampaignRefusalReason.WrongState, notRunning.Refusal.Reason);

        campaign.Start();
        var wrongMode = Assert.Throws<CampaignCommandRefusedException>(() => campaign.TakeRecords(1));
        Assert.Equal(CampaignRefusalReason.WrongMode, wrongMode.Refusal.Reason);
        Assert.Equal(CampaignRefusalReason.WrongMode, campaign.WhyNot(CampaignCommand.PushPreview)!.Reason);
        Assert.All(campaign.Records, r => Assert.Equal(CallingRecordState.Ready, r.State));
    }

    [Fact]
    public void Preview_needs_an_assigned_agent_who_holds_no_other_record()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Preview, agents: "alice");

        var stranger = Assert.Throws<CampaignCommandRefusedException>(() => campaign.RequestPreview("mallory"));
        Assert.Equal(CampaignRefusalReason.NotAssigned, stranger.Refusal.Reason);

        var first = campaign.RequestPreview("alice");
        Assert.NotNull(first);
        var busy = Assert.Throws<CampaignCommandRefusedException>(() => campaign.RequestPreview("alice"));
        Assert.Equal(CampaignRefusalReason.AgentBusy, busy.Refusal.Reason);
        Assert.Equal(CallingRecordState.Ready, campaign.GetRecord("r2").State);
    }

    [Fact]
    public void The_campaign_completes_when_every_record_is_done()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Progressive);
        var tasks = campaign.TakeRecords(5);
        Assert.Equal(2, tasks.Count);

        campaign.RecordCallResult("r1", CampaignCallResult.InvalidNumber);
        Assert.Equal(CampaignState.Running, campaign.State);
        campaign.Connected("r2", "alice");
        campaign.Complete("r2", "Sale");

        Assert.Equal(CampaignState.Completed, campaign.State);
        var last = _f.Of<CampaignStateChanged>().Last();
        Assert.Equal((CampaignState.Running, CampaignState.Completed, CampaignTrigger.ListExhausted), (last.Previous, last.Current, last.Cause));
    }

    [Fact]
    public void A_paused_campaign_also_completes_and_an_empty_list_completes_at_start()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive);
        campaign.TakeRecords(1);
        campaign.Pause();
        campaign.RecordCallResult("r1", CampaignCallResult.Fax);
        Assert.Equal(CampaignState.Completed, campaign.State);

        var empty = _f.Running(CampaignFixture.List(), DeliveryMode.Preview);
        Assert.Equal(CampaignState.Completed, empty.State);
    }

    [Fact]
    public void Paused_and_stopped_campaigns_deliver_nothing_but_calls_in_flight_finish()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Progressive);
        campaign.TakeRecords(1);
        campaign.Stop();

        Assert.Throws<CampaignCommandRefusedException>(() => campaign.TakeRecords(1));
        campaign.Connected("r1", "alice");
        campaign.Complete("r1");
        Assert.Equal(CampaignState.Stopped, campaign.State);
        Assert.Equal(CallingRecordState.Ready, campaign.GetRecord("r2").State);
    }

    [Fact]
    public void The_definition_exports_every_state()
    {
        var mermaid = Campaign.Definition.ToMermaidGraph();

        foreach (var state in Enum.GetValues<CampaignState>())
        {
            Assert.Contains(state.ToString(), mermaid, StringComparison.Ordinal);
        }

        Assert.Contains(CampaignMachinesText.EveryRecordFinal, mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_validates_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new Campaign("c", "n", null!, DeliveryMode.Preview, _f.Time));
        Assert.Throws<ArgumentException>(() => new Campaign(" ", "n", CampaignFixture.Simple(1), DeliveryMode.Preview, _f.Time));
        Assert.Throws<ArgumentException>(() => new Campaign("c", "n", CampaignFixture.Simple(1), (DeliveryMode)42, _f.Time));
        var error = Assert.Throws<ArgumentException>(() => new Campaign("c", "n", CampaignFixture.Simple(1), DeliveryMode.Preview, _f.Time, new CampaignOptions { MaxAttemptsPerRecord = 0 }));
        Assert.Contains("MaxAttemptsPerRecord", error.Message, StringComparison.Ordinal);
    }

    private static class CampaignMachinesText
    {
        public const string EveryRecordFinal = "every record is done";
    }
}
