using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// The state-machine definition of each medium, built once and shared by every interaction of that medium.
/// Inspect them (<c>States</c>, <c>Triggers</c>) or export them (<c>ToMermaidGraph()</c>, <c>ToDotGraph()</c>);
/// they cannot run outside an <see cref="Interaction"/> (their <see cref="InteractionContext"/> is opaque).
/// </summary>
/// <remarks>
/// Every trigger carries the same internal argument (correlation id and operands). The machine's transitions
/// are the inputs; where an input's destination depends on the parties (a party dropping out of a conference,
/// the consulted target hanging up), the transition is dynamic and its destination is the state derived from
/// the parties after the input.
/// </remarks>
public static class InteractionDefinitions
{
    internal const string DispositionGuard = "a disposition is set, or none is required";

    private const string Derived = "derived from the parties";

    private static readonly InteractionState[] s_dataStates =
    [
        InteractionState.Idle, InteractionState.Dialing, InteractionState.Talking, InteractionState.Held,
        InteractionState.Consulting, InteractionState.Conferenced, InteractionState.Working, InteractionState.Ended,
    ];

    private static readonly MediumTraits s_voiceTraits = new(connectionless: false, holdsForConsultation: true, connectIsImmediate: false);
    private static readonly MediumTraits s_chatTraits = new(connectionless: false, holdsForConsultation: false, connectIsImmediate: false);
    private static readonly MediumTraits s_smsTraits = new(connectionless: false, holdsForConsultation: false, connectIsImmediate: true);
    private static readonly MediumTraits s_emailTraits = new(connectionless: true, holdsForConsultation: false, connectIsImmediate: false);

    private static readonly Medium s_voice = BuildVoice();
    private static readonly Medium s_callback = BuildVoice();
    private static readonly Medium s_outboundCampaign = BuildVoice();
    private static readonly Medium s_chat = BuildChat();
    private static readonly Medium s_email = BuildEmail();
    private static readonly Medium s_sms = BuildSms();

    /// <summary>Voice calls: the richest definition (hold, DTMF, consultation, transfer, conference, alternate).</summary>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> Voice => s_voice.Definition;

    /// <summary>Callbacks: the voice definition's shape (offered, accepted, then dialled from <see cref="InteractionState.Idle"/>).</summary>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> Callback => s_callback.Definition;

    /// <summary>Outbound campaign calls: the voice definition's shape (preview from <see cref="InteractionState.Idle"/>, or offered once connected).</summary>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> OutboundCampaign => s_outboundCampaign.Definition;

    /// <summary>Chat: accept or reject, consultation with another agent, transfer and conference; no hold, no DTMF.</summary>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> Chat => s_chat.Definition;

    /// <summary>Email: no connection; accepted (or composed), worked, replied or forwarded, and marked done.</summary>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> Email => s_email.Definition;

    /// <summary>SMS: like chat without consultation or conference (accept, reply in a conversation, blind transfer, end).</summary>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> Sms => s_sms.Definition;

    /// <summary>Every medium's definition.</summary>
    public static IReadOnlyDictionary<MediaType, StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext>> All { get; } =
        new ReadOnlyDictionary<MediaType, StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext>>(
            new Dictionary<MediaType, StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext>>
            {
                [MediaType.Voice] = s_voice.Definition,
                [MediaType.Chat] = s_chat.Definition,
                [MediaType.Email] = s_email.Definition,
                [MediaType.Sms] = s_sms.Definition,
                [MediaType.Callback] = s_callback.Definition,
                [MediaType.OutboundCampaign] = s_outboundCampaign.Definition,
            });

    /// <summary>The definition of <paramref name="media"/>.</summary>
    /// <param name="media">The medium.</param>
    /// <returns>The shared definition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="media"/> is not a defined medium.</exception>
    public static StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> For(MediaType media) => Of(media).Definition;

