using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Threading;
using NodaTime;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// The per-interaction object that the guards and actions of an interaction's machine receive. Opaque: it
/// has no public members and cannot be created outside the SDK, so the definitions exposed by
/// <see cref="InteractionDefinitions"/> can be inspected and exported but not run on foreign data.
/// </summary>
public sealed class InteractionContext
{
    private static readonly IReadOnlyDictionary<string, string> s_empty = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    // The events of the input being applied, per thread: emptied after publishing, so it holds nothing between
    // inputs and nothing of one interaction is seen by another. Taken (set to null) while in use, so that an
    // Apply nested on the same thread (an event handler acting on another interaction) uses a list of its own.
    [ThreadStatic]
    private static List<InteractionEvent>? s_eventScratch;

    // Inputs applied on this thread so far: lets a caller tell its own input's refusal from the refusal of
    // an input queued from an event handler while its own input was being applied.
    [ThreadStatic]
    private static long s_appliedOnThisThread;

    private InteractionSnapshot _snapshot;
    private InteractionEventStream? _stream;

    internal InteractionContext(InteractionSnapshot initial, Lifecycle lifecycle, MediumTraits traits, InteractionOptions options)
    {
        _snapshot = initial;
        Lifecycle = lifecycle;
        Traits = traits;
        Options = options;
        NextPartyId = initial.Parties.Count + 1;
    }

    /// <summary>The current snapshot; replaced as a whole (under the machine's gate) after every input.</summary>
    internal InteractionSnapshot Snapshot => Volatile.Read(ref _snapshot);

    internal Lifecycle Lifecycle { get; private set; }

    internal MediumTraits Traits { get; }

    internal InteractionOptions Options { get; }

    /// <summary>The event stream, created by the first subscription (an interaction nobody watches has none).</summary>
    internal InteractionEventStream Stream
    {
        get
        {
            var stream = Volatile.Read(ref _stream);
            if (stream is null)
            {
                _ = Interlocked.CompareExchange(ref _stream, new InteractionEventStream(), null);
                stream = _stream!;
            }

            return stream;
        }
    }

    internal int NextPartyId { get; private set; }

    internal static IReadOnlyDictionary<string, string> Freeze(IReadOnlyDictionary<string, string>? data)
    {
        if (data is null || data.Count == 0)
        {
            return s_empty;
        }

        var copy = new Dictionary<string, string>(data.Count, StringComparer.Ordinal);
        foreach (var pair in data)
        {
            copy[pair.Key] = pair.Value ?? throw new ArgumentException($"The value of data key '{pair.Key}' is null.", nameof(data));
        }

        return new ReadOnlyDictionary<string, string>(copy);
    }

    // ----- derivation: the one place the state comes from -------------------------------------------

    /// <summary>
    /// The interaction's state, derived from its life phase, its parties and its consultation. Every input
    /// moves the machine to exactly this state (checked after each one).
    /// </summary>
    internal static InteractionState Derive(Lifecycle lifecycle, MediumTraits traits, IReadOnlyList<Party> parties, Consultation? consultation)
    {
        switch (lifecycle)
        {
            case Lifecycle.Offered:
                return InteractionState.Offered;
            case Lifecycle.Rejected:
                return InteractionState.Rejected;
            case Lifecycle.Abandoned:
                return InteractionState.Abandoned;
            case Lifecycle.Done:
                return InteractionState.Done;
        }

        if (Find(parties, PartyRole.Agent)?.State is PartyState.Disconnected or null)
        {
            return InteractionState.Ended;
        }

        if (traits.Connectionless)
        {
            return InteractionState.Working;
        }

        switch (Find(parties, PartyRole.Customer)?.State)
        {
            case PartyState.Idle:
                return InteractionState.Idle;
            case PartyState.Dialing or PartyState.Alerting:
                return InteractionState.Dialing;
        }

        if (consultation is not null)
        {
            return InteractionState.Consulting;
        }

        for (int i = 0; i < parties.Count; i++)
        {
            if (parties[i] is { Role: PartyRole.ConferenceMember, IsPresent: true })
            {
                return InteractionState.Conferenced;
            }
        }

        return Find(parties, PartyRole.Customer)?.State == PartyState.Held ? InteractionState.Held : InteractionState.Talking;
    }

