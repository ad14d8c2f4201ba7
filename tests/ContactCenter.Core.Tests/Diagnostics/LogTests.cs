using System;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using Microsoft.Extensions.Logging;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

public class LogTests
{
    [Fact]
    public void Agent_state_changes_are_logged_at_debug_and_refusals_at_information()
    {
        using var fixture = new TelemetryFixture();
        var agent = fixture.Get<AgentFactory>().Create("alice");

        agent.LogIn();
        Assert.Throws<AgentCommandRefusedException>(() => agent.LogIn());

        var changed = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.AgentStateChanged));
        Assert.Equal((LogLevel.Debug, "ContactCenter.Core.Agents", "AgentStateChanged"), (changed.Level, changed.Category, changed.EventName));
        Assert.Equal("alice", changed.Values["AgentId"]);
        Assert.Equal("NotReady", changed.Values["State"]);
        Assert.Equal("LoggedIn", changed.Values["NotReadyReason"]);
        var refused = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.AgentCommandRefused));
        Assert.Equal(LogLevel.Information, refused.Level);
        Assert.Equal("LogIn", refused.Values["Command"]);
        Assert.Contains("already logged in", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missed_offers_are_logged()
    {
        using var fixture = new TelemetryFixture();
        var agent = fixture.Get<AgentFactory>().Create("alice");
        agent.LogIn();
        agent.SetReady();
        agent.Reserve(InteractionId.New(), MediaType.Voice);

        agent.RejectOffer();

        var ended = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.AgentOfferEnded));
        Assert.Equal("Rejected", ended.Values["Outcome"]);
        Assert.Equal("1", ended.Values["ConsecutiveMissedOffers"]);
    }

    [Fact]
    public void Interaction_changes_and_refusals_are_logged_and_DTMF_digits_never_are()
    {
        using var fixture = new TelemetryFixture();
        var call = fixture.Get<InteractionFactory>().Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33612345678"));

        call.Accept();
        call.SendDtmf("4970123456789012");
        Assert.Throws<InteractionCommandRefusedException>(() => call.Resume());

        Assert.Contains(fixture.Logs.WithId(ContactCenterLogEvents.InteractionStateChanged), e => e.Values["State"] == "Talking" && e.Values["Media"] == "Voice");
        var dtmf = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.DtmfSent));
        Assert.Equal("16", dtmf.Values["DigitCount"]);
        Assert.Equal(LogLevel.Information, Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.InteractionCommandRefused)).Level);
        Assert.All(fixture.Logs.Entries, e => Assert.DoesNotContain("0123", e.Message, StringComparison.Ordinal));
        Assert.All(fixture.Logs.Entries, e => Assert.DoesNotContain("12345", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Callbacks_falling_due_queued_offered_and_dialled_are_logged()
    {
        using var fixture = new TelemetryFixture();
        var agent = fixture.Get<AgentFactory>().Create("alice", new AgentOptions { Features = AgentFeatures.Callbacks });
        agent.LogIn();
        agent.SetReady();
        var callbacks = fixture.Get<CallbackFactory>();
        callbacks.Dispatcher.RegisterAgent(agent);
        var callback = callbacks.Submit(new ScheduledCallbackRequest(new ContactNumber(PhoneNumber.Parse("+33612345678")), TelemetryFixture.Start + Duration.FromMinutes(5)));

        fixture.Time.AdvanceBy(Duration.FromMinutes(5));
        agent.AcceptOffer();
        callback.Dial();

        Assert.Equal(callback.Id.ToString(), Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallbackDue)).Values["CallbackId"]);
        Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallbackQueued));
        Assert.Equal("alice", Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallbackOfferedToAgent)).Values["AgentId"]);
        Assert.Equal("1", Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallbackDialled)).Values["Attempt"]);
        Assert.Contains(fixture.Logs.WithId(ContactCenterLogEvents.CallbackStateChanged), e => e.Values["State"] == "InProgress");
        Assert.All(fixture.Logs.Entries, e => Assert.DoesNotContain("345678", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Campaign_changes_calls_and_compliance_holds_are_logged()
    {
        // 21:00 UTC is 22:00 in Paris, where the French solicitation window is closed, and 15:00 in Chicago.
        using var fixture = new TelemetryFixture(b => b.UseVirtualTime(Instant.FromUtc(2026, 11, 23, 21, 0)));
        var list = new CallingList("list",
        [
            new CallingRecordData("paris", "Contact", [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+33612345678"), PhoneNumberType.Mobile))]),
            new CallingRecordData("chicago", "Contact", [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+13125550142"), PhoneNumberType.Mobile))]),
        ]);
        var campaign = fixture.Get<CampaignFactory>().Create("c1", "Winter", list, DeliveryMode.Progressive);
        campaign.Start();

        Assert.True(campaign.TryTakeNextRecord(out var task));
        campaign.RecordCallResult(task!.RecordId, CampaignCallResult.Busy);
        Assert.Throws<CampaignCommandRefusedException>(() => campaign.Start());

        Assert.Equal("Running", Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CampaignStateChanged)).Values["State"]);
        Assert.Equal("chicago", Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallingRecordDialled)).Values["RecordId"]);
        var waiting = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallingRecordWaiting));
        Assert.Equal(("paris", LogLevel.Information), (waiting.Values["RecordId"], waiting.Level));
        Assert.Contains("not dialable", waiting.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CampaignCommandRefused));
        Assert.All(fixture.Logs.Entries, e => Assert.DoesNotContain("2345678", e.Message, StringComparison.Ordinal));
        Assert.All(fixture.Logs.Entries, e => Assert.DoesNotContain("5550142", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Refused_calling_record_commands_are_logged()
    {
        using var fixture = new TelemetryFixture(b => b.AddComplianceProfile(DialingComplianceProvider.DefaultProfileName, new ComplianceProfile([])));
        var list = new CallingList("list", [new CallingRecordData("r1", "Contact", [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+13125550142")))])]);
        var campaign = fixture.Get<CampaignFactory>().Create("c1", "Winter", list, DeliveryMode.Progressive);
        campaign.Start();

        Assert.Throws<CallingRecordCommandRefusedException>(() => campaign.Complete("r1"));

        var refused = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.CallingRecordCommandRefused));
        Assert.Equal(("r1", "Complete"), (refused.Values["RecordId"], refused.Values["Command"]));
    }

    [Fact]
    public void Pacing_decisions_are_logged_at_trace()
    {
        using var fixture = new TelemetryFixture();
        var pacing = fixture.Get<PacingFactory>();
        var statistics = pacing.CreateStatistics("c1");
        statistics.AgentLoggedIn(1, PacingAgentState.Free, TelemetryFixture.Start);

        var decision = pacing.CreateStrategy(DeliveryMode.Progressive).Decide(statistics, TelemetryFixture.Start);

        var logged = Assert.Single(fixture.Logs.WithId(ContactCenterLogEvents.PacingDecision));
        Assert.Equal((LogLevel.Trace, "ContactCenter.Core.Pacing"), (logged.Level, logged.Category));
        Assert.Equal(("progressive", "1", "1"), (logged.Values["Strategy"], logged.Values["Count"], logged.Values["FreeAgents"]));
        Assert.Equal(1, decision.Count);
    }

    [Fact]
    public void Every_event_id_is_unique_and_in_its_area()
    {
        var ids = typeof(ContactCenterLogEvents).GetFields().Select(f => (f.Name, Id: (int)f.GetValue(null)!)).ToList();

        Assert.Equal(ids.Count, ids.Select(i => i.Id).Distinct().Count());
        Assert.All(ids.Where(i => i.Name.StartsWith("Agent", StringComparison.Ordinal)), i => Assert.InRange(i.Id, 1000, 1999));
        Assert.All(ids.Where(i => i.Name.StartsWith("Callback", StringComparison.Ordinal)), i => Assert.InRange(i.Id, 3000, 3999));
        Assert.All(ids.Where(i => i.Name.StartsWith("Pacing", StringComparison.Ordinal)), i => Assert.InRange(i.Id, 5000, 5999));
        Assert.All(ids.Where(i => i.Name.StartsWith("Recovery", StringComparison.Ordinal)), i => Assert.InRange(i.Id, 6000, 6999));
    }
}