    /// <summary>Whether the definition of <paramref name="media"/> handles <paramref name="trigger"/> in at least one state.</summary>
    /// <param name="media">The medium.</param>
    /// <param name="trigger">The command or network event.</param>
    /// <returns><see langword="true"/> when the medium supports it.</returns>
    public static bool Supports(MediaType media, InteractionTrigger trigger) => Of(media).Supported.Contains(trigger);

    internal static TriggerWithParameters<InteractionTrigger, InteractionInput> Typed(MediaType media, InteractionTrigger trigger) =>
        Of(media).Typed[trigger];

    internal static MediumTraits TraitsOf(MediaType media) => Of(media).Traits;

    private static Medium Of(MediaType media) => media switch
    {
        MediaType.Voice => s_voice,
        MediaType.Chat => s_chat,
        MediaType.Email => s_email,
        MediaType.Sms => s_sms,
        MediaType.Callback => s_callback,
        MediaType.OutboundCampaign => s_outboundCampaign,
        _ => throw new ArgumentOutOfRangeException(nameof(media), media, "Not a defined medium."),
    };

    // ----- the definitions ---------------------------------------------------------------------------

    private static Medium BuildVoice()
    {
        var m = new MediumBuilder(s_voiceTraits);
        Offer(m, InteractionState.Talking, InteractionState.Idle);

        m.Go(InteractionState.Idle, InteractionTrigger.Connect, InteractionState.Dialing);
        MarkDone(m, InteractionState.Idle);

        m.Go(InteractionState.Dialing, InteractionTrigger.Disconnect, InteractionState.Ended);
        m.Stay(InteractionState.Dialing, InteractionTrigger.CustomerRinging);
        m.Go(InteractionState.Dialing, InteractionTrigger.CustomerAnswered, InteractionState.Talking);
        m.Go(InteractionState.Dialing, InteractionTrigger.CustomerRejected, InteractionState.Ended);
        m.Go(InteractionState.Dialing, InteractionTrigger.CustomerBusy, InteractionState.Ended);
        m.Go(InteractionState.Dialing, InteractionTrigger.CustomerNoAnswer, InteractionState.Ended);
        m.Go(InteractionState.Dialing, InteractionTrigger.RemoteHangUp, InteractionState.Ended);
        m.Dynamic(InteractionState.Dialing, InteractionTrigger.PartyDropped, InteractionState.Ended, InteractionState.Dialing);

        foreach (var live in new[] { InteractionState.Talking, InteractionState.Held })
        {
            m.Go(live, InteractionTrigger.Disconnect, InteractionState.Ended);
            m.Go(live, InteractionTrigger.ConsultForTransfer, InteractionState.Consulting);
            m.Go(live, InteractionTrigger.ConsultForConference, InteractionState.Consulting);
            m.Go(live, InteractionTrigger.BlindTransfer, InteractionState.Ended);
            m.Go(live, InteractionTrigger.RemoteHangUp, InteractionState.Ended);
            m.Dynamic(live, InteractionTrigger.PartyDropped, InteractionState.Ended, live);
            SecureMode(m, live);
        }

        m.Go(InteractionState.Talking, InteractionTrigger.Hold, InteractionState.Held);
        m.Stay(InteractionState.Talking, InteractionTrigger.SendDtmf);
        m.Go(InteractionState.Held, InteractionTrigger.Resume, InteractionState.Talking);

        Consulting(m, alternate: true);
        m.StayIf(InteractionState.Consulting, InteractionTrigger.SendDtmf, static c => c.CustomerState == PartyState.Connected || c.TargetState == PartyState.Connected, "the active party is connected");
        SecureMode(m, InteractionState.Consulting);

        Conferenced(m);
        m.Stay(InteractionState.Conferenced, InteractionTrigger.SendDtmf);
        SecureMode(m, InteractionState.Conferenced);

        MarkDone(m, InteractionState.Ended);
        Data(m, callResult: true);
        return m.Build();
    }

