using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

/// <summary>
/// <see cref="CallbackInteractionLink"/>: the callback follows what the interaction in which the agent calls back does,
/// on a virtual clock, with real callbacks and interactions; one test per rule, then correlation, refusals, disposal and
/// faults.
/// </summary>
public sealed class CallbackInteractionLinkTests
{
    private const string HomeAddress = "+33 1 23 45 67 89";

    // ----- rule 1: dialling -------------------------------------------------------------------------

    [Fact]
    public void Dialling_the_interaction_dials_the_accepted_callback_on_its_own_number()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);

        call.Connect();

        Assert.Equal(InteractionState.Dialing, call.State);
        Assert.Equal(CallbackState.InProgress, callback.State);
        var attempt = Assert.Single(callback.Attempts);
        Assert.Same(CallbackFixture.Home, attempt.Dialled); // with its type and reachable hours
        Assert.Equal(call.Id, attempt.InteractionId);
        Assert.Equal("alice", attempt.AgentId);
        Assert.Null(attempt.Result);
    }

    [Fact]
    public void A_number_edited_on_the_interaction_before_dialling_is_the_attempts_number()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);

        call.Connect("+33 6 12 34 56 78");

        var attempt = Assert.Single(callback.Attempts);
        Assert.Equal(new ContactNumber(CallbackFixture.Mobile.Number, PhoneNumberType.Unknown), attempt.Dialled);
        Assert.Equal(CallbackFixture.Home, callback.Number); // the callback's own number is unchanged
    }

    [Theory]
    [InlineData("01 23 45 67 89")]     // the callback's number, national format of its country
    [InlineData("0033 1 23 45 67 89")] // the callback's number, 00 prefix
    [InlineData("sip:desk@example.org")] // not a phone number
    public void An_address_that_is_the_callbacks_number_or_no_number_dials_the_callbacks_number(string address)
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);

        call.Connect(address);

        Assert.Equal(CallbackState.InProgress, callback.State);
        Assert.Same(CallbackFixture.Home, Assert.Single(callback.Attempts).Dialled);
    }

    [Fact]
    public void The_link_shows_no_number()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect("+33 6 12 34 56 78");

        string text = link.ToString();

        Assert.Contains(callback.Id.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    // ----- rules 2 to 4: connection, call result, end of the exchange ------------------------------------

    [Fact]
    public void A_call_result_known_when_the_exchange_ends_is_recorded_at_once()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        f.Advance(Duration.FromSeconds(30));

        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerBusy)); // the network sets the call result: Busy

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal(CallbackState.WrapUp, callback.State);
        var attempt = Assert.Single(callback.Attempts);
        Assert.Equal(CallbackAttemptResult.Busy, attempt.Result);
        Assert.Equal(f.Now, attempt.EndedAt);
    }

    [Fact]
    public void Without_a_call_result_the_attempt_stays_under_way_through_wrap_up()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));

        call.Disconnect();

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal(CallbackState.InProgress, callback.State);
        Assert.Null(Assert.Single(callback.Attempts).Result);
    }

    [Fact]
    public void A_call_result_set_during_wrap_up_is_mapped_and_recorded_when_the_interaction_is_marked_done()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.Disconnect();
        call.SetCallResult(CallResult.Success);
        call.SetCallResult(CallResult.AnsweringMachine); // the latest result counts

        call.MarkDone();

        var attempt = Assert.Single(callback.Attempts);
        Assert.Equal(CallbackAttemptResult.AnsweringMachine, attempt.Result);
        Assert.Equal(CallbackState.Scheduled, callback.State); // an automatic retry
        Assert.Equal(f.Now + f.Options.RetryDelay, callback.DueAt);
        Assert.True(Assert.Single(f.OfType<CallbackRescheduled>()).IsRetry);
    }

    [Fact]
    public void A_connected_call_without_a_call_result_is_reached_and_completes_the_callback()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.Hold();
        call.Resume();
        Assert.True(call.OnNetworkEvent(NetworkEvent.RemoteHangUp));

        call.MarkDone();

        Assert.Equal(CallbackAttemptResult.Reached, Assert.Single(callback.Attempts).Result);
        Assert.Equal(CallbackState.Completed, callback.State);
        Assert.Equal(CallbackEndReason.Completed, callback.EndReason);
    }

    [Fact]
    public void A_call_that_never_connected_without_a_call_result_is_no_answer()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerRinging));
        call.Disconnect(); // the agent gave up while it rang: no call result

        call.MarkDone();

        Assert.Equal(CallbackAttemptResult.NoAnswer, Assert.Single(callback.Attempts).Result);
        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Equal(2, callback.AttemptNumber);
    }

    [Fact]
    public void Each_call_result_maps_to_its_attempt_result()
    {
        foreach (var result in Enum.GetValues<CallResult>())
        {
            using var f = new CallbackFixture();
            var (callback, call) = Session(f);
            using var link = CallbackInteractionLink.Follow(callback, call);
            call.Connect();
            call.SetCallResult(result);

            call.Disconnect();

            Assert.Equal(CallbackAttemptResults.FromCallResult(result), Assert.Single(callback.Attempts).Result);
            Assert.Equal(CallbackState.WrapUp, callback.State);
        }
    }

    [Fact]
    public void A_wrong_number_fails_the_callback_when_the_interaction_is_marked_done()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.SetCallResult(CallResult.WrongNumber);
        call.Disconnect();
        Assert.Equal(CallbackState.WrapUp, callback.State);

        call.MarkDone();

        Assert.Equal(CallbackState.Failed, callback.State);
        Assert.Equal(CallbackEndReason.UnusableNumber, callback.EndReason);
    }

    [Fact]
    public void A_result_recorded_when_the_exchange_ended_is_kept_when_the_call_result_changes_in_wrap_up()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.SetCallResult(CallResult.Success);
        call.Disconnect();

        call.SetCallResult(CallResult.Dropped);
        call.MarkDone();

        Assert.Equal(CallbackAttemptResult.Reached, Assert.Single(callback.Attempts).Result);
        Assert.Equal(CallbackState.Completed, callback.State);
    }

    // ----- rule 5: marked done, and the reschedule ------------------------------------------------------

    [Fact]
    public void A_reschedule_asked_during_the_call_takes_effect_exactly_when_the_interaction_is_marked_done()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        var later = f.Now + Duration.FromHours(8);
        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));

        callback.Reschedule(new CallbackReschedule(later) { Number = CallbackFixture.Mobile }); // "call me on my mobile tonight"
        call.SetCallResult(CallResult.Success);
        call.Disconnect();
        f.Advance(Duration.FromMinutes(2)); // wrap-up
        call.SetDisposition("Call back");

        Assert.Equal(CallbackState.WrapUp, callback.State);
        Assert.Equal(later, callback.PendingReschedule?.DueAt);
        Assert.Empty(f.OfType<CallbackRescheduled>());

        var done = Guid.NewGuid();
        call.MarkDone(done);

        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Null(callback.PendingReschedule);
        Assert.Equal(later, callback.DueAt);
        Assert.Equal(CallbackFixture.Mobile, callback.Number);
        var rescheduled = Assert.Single(f.OfType<CallbackRescheduled>());
        Assert.False(rescheduled.IsRetry);
        Assert.Equal(done, rescheduled.CorrelationId);
        Assert.Equal(f.Now, rescheduled.At);
        Assert.Equal(CallbackAttemptResult.Reached, Assert.Single(callback.Attempts).Result);
    }

    [Fact]
    public void A_reschedule_without_dialling_takes_effect_when_the_interaction_is_marked_done()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        var later = f.Now + Duration.FromDays(1);
        callback.Reschedule(new CallbackReschedule(later)); // e.g. after listening to the voice message

        call.MarkDone(); // straight from Idle: never dialled

        Assert.Equal(InteractionState.Done, call.State);
        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Equal(later, callback.DueAt);
        Assert.Empty(callback.Attempts);
        Assert.Equal(1, callback.AttemptNumber);
    }

    [Fact]
    public void An_interaction_marked_done_without_dialling_nor_reschedule_leaves_the_callback_with_the_agent()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);

        var thrown = Record.Exception(() => call.MarkDone());

        Assert.Null(thrown);
        Assert.Equal(InteractionState.Done, call.State);
        Assert.Equal(CallbackState.Accepted, callback.State); // MarkDone needs a pending reschedule here: the host decides
        Assert.True(link.IsFollowing);
        Assert.Null(link.Fault);
    }

    // ----- rule 6: the offer is not the link's business --------------------------------------------------

    [Fact]
    public void A_rejected_or_abandoned_offer_leaves_the_offered_callback_alone()
    {
        using var f = new CallbackFixture();
        foreach (bool reject in new[] { true, false })
        {
            var callback = f.Asap();
            var call = CallInteraction(f, InteractionId.New());
            callback.Offer("alice", call.Id);
            using var link = CallbackInteractionLink.Follow(callback, call);
            int before = f.Events.Count;

            if (reject)
            {
                call.Reject();
            }
            else
            {
                Assert.True(call.OnNetworkEvent(NetworkEvent.RemoteHangUp)); // the offer is withdrawn: abandoned
            }

            Assert.Equal(reject ? InteractionState.Rejected : InteractionState.Abandoned, call.State);
            Assert.Equal(CallbackState.Offered, callback.State);
            Assert.Equal(before, f.Events.Count);
            Assert.True(link.IsFollowing);
        }
    }

    [Fact]
    public void With_the_dispatcher_and_the_agent_link_the_whole_session_runs_from_the_interaction_as_the_guide_shows()
    {
        using var f = new CallbackFixture();
        var time = f.Time;
        using var dispatcher = new CallbackDispatcher(time, f.Options);
        var alice = new Agent("alice", new AgentOptions { Features = AgentFeatures.Callbacks }, time);
        alice.LogIn();
        alice.SetReady();
        dispatcher.RegisterAgent(alice);
        var callback = dispatcher.Submit(new AsapCallbackRequest(CallbackFixture.Home));
        Assert.Equal(CallbackState.Offered, callback.State);

        // docs/callbacks.md, "Following the interaction", line for line.
        var interaction = Interaction.Create(
            new InteractionSpec(MediaType.Callback, InteractionDirection.Outbound, "+33 1 23 45 67 89")
            {
                Id = callback.CurrentOffer!.InteractionId,
                AgentAddress = "alice",
                IsOffer = true,
            },
            new InteractionOptions { TimeSource = time });
        using var agentLink = AgentInteractionLink.Follow(alice, interaction);
        using var callbackLink = CallbackInteractionLink.Follow(callback, interaction);

        interaction.Accept();
        Assert.Equal(CallbackState.Accepted, callback.State);   // the dispatcher accepts the callback
        interaction.Connect();
        Assert.Equal(CallbackState.InProgress, callback.State); // callback.Dial()
        interaction.OnNetworkEvent(NetworkEvent.CustomerAnswered);
        callback.Reschedule(new CallbackReschedule(time.Now + Duration.FromHours(8)));
        Assert.NotNull(callback.PendingReschedule);             // pending
        interaction.Disconnect();
        Assert.Equal(CallbackState.InProgress, callback.State); // no call result yet: the attempt stays under way
        interaction.SetCallResult(CallResult.Success);
        interaction.MarkDone();
        Assert.Equal(CallbackAttemptResult.Reached, Assert.Single(callback.Attempts).Result); // RecordResult(Reached)
        Assert.Equal(CallbackState.Scheduled, callback.State);  // MarkDone: Scheduled in 8 hours
        Assert.Equal(time.Now + Duration.FromHours(8), callback.DueAt);

        Assert.Empty(alice.Interactions);
        Assert.True(callbackLink.IsFollowing);
        Assert.True(agentLink.IsFollowing);
    }

    // ----- correlation ----------------------------------------------------------------------------------

    [Fact]
    public void Each_callback_command_carries_the_correlation_id_of_the_interaction_event_that_caused_it()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        var dial = Guid.NewGuid();
        var done = Guid.NewGuid();
        int before = f.Events.Count;

        call.Connect(correlationId: dial);
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.Disconnect();
        call.MarkDone(done);

        var caused = f.Events.Skip(before).ToList();
        Assert.All(caused.Where(static e => e.Cause == CallbackTrigger.Dial), e => Assert.Equal(dial, e.CorrelationId));
        Assert.All(caused.Where(static e => e.Cause is CallbackTrigger.RecordResult or CallbackTrigger.MarkDone), e => Assert.Equal(done, e.CorrelationId));
        Assert.Equal(dial, Assert.Single(caused.OfType<CallbackAttemptStarted>()).CorrelationId);
        Assert.Equal(done, Assert.Single(caused.OfType<CallbackAttemptEnded>()).CorrelationId);
        Assert.Equal(
            [(CallbackState.Accepted, CallbackState.InProgress, dial), (CallbackState.InProgress, CallbackState.WrapUp, done), (CallbackState.WrapUp, CallbackState.Completed, done)],
            caused.OfType<CallbackStateChanged>().Select(static e => (e.Previous, e.Current, e.CorrelationId)));
    }

    [Fact]
    public void A_result_recorded_when_the_exchange_ends_carries_the_correlation_id_of_that_end()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        var busy = Guid.NewGuid();
        call.Connect();

        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerBusy, busy));

        Assert.Equal(busy, Assert.Single(f.OfType<CallbackAttemptEnded>()).CorrelationId);
        Assert.Equal(busy, f.OfType<CallbackStateChanged>().Last().CorrelationId);
    }

    // ----- refusals -------------------------------------------------------------------------------------

    [Fact]
    public void Commands_that_do_not_apply_are_skipped_silently_when_the_host_drives_the_callback_by_hand()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        var faults = new List<Exception>();
        using var other = call.Events.Subscribe(static _ => { }, faults.Add);
        callback.Dial(); // by hand, before the interaction dials

        Assert.Null(Record.Exception(() => call.Connect()));
        callback.RecordResult(CallbackAttemptResult.Reached); // by hand too
        Assert.Null(Record.Exception(() => call.OnNetworkEvent(NetworkEvent.CustomerBusy)));
        callback.MarkDone();
        Assert.Null(Record.Exception(() => call.MarkDone()));

        Assert.Equal(CallbackState.Completed, callback.State);
        Assert.Equal(CallbackAttemptResult.Reached, Assert.Single(callback.Attempts).Result);
        Assert.Equal(InteractionState.Done, call.State);
        Assert.True(link.IsFollowing);
        Assert.Null(link.Fault);
        Assert.Empty(faults);
    }

    [Fact]
    public void A_callback_cancelled_meanwhile_is_left_alone_and_the_link_keeps_following()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        callback.Cancel();
        int before = f.Events.Count;

        Assert.Null(Record.Exception(() => call.Connect()));
        Assert.Null(Record.Exception(() => call.OnNetworkEvent(NetworkEvent.CustomerNoAnswer)));
        Assert.Null(Record.Exception(() => call.MarkDone()));

        Assert.Equal(CallbackState.Cancelled, callback.State);
        Assert.Equal(before, f.Events.Count);
        Assert.True(link.IsFollowing);
    }

    [Fact]
    public void An_interaction_that_is_not_the_one_of_the_callbacks_offer_changes_nothing()
    {
        using var f = new CallbackFixture();
        var callback = f.Accepted(); // accepted for another interaction
        var call = CallInteraction(f, InteractionId.New());
        call.Accept();
        using var link = CallbackInteractionLink.Follow(callback, call);

        call.Connect();
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.Disconnect();
        call.MarkDone();

        Assert.Equal(CallbackState.Accepted, callback.State);
        Assert.Empty(callback.Attempts);
    }

    // ----- disposal and faults --------------------------------------------------------------------------

    [Fact]
    public void Disposing_the_link_stops_following()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        var link = CallbackInteractionLink.Follow(callback, call);

        link.Dispose();
        link.Dispose(); // idempotent
        call.Connect();

        Assert.False(link.IsFollowing);
        Assert.Null(link.Fault);
        Assert.Equal(CallbackState.Accepted, callback.State);
        Assert.Empty(callback.Attempts);
        Assert.EndsWith("(stopped)", link.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_the_link_from_an_interaction_event_handler_stops_it_before_the_next_event()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        CallbackInteractionLink? link = null;
        using var disposer = call.Events.Subscribe(e =>
        {
            if (e is InteractionStateChanged { Current: InteractionState.Dialing })
            {
                link!.Dispose();
            }
        });
        link = CallbackInteractionLink.Follow(callback, call); // subscribed after the disposer: it sees the dialling too late

        call.Connect();

        Assert.False(link.IsFollowing);
        Assert.Equal(CallbackState.Accepted, callback.State);
    }

    [Fact]
    public void Disposing_the_link_from_another_thread_stops_it()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        var link = CallbackInteractionLink.Follow(callback, call);

        var thread = new System.Threading.Thread(link.Dispose);
        thread.Start();
        thread.Join();
        call.Connect();

        Assert.False(link.IsFollowing);
        Assert.Equal(CallbackState.Accepted, callback.State);
    }

    [Fact]
    public void A_defect_while_handling_an_event_faults_the_link_without_harming_the_interaction()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        var defect = new InvalidOperationException("a defect");
        var link = CallbackInteractionLink.FollowInspected(callback, call, e =>
        {
            if (e is InteractionStateChanged { Current: InteractionState.Dialing })
            {
                throw defect;
            }
        });
        var seen = new List<InteractionEvent>();
        var errors = new List<Exception>();
        using var other = call.Events.Subscribe(seen.Add, errors.Add);

        var thrown = Record.Exception(() => call.Connect());

        Assert.Null(thrown);
        Assert.Equal(InteractionState.Dialing, call.State);
        Assert.Contains(seen, static e => e is InteractionStateChanged { Current: InteractionState.Dialing });
        Assert.Empty(errors);
        Assert.False(link.IsFollowing);
        Assert.Same(defect, link.Fault);
        Assert.Equal(CallbackState.Accepted, callback.State); // the dial was never issued

        // Detached: later events are not followed, and the interaction goes on.
        Assert.True(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        call.Disconnect();
        call.MarkDone();
        Assert.Equal(InteractionState.Done, call.State);
        Assert.Equal(CallbackState.Accepted, callback.State);
        link.Dispose();
        Assert.Same(defect, link.Fault);
    }

    [Fact]
    public void A_faulting_callback_subscriber_does_not_detach_the_link()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        using var link = CallbackInteractionLink.Follow(callback, call);
        using var faulty = callback.Events.Subscribe(static _ => throw new InvalidOperationException("a defect"), static _ => { });

        Assert.Null(Record.Exception(() => call.Connect()));

        Assert.True(link.IsFollowing);
        Assert.Null(link.Fault);
        Assert.Equal(CallbackState.InProgress, callback.State);
    }

    [Fact]
    public void Follow_rejects_null_arguments_and_other_media()
    {
        using var f = new CallbackFixture();
        var (callback, call) = Session(f);
        var voice = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Outbound, HomeAddress), new InteractionOptions { TimeSource = f.Time });

        Assert.Throws<ArgumentNullException>(() => CallbackInteractionLink.Follow(null!, call));
        Assert.Throws<ArgumentNullException>(() => CallbackInteractionLink.Follow(callback, null!));
        var wrong = Assert.Throws<ArgumentException>(() => CallbackInteractionLink.Follow(callback, voice));
        Assert.Equal("interaction", wrong.ParamName);
    }

    // ----- helpers --------------------------------------------------------------------------------------

    /// <summary>An ASAP callback offered to and accepted by alice for an interaction, and that interaction, accepted (Idle).</summary>
    private static (Callback Callback, Interaction Interaction) Session(CallbackFixture f)
    {
        var callback = f.Asap();
        var call = CallInteraction(f, InteractionId.New());
        callback.Offer("alice", call.Id);
        callback.Accept();
        call.Accept();
        Assert.Equal(InteractionState.Idle, call.State);
        return (callback, call);
    }

    private static Interaction CallInteraction(CallbackFixture f, InteractionId id) =>
        Interaction.Create(
            new InteractionSpec(MediaType.Callback, InteractionDirection.Outbound, HomeAddress) { Id = id, AgentAddress = "alice", IsOffer = true },
            new InteractionOptions { TimeSource = f.Time, Dispositions = ["Call back", "Resolved"] });
}
