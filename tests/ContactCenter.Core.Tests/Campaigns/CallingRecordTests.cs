using System;
using System.Linq;
using ContactCenter.Core.Campaigns;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CallingRecordTests
{
    private readonly CampaignFixture _f = new();

    [Fact]
    public void Preview_request_accept_and_dial_the_recommended_number()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Preview, agents: "alice");

        var preview = campaign.RequestPreview("alice")!;
        Assert.Equal(("r1", "alice", false), (preview.RecordId, preview.AgentId, preview.Accepted));
        Assert.Equal(0, preview.Recommendation.Index);
        var record = campaign.GetRecord("r1");
        Assert.Equal(CallingRecordState.Delivered, record.State);
        Assert.Equal([CallingRecordCommand.Accept, CallingRecordCommand.Skip], record.PermittedCommands);

        campaign.AcceptPreview("r1");
        Assert.Equal(CallingRecordState.Previewing, record.State);
        var task = campaign.DialPreview("r1");

        Assert.Equal(CallingRecordState.Dialing, record.State);
        Assert.Equal(("r1", "alice", 1), (task.RecordId, task.AgentId, task.Attempt));
        Assert.Equal(record.Numbers[0], task.Number);
        var attempt = Assert.Single(record.Attempts);
        Assert.True(attempt.IsOpen);
        Assert.Equal(task.InteractionId, attempt.InteractionId);
        Assert.Equal(task, Assert.Single(_f.Of<CallingRecordDialled>()).Task);
        Assert.Single(_f.Of<CallingRecordDelivered>());
    }

    [Fact]
    public void Auto_accept_delivers_the_record_already_under_preview()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.PushPreview, new CampaignOptions { AutoAcceptPreview = true }, agents: "alice");

        var preview = campaign.PushPreview("alice")!;

        Assert.True(preview.Accepted);
        Assert.Equal(CallingRecordState.Previewing, campaign.GetRecord("r1").State);
        Assert.Equal(
            [CallingRecordState.Delivered, CallingRecordState.Previewing],
            _f.Of<CallingRecordStateChanged>().Select(e => e.Current));
    }

    [Fact]
    public void Complete_without_calling_defaults_to_bad_record()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Preview, agents: "alice");
        campaign.RequestPreview("alice");
        campaign.AcceptPreview("r1");

        campaign.Complete("r1");

        var record = campaign.GetRecord("r1");
        Assert.Equal(CallingRecordState.Done, record.State);
        Assert.Equal("Bad record", record.Disposition);
        Assert.Equal(RecordEndReason.Completed, record.EndReason);
        Assert.Empty(record.Attempts);
        var completed = Assert.Single(_f.Of<CallingRecordCompleted>());
        Assert.Equal(("r1", "Bad record"), (completed.RecordId, completed.Disposition));
        Assert.Null(record.AgentId);
    }

    [Fact]
    public void An_unconfigured_disposition_is_refused_and_changes_nothing()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Preview, agents: "alice");
        campaign.RequestPreview("alice");
        campaign.AcceptPreview("r1");
        int before = _f.Events.Count;

        var refused = Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.Complete("r1", "Maybe"));

        Assert.Equal(CallingRecordRefusalReason.InvalidArgument, refused.Refusal.Reason);
        Assert.Contains("\"Maybe\" is not a configured disposition", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CallingRecordState.Previewing, campaign.GetRecord("r1").State);
        Assert.Equal(before, _f.Events.Count);
    }

    [Fact]
    public void Skipped_records_are_counted_and_redistributed_after_the_other_ready_records()
    {
        var campaign = _f.Running(CampaignFixture.Simple(3), DeliveryMode.Preview, agents: "alice");

        campaign.RequestPreview("alice");
        campaign.SkipPreview("r1");
        Assert.Equal("r2", campaign.RequestPreview("alice")!.RecordId);
        campaign.AcceptPreview("r2");
        campaign.SkipPreview("r2");
        Assert.Equal("r3", campaign.RequestPreview("alice")!.RecordId);
        campaign.SkipPreview("r3");
        Assert.Equal("r1", campaign.RequestPreview("alice")!.RecordId);
        campaign.SkipPreview("r1");

        Assert.Equal(2, campaign.GetRecord("r1").SkipCount);
        Assert.Equal(1, campaign.GetRecord("r2").SkipCount);
        Assert.Equal([1, 1, 1, 2], _f.Of<CallingRecordSkipped>().Select(e => e.SkipCount));
        Assert.Equal(["r1", "r2", "r3", "r1"], _f.Of<CallingRecordSkipped>().Select(e => e.RecordId));
        Assert.Equal(CallingRecordState.Ready, campaign.GetRecord("r1").State);
        Assert.Null(campaign.GetRecord("r1").AgentId);
    }

    [Fact]
    public void The_agent_dials_a_chosen_number()
    {
        var list = CampaignFixture.List(CampaignFixture.Record("r1", CampaignFixture.Number("+13125550101"), CampaignFixture.Number("+13125550102")));
        var campaign = _f.Running(list, DeliveryMode.Preview, agents: "alice");
        campaign.RequestPreview("alice");
        campaign.AcceptPreview("r1");

        var unknown = Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.DialPreview("r1", 5));
        Assert.Equal(CallingRecordRefusalReason.NotDialable, unknown.Refusal.Reason);
        var task = campaign.DialPreview("r1", 1);

        Assert.Equal(campaign.GetRecord("r1").Numbers[1], task.Number);
        Assert.Equal("chosen by the agent", task.Explanation);
    }

    [Fact]
    public void The_preview_timeout_dials_the_recommended_number_at_exactly_its_instant()
    {
        var options = new CampaignOptions { PreviewTimeout = Duration.FromSeconds(30) };
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Preview, options, agents: "alice");
        campaign.RequestPreview("alice");
        _f.Time.AdvanceBy(Duration.FromSeconds(10));
        campaign.AcceptPreview("r1");
        var accepted = _f.Time.Now;

        _f.Time.AdvanceBy(Duration.FromSeconds(30) - Duration.FromMilliseconds(1));
        Assert.Equal(CallingRecordState.Previewing, campaign.GetRecord("r1").State);
        _f.Time.AdvanceBy(Duration.FromMilliseconds(1));

        var dialled = Assert.Single(_f.Of<CallingRecordDialled>());
        Assert.Equal(accepted + Duration.FromSeconds(30), dialled.At);
        Assert.Equal("alice", dialled.Task.AgentId);
        Assert.StartsWith("preview time ran out", dialled.Task.Explanation, StringComparison.Ordinal);
        Assert.Equal(CallingRecordTrigger.PreviewTimedOut, _f.Of<CallingRecordStateChanged>().Last().Cause);
    }

    [Fact]
    public void The_preview_timeout_is_cancelled_when_the_agent_acts_first()
    {
        var options = new CampaignOptions { PreviewTimeout = Duration.FromSeconds(30) };
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Preview, options, agents: "alice");
        campaign.RequestPreview("alice");
        campaign.AcceptPreview("r1");
        campaign.SkipPreview("r1");

        _f.Time.AdvanceBy(Duration.FromMinutes(5));

        Assert.Empty(_f.Of<CallingRecordDialled>());
        Assert.Equal(CallingRecordState.Ready, campaign.GetRecord("r1").State);
    }

    [Fact]
    public void Results_are_retried_by_their_rule_until_its_attempts_are_used_up()
    {
        var options = new CampaignOptions { RetryRules = new System.Collections.Generic.Dictionary<CampaignCallResult, RetryRule> { [CampaignCallResult.Busy] = new(Duration.FromMinutes(5), 2) } };
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive, options);
        var record = campaign.GetRecord("r1");

        Assert.True(campaign.TryTakeNextRecord(out _));
        campaign.RecordCallResult("r1", CampaignCallResult.Busy);
        Assert.Equal(CallingRecordState.Scheduled, record.State);
        Assert.Equal(_f.Time.Now + Duration.FromMinutes(5), record.RetryAt);
        Assert.Equal(_f.Time.Now + Duration.FromMinutes(5), Assert.Single(_f.Of<CallingRecordRetryScheduled>()).RetryAt);

        _f.Time.AdvanceBy(Duration.FromMinutes(5) - Duration.FromMilliseconds(1));
        Assert.False(campaign.TryTakeNextRecord(out _));
        _f.Time.AdvanceBy(Duration.FromMilliseconds(1));
        Assert.True(campaign.TryTakeNextRecord(out var second));
        Assert.Equal(2, second!.Attempt);

        campaign.RecordCallResult("r1", CampaignCallResult.Busy);
        Assert.Equal(CallingRecordState.Done, record.State);
        Assert.Equal((RecordEndReason.AttemptsExhausted, "Bad record"), (record.EndReason!.Value, record.Disposition));
        Assert.Equal([CampaignCallResult.Busy, CampaignCallResult.Busy], record.Attempts.Select(a => a.Result!.Value));
        Assert.All(record.Attempts, a => Assert.False(a.IsOpen));
    }

    [Fact]
    public void A_result_without_rule_ends_the_record_and_the_overall_limit_holds()
    {
        var options = new CampaignOptions { MaxAttemptsPerRecord = 2 };
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Progressive, options with { RetryRules = new System.Collections.Generic.Dictionary<CampaignCallResult, RetryRule>() });
        campaign.TakeRecords(1);
        campaign.RecordCallResult("r1", CampaignCallResult.NoAnswer);
        Assert.Equal(RecordEndReason.NoRetryRule, campaign.GetRecord("r1").EndReason);

        var limited = new CampaignFixture().Running(CampaignFixture.Simple(1), DeliveryMode.Progressive, options);
        limited.TakeRecords(1);
        limited.RecordCallResult("r1", CampaignCallResult.Busy);
        ((ContactCenter.Core.Time.VirtualTimeSource)limited.TimeSource).AdvanceBy(Duration.FromHours(1));
        limited.TakeRecords(1);
        limited.RecordCallResult("r1", CampaignCallResult.NoAnswer);
        Assert.Equal(RecordEndReason.AttemptsExhausted, limited.GetRecord("r1").EndReason);
    }

    [Fact]
    public void Fax_and_invalid_numbers_are_dropped_and_the_other_numbers_tried_at_once()
    {
        var list = CampaignFixture.List(CampaignFixture.Record("r1", CampaignFixture.Number("+13125550101"), CampaignFixture.Number("+13125550102")));
        var campaign = _f.Running(list, DeliveryMode.Progressive);
        var record = campaign.GetRecord("r1");

        campaign.TryTakeNextRecord(out var first);
        campaign.RecordCallResult("r1", CampaignCallResult.Fax);
        Assert.Equal("a fax answered", record.UnusableReason(0));
        Assert.Equal(_f.Time.Now, record.RetryAt);
        campaign.TryTakeNextRecord(out var second);
        Assert.Equal(record.Numbers[1], second!.Number);
        Assert.NotEqual(first!.InteractionId, second.InteractionId);

        campaign.RecordCallResult("r1", CampaignCallResult.InvalidNumber);
        Assert.Equal(RecordEndReason.NoUsableNumber, record.EndReason);
        Assert.Equal("Bad record", record.Disposition);
    }

    [Fact]
    public void A_live_answer_connects_then_the_agent_completes_or_reschedules()
    {
        var campaign = _f.Running(CampaignFixture.Simple(2), DeliveryMode.Predictive);
        campaign.TakeRecords(2);

        var noAgent = Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.RecordCallResult("r1", CampaignCallResult.LiveAnswer));
        Assert.Equal(CallingRecordRefusalReason.InvalidArgument, noAgent.Refusal.Reason);
        Assert.Equal(CallingRecordState.Dialing, campaign.GetRecord("r1").State);

        campaign.RecordCallResult("r1", CampaignCallResult.LiveAnswer, "alice");
        var record = campaign.GetRecord("r1");
        Assert.Equal((CallingRecordState.Connected, "alice"), (record.State, record.AgentId));
        _f.Time.AdvanceBy(Duration.FromMinutes(3));
        campaign.Complete("r1", "Sale");
        Assert.Equal(Duration.FromMinutes(3), record.Attempts[0].Duration);
        Assert.Equal(CampaignCallResult.LiveAnswer, record.Attempts[0].Result);

        campaign.Connected("r2", "bob");
        Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.Reschedule("r2", _f.Time.Now - Duration.FromSeconds(1)));
        campaign.Reschedule("r2", _f.Time.Now + Duration.FromDays(1));
        Assert.Equal(_f.Time.Now + Duration.FromDays(1), campaign.GetRecord("r2").RetryAt);
        Assert.Equal("rescheduled by the agent", _f.Of<CallingRecordRetryScheduled>().Last().Reason);
    }

    [Fact]
    public void Due_retries_go_before_ready_records()
    {
        var campaign = _f.Running(CampaignFixture.Simple(3), DeliveryMode.Progressive);
        campaign.TakeRecords(1);
        campaign.RecordCallResult("r1", CampaignCallResult.Busy);
        _f.Time.AdvanceBy(Duration.FromMinutes(5));

        Assert.Equal(["r1", "r2", "r3"], campaign.TakeRecords(3).Select(t => t.RecordId));
    }

    [Fact]
    public void Nothing_happens_after_a_final_disposition()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive);
        campaign.TakeRecords(1);
        campaign.RecordCallResult("r1", CampaignCallResult.InvalidNumber);
        var record = campaign.GetRecord("r1");
        int before = _f.Events.Count;

        Assert.Empty(record.PermittedCommands);
        var refused = Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.RecordCallResult("r1", CampaignCallResult.Busy));
        Assert.Contains("The record is done (Bad record).", refused.Message, StringComparison.Ordinal);
        Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.Complete("r1", "Sale"));
        Assert.Equal(before, _f.Events.Count);
        Assert.Equal("Bad record", record.Disposition);
    }

    [Fact]
    public void A_record_is_never_dialled_twice_at_once()
    {
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive);

        Assert.Single(campaign.TakeRecords(3));
        Assert.Empty(campaign.TakeRecords(3));
        Assert.Equal(CallingRecordRefusalReason.WrongState, campaign.GetRecord("r1").WhyNot(CallingRecordCommand.Dial)!.Reason);
    }

    [Fact]
    public void The_record_definition_exports_every_state()
    {
        var mermaid = CallingRecord.Definition.ToMermaidGraph();

        foreach (var state in Enum.GetValues<CallingRecordState>())
        {
            Assert.Contains(state.ToString(), mermaid, StringComparison.Ordinal);
        }
    }
}
