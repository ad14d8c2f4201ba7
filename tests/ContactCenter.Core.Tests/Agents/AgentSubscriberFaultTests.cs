using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

/// <summary>
/// A subscriber whose <c>OnNext</c> throws: the same policy as an interaction's stream. It is detached and
/// receives <c>OnError</c> with the exception; the others still get every event; the command's caller (or the
/// timer) is not disturbed.
/// </summary>
public sealed class AgentSubscriberFaultTests
{
    private static readonly AgentOptions s_options = new()
    {
        OfferTimeout = Duration.FromSeconds(15),
        LogoutDeadline = Duration.FromSeconds(3),
        AfterCallWork = new AfterCallWorkPolicy { DefaultDuration = Duration.FromSeconds(30) },
    };

    [Fact]
    public void A_command_whose_event_faults_a_subscriber_succeeds_normally()
    {
        using var f = new AgentFixture(s_options);
        var faulty = new FaultingObserver(static _ => true);
        using var subscription = f.Agent.Events.Subscribe(faulty);

        var exception = Record.Exception(() => f.Agent.LogIn());

        Assert.Null(exception);
        Assert.Equal(AgentState.NotReady, f.Agent.State);
    }

    [Fact]
    public void The_faulting_subscriber_receives_OnError_with_its_exception_and_no_further_events()
    {
        using var f = new AgentFixture(s_options);
        var faulty = new FaultingObserver(static e => e is AgentStateChanged { Current: AgentState.Ready });
        using var subscription = f.Agent.Events.Subscribe(faulty);

        f.Agent.LogIn();
        f.Agent.SetReady();
        f.Agent.SetNotReady("Break");
        f.Agent.LogOut();

        Assert.Equal([AgentState.NotReady, AgentState.Ready], faulty.Received.OfType<AgentStateChanged>().Select(static e => e.Current));
        Assert.Same(faulty.Thrown.Single(), Assert.Single(faulty.Errors));
        Assert.False(faulty.Completed);
    }

    [Fact]
    public void The_other_subscribers_before_and_after_the_faulting_one_still_receive_every_event()
    {
        var before = new List<AgentEvent>();
        using var f = new AgentFixture(s_options);
        using var first = f.Agent.Events.Subscribe(new FaultingObserver(static _ => false, before));
        using var faulty = f.Agent.Events.Subscribe(new FaultingObserver(static _ => true));
        var after = new List<AgentEvent>();
        using var last = f.Agent.Events.Subscribe(new FaultingObserver(static _ => false, after));

        f.Agent.LogIn();
        f.Agent.SetReady();
        f.Agent.StartInteraction(AgentFixture.NewId(), MediaType.Voice);

        Assert.Equal([typeof(AgentStateChanged), typeof(AgentStateChanged), typeof(AgentStateChanged), typeof(AgentInteractionStarted)], f.Events.Select(static e => e.GetType()));
        Assert.Equal(f.Events, before);
        Assert.Equal(f.Events, after);
    }

    [Fact]
    public void A_subscriber_whose_OnError_throws_too_is_still_detached_and_the_command_succeeds()
    {
        using var f = new AgentFixture(s_options);
        var faulty = new FaultingObserver(static _ => true, throwFromOnError: true);
        using var subscription = f.Agent.Events.Subscribe(faulty);

        f.Agent.LogIn();
        f.Agent.SetReady();

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Single(faulty.Received);
        Assert.Single(faulty.Errors);
        Assert.Equal(2, f.OfType<AgentStateChanged>().Count);
    }