    private static Medium BuildChat()
    {
        var m = new MediumBuilder(s_chatTraits);
        Offer(m, InteractionState.Talking);
        m.Go(InteractionState.Talking, InteractionTrigger.Disconnect, InteractionState.Ended);
        m.Go(InteractionState.Talking, InteractionTrigger.ConsultForTransfer, InteractionState.Consulting);
        m.Go(InteractionState.Talking, InteractionTrigger.ConsultForConference, InteractionState.Consulting);
        m.Go(InteractionState.Talking, InteractionTrigger.BlindTransfer, InteractionState.Ended);
        m.Go(InteractionState.Talking, InteractionTrigger.RemoteHangUp, InteractionState.Ended);
        m.Dynamic(InteractionState.Talking, InteractionTrigger.PartyDropped, InteractionState.Ended, InteractionState.Talking);
        Consulting(m, alternate: false);
        Conferenced(m);
        MarkDone(m, InteractionState.Ended);
        Data(m, callResult: false);
        return m.Build();
    }

    private static Medium BuildSms()
    {
        var m = new MediumBuilder(s_smsTraits);
        Offer(m, InteractionState.Talking);
        m.Go(InteractionState.Idle, InteractionTrigger.Connect, InteractionState.Talking);
        MarkDone(m, InteractionState.Idle);
        m.Go(InteractionState.Talking, InteractionTrigger.Disconnect, InteractionState.Ended);
        m.Go(InteractionState.Talking, InteractionTrigger.BlindTransfer, InteractionState.Ended);
        m.Go(InteractionState.Talking, InteractionTrigger.RemoteHangUp, InteractionState.Ended);
        m.Dynamic(InteractionState.Talking, InteractionTrigger.PartyDropped, InteractionState.Ended, InteractionState.Talking);
        MarkDone(m, InteractionState.Ended);
        Data(m, callResult: false);
        return m.Build();
    }

    private static Medium BuildEmail()
    {
        var m = new MediumBuilder(s_emailTraits);
        Offer(m, InteractionState.Working);
        m.Go(InteractionState.Working, InteractionTrigger.Reply, InteractionState.Ended);
        m.Go(InteractionState.Working, InteractionTrigger.Forward, InteractionState.Ended);
        MarkDone(m, InteractionState.Working);
        MarkDone(m, InteractionState.Ended);
        Data(m, callResult: false);
        return m.Build();
    }

    // ----- shared pieces -----------------------------------------------------------------------------

    private static void Offer(MediumBuilder m, params InteractionState[] accepted)
    {
        if (accepted.Length == 1)
        {
            m.Go(InteractionState.Offered, InteractionTrigger.Accept, accepted[0]);
        }
        else
        {
            m.Dynamic(InteractionState.Offered, InteractionTrigger.Accept, accepted);
        }

        m.Go(InteractionState.Offered, InteractionTrigger.Reject, InteractionState.Rejected);
        m.Go(InteractionState.Offered, InteractionTrigger.RemoteHangUp, InteractionState.Abandoned);
        m.Dynamic(InteractionState.Offered, InteractionTrigger.PartyDropped, InteractionState.Abandoned, InteractionState.Offered);
        m.Stay(InteractionState.Offered, InteractionTrigger.SetAttachedData);
    }

