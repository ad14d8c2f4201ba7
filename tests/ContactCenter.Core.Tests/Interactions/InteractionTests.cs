using System;
using System.Linq;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;
using static ContactCenter.Core.Tests.Interactions.InteractionTestKit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class InteractionTests
{
    // ----- offer -------------------------------------------------------------------------------------

    [Fact]
    public void An_inbound_interaction_is_first_offered_with_accept_and_reject()
    {
        var call = Inbound();
        Assert.Equal(InteractionState.Offered, call.State);
        Assert.Equal([InteractionCommand.Accept, InteractionCommand.Reject], call.PermittedCommands);
        Assert.Equal(PartyState.Alerting, call.Parties[1].State);
    }

    [Fact]
    public void Accepting_an_offered_call_connects_the_agent_and_talks()
    {
        var call = Inbound();
        call.Accept();
        Assert.Equal(InteractionState.Talking, call.State);
        Assert.All(call.Parties, p => Assert.Equal(PartyState.Connected, p.State));
    }

    [Fact]
    public void Rejecting_an_offer_is_terminal()
    {
        var call = Inbound();
        call.Reject();
        Assert.Equal(InteractionState.Rejected, call.State);
        Assert.Empty(call.PermittedCommands);
        Assert.All(call.Parties, p => Assert.Equal(PartyState.Disconnected, p.State));
    }

    [Fact]
    public void Auto_accept_accepts_the_offer_through_the_time_source()
    {
        var time = new VirtualTimeSource(Start);
        var options = Options(time, autoAccept: true) with { AutoAcceptDelay = Duration.FromSeconds(2) };
        var call = Inbound(MediaType.Voice, options);
        time.AdvanceBy(Duration.FromSeconds(1));
        Assert.Equal(InteractionState.Offered, call.State);
        time.AdvanceBy(Duration.FromSeconds(1));
        Assert.Equal(InteractionState.Talking, call.State);
    }

    [Fact]
    public void Auto_accept_does_nothing_when_the_offer_was_already_rejected()
    {
        var time = new VirtualTimeSource(Start);
        var call = Inbound(MediaType.Voice, Options(time, autoAccept: true));
        call.Reject();
        time.RunAll();
        Assert.Equal(InteractionState.Rejected, call.State);
    }

    [Fact]
    public void Customer_hanging_up_during_the_offer_abandons_it()
    {
        var call = Inbound();
        Assert.True(call.OnNetworkEvent(NetworkEvent.RemoteHangUp));
        Assert.Equal(InteractionState.Abandoned, call.State);
        Assert.Empty(call.PermittedCommands);
    }

    // ----- connect / disconnect ----------------------------------------------------------------------

    [Fact]
    public void Connect_dials_the_number_shown_and_the_answer_connects()
    {
        var call = Outbound();
        Assert.Equal(InteractionState.Idle, call.State);
        call.Connect();
        Assert.Equal(InteractionState.Dialing, call.State);
        call.OnNetworkEvent(NetworkEvent.CustomerRinging);
        Assert.Equal(PartyState.Alerting, call.Customer().State);
        call.OnNetworkEvent(NetworkEvent.CustomerAnswered);
        Assert.Equal(InteractionState.Talking, call.State);
    }

    [Fact]
    public void Connect_dials_the_edited_number()
    {
        var call = Outbound();
        call.Connect("+33 6 00 00 00 00");
        Assert.Equal("+33 6 00 00 00 00", call.Customer().Address);
    }

    [Fact]
    public void Connect_without_a_number_is_refused_as_an_invalid_argument()
    {
        var call = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Outbound, string.Empty), Options());
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.Connect());
        Assert.Equal(InteractionRefusalReason.InvalidArgument, refused.Refusal.Reason);
    }

    [Theory]
    [InlineData(NetworkEvent.CustomerBusy, CallResult.Busy)]
    [InlineData(NetworkEvent.CustomerNoAnswer, CallResult.NoAnswer)]
    [InlineData(NetworkEvent.CustomerRejected, CallResult.Rejected)]
    public void A_failed_dial_ends_the_call_with_its_call_result(NetworkEvent outcome, CallResult result)
    {
        var call = Outbound();
        call.Connect();
        call.OnNetworkEvent(outcome);
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal(result, call.CallResult);
    }

    [Fact]
    public void Disconnect_is_available_once_accepted_or_connected()
    {
        var offered = Inbound();
        Assert.False(offered.Can(InteractionCommand.Disconnect));
        Assert.False(Outbound().Can(InteractionCommand.Disconnect));
        var call = Talking();
        Assert.True(call.Can(InteractionCommand.Disconnect));
        call.Disconnect();
        Assert.Equal(InteractionState.Ended, call.State);
    }

    // ----- hold / resume / DTMF ----------------------------------------------------------------------

    [Fact]
    public void Hold_and_resume_toggle()
    {
        var call = Talking();
        call.Hold();
        Assert.Equal(InteractionState.Held, call.State);
        Assert.Equal(PartyState.Held, call.Customer().State);
        Assert.False(call.Can(InteractionCommand.Hold));
        call.Resume();
        Assert.Equal(InteractionState.Talking, call.State);
        Assert.False(call.Can(InteractionCommand.Resume));
    }

    [Fact]
    public void Customer_hanging_up_while_held_ends_the_call()
    {
        var call = Talking();
        call.Hold();
        call.OnNetworkEvent(NetworkEvent.RemoteHangUp);
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.DoesNotContain(call.Parties, p => p.State == PartyState.Held);
    }

    [Fact]
    public void Dtmf_is_sent_only_while_connected_and_not_held()
    {
        var call = Talking();
        var events = call.Record();
        call.SendDtmf("12#*AD,9");
        Assert.Equal("12#*AD,9", Assert.IsType<DtmfSent>(Assert.Single(events)).Digits);
        call.Hold();
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.SendDtmf("1"));
        Assert.Equal(InteractionRefusalReason.WrongState, refused.Refusal.Reason);
        Assert.False(Inbound().Can(InteractionCommand.SendDtmf));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12E")]
    [InlineData("1 2")]
    [InlineData("x")]
    public void Invalid_dtmf_digits_are_refused(string digits)
    {
        var call = Talking();
        var events = call.Record();
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.SendDtmf(digits));
        Assert.Equal(InteractionRefusalReason.InvalidArgument, refused.Refusal.Reason);
        Assert.Empty(events);
    }

    [Fact]
    public void Dtmf_digits_are_masked_in_secure_mode()
    {
        var call = Talking();
        var events = call.Record();
        call.EnterSecureMode();
        call.SendDtmf("4970,12");
        call.ExitSecureMode();
        call.SendDtmf("5");
        var dtmf = events.OfType<DtmfSent>().ToArray();
        Assert.Equal("****,**", dtmf[0].Digits);
        Assert.True(dtmf[0].IsMasked);
        Assert.Equal("5", dtmf[1].Digits);
        Assert.Equal(2, events.OfType<SecureModeChanged>().Count());
    }

    [Fact]
    public void Secure_mode_ends_with_the_call()
    {
        var call = Talking();
        call.EnterSecureMode();
        call.Disconnect();
        Assert.False(call.IsSecure);
    }

    // ----- consultation, transfer, conference --------------------------------------------------------

    [Fact]
    public void Consulting_holds_the_customer_and_dials_the_target()
    {
        var call = Talking();
        call.ConsultForTransfer("2001", "billing");
        Assert.Equal(InteractionState.Consulting, call.State);
        Assert.Equal(PartyState.Held, call.Customer().State);
        Assert.Equal(PartyState.Dialing, call.Target().State);
        Assert.Equal(new Consultation(ConsultationKind.Transfer, call.Target().Id, "billing"), call.Consultation);
    }

    [Fact]
    public void Complete_transfer_only_once_the_target_is_connected()
    {
        var call = Talking();
        call.ConsultForTransfer("2001", "billing");
        call.OnNetworkEvent(NetworkEvent.TargetRinging);
        var refusal = call.WhyNot(InteractionCommand.CompleteTransfer);
        Assert.Equal(InteractionRefusalReason.GuardFailed, refusal!.Reason);
        Assert.Throws<InteractionCommandRefusedException>(() => call.CompleteTransfer());
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        call.CompleteTransfer();
        Assert.Equal(InteractionState.Ended, call.State);
    }

    [Fact]
    public void The_transfer_reason_is_appended_to_the_notes_automatically()
    {
        var call = ConsultingConnected(forTransfer: true);
        call.CompleteTransfer();
        var note = Assert.Single(call.Notes);
        Assert.Equal("billing question", note.Text);
        Assert.Equal(NoteKind.TransferReason, note.Kind);
        Assert.Equal(Start, note.At);
    }

    [Fact]
    public void Complete_conference_joins_all_parties()
    {
        var call = ConsultingConnected(forTransfer: false);
        Assert.False(call.Can(InteractionCommand.CompleteTransfer));
        call.CompleteConference();
        Assert.Equal(InteractionState.Conferenced, call.State);
        Assert.Null(call.Consultation);
        Assert.Equal(3, call.Parties.Count(p => p.State == PartyState.Connected));
        Assert.Contains(call.Parties, p => p.Role == PartyRole.ConferenceMember);
    }

    [Fact]
    public void End_conference_toggles_back_to_talking_with_the_customer()
    {
        var call = ConsultingConnected(forTransfer: false);
        call.CompleteConference();
        call.EndConference();
        Assert.Equal(InteractionState.Talking, call.State);
        Assert.Equal(PartyState.Connected, call.Customer().State);
    }

    [Fact]
    public void Dropping_the_last_conference_member_returns_to_talking()
    {
        var call = ConsultingConnected(forTransfer: false);
        call.CompleteConference();
        var member = call.Parties.Single(p => p.Role == PartyRole.ConferenceMember);
        call.DropParty(member.Id);
        Assert.Equal(InteractionState.Talking, call.State);
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.DropParty(call.Customer().Id));
        Assert.Equal(InteractionRefusalReason.WrongState, refused.Refusal.Reason);
    }

    [Fact]
    public void Drop_party_refuses_a_party_that_is_not_a_conference_member()
    {
        var call = ConsultingConnected(forTransfer: false);
        call.CompleteConference();
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.DropParty(call.Customer().Id));
        Assert.Equal(InteractionRefusalReason.InvalidArgument, refused.Refusal.Reason);
    }

    [Fact]
    public void Alternate_swaps_which_party_is_held()
    {
        var call = ConsultingConnected();
        call.Alternate();
        Assert.Equal(PartyState.Connected, call.Customer().State);
        Assert.Equal(PartyState.Held, call.Target().State);
        call.Alternate();
        Assert.Equal(PartyState.Held, call.Customer().State);
        Assert.Equal(PartyState.Connected, call.Target().State);
    }

    [Fact]
    public void A_duplicate_target_answered_after_alternate_does_not_take_the_target_off_hold()
    {
        var call = ConsultingConnected();
        call.Alternate();
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        Assert.Equal(PartyState.Held, call.Target().State);
        Assert.Equal(PartyState.Connected, call.Customer().State);
    }

    [Fact]
    public void Complete_transfer_is_permitted_while_the_answered_target_is_on_hold_after_alternate()
    {
        var call = ConsultingConnected(forTransfer: true);
        call.Alternate();

        call.CompleteTransfer();

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.All(call.Parties, static p => Assert.Equal(PartyState.Disconnected, p.State));
    }

    [Fact]
    public void Complete_conference_after_alternate_joins_every_party_connected()
    {
        var call = ConsultingConnected(forTransfer: false);
        call.Alternate();

        call.CompleteConference();

        Assert.Equal(InteractionState.Conferenced, call.State);
        Assert.Equal(PartyState.Connected, call.Customer().State);
        Assert.Contains(call.Parties, static p => p.Role == PartyRole.ConferenceMember && p.State == PartyState.Connected);
    }

    [Fact]
    public void Alternate_requires_a_connected_target()
    {
        var call = Talking();
        call.ConsultForTransfer("2001");
        Assert.Equal(InteractionRefusalReason.GuardFailed, call.WhyNot(InteractionCommand.Alternate)!.Reason);
    }

    [Fact]
    public void Reconnect_abandons_the_consultation_and_takes_the_customer_back()
    {
        var call = ConsultingConnected();
        var target = call.Target().Id;
        call.Reconnect();
        Assert.Equal(InteractionState.Talking, call.State);
        Assert.Null(call.Consultation);
        Assert.Equal(PartyState.Disconnected, Find(call, target).State);
    }

    [Fact]
    public void Target_never_answering_leaves_reconnect_possible_and_complete_transfer_not()
    {
        var call = Talking();
        call.ConsultForTransfer("2001");
        call.OnNetworkEvent(NetworkEvent.TargetFailed);
        Assert.Equal(InteractionState.Consulting, call.State);
        Assert.True(call.Can(InteractionCommand.Reconnect));
        Assert.False(call.Can(InteractionCommand.CompleteTransfer));
        call.Reconnect();
        Assert.Equal(InteractionState.Talking, call.State);
    }

    [Fact]
    public void Target_hanging_up_during_consultation_returns_to_the_held_customer()
    {
        var call = ConsultingConnected();
        call.OnNetworkEvent(NetworkEvent.TargetHangUp);
        Assert.Equal(InteractionState.Held, call.State);
        Assert.Null(call.Consultation);
        Assert.Equal(PartyState.Held, call.Customer().State);
    }

    [Fact]
    public void Target_hanging_up_after_alternate_returns_to_talking_with_the_customer()
    {
        var call = ConsultingConnected();
        call.Alternate();
        call.OnNetworkEvent(NetworkEvent.TargetHangUp);
        Assert.Equal(InteractionState.Talking, call.State);
    }

    [Fact]
    public void Customer_hanging_up_during_consultation_ends_the_call()
    {
        var call = ConsultingConnected();
        call.OnNetworkEvent(NetworkEvent.RemoteHangUp);
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.All(call.Parties, p => Assert.Equal(PartyState.Disconnected, p.State));
        Assert.Null(call.Consultation);
    }

    [Fact]
    public void Hang_up_during_a_conference_by_a_member_keeps_the_customer_and_by_the_customer_ends()
    {
        var call = ConsultingConnected(forTransfer: false);
        call.CompleteConference();
        var member = call.Parties.Single(p => p.Role == PartyRole.ConferenceMember);
        Assert.True(call.OnPartyDropped(member.Id));
        Assert.Equal(InteractionState.Talking, call.State);

        var other = ConsultingConnected(forTransfer: false);
        other.CompleteConference();
        other.OnNetworkEvent(NetworkEvent.RemoteHangUp);
        Assert.Equal(InteractionState.Ended, other.State);
    }

    // ----- a growing conference ----------------------------------------------------------------------

    /// <summary>A voice conference with one member, consulting a second target that answered.</summary>
    private static Interaction ConsultingFromConference(MediaType media = MediaType.Voice)
    {
        var call = Inbound(media);
        call.Accept();
        call.ConsultForConference("2001");
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        call.CompleteConference();
        call.ConsultForConference("2002");
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        return call;
    }

    private static Party[] Members(Interaction call) =>
        call.Parties.Where(static p => p.Role == PartyRole.ConferenceMember && p.IsPresent).ToArray();

    [Fact]
    public void Consulting_from_a_conference_holds_the_contact_and_the_members()
    {
        var call = Talking();
        call.ConsultForConference("2001");
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        call.CompleteConference();
        Assert.Equal(InteractionRefusalReason.WrongState, call.WhyNot(InteractionCommand.ConsultForTransfer)!.Reason);

        call.ConsultForConference("2002");

        Assert.Equal(InteractionState.Consulting, call.State);
        Assert.Equal(PartyState.Held, call.Customer().State);
        Assert.Equal(PartyState.Held, Assert.Single(Members(call)).State);
        Assert.Equal(PartyState.Dialing, call.Target().State);
    }

    [Fact]
    public void Complete_conference_adds_a_second_member()
    {
        var call = ConsultingFromConference();

        call.CompleteConference();

        Assert.Equal(InteractionState.Conferenced, call.State);
        Assert.Null(call.Consultation);
        var members = Members(call);
        Assert.Equal(2, members.Length);
        Assert.All(members, static p => Assert.Equal(PartyState.Connected, p.State));
        Assert.Equal(PartyState.Connected, call.Customer().State);
    }

    [Fact]
    public void Reconnect_returns_to_the_conference()
    {
        var call = ConsultingFromConference();
        var target = call.Target().Id;

        call.Reconnect();

        Assert.Equal(InteractionState.Conferenced, call.State);
        Assert.Null(call.Consultation);
        Assert.Equal(PartyState.Disconnected, Find(call, target).State);
        Assert.Equal(PartyState.Connected, call.Customer().State);
        Assert.Equal(PartyState.Connected, Assert.Single(Members(call)).State);
    }

    [Fact]
    public void Target_hang_up_returns_to_the_conference()
    {
        var call = ConsultingFromConference();
        call.OnNetworkEvent(NetworkEvent.TargetHangUp);
        Assert.Equal(InteractionState.Conferenced, call.State);
        Assert.Equal(PartyState.Connected, call.Customer().State);
        Assert.Equal(PartyState.Connected, Assert.Single(Members(call)).State);

        var alternated = ConsultingFromConference();
        alternated.Alternate();
        Assert.Equal(PartyState.Connected, Assert.Single(Members(alternated)).State);
        alternated.OnNetworkEvent(NetworkEvent.TargetHangUp);
        Assert.Equal(InteractionState.Conferenced, alternated.State);
    }

    [Fact]
    public void Target_failure_during_a_second_consultation_keeps_it_open_and_reconnect_returns_to_the_conference()
    {
        var call = Talking();
        call.ConsultForConference("2001");
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        call.CompleteConference();
        call.ConsultForConference("2002");

        call.OnNetworkEvent(NetworkEvent.TargetFailed);

        Assert.Equal(InteractionState.Consulting, call.State);
        Assert.False(call.Can(InteractionCommand.CompleteConference));
        call.Reconnect();
        Assert.Equal(InteractionState.Conferenced, call.State);
    }

    [Fact]
    public void End_conference_and_drop_party_with_two_members()
    {
        var call = ConsultingFromConference();
        call.CompleteConference();
        var members = Members(call);

        call.DropParty(members[0].Id);
        Assert.Equal(InteractionState.Conferenced, call.State);
        Assert.Equal(members[1].Id, Assert.Single(Members(call)).Id);
        call.DropParty(members[1].Id);
        Assert.Equal(InteractionState.Talking, call.State);

        var other = ConsultingFromConference();
        other.CompleteConference();
        other.EndConference();
        Assert.Equal(InteractionState.Talking, other.State);
        Assert.Empty(Members(other));
        Assert.Equal(PartyState.Connected, other.Customer().State);
    }

    [Fact]
    public void Customer_hang_up_during_the_second_consultation_ends_everything()
    {
        var call = ConsultingFromConference();
        call.OnNetworkEvent(NetworkEvent.RemoteHangUp);
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Null(call.Consultation);
        Assert.All(call.Parties, static p => Assert.Equal(PartyState.Disconnected, p.State));
    }

    [Fact]
    public void Disconnect_during_the_second_consultation_ends_for_the_agent()
    {
        var call = ConsultingFromConference();
        call.Disconnect();
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.All(call.Parties, static p => Assert.Equal(PartyState.Disconnected, p.State));
    }

    [Fact]
    public void Chat_conference_grows_without_holding_anyone()
    {
        var chat = Inbound(MediaType.Chat);
        chat.Accept();
        chat.ConsultForConference("agent-7");
        chat.OnNetworkEvent(NetworkEvent.TargetAnswered);
        chat.CompleteConference();
        Assert.False(chat.Can(InteractionCommand.ConsultForTransfer));
        chat.ConsultForConference("agent-8");
        Assert.DoesNotContain(chat.Parties, static p => p.State == PartyState.Held);
        chat.OnNetworkEvent(NetworkEvent.TargetAnswered);
        chat.CompleteConference();
        Assert.Equal(InteractionState.Conferenced, chat.State);
        Assert.Equal(2, Members(chat).Length);
    }

    [Fact]
    public void Blind_transfer_ends_the_call_and_notes_the_reason()
    {
        var call = Talking();
        call.BlindTransfer("sales-queue", "wants to buy");
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal("wants to buy", Assert.Single(call.Notes).Text);
    }

    // ----- wrap-up data ------------------------------------------------------------------------------

    [Fact]
    public void Disposition_is_validated_against_the_configured_set()
    {
        var call = Talking();
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.SetDisposition("Unknown"));
        Assert.Equal(InteractionRefusalReason.InvalidArgument, refused.Refusal.Reason);
        Assert.Null(call.Disposition);
        call.SetDisposition("Sale");
        Assert.Equal("Sale", call.Disposition);
    }

    [Fact]
    public void Disposition_works_on_a_live_or_an_ended_interaction()
    {
        var call = Talking();
        call.SetDisposition("Sale");
        call.Disconnect();
        call.SetDisposition("NoSale");
        Assert.Equal("NoSale", call.Disposition);
    }

    [Fact]
    public void Mark_done_is_refused_while_a_mandatory_disposition_is_missing()
    {
        var call = Talking(Options(dispositionRequired: true));
        call.Disconnect();
        Assert.Equal(InteractionRefusalReason.MissingDisposition, call.WhyNot(InteractionCommand.MarkDone)!.Reason);
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.MarkDone());
        Assert.Equal(InteractionRefusalReason.MissingDisposition, refused.Refusal.Reason);
        call.SetDisposition("Sale");
        call.MarkDone();
        Assert.Equal(InteractionState.Done, call.State);
    }

    [Fact]
    public void Mark_done_ends_the_interactions_life()
    {
        var call = Talking();
        call.Disconnect();
        call.MarkDone();
        Assert.Equal(InteractionState.Done, call.State);
        Assert.Empty(call.PermittedCommands);
        Assert.False(call.OnNetworkEvent(NetworkEvent.RemoteHangUp));
        Assert.Throws<InvalidOperationException>(() => call.SetAttachedData("k", "v"));
    }

    [Fact]
    public void Call_result_can_be_set_live_or_in_wrap_up()
    {
        var call = Talking();
        call.SetCallResult(CallResult.AnsweringMachine);
        call.Disconnect();
        call.SetCallResult(CallResult.Success);
        Assert.Equal(CallResult.Success, call.CallResult);
    }

    [Fact]
    public void Notes_are_added_and_blank_notes_refused()
    {
        var call = Talking();
        call.AddNote("asked about invoice 12");
        Assert.Equal(NoteKind.Agent, Assert.Single(call.Notes).Kind);
        Assert.Equal(InteractionRefusalReason.InvalidArgument, Assert.Throws<InteractionCommandRefusedException>(() => call.AddNote("  ")).Refusal.Reason);
    }

    [Fact]
    public void Attached_data_is_set_by_the_host_and_read_only_to_the_agent()
    {
        var call = Inbound();
        Assert.Equal("A-42", call.AttachedData["account"]);
        call.SetAttachedData("service", "gold");
        Assert.Equal("gold", call.AttachedData["service"]);
        Assert.False(Enum.IsDefined(typeof(InteractionCommand), "SetAttachedData"));
        Assert.IsNotType<System.Collections.Generic.Dictionary<string, string>>(call.AttachedData);
    }

    [Fact]
    public void Custom_data_values_are_editable_but_keys_cannot_be_added()
    {
        var call = Talking();
        call.SetCustomData("product", "fibre");
        Assert.Equal("fibre", call.CustomData["product"]);
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.SetCustomData("newKey", "x"));
        Assert.Equal(InteractionRefusalReason.InvalidArgument, refused.Refusal.Reason);
        Assert.Equal(2, call.CustomData.Count);
    }

    // ----- refusals, queries, events -----------------------------------------------------------------

    [Fact]
    public void A_refused_command_throws_naming_state_command_and_permitted_commands_and_changes_nothing()
    {
        var call = Inbound();
        var events = call.Record();
        var before = call.Snapshot;
        var refused = Assert.Throws<InteractionCommandRefusedException>(() => call.Hold());
        Assert.Equal(InteractionState.Offered, refused.State);
        Assert.Equal(InteractionCommand.Hold, refused.Command);
        Assert.Equal([InteractionCommand.Accept, InteractionCommand.Reject], refused.PermittedCommands);
        Assert.Equal(InteractionRefusalReason.WrongState, refused.Refusal.Reason);
        Assert.Contains("Hold", refused.Message);
        Assert.Contains("Offered", refused.Message);
        Assert.Same(before, call.Snapshot);
        Assert.Empty(events);
    }

    [Fact]
    public void Why_not_names_a_command_the_medium_does_not_support()
    {
        var chat = Inbound(MediaType.Chat);
        chat.Accept();
        Assert.Equal(InteractionRefusalReason.NotSupportedByMedium, chat.WhyNot(InteractionCommand.Hold)!.Reason);
        Assert.Null(chat.WhyNot(InteractionCommand.Disconnect));
    }

    [Fact]
    public void Events_carry_previous_and_new_state_cause_instant_and_correlation_id()
    {
        var time = new VirtualTimeSource(Start);
        var call = Inbound(MediaType.Voice, Options(time));
        var events = call.Record();
        time.AdvanceBy(Duration.FromSeconds(5));
        var correlation = Guid.NewGuid();
        call.Accept(correlation);
        Assert.All(events, e =>
        {
            Assert.Equal(correlation, e.CorrelationId);
            Assert.Equal(Start + Duration.FromSeconds(5), e.At);
            Assert.Equal(InteractionTrigger.Accept, e.Cause);
            Assert.Equal(call.Id, e.InteractionId);
        });
        var changed = Assert.IsType<InteractionStateChanged>(events[^1]);
        Assert.Equal((InteractionState.Offered, InteractionState.Talking), (changed.Previous, changed.Current));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public void A_throwing_subscriber_is_detached_and_cannot_corrupt_the_interaction()
    {
        var call = Inbound();
        var good = call.Record();
        Exception? received = null;
        call.Events.Subscribe(_ => throw new InvalidOperationException("boom"), e => received = e);
        call.Accept();
        call.Hold();
        Assert.Equal(InteractionState.Held, call.State);
        Assert.IsType<InvalidOperationException>(received);
        Assert.Equal(good.Count, good.Select(e => e.Sequence).Distinct().Count());
        Assert.IsType<InteractionStateChanged>(good[^1]);
    }

    [Fact]
    public void Party_addresses_are_redacted_in_diagnostics()
    {
        var call = Inbound();
        Assert.DoesNotContain("+33", call.Customer().ToString());
        Assert.DoesNotContain("+33", call.ToString());
    }

    // ----- other media -------------------------------------------------------------------------------

    [Fact]
    public void Chat_consults_another_agent_without_holding_the_customer_then_conferences()
    {
        var chat = Inbound(MediaType.Chat);
        chat.Accept();
        chat.ConsultForConference("agent-7");
        Assert.Equal(PartyState.Connected, chat.Customer().State);
        chat.OnNetworkEvent(NetworkEvent.TargetAnswered);
        chat.CompleteConference();
        Assert.Equal(InteractionState.Conferenced, chat.State);
        Assert.Equal(InteractionRefusalReason.NotSupportedByMedium, chat.WhyNot(InteractionCommand.SendDtmf)!.Reason);
    }

    [Fact]
    public void Chat_transfer_completes_once_the_other_agent_accepts()
    {
        var chat = Inbound(MediaType.Chat);
        chat.Accept();
        chat.ConsultForTransfer("agent-7", "needs billing");
        Assert.False(chat.Can(InteractionCommand.CompleteTransfer));
        chat.OnNetworkEvent(NetworkEvent.TargetAnswered);
        chat.CompleteTransfer();
        Assert.Equal(InteractionState.Ended, chat.State);
        Assert.Equal("needs billing", Assert.Single(chat.Notes).Text);
    }

    [Fact]
    public void Email_is_accepted_worked_replied_and_done_without_any_connection()
    {
        var email = Inbound(MediaType.Email);
        email.Accept();
        Assert.Equal(InteractionState.Working, email.State);
        Assert.Equal(InteractionRefusalReason.NotSupportedByMedium, email.WhyNot(InteractionCommand.Disconnect)!.Reason);
        var events = email.Record();
        email.Reply();
        Assert.Equal(MessageKind.Reply, events.OfType<MessageSent>().Single().Kind);
        email.MarkDone();
        Assert.Equal(InteractionState.Done, email.State);
    }

    [Fact]
    public void Email_can_be_forwarded()
    {
        var email = Inbound(MediaType.Email);
        email.Accept();
        var events = email.Record();
        email.Forward("legal@example.com");
        Assert.Equal(InteractionState.Ended, email.State);
        Assert.Equal("legal@example.com", events.OfType<MessageSent>().Single().To);
    }

    [Fact]
    public void An_outbound_email_starts_composing()
    {
        var email = Outbound(MediaType.Email);
        Assert.Equal(InteractionState.Working, email.State);
        email.Reply();
        Assert.Equal(InteractionState.Ended, email.State);
    }

    [Fact]
    public void Sms_opens_at_once_on_connect_and_has_no_consultation()
    {
        var sms = Outbound(MediaType.Sms);
        sms.Connect();
        Assert.Equal(InteractionState.Talking, sms.State);
        Assert.Equal(InteractionRefusalReason.NotSupportedByMedium, sms.WhyNot(InteractionCommand.ConsultForTransfer)!.Reason);
        sms.BlindTransfer("sms-queue");
        Assert.Equal(InteractionState.Ended, sms.State);
    }

    [Fact]
    public void A_callback_is_offered_then_dialled_by_the_agent()
    {
        var callback = Inbound(MediaType.Callback);
        callback.Accept();
        Assert.Equal(InteractionState.Idle, callback.State);
        callback.Connect();
        callback.OnNetworkEvent(NetworkEvent.CustomerAnswered);
        Assert.Equal(InteractionState.Talking, callback.State);
        callback.Hold();
        Assert.Equal(InteractionState.Held, callback.State);
    }

    [Fact]
    public void An_offered_campaign_call_is_already_connected_and_talks_on_accept()
    {
        var call = Interaction.Create(new InteractionSpec(MediaType.OutboundCampaign, InteractionDirection.Outbound, "+1 555 0100") { IsOffer = true }, Options());
        call.Accept();
        Assert.Equal(InteractionState.Talking, call.State);
    }

    [Fact]
    public void A_chat_cannot_start_without_an_offer() =>
        Assert.Throws<ArgumentException>(() => Interaction.Create(new InteractionSpec(MediaType.Chat, InteractionDirection.Outbound, "visitor") { IsOffer = false }));

    [Fact]
    public void Late_network_events_are_ignored()
    {
        var call = Talking();
        Assert.False(call.OnNetworkEvent(NetworkEvent.TargetAnswered));
        Assert.False(call.OnNetworkEvent(NetworkEvent.CustomerAnswered));
        Assert.False(call.OnPartyDropped(new PartyId(42)));
        Assert.Equal(InteractionState.Talking, call.State);
        Assert.Throws<ArgumentException>(() => call.OnNetworkEvent(NetworkEvent.PartyDropped));
    }

    [Fact]
    public void A_command_refused_inside_an_event_handler_is_reported_under_its_own_name_and_the_outer_command_stays_applied()
    {
        var call = InteractionTestKit.Talking();
        using var subscription = call.Events.Subscribe(e =>
        {
            if (e is InteractionStateChanged { Current: InteractionState.Held })
            {
                call.CompleteTransfer(); // not permitted while held: queued, then refused
            }
        });

        var refusal = Assert.Throws<InteractionCommandRefusedException>(() => call.Hold());

        Assert.Equal(InteractionCommand.CompleteTransfer, refusal.Command);
        Assert.Equal(InteractionState.Held, call.State);
    }

    [Fact]
    public void A_network_event_whose_handler_issues_a_refused_command_is_applied_and_reports_that_command()
    {
        var call = InteractionTestKit.Talking();
        using var subscription = call.Events.Subscribe(e =>
        {
            if (e is InteractionStateChanged { Current: InteractionState.Ended })
            {
                call.Hold(); // not permitted once ended
            }
        });

        var refusal = Assert.Throws<InteractionCommandRefusedException>(() => call.OnNetworkEvent(NetworkEvent.RemoteHangUp));

        Assert.Equal(InteractionCommand.Hold, refusal.Command);
        Assert.Equal(InteractionState.Ended, call.State);
    }
}
