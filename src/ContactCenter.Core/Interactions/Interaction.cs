using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// An exchange between an agent and a contact — a call, a chat, an email, an SMS conversation, a callback or
/// an outbound campaign call — run by its medium's shared state machine (<see cref="InteractionDefinitions"/>).
/// </summary>
/// <remarks>
/// <para><b>Two kinds of input.</b> Commands (<see cref="Accept"/>, <see cref="Hold"/>, ...) are what the agent
/// wants; a refused command throws <see cref="InteractionCommandRefusedException"/> and changes nothing.
/// Network events (<see cref="OnNetworkEvent"/>, <see cref="OnPartyDropped"/>) are what the telephony did; they
/// are never refused: one that does not apply in the current state (a late one) is ignored and the method
/// returns <see langword="false"/>.</para>
/// <para><b>One source of truth.</b> The state is derived from the parties (and the life phase) in one place
/// after every input; <see cref="Snapshot"/> gives state, parties and data taken after the same input.</para>
/// <para><b>Threads.</b> Commands and network events may come from different threads: inputs are serialised
/// (run to completion, one at a time) and events are published in order, under that serialisation. An input
/// issued from inside an event handler, on the publishing thread, is queued and runs after the current one;
/// if it is a command and is refused, the caller of the outer input (which was applied) receives that
/// command's <see cref="InteractionCommandRefusedException"/>, naming it; a queued network event that no
/// longer applies is ignored.</para>
/// <para><b>Correlation.</b> Every method takes an optional correlation id (a new one when omitted); every event
/// the input causes carries it.</para>
/// </remarks>
public sealed class Interaction
{
    private const string DtmfAlphabet = "0123456789*#ABCD,";

    private readonly StateMachine<InteractionState, InteractionTrigger, InteractionContext> _machine;
    private readonly InteractionContext _context;

    private Interaction(InteractionSpec spec, InteractionOptions options)
    {
        Media = spec.Media;
        Options = options;
        var traits = InteractionDefinitions.TraitsOf(spec.Media);
        bool offer = spec.IsOffer ?? (spec.Media == MediaType.Chat || spec.Direction != InteractionDirection.Outbound);
        if (!offer && spec.Media == MediaType.Chat)
        {
            throw new ArgumentException("A chat starts as an offer (IsOffer cannot be false).", nameof(spec));
        }

        var customerState = (offer, spec.Media) switch
        {
            (true, MediaType.Callback) => PartyState.Idle,
            (true, _) => PartyState.Connected,
            (false, MediaType.Email) => PartyState.Connected,
            (false, _) => PartyState.Idle,
        };
        Party[] parties =
        [
            new Party(new PartyId(1), PartyRole.Customer, spec.CustomerAddress, customerState),
            new Party(new PartyId(2), PartyRole.Agent, Guard.NotNull(spec.AgentAddress), offer ? PartyState.Alerting : PartyState.Connected),
        ];
        var lifecycle = offer ? Lifecycle.Offered : Lifecycle.Accepted;
        var state = InteractionContext.Derive(lifecycle, traits, parties, null);
        var initial = new InteractionSnapshot(
            spec.Id ?? InteractionId.New(),
            spec.Media,
            spec.Direction,
            state,
            Array.AsReadOnly(parties),
            null,
            Array.Empty<Note>(),
            null,
            null,
            InteractionContext.Freeze(spec.AttachedData),
            InteractionContext.Freeze(spec.CustomData),
            false,
            0);
        _context = new InteractionContext(initial, lifecycle, traits, options);
        _machine = InteractionDefinitions.For(spec.Media).Rehydrate(_context, state);
        InitialSnapshot = initial;
        if (offer && options.AutoAccept)
        {
            // The timer needs no cancelling: it does nothing once the offer is accepted, rejected or withdrawn.
            _ = options.TimeSource.Schedule(options.AutoAcceptDelay, AutoAccept);
        }
    }

