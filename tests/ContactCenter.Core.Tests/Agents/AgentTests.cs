using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

public sealed class AgentTests
{
    private static readonly AgentOptions s_options = new()
    {
        AfterCallWork = new AfterCallWorkPolicy
        {
            DefaultDuration = Duration.FromSeconds(30),
            DurationByQueue = new Dictionary<string, Duration> { ["sales"] = Duration.FromSeconds(60), ["nowrap"] = Duration.Zero },
            Extension = Duration.FromSeconds(20),
            MaxExtensions = 2,
        },
        OfferTimeout = Duration.FromSeconds(15),
        LogoutDeadline = Duration.FromSeconds(10),
        MaxConsecutiveMissedOffers = 2,
    };

    // ----- states and not-ready reasons ------------------------------------------------------------

    [Fact]
    public void A_new_agent_is_logged_out()
    {
        using var f = new AgentFixture(s_options);

        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
        Assert.Equal([AgentCommand.LogIn], f.Agent.PermittedCommands);
    }

    [Fact]
    public void Logging_in_makes_the_agent_not_ready_with_the_log_in_reason()
    {
        using var f = new AgentFixture(s_options);

        f.Agent.LogIn();

        Assert.Equal(AgentState.NotReady, f.Agent.State);
        Assert.Equal("LoggedIn", f.Agent.NotReadyReason);
    }

    [Fact]
    public void Not_ready_takes_a_configured_reason_code()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();

        f.Agent.SetNotReady("Lunch");