    // Index loops, not foreach: enumerating an IReadOnlyList<T> allocates an enumerator.
    internal static Party? Find(IReadOnlyList<Party> parties, PartyRole role)
    {
        for (int i = 0; i < parties.Count; i++)
        {
            if (parties[i].Role == role)
            {
                return parties[i];
            }
        }

        return null;
    }

    internal static Party? Find(IReadOnlyList<Party> parties, PartyId id)
    {
        for (int i = 0; i < parties.Count; i++)
        {
            if (parties[i].Id == id)
            {
                return parties[i];
            }
        }

        return null;
    }

    // ----- guards (read the current snapshot) --------------------------------------------------------

    internal PartyState? CustomerState => Find(Snapshot.Parties, PartyRole.Customer)?.State;

    internal PartyState? TargetState => Snapshot.Consultation is { } c ? Find(Snapshot.Parties, c.Target)?.State : null;

    internal bool IsTransferConsultation => Snapshot.Consultation?.Kind == ConsultationKind.Transfer;

    internal bool DispositionSatisfied => !Options.DispositionRequired || Snapshot.Disposition is not null;

    // ----- selectors and actions ---------------------------------------------------------------------

    /// <summary>The state an input leads to: the derivation applied to the input's effect. Pure.</summary>
    internal InteractionState Select(InteractionTrigger trigger, in InteractionInput input)
    {
        var draft = Compute(trigger, input, Instant.MinValue);
        return Derive(draft.Lifecycle, Traits, draft.Parties, draft.Consultation);
    }

    /// <summary>The number of inputs applied on the calling thread so far.</summary>
    internal static long AppliedOnThisThread => s_appliedOnThisThread;

    /// <summary>
    /// Applies an input that the machine accepted: computes its effect, checks that the machine's new state is
    /// the derived one, replaces the snapshot and publishes the events, in order. Runs under the machine's gate.
    /// </summary>
    internal void Apply(InteractionTrigger trigger, in InteractionInput input, InteractionState machineState)
    {
        s_appliedOnThisThread++;
        var before = Snapshot;
        var at = Options.TimeSource.Now;
        var draft = Compute(trigger, input, at);
        var state = Derive(draft.Lifecycle, Traits, draft.Parties, draft.Consultation);
        if (state != machineState)
        {
            throw new InvalidOperationException(
                $"Internal error: {trigger} moved the {before.Media} interaction's machine to {machineState} but its parties say {state}.");
        }

        if (state is InteractionState.Ended or InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned)
        {
            draft.IsSecure = false;
        }

        var events = s_eventScratch ?? new List<InteractionEvent>(8);
        s_eventScratch = null;
        try
        {
            Publish(trigger, input, at, before, ref draft, state, events);
        }
        finally
        {
            events.Clear();
            s_eventScratch = events;
        }
    }