    [Fact]
    public void A_timer_caused_event_that_faults_a_subscriber_is_handled_the_same_way()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        var faulty = new FaultingObserver(static e => e is AgentOfferEnded { Outcome: OfferOutcome.TimedOut });
        using var subscription = f.Agent.Events.Subscribe(faulty);
        var other = new List<AgentEvent>();
        using var otherSubscription = f.Agent.Events.Subscribe(new FaultingObserver(static _ => false, other));
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);

        var exception = Record.Exception(() => f.Advance(15)); // the offer times out on the virtual clock
        f.Agent.SetNotReady("Break");

        Assert.Null(exception);
        Assert.Equal(AgentState.NotReady, f.Agent.State);
        Assert.Same(faulty.Thrown.Single(), Assert.Single(faulty.Errors));
        Assert.IsType<AgentOfferEnded>(faulty.Received[^1]);
        Assert.DoesNotContain(faulty.Received, static e => e is AgentStateChanged { Cause: AgentTrigger.OfferTimedOut or AgentTrigger.SetNotReady });
        Assert.Equal(f.Events.Skip(f.Events.Count - other.Count), other);
        Assert.Contains(other, static e => e is AgentOfferEnded { Outcome: OfferOutcome.TimedOut });
        Assert.Contains(other, static e => e is AgentStateChanged { Cause: AgentTrigger.OfferTimedOut });
        Assert.Equal(AgentState.NotReady, other.OfType<AgentStateChanged>().Last().Current);
    }

    [Fact]
    public void A_countdown_subscriber_that_throws_on_a_tick_receives_OnError_and_nothing_more()
    {
        using var f = new AgentFixture(s_options with { OfferTimeout = Duration.FromSeconds(60) });
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();
        var failure = new InvalidOperationException("countdown bug");
        var countdown = new CountdownRecorder(value => value == Duration.FromSeconds(2) ? failure : null);
        using var subscription = f.Agent.LogoutCountdown.Subscribe(countdown);

        var exception = Record.Exception(() => f.Advance(5));

        Assert.Null(exception);
        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
        Assert.Equal([Duration.FromSeconds(3), Duration.FromSeconds(2)], countdown.Values);
        Assert.Same(failure, Assert.Single(countdown.Errors));
        Assert.False(countdown.Completed);
    }

    [Fact]
    public void A_countdown_subscriber_that_throws_on_subscription_receives_OnError_and_nothing_more()
    {
        using var f = new AgentFixture(s_options with { OfferTimeout = Duration.FromSeconds(60) });
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();
        var failure = new InvalidOperationException("countdown bug");
        var countdown = new CountdownRecorder(_ => failure);

        using var subscription = f.Agent.LogoutCountdown.Subscribe(countdown);
        f.Advance(5);

        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
        Assert.Equal([Duration.FromSeconds(3)], countdown.Values);
        Assert.Same(failure, Assert.Single(countdown.Errors));
        Assert.False(countdown.Completed);
    }

    /// <summary>Records what it receives; throws a new exception from <c>OnNext</c> for the events <paramref name="throwOn"/> selects.</summary>
    private sealed class FaultingObserver(Func<AgentEvent, bool> throwOn, List<AgentEvent>? received = null, bool throwFromOnError = false) : IObserver<AgentEvent>
    {
        public List<AgentEvent> Received { get; } = received ?? [];

        public List<Exception> Thrown { get; } = [];

        public List<Exception> Errors { get; } = [];

        public bool Completed { get; private set; }

        public void OnCompleted() => Completed = true;

        public void OnError(Exception error)
        {
            Errors.Add(error);
            if (throwFromOnError)
            {
                throw new InvalidOperationException("OnError bug");
            }
        }

        public void OnNext(AgentEvent value)
        {
            Received.Add(value);
            if (throwOn(value))
            {
                var exception = new InvalidOperationException("subscriber bug");
                Thrown.Add(exception);
                throw exception;
            }
        }
    }

    private sealed class CountdownRecorder(Func<Duration, Exception?> throwOn) : IObserver<Duration>
    {
        public List<Duration> Values { get; } = [];

        public List<Exception> Errors { get; } = [];

        public bool Completed { get; private set; }

        public void OnCompleted() => Completed = true;

        public void OnError(Exception error) => Errors.Add(error);

        public void OnNext(Duration value)
        {
            Values.Add(value);
            if (throwOn(value) is { } exception)
            {
                throw exception;
            }
        }
    }
}