    private Interaction(InteractionSnapshot snapshot, InteractionOptions options)
    {
        Media = snapshot.Media;
        Options = options;
        var traits = InteractionDefinitions.TraitsOf(snapshot.Media);
        var lifecycle = snapshot.State switch
        {
            InteractionState.Offered => Lifecycle.Offered,
            InteractionState.Rejected => Lifecycle.Rejected,
            InteractionState.Abandoned => Lifecycle.Abandoned,
            InteractionState.Done => Lifecycle.Done,
            _ => Lifecycle.Accepted,
        };
        var derived = InteractionContext.Derive(lifecycle, traits, snapshot.Parties, snapshot.Consultation);
        if (derived != snapshot.State)
        {
            throw new ArgumentException($"Interaction {snapshot.Id}: its parties and consultation make it {derived}, not {snapshot.State}.", nameof(snapshot));
        }

        _context = new InteractionContext(snapshot, lifecycle, traits, options);
        _machine = InteractionDefinitions.For(snapshot.Media).Rehydrate(_context, snapshot.State);
        InitialSnapshot = snapshot;
    }

    /// <summary>The interaction's id.</summary>
    public InteractionId Id => InitialSnapshot.Id;

    /// <summary>The medium.</summary>
    public MediaType Media { get; }

    /// <summary>The direction.</summary>
    public InteractionDirection Direction => InitialSnapshot.Direction;

    /// <summary>The policy the interaction was created with.</summary>
    public InteractionOptions Options { get; }

    /// <summary>The snapshot at creation, before any input: with the events, everything <see cref="InteractionReplay"/> needs.</summary>
    public InteractionSnapshot InitialSnapshot { get; }

    /// <summary>State, parties and data, all taken after the same input.</summary>
    public InteractionSnapshot Snapshot => _context.Snapshot;

    /// <summary>The current state.</summary>
    public InteractionState State => _context.Snapshot.State;

    /// <summary>The parties, in the order they joined; a party that left stays, <see cref="PartyState.Disconnected"/>.</summary>
    public IReadOnlyList<Party> Parties => _context.Snapshot.Parties;

    /// <summary>The open consultation, if any.</summary>
    public Consultation? Consultation => _context.Snapshot.Consultation;

    /// <summary>Attached data: set by the host or routing (<see cref="SetAttachedData"/>), read-only to the agent.</summary>
    public IReadOnlyDictionary<string, string> AttachedData => _context.Snapshot.AttachedData;

    /// <summary>Custom data: keys fixed at creation, values editable with <see cref="SetCustomData"/>.</summary>
    public IReadOnlyDictionary<string, string> CustomData => _context.Snapshot.CustomData;

    /// <summary>The notes, oldest first (transfer reasons are appended automatically).</summary>
    public IReadOnlyList<Note> Notes => _context.Snapshot.Notes;

    /// <summary>The disposition code, if set.</summary>
    public string? Disposition => _context.Snapshot.Disposition;

    /// <summary>The call result, if set.</summary>
    public CallResult? CallResult => _context.Snapshot.CallResult;

    /// <summary>Whether DTMF digits are masked in events (secure mode, e.g. card entry).</summary>
    public bool IsSecure => _context.Snapshot.IsSecure;

    /// <summary>
    /// Every event of this interaction, in order (see <see cref="InteractionEvent.Sequence"/>). Hot: a subscriber
    /// gets the events published after it subscribed; the stream never completes. A subscriber that throws is
    /// detached (and receives <c>OnError</c>); the interaction and the other subscribers are unaffected.
    /// </summary>
    public IObservable<InteractionEvent> Events => _context.Stream;

    /// <summary>The commands accepted now, in <see cref="InteractionCommand"/> order: the buttons a UI enables.</summary>
    public IReadOnlyList<InteractionCommand> PermittedCommands =>
        _machine.PermittedTriggers.Where(static t => (int)t < 100).Select(static t => (InteractionCommand)t).ToArray();

    internal StateMachine<InteractionState, InteractionTrigger, InteractionContext> Machine => _machine;

