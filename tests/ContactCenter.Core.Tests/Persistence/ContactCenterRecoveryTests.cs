using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.Callbacks;
using ContactCenter.Core.Tests.Campaigns;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Persistence;

/// <summary>A host writes, stops, and a new run (later) recovers from the same store.</summary>
public sealed class ContactCenterRecoveryTests
{
    private readonly InMemoryContactCenterStore _store = new();

    [Fact]
    public async Task Overdue_callbacks_become_due_in_their_original_queue_order_and_expired_windows_fail()
    {
        var before = new VirtualTimeSource(CallbackFixture.Start);
        using (var callbacks = new DurableCallbacks(_store.Callbacks, before))
        {
            await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, before.Now + Duration.FromHours(3)) { Subject = "third" });
            await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, before.Now + Duration.FromHours(1)) { Subject = "first" });
            await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, before.Now + Duration.FromHours(2)) { Subject = "second" });
            await callbacks.CreateAsync(new WebCallbackRequest(CallbackFixture.Home, new Interval(before.Now + Duration.FromHours(1), before.Now + Duration.FromHours(2))) { Subject = "expired" });
            await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, before.Now + Duration.FromDays(7)) { Subject = "next week" });
        }

        var after = new VirtualTimeSource(CallbackFixture.Start + Duration.FromHours(5));
        using var restored = new DurableCallbacks(_store.Callbacks, after);
        var report = await new ContactCenterRecovery(_store, after).RecoverAsync(restored);

        Assert.Equal(["first", "second", "third"], report.OverdueCallbacks.Select(static c => c.Subject));
        Assert.All(report.OverdueCallbacks, static c => Assert.Equal(CallbackState.Due, c.State));
        Assert.Equal(["first", "second", "third", "next week"], restored.Callbacks.Where(static c => !c.IsTerminal).Select(static c => c.Subject));
        var expired = Assert.Single(report.ExpiredCallbacks);
        Assert.Equal((CallbackState.Failed, CallbackEndReason.WindowExpired), (expired.State, expired.EndReason));
        Assert.Equal(CallbackState.Failed, (await _store.Callbacks.FindAsync(expired.Id))!.Snapshot.State);
        Assert.Equal(CallbackState.Due, (await _store.Callbacks.FindAsync(report.OverdueCallbacks[0].Id))!.Snapshot.State);

        var nextWeek = restored.Callbacks.Single(static c => c.Subject == "next week");
        Assert.Equal(CallbackState.Scheduled, nextWeek.State);
        after.AdvanceTo(CallbackFixture.Start + Duration.FromDays(7));
        Assert.Equal(CallbackState.Due, nextWeek.State);
    }

    [Fact]
    public async Task An_offer_lost_with_the_host_is_withdrawn_and_an_agents_session_is_left_for_a_person()
    {
        var before = new VirtualTimeSource(CallbackFixture.Start);
        CallbackId offered, dialled;
        using (var callbacks = new DurableCallbacks(_store.Callbacks, before))
        {
            offered = (await callbacks.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home))).Id;
            await callbacks.ExecuteAsync(offered, static c => c.Offer("alice", InteractionId.New()));
            dialled = (await callbacks.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home))).Id;
            await callbacks.ExecuteAsync(dialled, static c => c.Offer("bob", InteractionId.New()));
            await callbacks.ExecuteAsync(dialled, static c => c.Accept());
            await callbacks.ExecuteAsync(dialled, static c => c.Dial());
        }

        var after = new VirtualTimeSource(CallbackFixture.Start + Duration.FromMinutes(10));
        using var restored = new DurableCallbacks(_store.Callbacks, after);
        var report = await new ContactCenterRecovery(_store, after).RecoverAsync(restored);
        var withdrawn = Assert.Single(report.WithdrawnOffers);
        Assert.Equal((offered, CallbackState.Due, CallbackFixture.Start), (withdrawn.Id, withdrawn.State, withdrawn.QueuedSince));
        var session = Assert.Single(report.CallbacksInSession);
        Assert.Equal((dialled, CallbackState.InProgress, "bob"), (session.Id, session.State, session.AgentId));
        await restored.ExecuteAsync(dialled, static c => c.RecordResult(CallbackAttemptResult.Reached));
        await restored.ExecuteAsync(dialled, static c => c.MarkDone());
        Assert.Equal(CallbackState.Completed, (await _store.Callbacks.FindAsync(dialled))!.Snapshot.State);
    }

    [Fact]
    public async Task Campaigns_come_back_with_their_records_and_calls_in_progress_are_listed()
    {
        var f = new CampaignFixture();
        var campaign = f.Running(CampaignFixture.Simple(3), DeliveryMode.Progressive, null, false, "alice");
        var tasks = campaign.TakeRecords(2);
        campaign.RecordCallResult(tasks[0].RecordId, CampaignCallResult.Busy);
        await _store.Campaigns.AddAsync(campaign.ToSnapshot(), campaign.List, campaign.SnapshotRecords());

        var after = new VirtualTimeSource(f.Time.Now + Duration.FromMinutes(1));
        using var callbacks = new DurableCallbacks(_store.Callbacks, after);
        var report = await new ContactCenterRecovery(_store, after).RecoverAsync(callbacks);
        var restored = Assert.Single(report.Campaigns);
        Assert.Equal(1, restored.Version);
        Assert.Equal(3, restored.RecordVersions.Count);
        Assert.Equal(CampaignState.Running, restored.Campaign.State);
        Assert.Equal(campaign.Records.Select(static r => r.State), restored.Campaign.Records.Select(static r => r.State));
        Assert.Equal(CampaignCallResult.Busy, restored.Campaign.GetRecord(tasks[0].RecordId).Attempts.Single().Result);
        Assert.Equal(tasks[1].RecordId, Assert.Single(report.RecordsInCall).Id);
    }

    [Fact]
    public async Task Interactions_of_a_dead_host_are_orphans_with_what_is_known_and_a_live_hosts_are_left_alone()
    {
        var now = CallbackFixture.Start;
        var mine = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33100000000") { AttachedData = new System.Collections.Generic.Dictionary<string, string> { ["account"] = "42" } });
        mine.Accept();
        mine.AddNote("Asked for a refund.");
        var expired = Interaction.Create(new InteractionSpec(MediaType.Chat, InteractionDirection.Inbound, "visitor"));
        var live = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33100000001"));
        await _store.Interactions.AddAsync(mine.Snapshot, new Claim("host-a", now + Duration.FromHours(1)), now);
        await _store.Interactions.AddAsync(expired.Snapshot, new Claim("host-b", now + Duration.FromMinutes(1)), now);
        await _store.Interactions.AddAsync(live.Snapshot, new Claim("host-c", now + Duration.FromHours(1)), now);

        var after = new VirtualTimeSource(now + Duration.FromMinutes(5));
        using var callbacks = new DurableCallbacks(_store.Callbacks, after);
        var report = await new ContactCenterRecovery(_store, after, new RecoveryOptions { HostId = "host-a" }).RecoverAsync(callbacks);

        Assert.Equal(1, report.LiveElsewhere);
        Assert.Equal(2, report.OrphanedInteractions.Count);
        var orphan = report.OrphanedInteractions.Single(o => o.LastKnown.Id == mine.Id);
        Assert.Equal((InteractionState.Talking, "host-a", now, 2L), (orphan.LastState, orphan.PreviousOwner, orphan.LastUpdatedAt, orphan.Version));
        Assert.Equal("Asked for a refund.", Assert.Single(orphan.LastKnown.Notes).Text);
        Assert.Equal("42", orphan.LastKnown.AttachedData["account"]);
        Assert.Equal("host-a", (await _store.Interactions.FindAsync(expired.Id))!.Owner.OwnerId);
        Assert.Equal("host-c", (await _store.Interactions.FindAsync(live.Id))!.Owner.OwnerId);

        // A person finishes the orphan: restore, end, mark done, save naming the version.
        var finishing = Interaction.Restore(orphan.LastKnown);
        finishing.Disconnect();
        finishing.MarkDone();
        await _store.Interactions.SaveAsync(finishing.Snapshot, orphan.Version, new Claim("host-a", after.Now), after.Now);
        Assert.Single(await _store.Interactions.ListInFlightAsync(0, 10), s => s.Snapshot.Id == live.Id);

        // A second host recovering at the same time cannot take the same orphans again.
        var second = await new ContactCenterRecovery(_store, after, new RecoveryOptions { HostId = "host-d" }).RecoverAsync(new DurableCallbacks(_store.Callbacks, after));
        Assert.Empty(second.OrphanedInteractions);
    }
}