    private static void Consulting(MediumBuilder m, bool alternate)
    {
        m.GoIf(InteractionState.Consulting, InteractionTrigger.CompleteTransfer, InteractionState.Ended,
            static c => c.IsTransferConsultation && c.TargetState is PartyState.Connected or PartyState.Held, "the consultation is for a transfer and the target is connected");
        m.GoIf(InteractionState.Consulting, InteractionTrigger.CompleteConference, InteractionState.Conferenced,
            static c => !c.IsTransferConsultation && c.TargetState is PartyState.Connected or PartyState.Held, "the consultation is for a conference and the target is connected");
        if (alternate)
        {
            m.StayIf(InteractionState.Consulting, InteractionTrigger.Alternate, static c => c.TargetState is PartyState.Connected or PartyState.Held, "the target is connected");
        }

        // From a conference's consultation, the conference comes back (every party connected).
        m.Dynamic(InteractionState.Consulting, InteractionTrigger.Reconnect, InteractionState.Talking, InteractionState.Conferenced);
        m.Go(InteractionState.Consulting, InteractionTrigger.Disconnect, InteractionState.Ended);
        m.Stay(InteractionState.Consulting, InteractionTrigger.TargetRinging);
        m.Stay(InteractionState.Consulting, InteractionTrigger.TargetAnswered);
        m.Stay(InteractionState.Consulting, InteractionTrigger.TargetFailed);
        m.Dynamic(InteractionState.Consulting, InteractionTrigger.TargetHangUp, InteractionState.Held, InteractionState.Talking, InteractionState.Conferenced);
        m.Go(InteractionState.Consulting, InteractionTrigger.RemoteHangUp, InteractionState.Ended);
        m.Dynamic(InteractionState.Consulting, InteractionTrigger.PartyDropped,
            InteractionState.Ended, InteractionState.Held, InteractionState.Talking, InteractionState.Consulting, InteractionState.Conferenced);
    }

    private static void Conferenced(MediumBuilder m)
    {
        // A conference grows by consulting the next target; transferring a conference is not supported.
        m.Go(InteractionState.Conferenced, InteractionTrigger.ConsultForConference, InteractionState.Consulting);
        m.Go(InteractionState.Conferenced, InteractionTrigger.EndConference, InteractionState.Talking);
        m.Dynamic(InteractionState.Conferenced, InteractionTrigger.DropParty, InteractionState.Conferenced, InteractionState.Talking);
        m.Go(InteractionState.Conferenced, InteractionTrigger.Disconnect, InteractionState.Ended);
        m.Go(InteractionState.Conferenced, InteractionTrigger.RemoteHangUp, InteractionState.Ended);
        m.Dynamic(InteractionState.Conferenced, InteractionTrigger.PartyDropped, InteractionState.Ended, InteractionState.Conferenced, InteractionState.Talking);
    }

    private static void SecureMode(MediumBuilder m, InteractionState state)
    {
        m.StayIf(state, InteractionTrigger.EnterSecureMode, static c => !c.Snapshot.IsSecure, "not in secure mode");
        m.StayIf(state, InteractionTrigger.ExitSecureMode, static c => c.Snapshot.IsSecure, "in secure mode");
    }

    private static void MarkDone(MediumBuilder m, InteractionState state) =>
        m.GoIf(state, InteractionTrigger.MarkDone, InteractionState.Done, static c => c.DispositionSatisfied, DispositionGuard);

    /// <summary>Notes, disposition, custom data (and call result) wherever the interaction is owned and not closed.</summary>
    private static void Data(MediumBuilder m, bool callResult)
    {
        foreach (var state in s_dataStates)
        {
            if (!m.IsConfigured(state))
            {
                continue;
            }

            m.Stay(state, InteractionTrigger.AddNote);
            m.Stay(state, InteractionTrigger.SetDisposition);
            m.Stay(state, InteractionTrigger.SetCustomData);
            m.Stay(state, InteractionTrigger.SetAttachedData);
            if (callResult)
            {
                m.Stay(state, InteractionTrigger.SetCallResult);
            }
        }
    }

    private sealed class Medium
    {
        public Medium(
            StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> definition,
            MediumTraits traits,
            HashSet<InteractionTrigger> supported,
            Dictionary<InteractionTrigger, TriggerWithParameters<InteractionTrigger, InteractionInput>> typed)
        {
            Definition = definition;
            Traits = traits;
            Supported = supported;
            Typed = typed;
        }

        public StateMachineDefinition<InteractionState, InteractionTrigger, InteractionContext> Definition { get; }

        public MediumTraits Traits { get; }

        public HashSet<InteractionTrigger> Supported { get; }

        public Dictionary<InteractionTrigger, TriggerWithParameters<InteractionTrigger, InteractionInput>> Typed { get; }
    }

