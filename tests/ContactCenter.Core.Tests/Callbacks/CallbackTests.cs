using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackTests
{
    private static readonly Duration s_tick = Duration.FromTicks(1);

    // ----- creation, per kind ------------------------------------------------------------------------

    [Fact]
    public void An_ASAP_callback_is_due_at_once_and_queued_since_its_creation()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();

        Assert.Equal(CallbackKind.Asap, callback.Kind);
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(f.Now, callback.DueAt);
        Assert.Equal(f.Now, callback.QueuedSince);
        Assert.Equal(f.Now, callback.DueSince);
        Assert.Equal(1, callback.AttemptNumber);
        Assert.Empty(callback.Attempts);
        Assert.Equal("Invoice", callback.Subject);
        Assert.Same(CallbackOwnership.Shared, callback.Ownership);
        Assert.Null(callback.EndReason);
    }

    [Fact]
    public void A_scheduled_callback_becomes_due_exactly_at_its_instant_through_the_time_source()
    {
        using var f = new CallbackFixture();
        var callback = f.ScheduledIn(CallbackFixture.Minutes(30));
        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Null(callback.DueSince);

        f.Advance(CallbackFixture.Minutes(30) - s_tick);
        Assert.Equal(CallbackState.Scheduled, callback.State);

        f.Advance(s_tick);
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(f.Now, callback.DueSince);
        Assert.Equal(f.Now, callback.QueuedSince);
        var change = Assert.Single(f.OfType<CallbackStateChanged>());
        Assert.Equal((CallbackState.Scheduled, CallbackState.Due, CallbackTrigger.MarkDue), (change.Previous, change.Current, change.Cause));
        Assert.NotEqual(Guid.Empty, change.CorrelationId);
    }

    [Fact]
    public void A_scheduled_callback_whose_instant_has_passed_is_due_at_once_and_queued_since_that_instant()
    {
        using var f = new CallbackFixture();
        var dueAt = f.Now - CallbackFixture.Minutes(5);
        var callback = f.Create(new ScheduledCallbackRequest(CallbackFixture.Home, dueAt));

        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(dueAt, callback.QueuedSince);
    }

    [Fact]
    public void A_web_callback_is_due_at_its_window_start_and_keeps_its_window()
    {
        using var f = new CallbackFixture();
        var window = new Interval(f.Now + CallbackFixture.Minutes(60), f.Now + CallbackFixture.Minutes(120));
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Mobile, window));

        Assert.Equal(CallbackKind.Web, callback.Kind);
        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Equal(window.Start, callback.DueAt);
        Assert.Equal(window, callback.Window);
        Assert.Equal(CallbackFixture.Mobile, callback.Number);

        f.Advance(CallbackFixture.Minutes(60));
        Assert.Equal(CallbackState.Due, callback.State);
    }

    [Fact]
    public void A_web_callback_whose_window_has_started_is_due_at_once()
    {
        using var f = new CallbackFixture();
        var window = new Interval(f.Now - CallbackFixture.Minutes(10), f.Now + CallbackFixture.Minutes(50));
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Home, window));

        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(f.Now, callback.DueAt);
    }

    [Fact]
    public void A_voice_message_callback_keeps_the_caller_s_original_enqueue_instant()
    {
        using var f = new CallbackFixture();
        var enqueuedAt = f.Now - CallbackFixture.Minutes(7);
        var callback = f.Create(new VoiceMessageCallbackRequest(CallbackFixture.Home, enqueuedAt) { MessageReference = "vm/42", PreferredAgentId = "alice" });

        Assert.Equal(CallbackKind.VoiceMessage, callback.Kind);
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(enqueuedAt, callback.QueuedSince);
        Assert.Equal(f.Now, callback.DueSince);
        Assert.Equal("vm/42", callback.MessageReference);
        Assert.Equal("alice", callback.PreferredAgentId);
    }

    [Fact]
    public void A_campaign_callback_keeps_its_campaign_and_its_ownership()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new CampaignCallbackRequest(CallbackFixture.Home, "spring-sale", f.Now + CallbackFixture.Minutes(10))
        {
            Ownership = CallbackOwnership.Personal("bob"),
            Queue = "outbound",
            CustomerZone = DateTimeZoneProviders.Tzdb["Europe/Paris"],
        });

        Assert.Equal(CallbackKind.Campaign, callback.Kind);
        Assert.Equal("spring-sale", callback.CampaignId);
        Assert.Equal(CallbackOwnership.Personal("bob"), callback.Ownership);
        Assert.Equal("outbound", callback.Queue);
        Assert.Equal("Europe/Paris", callback.CustomerZone!.Id);
    }

    [Fact]
    public void Invalid_requests_are_refused_with_a_message_naming_the_field()
    {
        using var f = new CallbackFixture();
        var now = f.Now;
        (CallbackRequest Request, string Field)[] cases =
        [
            (new AsapCallbackRequest(new ContactNumber(default)), "Number"),
            (new AsapCallbackRequest(CallbackFixture.Home) { PreferredAgentId = " " }, "PreferredAgentId"),
            (new AsapCallbackRequest(CallbackFixture.Home) { Ownership = null! }, "Ownership"),
            (new ScheduledCallbackRequest(CallbackFixture.Home, now + CallbackFixture.Minutes(90)) { Window = new Interval(now, now + CallbackFixture.Minutes(60)) }, "Window"),
            (new WebCallbackRequest(CallbackFixture.Home, new Interval(now - CallbackFixture.Minutes(60), now)), "Window"),
            (new WebCallbackRequest(CallbackFixture.Home, new Interval(now, null)), "Window"),
            (new VoiceMessageCallbackRequest(CallbackFixture.Home, now + s_tick), "EnqueuedAt"),
            (new CampaignCallbackRequest(CallbackFixture.Home, " ", now), "CampaignId"),
        ];

        foreach (var (request, field) in cases)
        {
            var exception = Assert.Throws<ArgumentException>(() => Callback.Create(request, null, f.Time));
            Assert.Contains(field, exception.Message, StringComparison.Ordinal);
            Assert.Equal("request", exception.ParamName);
        }
    }

    [Fact]
    public void Create_checks_its_arguments_and_options()
    {
        var time = new VirtualTimeSource(CallbackFixture.Start);
        Assert.Throws<ArgumentNullException>(() => Callback.Create(null!, null, time));
        Assert.Throws<ArgumentNullException>(() => Callback.Create(new AsapCallbackRequest(CallbackFixture.Home), null, null!));
        var exception = Assert.Throws<ArgumentException>(() => Callback.Create(new AsapCallbackRequest(CallbackFixture.Home), new CallbackOptions { MaxAttempts = 0 }, time));
        Assert.Contains("MaxAttempts", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_id_is_kept()
    {
        using var f = new CallbackFixture();
        var id = CallbackId.New();
        Assert.Equal(id, f.Create(new AsapCallbackRequest(CallbackFixture.Home) { Id = id }).Id);
    }

    // ----- the session: offer, accept, dial, result, done --------------------------------------------

    [Fact]
    public void The_happy_path_publishes_every_change_in_order_with_gapless_sequences()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();
        var interaction = InteractionId.New();

        callback.Offer("alice", interaction);
        callback.Accept();
        f.Advance(Duration.FromSeconds(5));
        callback.Dial();
        f.Advance(Duration.FromSeconds(40));
        callback.RecordResult(CallbackAttemptResult.Reached);
        callback.MarkDone();

        Assert.Equal(CallbackState.Completed, callback.State);
        Assert.Equal(CallbackEndReason.Completed, callback.EndReason);
        Assert.True(callback.IsTerminal);
        Assert.Null(callback.CurrentOffer);
        Assert.Equal(
            [
                (CallbackState.Due, CallbackState.Offered), (CallbackState.Offered, CallbackState.Accepted), (CallbackState.Accepted, CallbackState.InProgress),
                (CallbackState.InProgress, CallbackState.WrapUp), (CallbackState.WrapUp, CallbackState.Completed),
            ],
            f.StateChanges());
        Assert.Equal(
            [
                typeof(CallbackStateChanged), typeof(CallbackOffered), typeof(CallbackOfferEnded), typeof(CallbackStateChanged), typeof(CallbackStateChanged),
                typeof(CallbackAttemptStarted), typeof(CallbackAttemptEnded), typeof(CallbackStateChanged), typeof(CallbackStateChanged),
            ],
            f.Events.Select(static e => e.GetType()));
        Assert.Equal(Enumerable.Range(1, f.Events.Count).Select(static i => (long)i), f.Events.Select(static e => e.Sequence));
        Assert.All(f.Events, e => Assert.Equal(callback.Id, e.CallbackId));

        var offered = Assert.Single(f.OfType<CallbackOffered>());
        Assert.Equal(new CallbackOffer("alice", interaction, CallbackFixture.Start), offered.Offer);
        Assert.Equal(CallbackOfferOutcome.Accepted, Assert.Single(f.OfType<CallbackOfferEnded>()).Outcome);
        var done = f.OfType<CallbackStateChanged>().Last();
        Assert.Equal((CallbackTrigger.MarkDone, CallbackEndReason.Completed), (done.Cause, done.EndReason));
        Assert.All(f.OfType<CallbackStateChanged>().SkipLast(1), e => Assert.Null(e.EndReason));
    }

    [Fact]
    public void Every_event_of_a_command_carries_its_correlation_id_and_instant()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();
        var correlation = Guid.NewGuid();
        callback.Offer("alice", InteractionId.New());
        callback.Accept();
        f.Advance(Duration.FromSeconds(3));
        int before = f.Events.Count;

        callback.Dial(correlationId: correlation);

        var events = f.Events.Skip(before).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((correlation, f.Now, CallbackTrigger.Dial), (e.CorrelationId, e.At, e.Cause)));
    }

    [Theory]
    [InlineData(CallbackCommand.Decline, CallbackOfferOutcome.Declined)]
    [InlineData(CallbackCommand.OfferTimedOut, CallbackOfferOutcome.TimedOut)]
    [InlineData(CallbackCommand.WithdrawOffer, CallbackOfferOutcome.Withdrawn)]
    public void An_offer_that_is_not_accepted_leaves_the_callback_due_in_the_same_position(CallbackCommand command, CallbackOfferOutcome outcome)
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new VoiceMessageCallbackRequest(CallbackFixture.Home, f.Now - CallbackFixture.Minutes(3)));
        var queuedSince = callback.QueuedSince;
        var dueSince = callback.DueSince;
        callback.Offer("alice", InteractionId.New());
        f.Advance(Duration.FromSeconds(20));

        switch (command)
        {
            case CallbackCommand.Decline: callback.Decline(); break;
            case CallbackCommand.OfferTimedOut: callback.OfferTimedOut(); break;
            default: callback.WithdrawOffer(); break;
        }

        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(queuedSince, callback.QueuedSince);
        Assert.Equal(dueSince, callback.DueSince);
        Assert.Null(callback.CurrentOffer);
        Assert.Equal(outcome, Assert.Single(f.OfType<CallbackOfferEnded>()).Outcome);
        Assert.Equal((CallbackState.Offered, CallbackState.Due, (CallbackTrigger)command), (f.OfType<CallbackStateChanged>()[^1].Previous, f.OfType<CallbackStateChanged>()[^1].Current, f.OfType<CallbackStateChanged>()[^1].Cause));
    }

    [Fact]
    public void MarkDue_makes_a_scheduled_callback_due_early_and_its_due_timer_no_longer_fires()
    {
        using var f = new CallbackFixture();
        var callback = f.ScheduledIn(CallbackFixture.Minutes(30));
        f.Advance(CallbackFixture.Minutes(10));

        callback.MarkDue();

        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(f.Now, callback.QueuedSince);
        f.Advance(CallbackFixture.Minutes(30));
        Assert.Single(f.OfType<CallbackStateChanged>());
    }

    [Fact]
    public void A_personal_callback_is_offered_only_to_its_owner()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new AsapCallbackRequest(CallbackFixture.Home) { Ownership = CallbackOwnership.Personal("bob") });

        var refused = Assert.Throws<CallbackCommandRefusedException>(() => callback.Offer("alice", InteractionId.New()));
        Assert.Equal(CallbackRefusalReason.NotTheOwner, refused.Refusal.Reason);
        Assert.Equal(CallbackState.Due, callback.State);

        callback.Offer("bob", InteractionId.New());
        Assert.Equal("bob", callback.AgentId);
        Assert.Equal(CallbackRefusalReason.InvalidArgument,
            Assert.Throws<CallbackCommandRefusedException>(() => f.Asap().Offer(" ", InteractionId.New())).Refusal.Reason);
    }

    [Fact]
    public void Dial_opens_one_attempt_per_session_on_the_given_number()
    {
        using var f = new CallbackFixture();
        var callback = f.Accepted("alice");
        var interaction = callback.CurrentOffer!.InteractionId;
        f.Advance(Duration.FromSeconds(8));

        callback.Dial(CallbackFixture.Mobile);

        var attempt = Assert.Single(callback.Attempts);
        Assert.Equal(new CallbackAttempt(1, f.Now, null, CallbackFixture.Mobile, "alice", interaction, null), attempt);
        Assert.Equal(1, callback.AttemptNumber);
        var refused = Assert.Throws<CallbackCommandRefusedException>(() => callback.Dial());
        Assert.Equal((CallbackState.InProgress, CallbackRefusalReason.WrongState), (refused.State, refused.Refusal.Reason));
        Assert.Equal(CallbackRefusalReason.InvalidArgument,
            Assert.Throws<CallbackCommandRefusedException>(() => f.Accepted().Dial(new ContactNumber(default))).Refusal.Reason);
    }

    [Fact]
    public void Every_attempt_is_kept_with_its_number_times_number_dialled_agent_interaction_and_result()
    {
        using var f = new CallbackFixture(new CallbackOptions { RetryDelay = CallbackFixture.Minutes(10) });
        var callback = f.Asap();
        var first = InteractionId.New();
        callback.Offer("alice", first);
        callback.Accept();
        var started1 = f.Now;
        callback.Dial();
        f.Advance(Duration.FromSeconds(30));
        callback.RecordResult(CallbackAttemptResult.NoAnswer);
        var ended1 = f.Now;
        callback.MarkDone();
        Assert.Equal(2, callback.AttemptNumber);

        f.Advance(CallbackFixture.Minutes(10));
        var second = InteractionId.New();
        callback.Offer("bob", second);
        callback.Accept();
        var started2 = f.Now;
        callback.Dial(CallbackFixture.Mobile);
        Assert.Equal(2, callback.AttemptNumber);
        f.Advance(Duration.FromSeconds(90));
        callback.RecordResult(CallbackAttemptResult.Reached);
        Assert.Equal(2, callback.AttemptNumber);
        callback.MarkDone();

        Assert.Equal(
            [
                new CallbackAttempt(1, started1, ended1, CallbackFixture.Home, "alice", first, CallbackAttemptResult.NoAnswer),
                new CallbackAttempt(2, started2, f.Now, CallbackFixture.Mobile, "bob", second, CallbackAttemptResult.Reached),
            ],
            callback.Attempts);
        Assert.Equal(callback.Attempts, f.OfType<CallbackAttemptEnded>().Select(static e => e.Attempt));
        Assert.Equal(CallbackState.Completed, callback.State);
    }

    // ----- refusals ----------------------------------------------------------------------------------

    [Fact]
    public void In_every_state_exactly_the_permitted_commands_are_accepted_and_a_refusal_changes_nothing()
    {
        foreach (var state in Enum.GetValues<CallbackState>())
        {
            foreach (var command in Enum.GetValues<CallbackCommand>())
            {
                using var f = new CallbackFixture();
                var callback = Reach(f, state);
                Assert.Equal(state, callback.State);
                bool permitted = callback.PermittedCommands.Contains(command);
                Assert.Equal(permitted, callback.Can(command));
                Assert.Equal(permitted, callback.WhyNot(command) is null);
                var before = Snapshot(callback, f);

                var exception = Record.Exception(() => Apply(callback, command, f));

                if (permitted)
                {
                    Assert.Null(exception);
                }
                else
                {
                    var refused = Assert.IsType<CallbackCommandRefusedException>(exception);
                    Assert.Equal((callback.Id, state, command), (refused.CallbackId, refused.State, refused.Command));
                    Assert.Equal(callback.PermittedCommands, refused.PermittedCommands);
                    Assert.Equal(callback.WhyNot(command), refused.Refusal);
                    Assert.Equal(before, Snapshot(callback, f));
                }
            }
        }
    }

    [Fact]
    public void The_permitted_commands_of_each_state_are_the_documented_ones()
    {
        using var f = new CallbackFixture();
        Assert.Equal([CallbackCommand.MarkDue, CallbackCommand.Reschedule, CallbackCommand.Cancel], Reach(f, CallbackState.Scheduled).PermittedCommands);
        Assert.Equal([CallbackCommand.Offer, CallbackCommand.Reschedule, CallbackCommand.Cancel], Reach(f, CallbackState.Due).PermittedCommands);
        Assert.Equal(
            [CallbackCommand.Accept, CallbackCommand.Decline, CallbackCommand.OfferTimedOut, CallbackCommand.WithdrawOffer, CallbackCommand.Cancel],
            Reach(f, CallbackState.Offered).PermittedCommands);
        Assert.Equal([CallbackCommand.Dial, CallbackCommand.Reschedule, CallbackCommand.Cancel], Reach(f, CallbackState.Accepted).PermittedCommands);
        Assert.Equal([CallbackCommand.RecordResult, CallbackCommand.Reschedule], Reach(f, CallbackState.InProgress).PermittedCommands);
        Assert.Equal([CallbackCommand.Reschedule, CallbackCommand.MarkDone, CallbackCommand.Cancel], Reach(f, CallbackState.WrapUp).PermittedCommands);
        Assert.Empty(Reach(f, CallbackState.Completed).PermittedCommands);
        Assert.Empty(Reach(f, CallbackState.Cancelled).PermittedCommands);
        Assert.Empty(Reach(f, CallbackState.Failed).PermittedCommands);
    }

    [Fact]
    public void A_refusal_names_the_callback_the_state_the_command_the_reason_and_the_permitted_commands()
    {
        using var f = new CallbackFixture();
        var callback = f.Accepted();
        callback.Dial();

        var refused = Assert.Throws<CallbackCommandRefusedException>(() => callback.Cancel());

        Assert.Equal(
            $"Callback {callback.Id} refused Cancel in state InProgress (WrongState): An attempt is under way: record its result first. Permitted commands: RecordResult, Reschedule.",
            refused.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => callback.WhyNot((CallbackCommand)99));
    }

    [Fact]
    public void Mark_done_without_an_attempt_needs_a_pending_reschedule()
    {
        using var f = new CallbackFixture();
        var callback = f.Accepted();

        var why = callback.WhyNot(CallbackCommand.MarkDone);

        Assert.Equal(CallbackRefusalReason.NoPendingReschedule, why!.Reason);
        Assert.Equal("Dial first, or reschedule, before Mark done.", why.Message);
    }

    // ----- reschedule and unschedule -----------------------------------------------------------------

    [Fact]
    public void A_reschedule_asked_during_the_session_waits_for_mark_done()
    {
        using var f = new CallbackFixture();
        var callback = f.Accepted();
        callback.Dial();
        var original = callback.Schedule;
        var at = f.Now + Duration.FromDays(1);

        callback.Reschedule(new CallbackReschedule(at));

        Assert.Equal(CallbackState.InProgress, callback.State);
        Assert.Equal(original, callback.Schedule);
        var pending = new CallbackSchedule(at, null, CallbackFixture.Home, CallbackOwnership.Shared);
        Assert.Equal(pending, callback.PendingReschedule);
        Assert.Equal(pending, Assert.Single(f.OfType<CallbackReschedulePending>()).Schedule);

        callback.RecordResult(CallbackAttemptResult.NoAnswer);
        Assert.Equal(pending, callback.PendingReschedule);
        callback.MarkDone();

        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Equal(pending, callback.Schedule);
        Assert.Null(callback.PendingReschedule);
        Assert.Equal(2, callback.AttemptNumber);
        var rescheduled = Assert.Single(f.OfType<CallbackRescheduled>());
        Assert.Equal((original, pending, false, CallbackTrigger.MarkDone), (rescheduled.Previous, rescheduled.Current, rescheduled.IsRetry, rescheduled.Cause));
        Assert.True(f.Events.IndexOf(rescheduled) > f.Events.IndexOf(f.OfType<CallbackStateChanged>().Last()));

        f.Advance(Duration.FromDays(1) - s_tick);
        Assert.Equal(CallbackState.Scheduled, callback.State);
        f.Advance(s_tick);
        Assert.Equal(CallbackState.Due, callback.State);
    }

    [Fact]
    public void A_newer_reschedule_replaces_the_pending_one()
    {
        using var f = new CallbackFixture();
        var callback = f.AfterAttempt(CallbackAttemptResult.Busy);

        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(60)));
        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(90)) { Number = CallbackFixture.Mobile });
        callback.MarkDone();

        Assert.Equal(f.Now + CallbackFixture.Minutes(90), callback.DueAt);
        Assert.Equal(CallbackFixture.Mobile, callback.Number);
        Assert.Equal(2, f.OfType<CallbackReschedulePending>().Count);
    }

    [Fact]
    public void A_reached_contact_who_asks_to_be_called_again_is_rescheduled_not_completed()
    {
        using var f = new CallbackFixture();
        var callback = f.AfterAttempt(CallbackAttemptResult.Reached);
        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(60)));

        callback.MarkDone();

        Assert.Equal(CallbackState.Scheduled, callback.State);
    }

    [Fact]
    public void Rescheduling_without_dialling_then_mark_done_keeps_the_attempt_number()
    {
        using var f = new CallbackFixture();
        var callback = f.Accepted();
        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(60)));

        callback.MarkDone();

        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Empty(callback.Attempts);
        Assert.Equal(1, callback.AttemptNumber);
        Assert.Null(callback.CurrentOffer);
    }

    [Fact]
    public void Rescheduling_a_scheduled_callback_moves_its_due_timer()
    {
        using var f = new CallbackFixture();
        var callback = f.ScheduledIn(CallbackFixture.Minutes(10));

        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(40)));

        Assert.Equal(CallbackState.Scheduled, callback.State);
        f.Advance(CallbackFixture.Minutes(39));
        Assert.Equal(CallbackState.Scheduled, callback.State);
        f.Advance(CallbackFixture.Minutes(1));
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(CallbackTrigger.Reschedule, Assert.Single(f.OfType<CallbackRescheduled>()).Cause);
    }

    [Fact]
    public void Rescheduling_a_due_callback_takes_it_out_of_the_queue_until_the_new_instant()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new VoiceMessageCallbackRequest(CallbackFixture.Home, f.Now - CallbackFixture.Minutes(2)));

        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(30)));

        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Null(callback.DueSince);
        f.Advance(CallbackFixture.Minutes(30));
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(f.Now, callback.QueuedSince);
    }

    [Fact]
    public void A_rescheduled_web_callback_appears_again_at_the_new_time_with_its_new_window_and_number()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Home, new Interval(f.Now, f.Now + CallbackFixture.Minutes(60))));
        f.AfterAttempt(CallbackAttemptResult.AnsweringMachine, AcceptedBy(callback, "alice"));
        var tomorrow = f.Now + Duration.FromDays(1);
        var window = new Interval(tomorrow, tomorrow + Duration.FromHours(2));

        callback.Reschedule(new CallbackReschedule(tomorrow) { Window = window, Number = CallbackFixture.Mobile });
        callback.MarkDone();
        f.Advance(CallbackFixture.Minutes(90));

        Assert.Equal(CallbackState.Scheduled, callback.State);
        f.Advance(Duration.FromDays(1) - CallbackFixture.Minutes(90));
        Assert.Equal(CallbackState.Due, callback.State);
        Assert.Equal(window, callback.Window);
        Assert.Equal(CallbackFixture.Mobile, callback.Number);
    }

    [Fact]
    public void Invalid_reschedules_are_refused_and_change_nothing()
    {
        using var f = new CallbackFixture();
        var callback = f.AfterAttempt(CallbackAttemptResult.Busy);
        var at = f.Now + CallbackFixture.Minutes(10);
        CallbackReschedule[] invalid =
        [
            new(f.Now - s_tick),
            new(at) { Window = new Interval(at + s_tick, at + CallbackFixture.Minutes(5)) },
            new(at) { Number = new ContactNumber(default) },
        ];

        foreach (var reschedule in invalid)
        {
            var refused = Assert.Throws<CallbackCommandRefusedException>(() => callback.Reschedule(reschedule));
            Assert.Equal(CallbackRefusalReason.InvalidArgument, refused.Refusal.Reason);
        }

        Assert.Null(callback.PendingReschedule);
        Assert.Empty(f.OfType<CallbackReschedulePending>());
        Assert.Throws<ArgumentNullException>(() => callback.Reschedule(null!));
    }

    [Fact]
    public void An_offered_callback_cannot_be_rescheduled()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();
        callback.Offer("alice", InteractionId.New());

        var refused = Assert.Throws<CallbackCommandRefusedException>(() => callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(5))));

        Assert.Equal(CallbackRefusalReason.WrongState, refused.Refusal.Reason);
    }

    [Fact]
    public void The_agent_chooses_personal_or_shared_when_the_centre_does_not_force_it()
    {
        using var f = new CallbackFixture();
        var callback = f.AfterAttempt(CallbackAttemptResult.NoAnswer);

        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(30)) { Ownership = CallbackOwnership.Personal("alice") });
        callback.MarkDone();

        Assert.Equal(CallbackOwnership.Personal("alice"), callback.Ownership);
    }

    [Fact]
    public void A_centre_forcing_personal_callbacks_makes_the_holding_agent_the_owner_and_refuses_shared_ones()
    {
        using var f = new CallbackFixture(new CallbackOptions { ForcedOwnership = CallbackOwnershipKind.Personal });
        var callback = f.AfterAttempt(CallbackAttemptResult.NoAnswer);

        var refused = Assert.Throws<CallbackCommandRefusedException>(
            () => callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(30)) { Ownership = CallbackOwnership.Shared }));
        Assert.Equal(CallbackRefusalReason.OwnershipForced, refused.Refusal.Reason);

        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(30)));
        Assert.Equal(CallbackOwnership.Personal("alice"), callback.PendingReschedule!.Ownership);

        // Without an agent holding it, a forced personal reschedule must name the agent.
        var scheduled = f.ScheduledIn(CallbackFixture.Minutes(5));
        Assert.Equal(CallbackRefusalReason.InvalidArgument,
            Assert.Throws<CallbackCommandRefusedException>(() => scheduled.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(9)))).Refusal.Reason);
        scheduled.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(9)) { Ownership = CallbackOwnership.Personal("bob") });
        Assert.Equal(CallbackOwnership.Personal("bob"), scheduled.Ownership);
    }

    [Fact]
    public void A_centre_forcing_shared_callbacks_returns_every_reschedule_to_the_queue()
    {
        using var f = new CallbackFixture(new CallbackOptions { ForcedOwnership = CallbackOwnershipKind.Shared });
        var callback = f.Create(new CampaignCallbackRequest(CallbackFixture.Home, "c1", f.Now) { Ownership = CallbackOwnership.Personal("alice") });
        f.AfterAttempt(CallbackAttemptResult.Busy, AcceptedBy(callback, "alice"));

        Assert.Equal(CallbackRefusalReason.OwnershipForced, Assert.Throws<CallbackCommandRefusedException>(
            () => callback.Reschedule(new CallbackReschedule(f.Now) { Ownership = CallbackOwnership.Personal("alice") })).Refusal.Reason);
        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(5)));
        callback.MarkDone();

        Assert.Same(CallbackOwnership.Shared, callback.Ownership);
    }

    [Fact]
    public void Unschedule_withdraws_a_pending_reschedule_and_mark_done_then_follows_the_usual_rules()
    {
        using var f = new CallbackFixture(new CallbackOptions { RetryDelay = CallbackFixture.Minutes(15) });
        var callback = f.AfterAttempt(CallbackAttemptResult.NoAnswer);
        callback.Reschedule(new CallbackReschedule(f.Now + Duration.FromDays(2)));
        var pending = callback.PendingReschedule;

        callback.Unschedule();

        Assert.Null(callback.PendingReschedule);
        Assert.Equal(pending, Assert.Single(f.OfType<CallbackRescheduleWithdrawn>()).Schedule);
        Assert.Equal(CallbackRefusalReason.NoPendingReschedule, callback.WhyNot(CallbackCommand.Unschedule)!.Reason);
        callback.MarkDone();
        Assert.Equal(f.Now + CallbackFixture.Minutes(15), callback.DueAt);
        Assert.True(Assert.Single(f.OfType<CallbackRescheduled>()).IsRetry);
    }

    [Fact]
    public void Unschedule_cancels_a_callback_whose_reschedule_took_effect()
    {
        using var f = new CallbackFixture();
        var callback = f.AfterAttempt(CallbackAttemptResult.NoAnswer);
        callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(60)));
        callback.MarkDone();

        callback.Unschedule();

        Assert.Equal(CallbackState.Cancelled, callback.State);
        Assert.Equal(CallbackEndReason.Unscheduled, callback.EndReason);
        Assert.Equal(CallbackEndReason.Unscheduled, f.OfType<CallbackStateChanged>()[^1].EndReason);
        f.Advance(CallbackFixture.Minutes(90));
        Assert.Equal(CallbackState.Cancelled, callback.State);
    }

    [Fact]
    public void Only_a_rescheduled_callback_can_be_unscheduled()
    {
        using var f = new CallbackFixture(new CallbackOptions { RetryDelay = CallbackFixture.Minutes(1) });
        Assert.Equal(CallbackRefusalReason.NotRescheduled, f.ScheduledIn(CallbackFixture.Minutes(5)).WhyNot(CallbackCommand.Unschedule)!.Reason);

        var retried = f.AfterAttempt(CallbackAttemptResult.Busy);
        retried.MarkDone();
        Assert.Equal(CallbackState.Scheduled, retried.State);
        Assert.Equal(CallbackRefusalReason.NotRescheduled, retried.WhyNot(CallbackCommand.Unschedule)!.Reason);
        Assert.Equal(CallbackRefusalReason.WrongState, f.Asap().WhyNot(CallbackCommand.Unschedule)!.Reason);
    }

    // ----- retries and failures ----------------------------------------------------------------------

    [Fact]
    public void A_failed_attempt_is_retried_after_the_retry_delay_until_the_attempts_are_exhausted()
    {
        using var f = new CallbackFixture(new CallbackOptions { MaxAttempts = 3, RetryDelay = CallbackFixture.Minutes(20) });
        var callback = f.Asap();

        for (int attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal(attempt, callback.AttemptNumber);
            CallbackFixture.RunSession(callback, CallbackAttemptResult.Busy);
            callback.MarkDone();
            Assert.Equal(CallbackState.Scheduled, callback.State);
            Assert.Equal(f.Now + CallbackFixture.Minutes(20), callback.DueAt);
            f.Advance(CallbackFixture.Minutes(20));
            Assert.Equal(CallbackState.Due, callback.State);
        }

        CallbackFixture.RunSession(callback, CallbackAttemptResult.NoAnswer);
        callback.MarkDone();

        Assert.Equal(CallbackState.Failed, callback.State);
        Assert.Equal(CallbackEndReason.AttemptsExhausted, callback.EndReason);
        Assert.Equal(3, callback.Attempts.Count);
        Assert.Equal(2, f.OfType<CallbackRescheduled>().Count(static e => e.IsRetry));
    }

    [Theory]
    [InlineData(CallbackAttemptResult.InvalidNumber)]
    [InlineData(CallbackAttemptResult.WrongNumber)]
    public void An_unusable_number_fails_the_callback_unless_it_is_rescheduled_with_another_number(CallbackAttemptResult result)
    {
        using var f = new CallbackFixture();
        var failing = f.AfterAttempt(result);
        failing.MarkDone();
        Assert.Equal((CallbackState.Failed, CallbackEndReason.UnusableNumber), (failing.State, failing.EndReason));

        var rescued = f.AfterAttempt(result);
        rescued.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(5)) { Number = CallbackFixture.Mobile });
        rescued.MarkDone();
        Assert.Equal(CallbackState.Scheduled, rescued.State);
        Assert.Equal(CallbackFixture.Mobile, rescued.Number);
    }

    [Fact]
    public void A_retry_that_would_fall_after_the_window_fails_the_callback()
    {
        using var f = new CallbackFixture(new CallbackOptions { RetryDelay = CallbackFixture.Minutes(30) });
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Home, new Interval(f.Now, f.Now + CallbackFixture.Minutes(45))));
        f.Advance(CallbackFixture.Minutes(15));
        f.AfterAttempt(CallbackAttemptResult.NoAnswer, AcceptedBy(callback, "alice"));

        callback.MarkDone();

        Assert.Equal((CallbackState.Failed, CallbackEndReason.WindowExpired), (callback.State, callback.EndReason));
    }

    [Fact]
    public void A_retry_never_falls_before_the_window_opens()
    {
        using var f = new CallbackFixture(new CallbackOptions { RetryDelay = CallbackFixture.Minutes(15) });
        var opens = f.Now + CallbackFixture.Minutes(60);
        var callback = f.Create(new ScheduledCallbackRequest(CallbackFixture.Home, opens) { Window = new Interval(opens, opens + CallbackFixture.Minutes(120)) });
        callback.MarkDue();
        f.AfterAttempt(CallbackAttemptResult.Busy, AcceptedBy(callback, "alice"));

        callback.MarkDone();

        Assert.Equal(opens, callback.DueAt);
    }

    [Fact]
    public void The_window_s_end_fails_a_queued_callback_exactly_at_the_end()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Home, new Interval(f.Now, f.Now + CallbackFixture.Minutes(30))));

        f.Advance(CallbackFixture.Minutes(30) - s_tick);
        Assert.Equal(CallbackState.Due, callback.State);
        f.Advance(s_tick);

        Assert.Equal((CallbackState.Failed, CallbackEndReason.WindowExpired), (callback.State, callback.EndReason));
        var change = f.OfType<CallbackStateChanged>()[^1];
        Assert.Equal((CallbackTrigger.WindowExpired, CallbackEndReason.WindowExpired), (change.Cause, change.EndReason));
    }

    [Fact]
    public void The_window_s_end_withdraws_a_pending_offer()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Home, new Interval(f.Now, f.Now + CallbackFixture.Minutes(30))));
        f.Advance(CallbackFixture.Minutes(29));
        callback.Offer("alice", InteractionId.New());

        f.Advance(CallbackFixture.Minutes(1));

        Assert.Equal(CallbackState.Failed, callback.State);
        Assert.Equal(CallbackOfferOutcome.Withdrawn, Assert.Single(f.OfType<CallbackOfferEnded>()).Outcome);
        Assert.Null(callback.CurrentOffer);
    }

    [Fact]
    public void The_window_s_end_does_not_interrupt_an_agent_s_session()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new WebCallbackRequest(CallbackFixture.Home, new Interval(f.Now, f.Now + CallbackFixture.Minutes(30))));
        AcceptedBy(callback, "alice");
        callback.Dial();

        f.Advance(CallbackFixture.Minutes(45));
        Assert.Equal(CallbackState.InProgress, callback.State);
        callback.RecordResult(CallbackAttemptResult.Reached);
        callback.MarkDone();

        Assert.Equal(CallbackState.Completed, callback.State);
    }

    [Fact]
    public void Cancel_removes_a_scheduled_callback_and_stops_its_timers()
    {
        using var f = new CallbackFixture();
        var callback = f.Create(new ScheduledCallbackRequest(CallbackFixture.Home, f.Now + CallbackFixture.Minutes(10))
        {
            Window = new Interval(f.Now, f.Now + CallbackFixture.Minutes(20)),
        });

        callback.Cancel();
        f.Advance(CallbackFixture.Minutes(30));

        Assert.Equal((CallbackState.Cancelled, CallbackEndReason.Cancelled), (callback.State, callback.EndReason));
        Assert.Single(f.OfType<CallbackStateChanged>());
    }

    // ----- events and subscribers ----------------------------------------------------------------------

    [Fact]
    public void A_throwing_subscriber_is_detached_and_cannot_corrupt_the_callback()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();
        var failure = new InvalidOperationException("subscriber bug");
        var faultyReceived = new List<CallbackEvent>();
        var faulty = new ThrowingObserver(faultyReceived, failure);
        using var subscription = callback.Events.Subscribe(faulty);
        var after = new List<CallbackEvent>();
        using var other = callback.Events.Subscribe(new Recorder<CallbackEvent>(after));

        var exception = Record.Exception(() => callback.Offer("alice", InteractionId.New()));
        callback.Accept();

        Assert.Null(exception);
        Assert.Equal(CallbackState.Accepted, callback.State);
        Assert.Single(faultyReceived);
        Assert.Same(failure, Assert.Single(faulty.Errors));
        Assert.Equal(f.Events.Skip(f.Events.Count - after.Count), after);
        Assert.Equal(4, after.Count);
    }

    [Fact]
    public void The_definition_is_shared_and_exports_every_state()
    {
        Assert.Same(Callback.Definition, Callback.Definition);
        Assert.Equal(CallbackState.Scheduled, Callback.Definition.InitialState);
        string mermaid = Callback.Definition.ToMermaidGraph();
        foreach (var state in Enum.GetValues<CallbackState>())
        {
            Assert.Contains(state.ToString(), mermaid, StringComparison.Ordinal);
        }

        Assert.Contains("a reschedule is pending", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_kind_id_and_state()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();
        Assert.Equal($"Asap callback {callback.Id} Due", callback.ToString());
    }

    // ----- helpers -----------------------------------------------------------------------------------

    internal static Callback AcceptedBy(Callback callback, string agent)
    {
        callback.Offer(agent, InteractionId.New());
        callback.Accept();
        return callback;
    }

    private static Callback Reach(CallbackFixture f, CallbackState state)
    {
        switch (state)
        {
            case CallbackState.Scheduled: return f.ScheduledIn(CallbackFixture.Minutes(10));
            case CallbackState.Due: return f.Asap();
            case CallbackState.Offered:
                var offered = f.Asap();
                offered.Offer("alice", InteractionId.New());
                return offered;
            case CallbackState.Accepted: return f.Accepted();
            case CallbackState.InProgress:
                var inProgress = f.Accepted();
                inProgress.Dial();
                return inProgress;
            case CallbackState.WrapUp: return f.AfterAttempt(CallbackAttemptResult.Busy);
            case CallbackState.Completed:
                var completed = f.AfterAttempt(CallbackAttemptResult.Reached);
                completed.MarkDone();
                return completed;
            case CallbackState.Cancelled:
                var cancelled = f.Asap();
                cancelled.Cancel();
                return cancelled;
            default:
                var failed = f.AfterAttempt(CallbackAttemptResult.InvalidNumber);
                failed.MarkDone();
                return failed;
        }
    }

    /// <summary>Applies <paramref name="command"/> with valid arguments (so that only the state can refuse it).</summary>
    private static void Apply(Callback callback, CallbackCommand command, CallbackFixture f)
    {
        switch (command)
        {
            case CallbackCommand.MarkDue: callback.MarkDue(); break;
            case CallbackCommand.Offer: callback.Offer("alice", InteractionId.New()); break;
            case CallbackCommand.Accept: callback.Accept(); break;
            case CallbackCommand.Decline: callback.Decline(); break;
            case CallbackCommand.OfferTimedOut: callback.OfferTimedOut(); break;
            case CallbackCommand.WithdrawOffer: callback.WithdrawOffer(); break;
            case CallbackCommand.Dial: callback.Dial(); break;
            case CallbackCommand.RecordResult: callback.RecordResult(CallbackAttemptResult.Busy); break;
            case CallbackCommand.Reschedule: callback.Reschedule(new CallbackReschedule(f.Now + CallbackFixture.Minutes(60))); break;
            case CallbackCommand.Unschedule: callback.Unschedule(); break;
            case CallbackCommand.MarkDone: callback.MarkDone(); break;
            default: callback.Cancel(); break;
        }
    }

    private static string Snapshot(Callback callback, CallbackFixture f) =>
        string.Join(
            " | ",
            callback.State,
            callback.Schedule,
            callback.PendingReschedule,
            callback.CurrentOffer,
            string.Join(";", callback.Attempts),
            callback.QueuedSince,
            callback.DueSince,
            callback.EndReason,
            f.Events.Count);

    private sealed class ThrowingObserver(List<CallbackEvent> received, Exception failure) : IObserver<CallbackEvent>
    {
        public List<Exception> Errors { get; } = [];

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => Errors.Add(error);

        public void OnNext(CallbackEvent value)
        {
            received.Add(value);
            throw failure;
        }
    }
}
