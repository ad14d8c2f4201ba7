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
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

/// <summary>
/// Runs apart from <see cref="ObservabilityGuideExampleTests"/>, whose listener enables every meter of the SDK's name:
/// these tests check what is enabled and what a measurement allocates.
/// </summary>
[Collection(MeterListenerGroup.Name)]
public class ContactCenterTelemetryTests
{
    private static readonly ContactNumber s_home = new(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);

    [Fact]
    public void Agents_are_counted_per_state_when_collected()
    {
        using var fixture = new TelemetryFixture();
        var agents = fixture.Get<AgentFactory>();
        var alice = agents.Create("alice");
        agents.Create("bob");
        alice.LogIn();

        var counts = fixture.Observe(ContactCenterInstruments.AgentCount);

        Assert.Equal(Enum.GetValues<AgentState>().Length, counts.Count);
        Assert.Equal(1, Single(counts, ContactCenterTags.AgentState, "LoggedOut").Value);
        Assert.Equal(1, Single(counts, ContactCenterTags.AgentState, "NotReady").Value);
        Assert.Equal(0, Single(counts, ContactCenterTags.AgentState, "Ready").Value);
        GC.KeepAlive(alice);
    }

    [Fact]
    public void Agent_transitions_are_counted_with_both_states()
    {
        using var fixture = new TelemetryFixture();
        var agent = fixture.Get<AgentFactory>().Create("alice");

        agent.LogIn();
        agent.SetReady();

        var transitions = fixture.Of(ContactCenterInstruments.AgentTransitions);
        Assert.Equal(2, transitions.Count);
        Assert.Equal(("LoggedOut", "NotReady"), (transitions[0].Tag(ContactCenterTags.AgentPreviousState), transitions[0].Tag(ContactCenterTags.AgentState)));
        Assert.Equal(("NotReady", "Ready"), (transitions[1].Tag(ContactCenterTags.AgentPreviousState), transitions[1].Tag(ContactCenterTags.AgentState)));
    }

    [Fact]
    public void Open_interactions_are_counted_per_state_and_medium_and_closed_ones_are_forgotten()
    {
        using var fixture = new TelemetryFixture();
        var interactions = fixture.Get<InteractionFactory>();
        var call = interactions.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33612345678"));
        var chat = interactions.Create(new InteractionSpec(MediaType.Chat, InteractionDirection.Inbound, "visitor-7"));
        call.Accept();
        chat.Reject();
        var transition = Assert.Single(fixture.Of(ContactCenterInstruments.InteractionTransitions), m => m.Tag(ContactCenterTags.InteractionMedia) == "Chat");

        var counts = fixture.Observe(ContactCenterInstruments.InteractionCount);

        Assert.Equal(1, counts.Single(m => m.Tag(ContactCenterTags.InteractionState) == "Talking" && m.Tag(ContactCenterTags.InteractionMedia) == "Voice").Value);
        Assert.Equal(1, counts.Sum(m => m.Value));
        Assert.DoesNotContain(counts, m => m.Tag(ContactCenterTags.InteractionState) is "Rejected" or "Done" or "Abandoned");
        Assert.Equal(("Offered", "Rejected"), (transition.Tag(ContactCenterTags.InteractionPreviousState), transition.Tag(ContactCenterTags.InteractionState)));
        GC.KeepAlive(call);
    }