    /// <summary>Creates an interaction.</summary>
    /// <param name="spec">Medium, direction, contact, and optional id, data and offer flag.</param>
    /// <param name="options">The centre's policy; <see cref="InteractionOptions.Default"/> when null.</param>
    /// <returns>The interaction, in <see cref="InteractionState.Offered"/> when offered, otherwise <see cref="InteractionState.Idle"/>
    /// (outbound voice-like and SMS) or <see cref="InteractionState.Working"/> (outbound email).</returns>
    /// <exception cref="ArgumentException">The spec is invalid (no contact address, unknown medium, an outbound chat not offered).</exception>
    public static Interaction Create(InteractionSpec spec, InteractionOptions? options = null)
    {
        Guard.NotNull(spec);
        if (!EnumCheck.IsDefined(spec.Media) || !EnumCheck.IsDefined(spec.Direction))
        {
            throw new ArgumentException("Unknown medium or direction.", nameof(spec));
        }

        if (spec.CustomerAddress is null)
        {
            throw new ArgumentException("The contact's address is required (it may be empty for an outbound call whose number is given to Connect).", nameof(spec));
        }

        return new Interaction(spec, options ?? InteractionOptions.Default);
    }

    /// <summary>
    /// Restores an interaction from a stored snapshot (<see cref="Snapshot"/>): at its stored state, without running any
    /// entry action and without publishing any event; event numbering goes on from <see cref="InteractionSnapshot.Sequence"/>.
    /// The restored snapshot is the new <see cref="InitialSnapshot"/> (replay starts from it). An offered interaction does not
    /// get its auto-accept timer back: the offer's instant is not stored, so the host decides.
    /// </summary>
    /// <param name="snapshot">The stored interaction.</param>
    /// <param name="options">The centre's policy; <see cref="InteractionOptions.Default"/> when null.</param>
    /// <returns>The interaction, in <see cref="InteractionSnapshot.State"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">An unknown medium, direction or state, or a state its parties contradict.</exception>
    public static Interaction Restore(InteractionSnapshot snapshot, InteractionOptions? options = null)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(snapshot.Parties, nameof(snapshot));
        if (!EnumCheck.IsDefined(snapshot.Media) || !EnumCheck.IsDefined(snapshot.Direction) || !EnumCheck.IsDefined(snapshot.State))
        {
            throw new ArgumentException($"Interaction {snapshot.Id}: unknown medium, direction or state.", nameof(snapshot));
        }

