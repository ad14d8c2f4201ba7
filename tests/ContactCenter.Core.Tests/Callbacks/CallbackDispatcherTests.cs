using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackDispatcherTests : IDisposable
{
    private static readonly Duration s_tick = Duration.FromTicks(1);

    private static readonly AgentOptions s_withCallbacks = new()
    {
        Features = AgentFeatures.Callbacks,
        MaxConsecutiveMissedOffers = 0,
        AfterCallWork = new AfterCallWorkPolicy { DefaultDuration = Duration.Zero },
    };

    private readonly VirtualTimeSource _time = new(CallbackFixture.Start);
    private readonly CallbackDispatcher _dispatcher;
    private readonly List<CallbackDispatchEvent> _events = [];
    private readonly IDisposable _subscription;

    public CallbackDispatcherTests()
    {
        _dispatcher = new CallbackDispatcher(_time, new CallbackOptions
        {
            OfferTimeout = Duration.FromSeconds(20),
            PreferredAgentTimeout = Duration.FromSeconds(60),
            RetryDelay = Duration.FromMinutes(10),
        });
        _subscription = _dispatcher.Events.Subscribe(new Recorder<CallbackDispatchEvent>(_events));
    }

    [Fact]
    public void A_due_callback_is_offered_to_a_ready_agent_with_the_callback_feature_and_accepted_through_the_agent()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home) { Queue = "support" });

        Assert.Equal(CallbackState.Offered, callback.State);
        Assert.Equal(AgentState.Reserved, alice.State);
        var offer = alice.Offer!;
        Assert.Equal((MediaType.Callback, "support", _time.Now + Duration.FromSeconds(20)), (offer.Media, offer.Queue, offer.ExpiresAt));
        Assert.Equal(new CallbackOffer("alice", offer.InteractionId, _time.Now), callback.CurrentOffer);

        alice.AcceptOffer();

        Assert.Equal(CallbackState.Accepted, callback.State);
        Assert.Equal(AgentState.Busy, alice.State);
        Assert.Empty(_dispatcher.Queue);
        Assert.Equal([typeof(CallbackQueued), typeof(CallbackOfferedToAgent), typeof(CallbackAssigned)], _events.Select(static e => e.GetType()));
        var offered = (CallbackOfferedToAgent)_events[1];
        Assert.Equal(("alice", offer.InteractionId, CallbackRoute.AnyAgent), (offered.AgentId, offered.InteractionId, offered.Route));
        Assert.Equal("alice", ((CallbackAssigned)_events[2]).AgentId);
        Assert.Equal([1L, 2L, 3L], _events.Select(static e => e.Sequence));
        Assert.All(_events, e => Assert.Equal(callback.Id, e.CallbackId));
    }

    [Fact]
    public void Follows_a_callback_from_when_it_is_added_until_it_is_over()
    {
        var callback = Callback.Create(new AsapCallbackRequest(CallbackFixture.Home), _dispatcher.Options, _time);
        Assert.False(_dispatcher.Follows(callback.Id));

        _dispatcher.Add(callback);
        Assert.True(_dispatcher.Follows(callback.Id));

        callback.Cancel();
        Assert.False(_dispatcher.Follows(callback.Id));
    }

    [Fact]
    public void An_agent_without_the_callback_feature_never_receives_a_callback()
    {
        var plain = ReadyAgent("plain", new AgentOptions());
        var personal = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home) { Ownership = CallbackOwnership.Personal("plain") });
        var preferred = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home) { PreferredAgentId = "plain" });
        var shared = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        _time.AdvanceBy(Duration.FromMinutes(5));

        Assert.Equal(AgentState.Ready, plain.State);
        Assert.All([personal, preferred, shared], c => Assert.Equal(CallbackState.Due, c.State));
        Assert.Empty(_events.OfType<CallbackOfferedToAgent>());
        Assert.Equal(3, _dispatcher.Queue.Count);
    }

    [Fact]
    public void Due_callbacks_are_ordered_by_original_enqueue_instant_not_by_creation()
    {
        var asap = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));
        _time.AdvanceBy(Duration.FromMinutes(1));
        var voice = _dispatcher.Submit(new VoiceMessageCallbackRequest(CallbackFixture.Home, CallbackFixture.Start - Duration.FromMinutes(4)));
        var later = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        Assert.Equal([voice, asap, later], _dispatcher.Queue.Select(static e => e.Callback));
        Assert.Equal([1, 2, 3], _dispatcher.Queue.Select(static e => e.Position));
        Assert.Equal(CallbackFixture.Start - Duration.FromMinutes(4), _dispatcher.Queue[0].QueuedSince);

        var alice = ReadyAgent("alice");
        Assert.Equal(CallbackState.Offered, voice.State);
        Assert.Equal(CallbackState.Due, asap.State);
        alice.AcceptOffer();
        var bob = ReadyAgent("bob");
        Assert.Equal(CallbackState.Offered, asap.State);
        Assert.Equal("bob", asap.AgentId);
        Assert.Equal(CallbackState.Due, later.State);
        Assert.Equal(AgentState.Reserved, bob.State);
    }

    [Fact]
    public void Callbacks_due_at_the_same_instant_keep_the_order_in_which_they_became_due()
    {
        var at = _time.Now + Duration.FromMinutes(5);
        var first = _dispatcher.Submit(new ScheduledCallbackRequest(CallbackFixture.Home, at));
        var second = _dispatcher.Submit(new ScheduledCallbackRequest(CallbackFixture.Home, at));
        var third = _dispatcher.Submit(new ScheduledCallbackRequest(CallbackFixture.Home, at));

        _time.AdvanceBy(Duration.FromMinutes(5));

        Assert.Equal([first, second, third], _dispatcher.Queue.Select(static e => e.Callback));
    }

    [Fact]
    public void A_scheduled_callback_is_queued_and_offered_when_its_timer_fires()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now + Duration.FromMinutes(30)));
        Assert.Empty(_dispatcher.Queue);
        Assert.Equal(AgentState.Ready, alice.State);

        _time.AdvanceBy(Duration.FromMinutes(30));

        Assert.Equal(CallbackState.Offered, callback.State);
        Assert.Equal(AgentState.Reserved, alice.State);
    }

    [Fact]
    public void A_callback_waits_for_its_preferred_agent_until_exactly_the_timeout_then_goes_to_any_agent()
    {
        var preferred = BusyAgent("pref");
        var other = ReadyAgent("other");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home) { PreferredAgentId = "pref" });
        Assert.Equal("pref", Assert.Single(_dispatcher.Queue).WaitingFor);

        _time.AdvanceBy(Duration.FromSeconds(60) - s_tick);
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(AgentState.Ready, other.State);

        _time.AdvanceBy(s_tick);
        Assert.Equal(CallbackState.Offered, callback.State);
        Assert.Equal("other", callback.AgentId);
        Assert.Equal(AgentState.Busy, preferred.State);
        var ended = Assert.Single(_events.OfType<PreferredAgentWaitEnded>());
        Assert.Equal(("pref", _time.Now), (ended.PreferredAgentId, ended.At));
        Assert.Equal(CallbackRoute.AnyAgent, _events.OfType<CallbackOfferedToAgent>().Single().Route);
    }

    [Fact]
    public void The_preferred_agent_gets_the_callback_when_it_becomes_ready_during_the_wait()
    {
        var preferred = NotReadyAgent("pref");
        ReadyAgent("other");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home) { PreferredAgentId = "pref" });
        _time.AdvanceBy(Duration.FromSeconds(30));

        preferred.SetReady();

        Assert.Equal("pref", callback.AgentId);
        Assert.Equal(CallbackRoute.PreferredAgent, _events.OfType<CallbackOfferedToAgent>().Single().Route);
    }

    [Fact]
    public void A_callback_waiting_for_its_preferred_agent_does_not_hold_up_the_callbacks_behind_it()
    {
        BusyAgent("pref");
        var other = ReadyAgent("other");
        var waiting = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home) { PreferredAgentId = "pref" });
        var behind = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        Assert.Equal(CallbackState.Due, waiting.State);
        Assert.Equal(CallbackState.Offered, behind.State);
        Assert.Equal("other", behind.AgentId);
        Assert.Equal(AgentState.Reserved, other.State);
    }

    [Fact]
    public void The_preferred_wait_is_measured_from_when_the_callback_became_due()
    {
        BusyAgent("pref");
        ReadyAgent("other");
        var callback = _dispatcher.Submit(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now + Duration.FromMinutes(10)) { PreferredAgentId = "pref" });

        _time.AdvanceBy(Duration.FromMinutes(10) + Duration.FromSeconds(59));
        Assert.Equal(CallbackState.Due, callback.State);
        _time.AdvanceBy(Duration.FromSeconds(1));
        Assert.Equal("other", callback.AgentId);
    }

    [Fact]
    public void A_personal_callback_is_only_ever_offered_to_its_owner()
    {
        var owner = BusyAgent("owner");
        var other = ReadyAgent("other");
        var callback = _dispatcher.Submit(new CampaignCallbackRequest(CallbackFixture.Home, "c1", _time.Now) { Ownership = CallbackOwnership.Personal("owner") });

        _time.AdvanceBy(Duration.FromHours(1));
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(AgentState.Ready, other.State);
        Assert.Equal("owner", _dispatcher.Queue.Single().WaitingFor);

        owner.EndInteraction(owner.Interactions[0].InteractionId);

        Assert.Equal("owner", callback.AgentId);
        Assert.Equal(CallbackRoute.Owner, _events.OfType<CallbackOfferedToAgent>().Single().Route);
    }

    [Fact]
    public void A_rejected_offer_puts_the_callback_back_in_its_position_and_another_agent_gets_it_first()
    {
        var alice = ReadyAgent("alice");
        _time.AdvanceBy(Duration.FromSeconds(1));
        var bob = ReadyAgent("bob");
        var waiting = _dispatcher.Submit(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now - Duration.FromMinutes(1)) { Ownership = CallbackOwnership.Personal("carol") });
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));
        Assert.Equal("alice", callback.AgentId);
        var queuedSince = callback.QueuedSince;

        alice.RejectOffer();

        Assert.Equal(queuedSince, callback.QueuedSince);
        Assert.Equal("bob", callback.AgentId);
        Assert.Equal([waiting, callback], _dispatcher.Queue.Select(static e => e.Callback));
        var returned = Assert.Single(_events.OfType<CallbackOfferReturned>());
        Assert.Equal(("alice", CallbackOfferOutcome.Declined), (returned.AgentId, returned.Outcome));

        bob.RejectOffer();

        // The agent who declined last comes after the others, not never: alice (who declined before) gets it.
        Assert.Equal("alice", callback.AgentId);
        Assert.Equal(AgentState.Ready, bob.State);
    }

    [Fact]
    public void An_offer_that_times_out_on_the_agent_returns_the_callback_to_the_queue()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        _time.AdvanceBy(Duration.FromSeconds(20));

        var ended = Assert.Single(_events.OfType<CallbackOfferReturned>());
        Assert.Equal(CallbackOfferOutcome.TimedOut, ended.Outcome);
        Assert.Equal(CallbackState.Offered, callback.State);
        Assert.Equal(AgentState.Reserved, alice.State);
        Assert.Equal(2, _events.OfType<CallbackOfferedToAgent>().Count());
    }

    [Fact]
    public void Cancelling_an_offered_callback_releases_the_agent()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        callback.Cancel();

        Assert.Equal(AgentState.Ready, alice.State);
        Assert.Null(alice.Offer);
        Assert.Empty(_dispatcher.Queue);
        Assert.Empty(_dispatcher.Callbacks);
        Assert.Equal(CallbackState.Cancelled, Assert.Single(_events.OfType<CallbackDequeued>()).State);
    }

    [Fact]
    public void A_callback_whose_window_ends_in_the_queue_leaves_it()
    {
        var callback = _dispatcher.Submit(new WebCallbackRequest(CallbackFixture.Home, new Interval(_time.Now, _time.Now + Duration.FromMinutes(15))));

        _time.AdvanceBy(Duration.FromMinutes(15));

        Assert.Equal(CallbackState.Failed, callback.State);
        Assert.Empty(_dispatcher.Queue);
        Assert.Equal(CallbackState.Failed, Assert.Single(_events.OfType<CallbackDequeued>()).State);
    }

    [Fact]
    public void A_retried_callback_is_queued_again_when_its_retry_is_due()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));
        var interaction = alice.Offer!.InteractionId;
        alice.AcceptOffer();
        callback.Dial();
        callback.RecordResult(CallbackAttemptResult.NoAnswer);
        callback.MarkDone();
        alice.EndInteraction(interaction);
        Assert.Equal(AgentState.Ready, alice.State);
        Assert.Equal(CallbackState.Scheduled, callback.State);

        _time.AdvanceBy(Duration.FromMinutes(10));

        Assert.Equal(CallbackState.Offered, callback.State);
        Assert.Equal(2, callback.AttemptNumber);
        Assert.Equal(2, _events.OfType<CallbackQueued>().Count());
    }

    [Fact]
    public void Shared_campaign_callbacks_go_only_to_agents_of_the_campaign()
    {
        var outsider = ReadyAgent("outsider", campaigns: ["winter"]);
        var callback = _dispatcher.Submit(new CampaignCallbackRequest(CallbackFixture.Home, "spring", _time.Now));
        Assert.Equal(AgentState.Ready, outsider.State);
        Assert.Equal(CallbackState.Due, callback.State);

        var member = ReadyAgent("member", campaigns: ["spring"]);

        Assert.Equal("member", callback.AgentId);
        Assert.Equal(AgentState.Reserved, member.State);
    }

    [Fact]
    public void An_agent_logging_out_while_reserved_gives_the_callback_back()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        alice.LogOut();
        _time.AdvanceBy(alice.Options.LogoutDeadline);

        Assert.Equal(AgentState.LoggedOut, alice.State);
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(CallbackOfferOutcome.Withdrawn, Assert.Single(_events.OfType<CallbackOfferReturned>()).Outcome);
    }

    [Fact]
    public void Unregistering_an_agent_withdraws_its_pending_offer_and_releases_it()
    {
        var alice = ReadyAgent("alice");
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        Assert.True(_dispatcher.UnregisterAgent("alice"));

        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(AgentState.Ready, alice.State);
        Assert.Empty(_dispatcher.AgentIds);
        Assert.False(_dispatcher.UnregisterAgent("alice"));
        _time.AdvanceBy(Duration.FromMinutes(1));
        Assert.Equal(CallbackState.Due, callback.State);
    }

    [Fact]
    public void Adding_twice_a_terminal_callback_or_an_agent_twice_is_refused()
    {
        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));
        Assert.Throws<ArgumentException>(() => _dispatcher.Add(callback));
        var cancelled = Callback.Create(new AsapCallbackRequest(CallbackFixture.Home), null, _time);
        cancelled.Cancel();
        Assert.Throws<ArgumentException>(() => _dispatcher.Add(cancelled));
        var alice = ReadyAgent("alice");
        Assert.Throws<ArgumentException>(() => _dispatcher.RegisterAgent(alice));
        Assert.Throws<ArgumentNullException>(() => _dispatcher.Add(null!));
    }

    [Fact]
    public void A_callback_created_elsewhere_can_be_added_and_is_dispatched()
    {
        var alice = ReadyAgent("alice");
        var callback = Callback.Create(new AsapCallbackRequest(CallbackFixture.Home), null, _time);

        _dispatcher.Add(callback);

        Assert.Equal([callback], _dispatcher.Callbacks);
        Assert.Equal("alice", callback.AgentId);
        Assert.Equal(AgentState.Reserved, alice.State);
    }

    [Fact]
    public void A_throwing_subscriber_does_not_stop_dispatching()
    {
        using var faulty = _dispatcher.Events.Subscribe(new ThrowingObserver());
        var alice = ReadyAgent("alice");

        var callback = _dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));

        Assert.Equal(CallbackState.Offered, callback.State);
        Assert.Equal(AgentState.Reserved, alice.State);
        Assert.Equal(2, _events.Count);
    }

    [Fact]
    public void After_dispose_the_dispatcher_offers_nothing_and_refuses_new_work()
    {
        var alice = ReadyAgent("alice");
        _dispatcher.Dispose();
        var callback = Callback.Create(new AsapCallbackRequest(CallbackFixture.Home), null, _time);

        Assert.Throws<ObjectDisposedException>(() => _dispatcher.Add(callback));
        Assert.Equal(AgentState.Ready, alice.State);
        _dispatcher.Dispose();
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CallbackDispatcher(_time, new CallbackOptions { OfferTimeout = Duration.Zero }));
        Assert.Contains("OfferTimeout", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new CallbackDispatcher(null!));
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _dispatcher.Dispose();
    }

    private Agent ReadyAgent(string id, AgentOptions? options = null, IEnumerable<string>? campaigns = null)
    {
        var agent = new Agent(id, options ?? s_withCallbacks, _time);
        agent.LogIn();
        agent.SetReady();
        _dispatcher.RegisterAgent(agent, campaigns);
        return agent;
    }

    private Agent NotReadyAgent(string id)
    {
        var agent = new Agent(id, s_withCallbacks, _time);
        agent.LogIn();
        _dispatcher.RegisterAgent(agent);
        return agent;
    }

    private Agent BusyAgent(string id)
    {
        var agent = new Agent(id, s_withCallbacks, _time);
        agent.LogIn();
        agent.SetReady();
        agent.StartInteraction(InteractionId.New(), MediaType.Voice);
        _dispatcher.RegisterAgent(agent);
        return agent;
    }

    private sealed class ThrowingObserver : IObserver<CallbackDispatchEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(CallbackDispatchEvent value) => throw new InvalidOperationException("subscriber bug");
    }
}