    [Fact]
    public void Calls_placed_are_counted_for_campaigns_and_callbacks()
    {
        using var fixture = new TelemetryFixture(b => b.AddComplianceProfile(DialingComplianceProvider.DefaultProfileName, new ComplianceProfile([])));
        var campaign = fixture.Get<CampaignFactory>().Create("c1", "Winter", new CallingList("list",
        [
            new CallingRecordData("r1", "Contact r1", [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+33612345678"), PhoneNumberType.Mobile))]),
        ]), DeliveryMode.Progressive);
        campaign.Start();
        Assert.True(campaign.TryTakeNextRecord(out _));

        var callback = fixture.Get<CallbackFactory>().Create(new AsapCallbackRequest(s_home));
        callback.Offer("alice", InteractionId.New());
        callback.Accept();
        callback.Dial();

        var placed = fixture.Of(ContactCenterInstruments.CallsPlaced);
        Assert.Equal(2, placed.Count);
        Assert.Equal(("campaign", "Progressive"), (placed[0].Tag(ContactCenterTags.CallOrigin), placed[0].Tag(ContactCenterTags.DeliveryMode)));
        Assert.Equal("callback", placed[1].Tag(ContactCenterTags.CallOrigin));
        var campaignTransition = Assert.Single(fixture.Of(ContactCenterInstruments.CampaignTransitions));
        Assert.Equal("Running", campaignTransition.Tag(ContactCenterTags.CampaignState));
        Assert.Contains(fixture.Of(ContactCenterInstruments.CallbackTransitions), m => m.Tag(ContactCenterTags.CallbackState) == "InProgress");
    }

    [Fact]
    public void The_callback_queue_length_is_read_from_the_dispatcher()
    {
        using var fixture = new TelemetryFixture();
        var callbacks = fixture.Get<CallbackFactory>();
        callbacks.Submit(new AsapCallbackRequest(s_home));
        callbacks.Submit(new ScheduledCallbackRequest(s_home, TelemetryFixture.Start + Duration.FromHours(1)));

        Assert.Equal(1, Assert.Single(fixture.Observe(ContactCenterInstruments.CallbackQueueLength)).Value);
        fixture.Time.AdvanceBy(Duration.FromHours(1));
        Assert.Equal(2, Assert.Single(fixture.Observe(ContactCenterInstruments.CallbackQueueLength)).Value);
    }

    [Fact]
    public void Abandon_rates_are_read_from_the_statistics_of_the_pacing_factory()
    {
        using var fixture = new TelemetryFixture();
        var statistics = fixture.Get<PacingFactory>().CreateStatistics("c1");
        var now = fixture.Time.Now;
        statistics.CallPlaced(1, now);
        statistics.CallPlaced(2, now);
        statistics.CallAnsweredLive(1, now + Duration.FromSeconds(5));
        statistics.CallAnsweredLive(2, now + Duration.FromSeconds(5));
        statistics.CallAbandoned(1, now + Duration.FromSeconds(9));
        statistics.CallAbandoned(2, now + Duration.FromSeconds(9));

        var rates = fixture.Observe(ContactCenterInstruments.AbandonRate);

        Assert.Equal(2, rates.Count);
        Assert.All(rates, m => Assert.Equal("c1", m.Tag(ContactCenterTags.CampaignId)));
        Assert.Equal(1d, rates.Single(m => m.Tag(ContactCenterTags.AbandonWindow) == "campaign").Value);
        Assert.Equal(1d, rates.Single(m => m.Tag(ContactCenterTags.AbandonWindow) == "recent").Value);
        GC.KeepAlive(statistics);
    }

    [Fact]
    public void Refused_commands_are_counted_by_aggregate_and_command()
    {
        using var fixture = new TelemetryFixture();
        var agent = fixture.Get<AgentFactory>().Create("alice");

        Assert.Throws<AgentCommandRefusedException>(() => agent.SetReady());

        var refusal = Assert.Single(fixture.Of(ContactCenterInstruments.CommandRefusals));
        Assert.Equal(("agent", "SetReady"), (refusal.Tag(ContactCenterTags.Aggregate), refusal.Tag(ContactCenterTags.Command)));
    }

    [Fact]
    public void Slot_queries_are_counted_and_timed()
    {
        using var fixture = new TelemetryFixture();
        var query = SlotQuery.Create("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00")), "Europe/Paris") with { HorizonDays = 2 };

        var result = fixture.Get<SlotCalculator>().Calculate(query, fixture.Get<SlotBook>());

        Assert.NotEmpty(result.Slots);
        Assert.Equal("found", Assert.Single(fixture.Of(ContactCenterInstruments.SlotQueries)).Tag(ContactCenterTags.SlotOutcome));
        Assert.True(Assert.Single(fixture.Of(ContactCenterInstruments.SlotQueryDuration)).Value >= 0d);
    }

    [Fact]
    public void Without_a_listener_no_counter_is_enabled()
    {
        using var fixture = new TelemetryFixture(listen: false);
        var telemetry = fixture.Get<ContactCenterTelemetry>();
        fixture.Get<AgentFactory>().Create("alice").LogIn();

        Assert.False(telemetry.AgentTransitions.Enabled);
        Assert.False(telemetry.CallsPlaced.Enabled);
        Assert.False(telemetry.SlotQueryDuration.Enabled);
        Assert.Empty(fixture.Measurements);
    }

    [Fact]
    public void Measuring_a_transition_allocates_nothing()
    {
        using var fixture = new TelemetryFixture(listen: false);
        var telemetry = fixture.Get<ContactCenterTelemetry>();
        var state = new EnumTags(ContactCenterTags.AgentState, typeof(AgentState));
        var previous = new EnumTags(ContactCenterTags.AgentPreviousState, typeof(AgentState));
        long total = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, telemetry.AgentTransitions))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => System.Threading.Interlocked.Add(ref total, value));
        listener.Start();
        telemetry.AgentTransitions.Add(1, state[1], previous[0]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (telemetry.AgentTransitions.Enabled)
            {
                telemetry.AgentTransitions.Add(1, state[i % 7], previous[(i + 1) % 7]);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1001, System.Threading.Interlocked.Read(ref total));
        Assert.Equal(0, allocated);
    }

    private static RecordedMeasurement Single(System.Collections.Generic.List<RecordedMeasurement> measurements, string tag, string value) =>
        Assert.Single(measurements, m => m.Tag(tag) == value);
}