        return new Interaction(snapshot, options ?? InteractionOptions.Default);
    }

    /// <summary>Whether <paramref name="command"/> is accepted now (argument checks aside).</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when permitted.</returns>
    public bool Can(InteractionCommand command) => _machine.CanFire(ToTrigger(command));

    /// <summary>Why <paramref name="command"/> would be refused now, or null when it is permitted (argument checks aside).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The refusal, or null.</returns>
    public InteractionRefusal? WhyNot(InteractionCommand command)
    {
        var trigger = ToTrigger(command);
        return _machine.CanFire(trigger, out var unmet) ? null : Explain(command, State, unmet);
    }

    // ----- commands ----------------------------------------------------------------------------------

    /// <summary>Accepts the offer.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Accept(Guid? correlationId = null) => Execute(InteractionCommand.Accept, correlationId);

    /// <summary>Rejects the offer (terminal: <see cref="InteractionState.Rejected"/>).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Reject(Guid? correlationId = null) => Execute(InteractionCommand.Reject, correlationId);

    /// <summary>Dials the contact (or opens an outbound SMS conversation).</summary>
    /// <param name="number">The number to dial when it was edited; the contact's address when null.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or there is no number to dial.</exception>
    public void Connect(string? number = null, Guid? correlationId = null)
    {
        string? dial = number ?? CustomerAddress();
        if (string.IsNullOrWhiteSpace(dial))
        {
            throw Invalid(InteractionCommand.Connect, "There is no number to dial.");
        }

        Execute(InteractionCommand.Connect, correlationId, number);
    }

    /// <summary>Leaves the interaction: hangs up (with every other leg), closes the chat. The interaction moves to wrap-up (<see cref="InteractionState.Ended"/>).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Disconnect(Guid? correlationId = null) => Execute(InteractionCommand.Disconnect, correlationId);

    /// <summary>Puts the contact on hold.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Hold(Guid? correlationId = null) => Execute(InteractionCommand.Hold, correlationId);

    /// <summary>Takes the contact off hold.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Resume(Guid? correlationId = null) => Execute(InteractionCommand.Resume, correlationId);

    /// <summary>
    /// Sends DTMF digits on the active leg: <c>0-9 * # A-D</c> and the pause <c>,</c>; only while connected and
    /// not held. In secure mode the <see cref="DtmfSent"/> event carries the digits masked.
    /// </summary>
    /// <param name="digits">The digits.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or invalid digits.</exception>
    public void SendDtmf(string digits, Guid? correlationId = null)
    {
        Guard.NotNull(digits);
        if (digits.Length == 0 || digits.Any(static c => DtmfAlphabet.IndexOf(c) < 0))
        {
            throw Invalid(InteractionCommand.SendDtmf, "DTMF digits are 0-9, *, #, A-D and the pause ','; at least one is required.");
        }

        Execute(InteractionCommand.SendDtmf, correlationId, digits);
    }

    /// <summary>Opens a consultation with <paramref name="target"/> to transfer the contact to it (voice: the contact is put on hold).</summary>
    /// <param name="target">The target's number or agent id.</param>
    /// <param name="reason">The transfer reason, appended as a note when the transfer completes.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or an empty target.</exception>
    public void ConsultForTransfer(string target, string? reason = null, Guid? correlationId = null) =>
        Consult(InteractionCommand.ConsultForTransfer, target, reason, correlationId);

    /// <summary>Opens a consultation with <paramref name="target"/> to bring it into a conference (voice: the contact is put on hold).</summary>
    /// <param name="target">The target's number or agent id.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or an empty target.</exception>
    public void ConsultForConference(string target, Guid? correlationId = null) =>
        Consult(InteractionCommand.ConsultForConference, target, null, correlationId);

    /// <summary>Hands the contact over to the consulted target; only once the target is connected. Appends the reason as a note.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now (no transfer consultation, or the target is not connected).</exception>
    public void CompleteTransfer(Guid? correlationId = null) => Execute(InteractionCommand.CompleteTransfer, correlationId);

    /// <summary>Joins the contact, the agent and the consulted target; only once the target is connected.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now (no conference consultation, or the target is not connected).</exception>
    public void CompleteConference(Guid? correlationId = null) => Execute(InteractionCommand.CompleteConference, correlationId);

    /// <summary>Releases every conference member; the agent continues with the contact.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void EndConference(Guid? correlationId = null) => Execute(InteractionCommand.EndConference, correlationId);

    /// <summary>Releases one conference member; the conference ends with its last member.</summary>
    /// <param name="party">A present conference member.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or <paramref name="party"/> is not a present conference member.</exception>
    public void DropParty(PartyId party, Guid? correlationId = null)
    {
        if (InteractionContext.Find(Parties, party) is not { Role: PartyRole.ConferenceMember, IsPresent: true })
        {
            throw Invalid(InteractionCommand.DropParty, $"{party} is not a present conference member.");
        }

        Execute(InteractionCommand.DropParty, correlationId, number: party.Value);
    }

    /// <summary>During a consultation, swaps which of the contact and the target is on hold (the target must be connected).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Alternate(Guid? correlationId = null) => Execute(InteractionCommand.Alternate, correlationId);

    /// <summary>Abandons the consultation (releasing the target) and takes the contact back.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Reconnect(Guid? correlationId = null) => Execute(InteractionCommand.Reconnect, correlationId);

    /// <summary>Transfers the contact to <paramref name="target"/> without consulting (single step); the interaction ends for this agent.</summary>
    /// <param name="target">The target's number, agent id or queue.</param>
    /// <param name="reason">The transfer reason, appended as a note.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or an empty target.</exception>
    public void BlindTransfer(string target, string? reason = null, Guid? correlationId = null)
    {
        RequireText(InteractionCommand.BlindTransfer, target, "A transfer target is required.");
        Execute(InteractionCommand.BlindTransfer, correlationId, target, reason);
    }

    /// <summary>Records the outcome of the attempt (voice-like media), live or in wrap-up.</summary>
    /// <param name="result">The result.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or an undefined result.</exception>
    public void SetCallResult(CallResult result, Guid? correlationId = null)
    {
        if (!EnumCheck.IsDefined(result))
        {
            throw Invalid(InteractionCommand.SetCallResult, $"{result} is not a defined call result.");
        }

        Execute(InteractionCommand.SetCallResult, correlationId, number: (int)result);
    }

    /// <summary>Sets the disposition code, live or in wrap-up; it must be one of <see cref="InteractionOptions.Dispositions"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or the code is not configured.</exception>
    public void SetDisposition(string code, Guid? correlationId = null)
    {
        Guard.NotNull(code);
        if (!Options.IsValidDisposition(code))
        {
            throw Invalid(InteractionCommand.SetDisposition, Options.Dispositions.Count == 0
                ? "No disposition codes are configured."
                : $"'{code}' is not a configured disposition code (configured: {string.Join(", ", Options.Dispositions)}).");
        }

        Execute(InteractionCommand.SetDisposition, correlationId, code);
    }

    /// <summary>Adds a note (kept in the contact history).</summary>
    /// <param name="text">The text; not blank.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or a blank note.</exception>
    public void AddNote(string text, Guid? correlationId = null)
    {
        RequireText(InteractionCommand.AddNote, text, "A note cannot be blank.");
        Execute(InteractionCommand.AddNote, correlationId, text);
    }

    /// <summary>Changes the value of a custom data key. Keys are fixed at creation: an unknown key is refused (keys cannot be added or removed).</summary>
    /// <param name="key">An existing custom data key.</param>
    /// <param name="value">The new value.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or an unknown key.</exception>
    public void SetCustomData(string key, string value, Guid? correlationId = null)
    {
        Guard.NotNull(key);
        Guard.NotNull(value);
        if (!CustomData.ContainsKey(key))
        {
            throw Invalid(InteractionCommand.SetCustomData, $"'{key}' is not a custom data key of this interaction; keys are fixed at creation.");
        }

        Execute(InteractionCommand.SetCustomData, correlationId, key, value);
    }

    /// <summary>Masks DTMF digits in events from now on (e.g. while the contact types a card number).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now (not connected, or already secure).</exception>
    public void EnterSecureMode(Guid? correlationId = null) => Execute(InteractionCommand.EnterSecureMode, correlationId);

    /// <summary>Stops masking DTMF digits (secure mode also ends by itself when the exchange ends).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now (not in secure mode).</exception>
    public void ExitSecureMode(Guid? correlationId = null) => Execute(InteractionCommand.ExitSecureMode, correlationId);

    /// <summary>Sends the reply to an email (or the composed outbound email); the interaction moves to wrap-up.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now.</exception>
    public void Reply(Guid? correlationId = null) => Execute(InteractionCommand.Reply, correlationId);

    /// <summary>Forwards an email to <paramref name="address"/>; the interaction moves to wrap-up.</summary>
    /// <param name="address">The address to forward to.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or an empty address.</exception>
    public void Forward(string address, Guid? correlationId = null)
    {
        RequireText(InteractionCommand.Forward, address, "A forward address is required.");
        Execute(InteractionCommand.Forward, correlationId, address);
    }

    /// <summary>Saves everything and closes the interaction: the end of its life (<see cref="InteractionState.Done"/>, nothing is permitted afterwards).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InteractionCommandRefusedException">Not permitted now, or a mandatory disposition is missing.</exception>
    public void MarkDone(Guid? correlationId = null) => Execute(InteractionCommand.MarkDone, correlationId);

    // ----- host and network inputs -------------------------------------------------------------------

    /// <summary>Sets an attached data value (host or routing only: attached data is read-only to the agent).</summary>
    /// <param name="key">The key (added if new).</param>
    /// <param name="value">The value.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <exception cref="InvalidOperationException">The interaction is closed (done, rejected or abandoned).</exception>
    public void SetAttachedData(string key, string value, Guid? correlationId = null)
    {
        Guard.NotNull(key);
        Guard.NotNull(value);
        var input = new InteractionInput(InteractionTrigger.SetAttachedData, correlationId ?? Ids.Next(), key, value);
        try
        {
            _machine.Fire(InteractionDefinitions.Typed(Media, InteractionTrigger.SetAttachedData), input);
        }
        catch (UnhandledTriggerException exception)
        {
            throw new InvalidOperationException($"Attached data cannot change in state {exception.State}: the interaction is closed.", exception);
        }
    }

    /// <summary>
    /// Applies what the network reports. Never refused: an event the current state does not accept (a late one)
    /// is ignored and returns <see langword="false"/>; a repeated event that the state accepts but that changes
    /// nothing (a second "target answered") returns <see langword="true"/> and publishes nothing.
    /// </summary>
    /// <param name="networkEvent">The event; use <see cref="OnPartyDropped"/> for <see cref="NetworkEvent.PartyDropped"/>.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <returns><see langword="true"/> when applied, <see langword="false"/> when ignored.</returns>
    /// <exception cref="ArgumentException"><paramref name="networkEvent"/> is <see cref="NetworkEvent.PartyDropped"/> or undefined.</exception>
    public bool OnNetworkEvent(NetworkEvent networkEvent, Guid? correlationId = null)
    {
        if (networkEvent == NetworkEvent.PartyDropped || !EnumCheck.IsDefined(networkEvent))
        {
            throw new ArgumentException($"{networkEvent} is not accepted here; a dropped party is reported with OnPartyDropped.", nameof(networkEvent));
        }

        return Network((InteractionTrigger)(100 + (int)networkEvent), correlationId, 0);
    }

    /// <summary>Applies a party dropped by the network: the contact (as a remote hang-up), the agent's own leg (the interaction ends), the consultation target (as a target hang-up) or a conference member.</summary>
    /// <param name="party">The dropped party.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when null.</param>
    /// <returns><see langword="true"/> when applied, <see langword="false"/> when ignored (unknown or already disconnected party, or no live state).</returns>
    public bool OnPartyDropped(PartyId party, Guid? correlationId = null)
    {
        if (InteractionContext.Find(Parties, party) is not { IsPresent: true })
        {
            return false;
        }

        return Network(InteractionTrigger.PartyDropped, correlationId, party.Value);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Media} interaction {Id} ({Direction}) {State}";

    // ----- plumbing ----------------------------------------------------------------------------------

    private static InteractionTrigger ToTrigger(InteractionCommand command) =>
        EnumCheck.IsDefined(command)
            ? (InteractionTrigger)(int)command
            : throw new ArgumentOutOfRangeException(nameof(command), command, "Not a defined command.");

    private bool Network(InteractionTrigger trigger, Guid? correlationId, int number)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        var input = new InteractionInput(trigger, correlationId ?? Ids.Next(), number: number);
        long applied = InteractionContext.AppliedOnThisThread;
        try
        {
            _machine.Fire(InteractionDefinitions.Typed(Media, trigger), input);
            return true;
        }
        catch (UnhandledTriggerException exception)
        {
            if (applied == InteractionContext.AppliedOnThisThread)
            {
                // The state changed between the check and the firing: the event no longer applies.
                return false;
            }

            // Applied; an input queued from an event handler meanwhile was refused.
            if (NestedRefusal(exception) is { } refusal)
            {
                throw refusal;
            }

            return true;
        }
    }

    private void AutoAccept()
    {
        if (!_machine.CanFire(InteractionTrigger.Accept))
        {
            return;
        }

        try
        {
            Accept();
        }
        catch (InteractionCommandRefusedException)
        {
            // Accepted, rejected or withdrawn meanwhile: nothing to do.
        }
    }

    private void Consult(InteractionCommand command, string target, string? reason, Guid? correlationId)
    {
        RequireText(command, target, "A consultation target is required.");
        Execute(command, correlationId, target, reason);
    }

    private void Execute(InteractionCommand command, Guid? correlationId, string? text = null, string? text2 = null, int number = 0)
    {
        var trigger = ToTrigger(command);
        var input = new InteractionInput(trigger, correlationId ?? Ids.Next(), text, text2, number);
        long applied = InteractionContext.AppliedOnThisThread;
        try
        {
            _machine.Fire(InteractionDefinitions.Typed(Media, trigger), input);
        }
        catch (UnhandledTriggerException exception)
        {
            if (applied == InteractionContext.AppliedOnThisThread)
            {
                throw Refusal(command, exception);
            }

            // This command was applied; an input queued from an event handler meanwhile was refused
            // (a network event that no longer applied is simply ignored).
            if (NestedRefusal(exception) is { } refusal)
            {
                throw refusal;
            }
        }
    }

    /// <summary>The refusal of <paramref name="command"/>, from the engine's refusal.</summary>
    private InteractionCommandRefusedException Refusal(InteractionCommand command, UnhandledTriggerException exception)
    {
        var state = (InteractionState)exception.State;
        var permitted = exception.PermittedTriggers.Cast<InteractionTrigger>().Where(static t => (int)t < 100).Select(static t => (InteractionCommand)t).ToArray();
        return Diagnostics.RefusalHook.Report(this, new InteractionCommandRefusedException(Id, Media, state, command, permitted, Explain(command, state, exception.UnmetGuards)));
    }

    /// <summary>
    /// The refusal of an input that an event handler issued while another input was applied (the engine ran
    /// it afterwards, on the same call): a command's refusal under that command's name; null for a network
    /// event, which is never refused.
    /// </summary>
    private InteractionCommandRefusedException? NestedRefusal(UnhandledTriggerException exception)
    {
        var trigger = (InteractionTrigger)exception.Trigger;
        return (int)trigger < 100 ? Refusal((InteractionCommand)(int)trigger, exception) : null;
    }

    private InteractionRefusal Explain(InteractionCommand command, InteractionState state, IReadOnlyList<string> unmetGuards)
    {
        if (!InteractionDefinitions.Supports(Media, ToTrigger(command)))
        {
            return new InteractionRefusal(InteractionRefusalReason.NotSupportedByMedium, $"{Media} interactions have no {command}.");
        }

        if (unmetGuards.Contains(InteractionDefinitions.DispositionGuard))
        {
            return new InteractionRefusal(InteractionRefusalReason.MissingDisposition, "A disposition code is required before Mark done.");
        }

        if (unmetGuards.Count > 0)
        {
            return new InteractionRefusal(InteractionRefusalReason.GuardFailed, $"{command} requires that {string.Join(" and ", unmetGuards)}.");
        }

        return new InteractionRefusal(InteractionRefusalReason.WrongState, $"{command} is not available in state {state}.");
    }

    private InteractionCommandRefusedException Invalid(InteractionCommand command, string message)
    {
        // The state's answer comes first: an invalid argument to a command that is not permitted anyway is refused for the state.
        var state = State;
        var refusal = WhyNot(command) ?? new InteractionRefusal(InteractionRefusalReason.InvalidArgument, message);
        return Diagnostics.RefusalHook.Report(this, new InteractionCommandRefusedException(Id, Media, state, command, PermittedCommands, refusal));
    }

    private void RequireText(InteractionCommand command, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(command, message);
        }
    }

    private string? CustomerAddress() => InteractionContext.Find(Parties, PartyRole.Customer)?.Address;
}