    /// <summary>Builds the events of one input, replaces the snapshot, then publishes the events in order.</summary>
    private void Publish(
        InteractionTrigger trigger, in InteractionInput input, Instant at, InteractionSnapshot before, ref Draft draft, InteractionState state, List<InteractionEvent> events)
    {
        long sequence = before.Sequence;
        var id = before.Id;
        var correlation = input.CorrelationId;

        var newParties = draft.Parties;
        if (!ReferenceEquals(newParties, before.Parties))
        {
            for (int i = 0; i < newParties.Count; i++)
            {
                var previous = i < before.Parties.Count ? before.Parties[i] : null;
                if (!Equals(previous, newParties[i]))
                {
                    events.Add(new PartyChanged(id, ++sequence, at, correlation, trigger, previous, newParties[i]));
                }
            }
        }

        if (!Equals(before.Consultation, draft.Consultation))
        {
            events.Add(new ConsultationChanged(id, ++sequence, at, correlation, trigger, before.Consultation, draft.Consultation));
        }

        for (int i = before.Notes.Count; i < draft.Notes.Count; i++)
        {
            events.Add(new NoteAdded(id, ++sequence, at, correlation, trigger, draft.Notes[i]));
        }

        if (draft.DataKey is { } key)
        {
            var (scope, old, data) = draft.DataScope == DataScope.Custom
                ? (DataScope.Custom, before.CustomData, draft.CustomData)
                : (DataScope.Attached, before.AttachedData, draft.AttachedData);
            old.TryGetValue(key, out string? previous);
            string current = data[key];
            if (previous != current)
            {
                events.Add(new DataChanged(id, ++sequence, at, correlation, trigger, scope, key, previous, current));
            }
        }

        if (draft.CallResult != before.CallResult && draft.CallResult is { } result)
        {
            events.Add(new CallResultSet(id, ++sequence, at, correlation, trigger, before.CallResult, result));
        }

        if (draft.Disposition != before.Disposition && draft.Disposition is { } disposition)
        {
            events.Add(new DispositionSet(id, ++sequence, at, correlation, trigger, before.Disposition, disposition));
        }

        if (draft.IsSecure != before.IsSecure)
        {
            events.Add(new SecureModeChanged(id, ++sequence, at, correlation, trigger, draft.IsSecure));
        }

        if (trigger == InteractionTrigger.SendDtmf)
        {
            string digits = input.Text!;
            events.Add(new DtmfSent(id, ++sequence, at, correlation, trigger, before.IsSecure ? Mask(digits) : digits, before.IsSecure));
        }
        else if (trigger is InteractionTrigger.Reply or InteractionTrigger.Forward)
        {
            var kind = trigger == InteractionTrigger.Reply ? MessageKind.Reply : MessageKind.Forward;
            events.Add(new MessageSent(id, ++sequence, at, correlation, trigger, kind, kind == MessageKind.Forward ? input.Text : null));
        }

        if (state != before.State)
        {
            events.Add(new InteractionStateChanged(id, ++sequence, at, correlation, trigger, before.State, state));
        }

        Lifecycle = draft.Lifecycle;
        NextPartyId = draft.NextPartyId;
        Volatile.Write(ref _snapshot, new InteractionSnapshot(
            id,
            before.Media,
            before.Direction,
            state,
            newParties,
            draft.Consultation,
            draft.Notes,
            draft.Disposition,
            draft.CallResult,
            draft.AttachedData,
            draft.CustomData,
            draft.IsSecure,
            sequence));

        if (Volatile.Read(ref _stream) is { } stream)
        {
            for (int i = 0; i < events.Count; i++)
            {
                stream.Publish(events[i]);
            }
        }
    }

    internal static string Mask(string digits)
    {
        var masked = digits.ToCharArray();
        for (int i = 0; i < masked.Length; i++)
        {
            if (masked[i] != ',')
            {
                masked[i] = '*';
            }
        }

        return new string(masked);
    }

    // ----- effects -----------------------------------------------------------------------------------

