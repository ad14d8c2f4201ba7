using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

/// <summary>
/// <see cref="AgentInteractionLink"/>: the agent follows what its interactions do, on a virtual clock, one test per
/// rule.
/// </summary>
public sealed class AgentInteractionLinkTests
{
    private static readonly AgentOptions s_options = new()
    {
        MaxConsecutiveMissedOffers = 3,
        AfterCallWork = new AfterCallWorkPolicy
        {
            DefaultDuration = Duration.FromSeconds(30),
            DurationByQueue = new Dictionary<string, Duration> { ["support"] = Duration.FromSeconds(60) },
        },
    };

    [Fact]
    public void Accepting_the_offered_interaction_makes_the_agent_busy_with_it()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        using var link = AgentInteractionLink.Follow(f.Agent, call);

        call.Accept();

        Assert.Equal(AgentState.Busy, f.Agent.State);
        Assert.Null(f.Agent.Offer);
        var handled = Assert.Single(f.Agent.Interactions);
        Assert.Equal(call.Id, handled.InteractionId);
        Assert.Equal("support", handled.Queue);
        Assert.Equal(0, f.Agent.ConsecutiveMissedOffers);
    }

    [Fact]
    public void Rejecting_the_offered_interaction_returns_the_agent_to_ready_and_counts_a_missed_offer()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        using var link = AgentInteractionLink.Follow(f.Agent, call);

        call.Reject();

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Null(f.Agent.Offer);
        Assert.Equal(1, f.Agent.ConsecutiveMissedOffers);
        Assert.Equal(OfferOutcome.Rejected, Assert.Single(f.OfType<AgentOfferEnded>()).Outcome);
    }

    [Fact]
    public void An_abandoned_offer_releases_the_reservation_without_counting_a_missed_offer()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        using var link = AgentInteractionLink.Follow(f.Agent, call);

        Assert.True(call.OnNetworkEvent(NetworkEvent.RemoteHangUp)); // the caller hangs up while it rings

        Assert.Equal(InteractionState.Abandoned, call.State);
        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Null(f.Agent.Offer);
        Assert.Equal(0, f.Agent.ConsecutiveMissedOffers);
        Assert.Equal(OfferOutcome.Released, Assert.Single(f.OfType<AgentOfferEnded>()).Outcome);
    }

    [Fact]
    public void A_voice_call_ending_ends_the_agents_interaction_and_starts_after_call_work()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        using var link = AgentInteractionLink.Follow(f.Agent, call);
        call.Accept();
        f.Advance(120);

        Assert.True(call.OnNetworkEvent(NetworkEvent.RemoteHangUp));

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.Empty(f.Agent.Interactions);
        Assert.Equal(f.Time.Now + Duration.FromSeconds(60), f.Agent.AfterCallWorkEndsAt); // the "support" queue
        call.SetDisposition("Resolved");
        call.MarkDone(); // the interaction's wrap-up is independent: EndInteraction is not called again
        Assert.Single(f.OfType<AgentInteractionEnded>());
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        f.Advance(60);
        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.True(link.IsFollowing);
    }

    [Fact]
    public void A_chat_ending_does_not_start_after_call_work()
    {
        using var f = new AgentFixture(s_options).Ready();
        var chat = Offer(f, MediaType.Chat, reserve: true);
        using var link = AgentInteractionLink.Follow(f.Agent, chat);
        chat.Accept();
        Assert.Equal(AgentState.Busy, f.Agent.State);

        chat.Disconnect();

        Assert.Equal(InteractionState.Ended, chat.State);
        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Empty(f.OfType<AfterCallWorkStarted>());
        Assert.Single(f.OfType<AgentInteractionEnded>());
    }

    [Fact]
    public void The_interaction_events_correlation_id_is_carried_by_the_agents_events()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        var callEvents = new List<InteractionEvent>();
        using var recorder = call.Events.Subscribe(callEvents.Add);
        using var link = AgentInteractionLink.Follow(f.Agent, call);
        var accept = Guid.NewGuid();
        var hangUp = Guid.NewGuid();

        call.Accept(accept);
        call.Disconnect(hangUp);

        var changes = callEvents.OfType<InteractionStateChanged>().ToList();
        Assert.Equal([accept, hangUp], changes.Select(static e => e.CorrelationId));
        Assert.Equal(accept, Assert.Single(f.OfType<AgentInteractionStarted>()).CorrelationId);
        Assert.Equal(hangUp, Assert.Single(f.OfType<AgentInteractionEnded>()).CorrelationId);
        Assert.Equal(hangUp, Assert.Single(f.OfType<AfterCallWorkStarted>()).CorrelationId);
        Assert.All(
            f.OfType<AgentStateChanged>().Where(static e => e.Cause is AgentTrigger.AcceptOffer or AgentTrigger.EndInteraction),
            e => Assert.Contains(e.CorrelationId, new[] { accept, hangUp }));
    }

    [Fact]
    public void Disposing_the_link_stops_following()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        var link = AgentInteractionLink.Follow(f.Agent, call);

        link.Dispose();
        link.Dispose(); // idempotent
        call.Accept();

        Assert.False(link.IsFollowing);
        Assert.Null(link.Fault);
        Assert.Equal(AgentState.Reserved, f.Agent.State);
        Assert.Equal(call.Id, f.Agent.Offer?.InteractionId);
        Assert.Empty(f.Agent.Interactions);
    }

    [Fact]
    public void An_interaction_never_offered_to_the_agent_is_started_on_acceptance_with_the_given_queue()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: false); // no reservation: e.g. a direct call to the agent
        using var link = AgentInteractionLink.Follow(f.Agent, call, queue: "support");
        var accept = Guid.NewGuid();

        call.Accept(accept);

        Assert.Equal(AgentState.Busy, f.Agent.State);
        var handled = Assert.Single(f.Agent.Interactions);
        Assert.Equal(new AgentInteraction(call.Id, MediaType.Voice, "support"), handled);
        var started = Assert.Single(f.OfType<AgentStateChanged>(), static e => e.Current == AgentState.Busy);
        Assert.Equal(AgentTrigger.StartInteraction, started.Cause);
        Assert.Equal(accept, started.CorrelationId);

        call.Disconnect();
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.Equal(f.Time.Now + Duration.FromSeconds(60), f.Agent.AfterCallWorkEndsAt);
    }

    [Fact]
    public void The_handler_never_throws_when_the_agent_refuses()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.LogIn(); // NotReady: StartInteraction is refused
        var call = Offer(f, MediaType.Voice, reserve: false);
        using var link = AgentInteractionLink.Follow(f.Agent, call);
        var faults = new List<Exception>();
        using var other = call.Events.Subscribe(static _ => { }, faults.Add);

        var accepted = Record.Exception(() => call.Accept());
        var ended = Record.Exception(() => call.Disconnect());

        Assert.Null(accepted);
        Assert.Null(ended);
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal(AgentState.NotReady, f.Agent.State);
        Assert.Empty(f.Agent.Interactions);
        Assert.True(link.IsFollowing);
        Assert.Null(link.Fault);
        Assert.Empty(faults);
    }

    [Fact]
    public void The_handler_never_throws_when_the_agent_logged_out_meanwhile_and_keeps_following()
    {
        using var f = new AgentFixture(s_options).Ready();
        var first = Offer(f, MediaType.Voice, reserve: true);
        using var firstLink = AgentInteractionLink.Follow(f.Agent, first);
        f.Agent.ReleaseReservation(); // the router withdrew the offer on the agent's side only
        f.Agent.LogOut();             // and the agent logged out meanwhile

        Assert.Null(Record.Exception(() => first.Accept()));
        Assert.Null(Record.Exception(() => first.Disconnect()));
        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
        Assert.True(firstLink.IsFollowing);

        // A capacity refusal (an argument, which Can does not check) is swallowed too, and the link keeps following.
        f.Agent.LogIn();
        f.Agent.SetReady();
        var busy = Offer(f, MediaType.Voice, reserve: true);
        using var busyLink = AgentInteractionLink.Follow(f.Agent, busy);
        busy.Accept();
        var second = Offer(f, MediaType.Voice, reserve: false);
        using var secondLink = AgentInteractionLink.Follow(f.Agent, second);

        Assert.Null(Record.Exception(() => second.Accept())); // voice capacity is 1: StartInteraction is refused
        Assert.True(secondLink.IsFollowing);
        Assert.Equal(busy.Id, Assert.Single(f.Agent.Interactions).InteractionId);

        busy.Disconnect();
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.True(busyLink.IsFollowing);
    }

    [Fact]
    public void A_faulting_agent_subscriber_does_not_detach_the_link()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: true);
        using var link = AgentInteractionLink.Follow(f.Agent, call);
        using var faulty = f.Agent.Events.Subscribe(static _ => throw new InvalidOperationException("a defect"), static _ => { });

        Assert.Null(Record.Exception(() => call.Accept()));

        Assert.True(link.IsFollowing);
        Assert.Null(link.Fault);
        Assert.Equal(AgentState.Busy, f.Agent.State);
    }

    [Fact]
    public void Follow_rejects_null_arguments()
    {
        using var f = new AgentFixture(s_options).Ready();
        var call = Offer(f, MediaType.Voice, reserve: false);

        Assert.Throws<ArgumentNullException>(() => AgentInteractionLink.Follow(null!, call));
        Assert.Throws<ArgumentNullException>(() => AgentInteractionLink.Follow(f.Agent, null!));
    }

    private static Interaction Offer(AgentFixture f, MediaType media, bool reserve)
    {
        var interaction = Interaction.Create(
            new InteractionSpec(media, InteractionDirection.Inbound, "+33 1 23 45 67 89") { AgentAddress = f.Agent.Id },
            new InteractionOptions { TimeSource = f.Time, Dispositions = ["Resolved"] });
        if (reserve)
        {
            f.Agent.Reserve(interaction.Id, media, "support");
        }

        return interaction;
    }
}