        Assert.Equal(AgentState.NotReady, f.Agent.State);
        Assert.Equal("Lunch", f.Agent.NotReadyReason);
    }

    [Fact]
    public void An_unconfigured_reason_code_is_refused()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.SetNotReady("Nap"));

        Assert.Equal(AgentRefusalReason.InvalidReasonCode, exception.Refusal.Reason);
        Assert.Contains("Nap", exception.Message, StringComparison.Ordinal);
        Assert.Equal(AgentState.Ready, f.Agent.State);
    }

    [Fact]
    public void Changing_the_reason_while_not_ready_publishes_a_state_change_with_the_new_reason()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.LogIn();

        f.Agent.SetNotReady("Break");

        var last = f.OfType<AgentStateChanged>().Last();
        Assert.Equal((AgentState.NotReady, AgentState.NotReady, "Break"), (last.Previous, last.Current, last.NotReadyReason));
    }

    [Fact]
    public void Going_ready_clears_the_reason()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();

        Assert.Null(f.Agent.NotReadyReason);
    }

    [Fact]
    public void Logging_out_while_ready_or_not_ready_is_immediate()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.LogOut();
        Assert.Equal(AgentState.LoggedOut, f.Agent.State);

        f.Agent.LogIn();
        f.Agent.LogOut();
        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
    }

    // ----- offers -----------------------------------------------------------------------------------

    [Fact]
    public void A_reservation_makes_a_ready_agent_reserved()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        var id = AgentFixture.NewId();

        f.Agent.Reserve(id, MediaType.Voice, "sales");

        Assert.Equal(AgentState.Reserved, f.Agent.State);
        Assert.Equal(id, f.Agent.Offer!.InteractionId);
        Assert.Equal(AgentFixture.Start + Duration.FromSeconds(15), f.Agent.Offer.ExpiresAt);
    }

    [Fact]
    public void Accepting_an_offer_makes_the_agent_busy_with_the_interaction()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("sales");

        Assert.Equal(AgentState.Busy, f.Agent.State);
        Assert.Equal(new AgentInteraction(id, MediaType.Voice, "sales"), Assert.Single(f.Agent.Interactions));
        Assert.Null(f.Agent.Offer);
    }

    [Fact]
    public void Rejecting_an_offer_returns_the_agent_to_ready()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);

        f.Agent.RejectOffer();

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(1, f.Agent.ConsecutiveMissedOffers);
        Assert.Equal(OfferOutcome.Rejected, f.OfType<AgentOfferEnded>().Single().Outcome);
    }

    [Fact]
    public void An_offer_timing_out_returns_the_agent_to_ready()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice, timeout: Duration.FromSeconds(5));

        f.Advance(4);
        Assert.Equal(AgentState.Reserved, f.Agent.State);
        f.Advance(1);

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(OfferOutcome.TimedOut, f.OfType<AgentOfferEnded>().Single().Outcome);
        Assert.Equal(AgentTrigger.OfferTimedOut, f.OfType<AgentStateChanged>().Last().Cause);
    }

    [Fact]
    public void An_answered_offer_does_not_time_out_later()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();

        f.Advance(60);

        Assert.Equal(AgentState.Busy, f.Agent.State);
    }

    [Fact]
    public void After_the_configured_consecutive_missed_offers_the_agent_goes_not_ready()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
        f.Agent.RejectOffer();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);

        f.Advance(15);

        Assert.Equal(AgentState.NotReady, f.Agent.State);
        Assert.Equal("MissedOffers", f.Agent.NotReadyReason);
        Assert.Equal(0, f.Agent.ConsecutiveMissedOffers);
        var resolved = f.OfType<DeferredIntentResolved>().Single().Intent;
        Assert.Equal((DeferredIntentOrigin.System, DeferredIntentStatus.Granted), (resolved.Origin, resolved.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reaching_the_missed_offer_limit_while_reserved_requests_then_grants_a_system_intent_under_one_correlation_id(bool timesOut)
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
        f.Agent.RejectOffer();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
        f.Events.Clear();

        if (timesOut)
        {
            f.Advance(15);
        }
        else
        {
            f.Agent.RejectOffer();
        }

        Assert.Equal(
            [typeof(AgentOfferEnded), typeof(DeferredIntentRequested), typeof(DeferredIntentResolved), typeof(AgentStateChanged)],
            f.Events.Select(e => e.GetType()));
        Assert.Single(f.Events.Select(e => e.CorrelationId).Distinct());
        Assert.Single(f.Events.Select(e => e.At).Distinct());
        var requested = f.OfType<DeferredIntentRequested>().Single().Intent;
        Assert.Equal(
            (DeferredIntentKind.NotReady, "MissedOffers", DeferredIntentOrigin.System, DeferredIntentStatus.Pending),
            (requested.Kind, requested.NotReadyReason, requested.Origin, requested.Status));
        Assert.Equal(requested with { Status = DeferredIntentStatus.Granted }, f.OfType<DeferredIntentResolved>().Single().Intent);
        var change = f.OfType<AgentStateChanged>().Single();
        Assert.Equal((AgentState.Reserved, AgentState.NotReady, "MissedOffers"), (change.Previous, change.Current, change.NotReadyReason));
        Assert.Null(f.Agent.PendingIntent);
    }

    [Fact]
    public void Accepting_an_offer_resets_the_missed_offer_count()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
        f.Agent.RejectOffer();

        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
        f.Agent.AcceptOffer();

        Assert.Equal(0, f.Agent.ConsecutiveMissedOffers);
    }

    [Fact]
    public void A_released_reservation_is_not_a_missed_offer()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);

        f.Agent.ReleaseReservation();

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(0, f.Agent.ConsecutiveMissedOffers);
    }

    [Fact]
    public void Missed_offers_never_set_not_ready_when_the_limit_is_zero()
    {
        using var f = new AgentFixture(s_options with { MaxConsecutiveMissedOffers = 0 });
        f.Ready();
        for (int i = 0; i < 10; i++)
        {
            f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
            f.Agent.RejectOffer();
        }

        Assert.Equal(AgentState.Ready, f.Agent.State);
    }

    [Fact]
    public void A_second_reservation_while_one_is_pending_is_refused()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat);

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat));

        Assert.Equal(AgentState.Reserved, exception.State);
    }

    [Fact]
    public void A_non_positive_offer_timeout_is_refused()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice, timeout: Duration.Zero));

        Assert.Equal(AgentRefusalReason.InvalidArgument, exception.Refusal.Reason);
    }

    // ----- capacity ---------------------------------------------------------------------------------

    [Fact]
    public void A_busy_agent_takes_more_chats_up_to_its_chat_capacity()
    {
        using var f = new AgentFixture(s_options with { Capacity = new AgentCapacity(voice: 1, chat: 3) });
        f.Ready();
        for (int i = 0; i < 3; i++)
        {
            f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat);
            f.Agent.AcceptOffer();
        }

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat));

        Assert.Equal(AgentRefusalReason.CapacityReached, exception.Refusal.Reason);
        Assert.Equal(3, f.Agent.Interactions.Count);
        Assert.Equal(AgentState.Busy, f.Agent.State);
    }

    [Fact]
    public void One_voice_call_and_chats_at_once_within_capacity()
    {
        using var f = new AgentFixture(s_options with { Capacity = new AgentCapacity(voice: 1, chat: 3) });
        f.OnVoiceCall();

        f.Agent.StartInteraction(AgentFixture.NewId(), MediaType.Chat);
        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.StartInteraction(AgentFixture.NewId(), MediaType.Callback));

        Assert.Equal(AgentRefusalReason.CapacityReached, exception.Refusal.Reason);
        Assert.Equal(2, f.Agent.Interactions.Count);
    }

    [Fact]
    public void A_medium_without_capacity_is_refused()
    {
        using var f = new AgentFixture(s_options with { Capacity = new AgentCapacity(voice: 1) });
        f.Ready();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.Reserve(AgentFixture.NewId(), MediaType.Email));

        Assert.Equal(AgentRefusalReason.CapacityReached, exception.Refusal.Reason);
    }

    [Fact]
    public void Starting_an_interaction_the_agent_already_has_is_refused()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.StartInteraction(id, MediaType.Chat));

        Assert.Equal(AgentRefusalReason.DuplicateInteraction, exception.Refusal.Reason);
    }

    [Fact]
    public void Ending_an_unknown_interaction_is_refused()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.EndInteraction(AgentFixture.NewId()));

        Assert.Equal(AgentRefusalReason.UnknownInteraction, exception.Refusal.Reason);
    }

    // ----- after-call work ----------------------------------------------------------------------------

    [Fact]
    public void After_call_work_starts_when_the_last_voice_interaction_ends()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall();

        f.Agent.EndInteraction(id);

        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.Equal(AgentFixture.Start + Duration.FromSeconds(30), f.Agent.AfterCallWorkEndsAt);
        Assert.Single(f.OfType<AfterCallWorkStarted>());
    }

    [Fact]
    public void After_call_work_duration_comes_from_the_queue()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("sales");

        f.Agent.EndInteraction(id);

        Assert.Equal(AgentFixture.Start + Duration.FromSeconds(60), f.Agent.AfterCallWorkEndsAt);
        Assert.Equal("sales", f.OfType<AfterCallWorkStarted>().Single().Queue);
    }

    [Fact]
    public void A_queue_with_zero_after_call_work_goes_straight_back_to_ready()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("nowrap");

        f.Agent.EndInteraction(id);

        Assert.Equal(AgentState.Ready, f.Agent.State);
    }

    [Fact]
    public void After_call_work_ends_by_itself_back_to_ready()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());

        f.Advance(29);
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        f.Advance(1);

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(AgentTrigger.AfterCallWorkTimedOut, f.OfType<AgentStateChanged>().Last().Cause);
    }

    [Fact]
    public void After_call_work_ends_by_itself_to_not_ready_when_requested()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());
        f.Agent.SetNotReady("Break");
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);

        f.Advance(30);

        Assert.Equal(AgentState.NotReady, f.Agent.State);
        Assert.Equal("Break", f.Agent.NotReadyReason);
    }

    [Fact]
    public void The_end_of_a_chat_does_not_start_after_call_work()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        var id = AgentFixture.NewId();
        f.Agent.StartInteraction(id, MediaType.Chat);

        f.Agent.EndInteraction(id);

        Assert.Equal(AgentState.Ready, f.Agent.State);
    }

    [Fact]
    public void After_call_work_starts_when_the_voice_call_ends_even_if_chats_go_on_and_returns_to_busy()
    {
        using var f = new AgentFixture(s_options);
        var voice = f.OnVoiceCall();
        var chat = AgentFixture.NewId();
        f.Agent.StartInteraction(chat, MediaType.Chat);

        f.Agent.EndInteraction(voice);
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        f.Advance(30);

        Assert.Equal(AgentState.Busy, f.Agent.State);
        Assert.Equal(chat, Assert.Single(f.Agent.Interactions).InteractionId);
    }

    [Fact]
    public void Extending_after_call_work_adds_the_configured_amount()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());

        f.Advance(10);
        f.Agent.ExtendAfterCallWork();

        Assert.Equal(AgentFixture.Start + Duration.FromSeconds(50), f.Agent.AfterCallWorkEndsAt);
        f.Advance(39);
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        f.Advance(1);
        Assert.Equal(AgentState.Ready, f.Agent.State);
    }

    [Fact]
    public void After_call_work_can_be_extended_repeatedly_up_to_the_maximum_then_is_refused_with_a_clear_reason()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());
        f.Agent.ExtendAfterCallWork();
        f.Agent.ExtendAfterCallWork();

        Assert.False(f.Agent.Can(AgentCommand.ExtendAfterCallWork));
        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.ExtendAfterCallWork());

        Assert.Equal(AgentRefusalReason.ExtensionLimitReached, exception.Refusal.Reason);
        Assert.Contains("maximum (2)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, f.Agent.AfterCallWorkExtensions);
        Assert.Equal(AgentFixture.Start + Duration.FromSeconds(70), f.Agent.AfterCallWorkEndsAt);
    }

    [Fact]
    public void Ending_after_call_work_early_returns_to_ready()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());

        f.Agent.EndAfterCallWork();

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Null(f.Agent.AfterCallWorkEndsAt);
        f.Advance(60);
        Assert.Equal(AgentState.Ready, f.Agent.State);
    }

    [Fact]
    public void Ending_after_call_work_early_goes_not_ready_when_requested()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());
        f.Agent.SetNotReady("Meeting");

        f.Agent.EndAfterCallWork();

        Assert.Equal((AgentState.NotReady, "Meeting"), (f.Agent.State, f.Agent.NotReadyReason));
    }

    [Fact]
    public void Going_ready_during_after_call_work_ends_it_and_cancels_the_pending_intent()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());
        f.Agent.SetNotReady("Meeting");

        f.Agent.SetReady();

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Null(f.Agent.PendingIntent);
        Assert.Equal(DeferredIntentStatus.Cancelled, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
    }

    [Fact]
    public void No_reservation_during_after_call_work()
    {
        using var f = new AgentFixture(s_options);
        f.Agent.EndInteraction(f.OnVoiceCall());

        var refusal = f.Agent.WhyNot(AgentCommand.Reserve);

        Assert.Equal(AgentRefusalReason.WrongState, refusal!.Reason);
    }

    // ----- deferred intents -----------------------------------------------------------------------------

    [Fact]
    public void Not_ready_while_busy_is_deferred_until_the_work_ends()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("nowrap");

        f.Agent.SetNotReady("Break");
        Assert.Equal(AgentState.Busy, f.Agent.State);
        Assert.Equal((DeferredIntentKind.NotReady, "Break"), (f.Agent.PendingIntent!.Kind, f.Agent.PendingIntent.NotReadyReason));

        f.Agent.EndInteraction(id);

        Assert.Equal((AgentState.NotReady, "Break"), (f.Agent.State, f.Agent.NotReadyReason));
        Assert.Equal(DeferredIntentStatus.Granted, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
    }

    [Fact]
    public void A_pending_intent_stops_new_offers()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();
        f.Agent.SetNotReady("Break");

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat));

        Assert.Equal(AgentRefusalReason.IntentPending, exception.Refusal.Reason);
    }

    [Fact]
    public void A_newer_not_ready_intent_supersedes_the_pending_one()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();
        f.Agent.SetNotReady("Break");

        f.Agent.SetNotReady("Lunch");

        Assert.Equal("Lunch", f.Agent.PendingIntent!.NotReadyReason);
        Assert.Equal(DeferredIntentStatus.Superseded, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
    }

    [Theory]
    [InlineData("SetNotReady while busy")]
    [InlineData("LogOut while busy")]
    [InlineData("SetNotReady while reserved")]
    [InlineData("LogOut while reserved")]
    [InlineData("SetNotReady in after-call work")]
    [InlineData("LogOut in after-call work")]
    public void An_intent_replaced_by_a_newer_one_is_resolved_as_superseded_before_the_newer_one_is_published(string scenario)
    {
        using var f = new AgentFixture(s_options);
        if (scenario.EndsWith("while reserved", StringComparison.Ordinal))
        {
            f.Ready();
            f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        }
        else
        {
            var call = f.OnVoiceCall();
            if (scenario.EndsWith("in after-call work", StringComparison.Ordinal))
            {
                f.Agent.EndInteraction(call);
                Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
            }
        }

        f.Agent.SetNotReady("Break");
        var older = f.Agent.PendingIntent!;
        f.Events.Clear();
        var correlation = Guid.NewGuid();

        if (scenario.StartsWith("LogOut", StringComparison.Ordinal))
        {
            f.Agent.LogOut(correlation);
        }
        else
        {
            f.Agent.SetNotReady("Lunch", correlation);
        }

        var resolved = Assert.Single(f.OfType<DeferredIntentResolved>());
        Assert.Equal(older with { Status = DeferredIntentStatus.Superseded }, resolved.Intent);
        Assert.Equal(correlation, resolved.CorrelationId);
        var requested = Assert.Single(f.OfType<DeferredIntentRequested>());
        Assert.NotEqual(older.Id, requested.Intent.Id);
        Assert.True(f.Events.IndexOf(resolved) < f.Events.IndexOf(requested), "the superseded intent is resolved before the newer one is published");
        Assert.Equal(requested.Intent, f.Agent.PendingIntent);
    }

    [Fact]
    public void Log_out_while_busy_is_deferred_until_the_work_ends()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall();
        f.Agent.LogOut();
        Assert.Equal(DeferredIntentKind.LogOut, f.Agent.PendingIntent!.Kind);

        f.Agent.EndInteraction(id);
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        f.Advance(30);

        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
    }

    [Fact]
    public void An_intent_can_be_cancelled_by_the_agent()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("nowrap");
        f.Agent.SetNotReady("Break");

        f.Agent.CancelIntent();
        f.Agent.EndInteraction(id);

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(DeferredIntentStatus.Cancelled, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
    }

    [Fact]
    public void An_intent_can_be_overridden_by_a_supervisor()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("nowrap");
        f.Agent.LogOut();

        f.Agent.OverrideIntent();
        f.Agent.EndInteraction(id);

        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(DeferredIntentStatus.Overridden, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
    }

    [Fact]
    public void Cancelling_without_a_pending_intent_is_refused()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();

        Assert.Equal(AgentRefusalReason.NoIntentPending, f.Agent.WhyNot(AgentCommand.CancelIntent)!.Reason);
    }

    [Fact]
    public void A_second_logout_while_one_is_pending_is_refused()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();
        f.Agent.LogOut();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.SetNotReady("Break"));

        Assert.Equal(AgentRefusalReason.LogoutPending, exception.Refusal.Reason);
    }

    [Fact]
    public void Not_ready_while_reserved_takes_effect_when_the_offer_is_rejected()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);
        f.Agent.SetNotReady("Break");

        f.Agent.RejectOffer();

        Assert.Equal((AgentState.NotReady, "Break"), (f.Agent.State, f.Agent.NotReadyReason));
    }

    // ----- negotiated logout ------------------------------------------------------------------------------

    [Fact]
    public void Logout_while_a_dialer_holds_a_reservation_is_negotiated_with_a_deadline()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);

        f.Agent.LogOut();

        Assert.Equal(AgentState.LogoutPending, f.Agent.State);
        Assert.Equal(AgentFixture.Start + Duration.FromSeconds(10), f.Agent.PendingIntent!.Deadline);
        Assert.NotNull(f.Agent.Offer);
    }

    [Fact]
    public void Negotiated_logout_completes_when_the_dialer_releases_the_agent()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();
        f.Advance(3);

        f.Agent.ReleaseReservation();

        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
        Assert.Equal(DeferredIntentStatus.Granted, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
        Assert.Equal(OfferOutcome.Released, f.OfType<AgentOfferEnded>().Single().Outcome);
    }

    [Fact]
    public void Negotiated_logout_completes_at_the_deadline_revoking_the_reservation()
    {
        using var f = new AgentFixture(s_options with { OfferTimeout = Duration.FromSeconds(60) });
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();

        f.Advance(9);
        Assert.Equal(AgentState.LogoutPending, f.Agent.State);
        f.Advance(1);

        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
        Assert.Equal(AgentTrigger.LogoutDeadlineReached, f.OfType<AgentStateChanged>().Last().Cause);
        Assert.Equal(OfferOutcome.Revoked, f.OfType<AgentOfferEnded>().Single().Outcome);
        Assert.Null(f.Agent.Offer);
    }

    [Fact]
    public void Negotiated_logout_counts_down_every_second_on_the_time_source()
    {
        using var f = new AgentFixture(s_options with { OfferTimeout = Duration.FromSeconds(60), LogoutDeadline = Duration.FromSeconds(3) });
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();
        var remaining = new List<Duration>();
        bool completed = false;
        using var subscription = f.Agent.LogoutCountdown.Subscribe(new CountdownObserver(remaining, () => completed = true));

        f.Advance(5);

        Assert.Equal([Duration.FromSeconds(3), Duration.FromSeconds(2), Duration.FromSeconds(1), Duration.Zero], remaining);
        Assert.True(completed);
        Assert.Equal(4, f.OfType<LogoutCountdownTicked>().Count);
    }

    [Fact]
    public void Countdown_ticks_carry_the_correlation_id_of_the_command_that_started_the_countdown()
    {
        using var f = new AgentFixture(s_options with { OfferTimeout = Duration.FromSeconds(60), LogoutDeadline = Duration.FromSeconds(3) });
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        var logout = Guid.NewGuid();

        f.Agent.LogOut(logout);
        f.Advance(5);

        var ticks = f.OfType<LogoutCountdownTicked>();
        Assert.Equal([Duration.FromSeconds(3), Duration.FromSeconds(2), Duration.FromSeconds(1), Duration.Zero], ticks.Select(t => t.Remaining));
        Assert.All(ticks, t => Assert.Equal(logout, t.CorrelationId));

        // Reaching the deadline is a timer firing like the others: its events get a new correlation id.
        var deadline = f.OfType<AgentStateChanged>().Last();
        Assert.Equal(AgentTrigger.LogoutDeadlineReached, deadline.Cause);
        Assert.NotEqual(logout, deadline.CorrelationId);
        Assert.Equal(deadline.CorrelationId, f.OfType<DeferredIntentResolved>().Single().CorrelationId);
    }

    [Fact]
    public void Countdown_ticks_carry_the_correlation_id_of_the_command_that_started_the_countdown_when_a_deferred_logout_becomes_negotiated()
    {
        using var f = new AgentFixture(s_options with { OfferTimeout = Duration.FromSeconds(60), LogoutDeadline = Duration.FromSeconds(2) });
        var call = f.OnVoiceCall("nowrap");
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat);
        f.Agent.LogOut();
        var ending = Guid.NewGuid();

        f.Agent.EndInteraction(call, ending);
        Assert.Equal(AgentState.LogoutPending, f.Agent.State);
        f.Advance(1);

        var ticks = f.OfType<LogoutCountdownTicked>();
        Assert.Equal([Duration.FromSeconds(2), Duration.FromSeconds(1)], ticks.Select(t => t.Remaining));
        Assert.All(ticks, t => Assert.Equal(ending, t.CorrelationId));
    }

    [Fact]
    public void The_countdown_completes_when_the_agent_is_released()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();
        var remaining = new List<Duration>();
        bool completed = false;
        using var subscription = f.Agent.LogoutCountdown.Subscribe(new CountdownObserver(remaining, () => completed = true));
        f.Advance(1);

        f.Agent.ReleaseReservation();
        f.Advance(20);

        Assert.True(completed);
        Assert.Equal([Duration.FromSeconds(10), Duration.FromSeconds(9)], remaining);
    }

    [Fact]
    public void The_countdown_completes_at_once_when_no_logout_is_pending()
    {
        using var f = new AgentFixture(s_options);
        bool completed = false;

        using var subscription = f.Agent.LogoutCountdown.Subscribe(new CountdownObserver([], () => completed = true));

        Assert.True(completed);
    }

    [Fact]
    public void No_new_reservation_while_logout_is_pending()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.Reserve(AgentFixture.NewId(), MediaType.Chat));

        Assert.Equal(AgentState.LogoutPending, exception.State);
        Assert.Contains("no new reservation", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_a_negotiated_logout_returns_to_reserved_with_the_offer()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        var id = AgentFixture.NewId();
        f.Agent.Reserve(id, MediaType.OutboundCampaign);
        f.Agent.LogOut();

        f.Agent.CancelIntent();
        f.Advance(10);

        Assert.Equal(AgentState.Reserved, f.Agent.State);
        Assert.Equal(id, f.Agent.Offer!.InteractionId);
    }

    [Fact]
    public void A_supervisor_overriding_a_negotiated_logout_returns_to_reserved()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign);
        f.Agent.LogOut();

        f.Agent.OverrideIntent();

        Assert.Equal(AgentState.Reserved, f.Agent.State);
        Assert.Equal(DeferredIntentStatus.Overridden, f.OfType<DeferredIntentResolved>().Single().Intent.Status);
    }

    [Fact]
    public void A_call_delivered_during_a_negotiated_logout_is_taken_and_the_logout_waits_for_its_end()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        var id = AgentFixture.NewId();
        f.Agent.Reserve(id, MediaType.OutboundCampaign, "nowrap");
        f.Agent.LogOut();

        f.Agent.AcceptOffer();
        f.Advance(30);
        Assert.Equal(AgentState.Busy, f.Agent.State);
        Assert.Null(f.Agent.PendingIntent!.Deadline);
        f.Agent.EndInteraction(id);

        Assert.Equal(AgentState.LoggedOut, f.Agent.State);
    }

    [Fact]
    public void Accepting_the_call_during_a_negotiated_logout_publishes_the_pending_intent_without_its_deadline()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.OutboundCampaign, "nowrap");
        f.Agent.LogOut();
        var negotiated = f.Agent.PendingIntent!;
        Assert.NotNull(negotiated.Deadline);
        var accepting = Guid.NewGuid();

        f.Agent.AcceptOffer(accepting);

        // A subscriber's view of the pending intent (the last published, not yet resolved) is the agent's.
        var last = f.OfType<DeferredIntentRequested>().Last();
        Assert.Equal(negotiated with { Deadline = null }, last.Intent);
        Assert.Equal(f.Agent.PendingIntent, last.Intent);
        Assert.Equal(accepting, last.CorrelationId);
        Assert.Empty(f.OfType<DeferredIntentResolved>());
    }

    // ----- queries, refusals, events ---------------------------------------------------------------------

    [Fact]
    public void End_interaction_is_permitted_only_while_the_agent_has_an_interaction()
    {
        using var f = new AgentFixture(s_options);
        var call = f.OnVoiceCall();
        var chat = AgentFixture.NewId();
        f.Agent.StartInteraction(chat, MediaType.Chat);
        f.Agent.EndInteraction(call);
        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.True(f.Agent.Can(AgentCommand.EndInteraction));
        Assert.Contains(AgentCommand.EndInteraction, f.Agent.PermittedCommands);

        f.Agent.EndInteraction(chat);

        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.Empty(f.Agent.Interactions);
        Assert.False(f.Agent.Can(AgentCommand.EndInteraction));
        Assert.DoesNotContain(AgentCommand.EndInteraction, f.Agent.PermittedCommands);
        var refusal = f.Agent.WhyNot(AgentCommand.EndInteraction)!;
        Assert.Equal((AgentState.AfterCallWork, AgentRefusalReason.WrongState, "The agent has no interaction."), (refusal.State, refusal.Reason, refusal.Message));
        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.EndInteraction(chat));
        Assert.Equal(refusal, exception.Refusal);
        Assert.DoesNotContain(AgentCommand.EndInteraction, exception.PermittedCommands);
    }

    [Fact]
    public void Permitted_commands_follow_the_state()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();

        Assert.Equal([AgentCommand.LogOut, AgentCommand.SetNotReady, AgentCommand.Reserve, AgentCommand.StartInteraction], f.Agent.PermittedCommands);
        Assert.True(f.Agent.Can(AgentCommand.Reserve));
        Assert.Null(f.Agent.WhyNot(AgentCommand.Reserve));
    }

    [Fact]
    public void A_refused_command_names_state_command_permitted_commands_and_reason_and_changes_nothing()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        int events = f.Events.Count;

        var exception = Assert.Throws<AgentCommandRefusedException>(() => f.Agent.AcceptOffer());

        Assert.Equal(AgentState.Ready, exception.State);
        Assert.Equal(AgentCommand.AcceptOffer, exception.Command);
        Assert.Equal(f.Agent.PermittedCommands, exception.PermittedCommands);
        Assert.Equal(AgentRefusalReason.WrongState, exception.Refusal.Reason);
        Assert.Contains("Ready", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AcceptOffer", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Permitted commands: LogOut, SetNotReady, Reserve, StartInteraction", exception.Message, StringComparison.Ordinal);
        Assert.Equal(AgentState.Ready, f.Agent.State);
        Assert.Equal(events, f.Events.Count);
    }

    [Fact]
    public void WhyNot_explains_a_logged_out_agent()
    {
        using var f = new AgentFixture(s_options);

        var refusal = f.Agent.WhyNot(AgentCommand.SetReady)!;

        Assert.Equal((AgentCommand.SetReady, AgentState.LoggedOut, AgentRefusalReason.WrongState), (refusal.Command, refusal.State, refusal.Reason));
        Assert.Contains("log in first", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNot_refuses_an_undefined_command()
    {
        using var f = new AgentFixture(s_options);

        Assert.Throws<ArgumentOutOfRangeException>(() => f.Agent.WhyNot((AgentCommand)99));
    }

    [Fact]
    public void State_change_events_carry_previous_and_new_state_cause_instant_and_correlation_id()
    {
        using var f = new AgentFixture(s_options);
        var correlation = Guid.NewGuid();
        f.Advance(7);

        f.Agent.LogIn(correlation);

        var change = f.OfType<AgentStateChanged>().Single();
        Assert.Equal(
            new AgentStateChanged("agent-7", AgentFixture.Start + Duration.FromSeconds(7), correlation, AgentState.LoggedOut, AgentState.NotReady, AgentTrigger.LogIn, "LoggedIn"),
            change);
    }

    [Fact]
    public void All_events_of_one_command_share_its_correlation_id_and_come_in_order()
    {
        using var f = new AgentFixture(s_options);
        var id = f.OnVoiceCall("nowrap");
        f.Agent.SetNotReady("Break");
        f.Events.Clear();
        var correlation = Guid.NewGuid();

        f.Agent.EndInteraction(id, correlation);

        Assert.All(f.Events, e => Assert.Equal(correlation, e.CorrelationId));
        Assert.Equal([typeof(AgentInteractionEnded), typeof(DeferredIntentResolved), typeof(AgentStateChanged)], f.Events.Select(e => e.GetType()));
    }

    [Fact]
    public void A_command_from_an_event_handler_runs_after_the_current_events_in_order()
    {
        using var f = new AgentFixture(s_options);
        using var reactor = f.Agent.Events.Subscribe(new ReadyOnLogIn(f.Agent));

        f.Agent.LogIn();

        Assert.Equal([(AgentState.LoggedOut, AgentState.NotReady), (AgentState.NotReady, AgentState.Ready)], f.StateChanges());
    }

    [Fact]
    public void The_definition_is_shared_and_exports_a_mermaid_diagram()
    {
        using var f = new AgentFixture(s_options);

        Assert.Same(Agent.Definition, Agent.Definition);
        Assert.Equal(AgentState.LoggedOut, Agent.Definition.InitialState);
        string mermaid = Agent.Definition.ToMermaidGraph();
        Assert.Contains("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("LogoutPending", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_agent_is_created()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Agent("a", s_options with { LogInReason = "Nope" }, new ContactCenter.Core.Time.VirtualTimeSource(AgentFixture.Start)));

        Assert.Contains("LogInReason \"Nope\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_agent_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Agent(" ", s_options, new ContactCenter.Core.Time.VirtualTimeSource(AgentFixture.Start)));
    }

    private sealed class CountdownObserver(List<Duration> values, Action completed) : IObserver<Duration>
    {
        public void OnCompleted() => completed();

        public void OnError(Exception error) => throw error;

        public void OnNext(Duration value) => values.Add(value);
    }

    private sealed class ReadyOnLogIn(Agent agent) : IObserver<AgentEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(AgentEvent value)
        {
            if (value is AgentStateChanged { Cause: AgentTrigger.LogIn })
            {
                agent.SetReady();
            }
        }
    }
}