    /// <summary>The effect of an input on the current snapshot, as a draft. Pure: nothing is changed.</summary>
    private Draft Compute(InteractionTrigger trigger, in InteractionInput input, Instant at)
    {
        var draft = new Draft(Snapshot, Lifecycle, NextPartyId);
        switch (trigger)
        {
            case InteractionTrigger.Accept:
                draft.Lifecycle = Lifecycle.Accepted;
                draft.SetRole(PartyRole.Agent, PartyState.Connected);
                break;
            case InteractionTrigger.Reject:
                draft.Lifecycle = Lifecycle.Rejected;
                draft.DisconnectAll();
                break;
            case InteractionTrigger.Connect:
                draft.Connect(input.Text, Traits.ConnectIsImmediate ? PartyState.Connected : PartyState.Dialing);
                break;
            case InteractionTrigger.CompleteTransfer:
                draft.AddNote(draft.Consultation?.Reason, NoteKind.TransferReason, at);
                draft.DisconnectAll();
                break;
            case InteractionTrigger.Disconnect:
            case InteractionTrigger.CustomerRejected:
            case InteractionTrigger.CustomerBusy:
            case InteractionTrigger.CustomerNoAnswer:
                draft.DisconnectAll();
                draft.CallResult ??= trigger switch
                {
                    InteractionTrigger.CustomerRejected => CallResult.Rejected,
                    InteractionTrigger.CustomerBusy => CallResult.Busy,
                    InteractionTrigger.CustomerNoAnswer => CallResult.NoAnswer,
                    _ => null,
                };
                break;
            case InteractionTrigger.SendDtmf:
                // A fact, not a change: published as DtmfSent.
                break;
            case InteractionTrigger.Hold:
                draft.SetRole(PartyRole.Customer, PartyState.Held);
                break;
            case InteractionTrigger.Resume:
            case InteractionTrigger.CustomerAnswered:
                draft.SetRole(PartyRole.Customer, PartyState.Connected);
                break;
            case InteractionTrigger.CustomerRinging:
                draft.SetRole(PartyRole.Customer, PartyState.Alerting);
                break;
            case InteractionTrigger.ConsultForTransfer:
            case InteractionTrigger.ConsultForConference:
                if (Traits.HoldsForConsultation)
                {
                    // The contact, with the conference when there is one.
                    draft.SetRole(PartyRole.Customer, PartyState.Held);
                    draft.SetRole(PartyRole.ConferenceMember, PartyState.Held);
                }

                var target = draft.AddParty(PartyRole.ConsultTarget, input.Text!, PartyState.Dialing);
                var kind = trigger == InteractionTrigger.ConsultForTransfer ? ConsultationKind.Transfer : ConsultationKind.Conference;
                draft.Consultation = new Consultation(kind, target, input.Text2);
                break;
            case InteractionTrigger.CompleteConference:
                draft.SetRole(PartyRole.Customer, PartyState.Connected);
                draft.SetRole(PartyRole.ConferenceMember, PartyState.Connected);
                draft.SetParty(draft.Consultation!.Target, static p => p with { Role = PartyRole.ConferenceMember, State = PartyState.Connected });
                draft.Consultation = null;
                break;
            case InteractionTrigger.EndConference:
                draft.SetRole(PartyRole.ConferenceMember, PartyState.Disconnected);
                break;
            case InteractionTrigger.DropParty:
                draft.SetParty(new PartyId(input.Number), static p => p.With(PartyState.Disconnected));
                break;
            case InteractionTrigger.Alternate:
                var customer = Find(draft.Parties, PartyRole.Customer)!;
                var swapped = customer.State == PartyState.Held ? PartyState.Connected : PartyState.Held;
                draft.SetRole(PartyRole.Customer, swapped);
                draft.SetRole(PartyRole.ConferenceMember, swapped);
                draft.SetParty(draft.Consultation!.Target, p => p.With(swapped == PartyState.Held ? PartyState.Connected : PartyState.Held));
                break;
            case InteractionTrigger.Reconnect:
                draft.CloseConsultation();
                draft.SetRole(PartyRole.Customer, PartyState.Connected);
                draft.SetRole(PartyRole.ConferenceMember, PartyState.Connected);
                break;
            case InteractionTrigger.BlindTransfer:
                draft.AddNote(input.Text2, NoteKind.TransferReason, at);
                draft.DisconnectAll();
                break;
            case InteractionTrigger.SetCallResult:
                draft.CallResult = (CallResult)input.Number;
                break;
            case InteractionTrigger.SetDisposition:
                draft.Disposition = input.Text;
                break;
            case InteractionTrigger.AddNote:
                draft.AddNote(input.Text, NoteKind.Agent, at);
                break;
            case InteractionTrigger.SetCustomData:
                draft.SetData(DataScope.Custom, input.Text!, input.Text2!);
                break;
            case InteractionTrigger.SetAttachedData:
                draft.SetData(DataScope.Attached, input.Text!, input.Text2!);
                break;
            case InteractionTrigger.EnterSecureMode:
                draft.IsSecure = true;
                break;
            case InteractionTrigger.ExitSecureMode:
                draft.IsSecure = false;
                break;
            case InteractionTrigger.Reply:
            case InteractionTrigger.Forward:
                draft.DisconnectAll();
                break;
            case InteractionTrigger.MarkDone:
                draft.Lifecycle = Lifecycle.Done;
                draft.DisconnectAll();
                break;
            case InteractionTrigger.RemoteHangUp:
                Leave(ref draft);
                break;
            case InteractionTrigger.TargetRinging:
                draft.SetParty(draft.Consultation!.Target, static p => p.State == PartyState.Dialing ? p.With(PartyState.Alerting) : p);
                break;
            case InteractionTrigger.TargetAnswered:
                // Only a ringing target answers; a duplicate after Alternate must not un-hold it.
                draft.SetParty(draft.Consultation!.Target, static p => p.State is PartyState.Dialing or PartyState.Alerting ? p.With(PartyState.Connected) : p);
                break;
            case InteractionTrigger.TargetFailed:
                // The consultation stays open: the agent reconnects (complete is refused: the target is not connected).
                draft.SetParty(draft.Consultation!.Target, static p => p.With(PartyState.Disconnected));
                break;
            case InteractionTrigger.TargetHangUp:
                // Back to the contact as they were: held (voice) or talking (after Alternate, or chat);
                // back to the conference, every party connected, when the consultation was opened from one.
                draft.CloseConsultation();
                draft.RejoinConference();
                break;
            case InteractionTrigger.PartyDropped:
                var dropped = Find(draft.Parties, new PartyId(input.Number));
                switch (dropped)
                {
                    case null or { IsPresent: false }:
                        break;
                    case { Role: PartyRole.Customer or PartyRole.Agent }:
                        Leave(ref draft);
                        break;
                    case { Role: PartyRole.ConsultTarget } when draft.Consultation?.Target == dropped.Id:
                        draft.CloseConsultation();
                        draft.RejoinConference();
                        break;
                    default:
                        draft.SetParty(dropped.Id, static p => p.With(PartyState.Disconnected));
                        break;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Not an input of interactions.");
        }

        return draft;
    }

    /// <summary>
    /// The contact (or the agent's own leg) is gone: an offer is abandoned; anything else ends, with its
    /// consultation or conference.
    /// </summary>
    private static void Leave(ref Draft draft)
    {
        if (draft.Lifecycle == Lifecycle.Offered)
        {
            draft.Lifecycle = Lifecycle.Abandoned;
        }

        draft.DisconnectAll();
    }

    /// <summary>
    /// A mutable copy of a snapshot on which an input's effect is computed. A struct, local to one computation:
    /// copies of the parties and notes are made only when they change.
    /// </summary>
    private struct Draft
    {
        private readonly InteractionSnapshot _origin;
        private Party[]? _parties;
        private IReadOnlyList<Party>? _partiesView;
        private List<Note>? _notes;
        private IReadOnlyList<Note>? _notesView;

        public Draft(InteractionSnapshot origin, Lifecycle lifecycle, int nextPartyId)
        {
            _origin = origin;
            Lifecycle = lifecycle;
            NextPartyId = nextPartyId;
            Consultation = origin.Consultation;
            Disposition = origin.Disposition;
            CallResult = origin.CallResult;
            IsSecure = origin.IsSecure;
            AttachedData = origin.AttachedData;
            CustomData = origin.CustomData;
        }

        public Lifecycle Lifecycle { get; set; }

        public int NextPartyId { get; private set; }

        /// <summary>The parties: the snapshot's own list until one changes, then one read-only view of the copy.</summary>
        public IReadOnlyList<Party> Parties => _parties is null ? _origin.Parties : _partiesView ??= Array.AsReadOnly(_parties);

        /// <summary>The notes: the snapshot's own list until one is added, then one read-only view of the copy.</summary>
        public IReadOnlyList<Note> Notes => _notes is null ? _origin.Notes : _notesView ??= _notes.AsReadOnly();

        public Consultation? Consultation { get; set; }

        public string? Disposition { get; set; }

        public CallResult? CallResult { get; set; }

        public bool IsSecure { get; set; }

        public IReadOnlyDictionary<string, string> AttachedData { get; private set; }

        public IReadOnlyDictionary<string, string> CustomData { get; private set; }

        public string? DataKey { get; private set; }

        public DataScope DataScope { get; private set; }

        public void SetRole(PartyRole role, PartyState state)
        {
            var parties = MutableParties();
            for (int i = 0; i < parties.Length; i++)
            {
                if (parties[i].Role == role && parties[i].IsPresent)
                {
                    parties[i] = parties[i].With(state);
                }
            }
        }

        public void SetParty(PartyId id, Func<Party, Party> change)
        {
            var parties = MutableParties();
            for (int i = 0; i < parties.Length; i++)
            {
                if (parties[i].Id == id && parties[i].IsPresent)
                {
                    parties[i] = change(parties[i]);
                }
            }
        }

        public PartyId AddParty(PartyRole role, string address, PartyState state)
        {
            var id = new PartyId(NextPartyId++);
            var parties = MutableParties();
            Array.Resize(ref parties, parties.Length + 1);
            parties[parties.Length - 1] = new Party(id, role, address, state);
            _parties = parties;
            _partiesView = null;
            return id;
        }

        public void Connect(string? number, PartyState customerState)
        {
            var parties = MutableParties();
            for (int i = 0; i < parties.Length; i++)
            {
                if (parties[i].Role == PartyRole.Customer)
                {
                    parties[i] = parties[i] with { Address = number ?? parties[i].Address, State = customerState };
                }
            }
        }

        public void DisconnectAll()
        {
            SetRoleAll(PartyState.Disconnected);
            Consultation = null;
        }

        public void CloseConsultation()
        {
            if (Consultation is { } consultation)
            {
                SetParty(consultation.Target, static p => p.With(PartyState.Disconnected));
                Consultation = null;
            }
        }

        /// <summary>With a conference member still present (a consultation opened from a conference), connects the contact and the members again.</summary>
        public void RejoinConference()
        {
            var parties = Parties;
            for (int i = 0; i < parties.Count; i++)
            {
                if (parties[i] is { Role: PartyRole.ConferenceMember, IsPresent: true })
                {
                    SetRole(PartyRole.Customer, PartyState.Connected);
                    SetRole(PartyRole.ConferenceMember, PartyState.Connected);
                    return;
                }
            }
        }

        public void AddNote(string? text, NoteKind kind, Instant at)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                (_notes ??= new List<Note>(_origin.Notes)).Add(new Note(text!, kind, at));
            }
        }

        public void SetData(DataScope scope, string key, string value)
        {
            var source = scope == DataScope.Custom ? CustomData : AttachedData;
            var copy = new Dictionary<string, string>(source.Count + 1, StringComparer.Ordinal);
            foreach (var pair in source)
            {
                copy[pair.Key] = pair.Value;
            }

            copy[key] = value;
            var frozen = new ReadOnlyDictionary<string, string>(copy);
            if (scope == DataScope.Custom)
            {
                CustomData = frozen;
            }
            else
            {
                AttachedData = frozen;
            }

            DataKey = key;
            DataScope = scope;
        }

        private void SetRoleAll(PartyState state)
        {
            var parties = MutableParties();
            for (int i = 0; i < parties.Length; i++)
            {
                parties[i] = parties[i].With(state);
            }
        }

        private Party[] MutableParties()
        {
            if (_parties is null)
            {
                _parties = new Party[_origin.Parties.Count];
                for (int i = 0; i < _parties.Length; i++)
                {
                    _parties[i] = _origin.Parties[i];
                }
            }

            return _parties;
        }
    }
}