    /// <summary>
    /// Configures one medium: every behaviour applies the input's effect through <see cref="InteractionContext.Apply"/>,
    /// as an internal action (state unchanged) or as an entry action of the destination (registered once per
    /// destination and trigger).
    /// </summary>
    private sealed class MediumBuilder
    {
        private static readonly Action<InteractionContext, InteractionInput, Transition<InteractionState, InteractionTrigger>> s_apply =
            static (context, input, transition) => context.Apply(transition.Trigger, input, transition.Destination);

        private readonly StateMachineBuilder<InteractionState, InteractionTrigger, InteractionContext> _builder = new();
        private readonly MediumTraits _traits;
        private readonly HashSet<InteractionTrigger> _supported = [];
        private readonly HashSet<(InteractionState, InteractionTrigger)> _entries = [];
        private readonly HashSet<InteractionState> _configured = [];
        private readonly Dictionary<InteractionTrigger, TriggerWithParameters<InteractionTrigger, InteractionInput>> _typed = [];

        public MediumBuilder(MediumTraits traits)
        {
            _traits = traits;
            foreach (var trigger in EnumIndex<InteractionTrigger>.Instance.Values)
            {
                _typed[trigger] = _builder.SetTriggerParameters<InteractionInput>(trigger);
            }

            _builder.Configure(InteractionState.Talking).SubstateOf(InteractionState.Connected);
            _builder.Configure(InteractionState.Held).SubstateOf(InteractionState.Connected);
            _builder.Configure(InteractionState.Consulting).SubstateOf(InteractionState.Connected);
            _builder.Configure(InteractionState.Conferenced).SubstateOf(InteractionState.Connected);
            _builder.Configure(InteractionState.Connected).InitialTransition(InteractionState.Talking);
        }

        public bool IsConfigured(InteractionState state) => _configured.Contains(state);

        /// <summary>An unguarded transition to a fixed state.</summary>
        public void Go(InteractionState from, InteractionTrigger trigger, InteractionState to)
        {
            Use(from, trigger);
            _builder.Configure(from).Permit(trigger, to);
            Entry(to, trigger);
        }

        /// <summary>A guarded transition to a fixed state.</summary>
        public void GoIf(InteractionState from, InteractionTrigger trigger, InteractionState to, Func<InteractionContext, bool> guard, string description)
        {
            Use(from, trigger);
            _builder.Configure(from).PermitIf(trigger, to, guard, description);
            Entry(to, trigger);
        }

        /// <summary>A transition whose destination is the state derived from the parties after the input.</summary>
        public void Dynamic(InteractionState from, InteractionTrigger trigger, params InteractionState[] possible)
        {
            Use(from, trigger);
            _builder.Configure(from).PermitDynamic(
                _typed[trigger], static (context, input) => context.Select(input.Trigger, input), possible, Derived);
            foreach (var to in possible)
            {
                Entry(to, trigger);
            }
        }

        /// <summary>An input that changes data or parties but not the state.</summary>
        public void Stay(InteractionState state, InteractionTrigger trigger)
        {
            Use(state, trigger);
            _builder.Configure(state).InternalTransition(_typed[trigger], s_apply);
        }

        /// <summary>A guarded input that changes data or parties but not the state.</summary>
        public void StayIf(InteractionState state, InteractionTrigger trigger, Func<InteractionContext, bool> guard, string description)
        {
            Use(state, trigger);
            _builder.Configure(state).InternalTransitionIf(_typed[trigger], guard, s_apply, description);
        }

        public Medium Build() =>
            new(_builder.Build(InteractionState.Offered), _traits, _supported, _typed);

        private void Use(InteractionState state, InteractionTrigger trigger)
        {
            _configured.Add(state);
            _supported.Add(trigger);
        }

        private void Entry(InteractionState to, InteractionTrigger trigger)
        {
            _configured.Add(to);
            if (_entries.Add((to, trigger)))
            {
                _builder.Configure(to).OnEntryFrom(_typed[trigger], s_apply);
            }
        }
    }
}
