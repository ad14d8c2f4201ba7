using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// A request to call a contact back — web, ASAP, scheduled, campaign or voice-message callback — from its schedule to
/// its end: scheduled, due (queued), offered to an agent, accepted, in progress (an attempt under way), wrap-up, then
/// completed, rescheduled (back to scheduled), retried, cancelled or failed. It tells a UI which commands are
/// permitted now (<see cref="PermittedCommands"/>, <see cref="Can"/>, <see cref="WhyNot"/>), refuses the others with
/// <see cref="CallbackCommandRefusedException"/> (changing nothing), runs its timers (due instant, end of window) on
/// the injected <see cref="ITimeSource"/>, keeps every attempt, and publishes every change on <see cref="Events"/>.
/// </summary>
/// <remarks>
/// <para>Create callbacks with <see cref="Create"/> (or <see cref="CallbackDispatcher.Submit"/>, which also queues
/// them for agents). A <see cref="CallbackDispatcher"/> offers due callbacks to agents and keeps callback and agent in
/// step; the host then drives the session: <see cref="Dial"/>, <see cref="RecordResult"/>, <see cref="MarkDone"/>.</para>
/// <para>Thread-safe: commands and timers are serialised per callback; queries read a consistent snapshot. Events
/// are delivered in order, one at a time; a command issued from an event handler runs to completion first and its
/// events follow the ones being delivered. A subscriber whose <c>OnNext</c> throws is detached and receives
/// <c>OnError</c>; the other subscribers, the callback and the caller of the command are unaffected.</para>
/// </remarks>
public sealed class Callback
{
    private readonly object _gate = new();
    private readonly CallbackMachineContext _context;
    private readonly StateMachine<CallbackState, CallbackTrigger, CallbackMachineContext> _machine;
    private readonly OrderedPublisher<CallbackEvent> _events = new();

    private Callback(CallbackRequest request, CallbackSchedule schedule, bool due, Instant? voiceMessageAnchor, CallbackOptions options, ITimeSource timeSource)
    {
        Id = request.Id ?? CallbackId.New();
        Kind = request.Kind;
        Options = options;
        CreatedAt = timeSource.Now;
        Subject = request.Subject;
        CustomerZone = request.CustomerZone;
        PreferredAgentId = request.PreferredAgentId;
        Queue = request.Queue;
        CampaignId = (request as CampaignCallbackRequest)?.CampaignId;
        MessageReference = (request as VoiceMessageCallbackRequest)?.MessageReference;
        TimeSource = timeSource;
        _context = new CallbackMachineContext(this, Id, options, timeSource, schedule, voiceMessageAnchor);
        _machine = due
            ? CallbackMachine.Definition.Rehydrate(_context, CallbackState.Due)
            : CallbackMachine.Definition.CreateMachine(_context);
        lock (_gate)
        {
            _context.Start(due);
        }

        Events = _events;
    }

    private Callback(CallbackSnapshot snapshot, CallbackOptions options, ITimeSource timeSource)
    {
        Id = snapshot.Id;
        Kind = snapshot.Kind;
        Options = options;
        CreatedAt = snapshot.CreatedAt;
        Subject = snapshot.Subject;
        CustomerZone = snapshot.CustomerZone;
        PreferredAgentId = snapshot.PreferredAgentId;
        Queue = snapshot.Queue;
        CampaignId = snapshot.CampaignId;
        MessageReference = snapshot.MessageReference;
        TimeSource = timeSource;
        _context = new CallbackMachineContext(this, Id, options, timeSource, snapshot.Schedule, snapshot.VoiceMessageAnchor);
        _context.Restore(snapshot);
        _machine = CallbackMachine.Definition.Rehydrate(_context, snapshot.State);
        lock (_gate)
        {
            _context.RearmAfterRestore(snapshot.State);
        }

        Events = _events;
    }

    /// <summary>
    /// The callback's state machine, shared by every callback: export it with
    /// <see cref="StateMachineDefinition{TState, TTrigger, TContext}.ToMermaidGraph"/> for documentation.
    /// </summary>
    public static StateMachineDefinition<CallbackState, CallbackTrigger, CallbackMachineContext> Definition => CallbackMachine.Definition;

    /// <summary>The callback's id.</summary>
    public CallbackId Id { get; }

    /// <summary>Where it comes from.</summary>
    public CallbackKind Kind { get; }

    /// <summary>The policy it runs with.</summary>
    public CallbackOptions Options { get; }

    /// <summary>The time source its timers run on.</summary>
    public ITimeSource TimeSource { get; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>What it is about, as shown to the agent.</summary>
    public string? Subject { get; }

    /// <summary>The customer's time zone, when known.</summary>
    public DateTimeZone? CustomerZone { get; }

    /// <summary>The agent it is offered to first, for <see cref="CallbackOptions.PreferredAgentTimeout"/> once due; <see langword="null"/> for none.</summary>
    public string? PreferredAgentId { get; }

    /// <summary>Its queue (passed to the agent's reservation), or <see langword="null"/>.</summary>
    public string? Queue { get; }

    /// <summary>The campaign of a <see cref="CallbackKind.Campaign"/> callback; else <see langword="null"/>.</summary>
    public string? CampaignId { get; }

    /// <summary>Where the host keeps the caller's recorded message (<see cref="CallbackKind.VoiceMessage"/>), when given.</summary>
    public string? MessageReference { get; }

    /// <summary>The current state.</summary>
    public CallbackState State
    {
        get
        {
            lock (_gate)
            {
                return _machine.State;
            }
        }
    }

    /// <summary>When, on which number and by whom the callback is to be made.</summary>
    public CallbackSchedule Schedule => Read(static c => c.Schedule);

    /// <summary>When it becomes (or became) due: <see cref="CallbackSchedule.DueAt"/> of <see cref="Schedule"/>.</summary>
    public Instant DueAt => Schedule.DueAt;

    /// <summary>The instants at which the contact may be called, [start, end); <see langword="null"/> for no limit.</summary>
    public Interval? Window => Schedule.Window;

    /// <summary>The number to call.</summary>
    public ContactNumber Number => Schedule.Number;

    /// <summary>Shared, or personal to one agent (then only offered to that agent).</summary>
    public CallbackOwnership Ownership => Schedule.Ownership;

    /// <summary>
    /// The instant that orders due callbacks (earliest first): a voice-message callback keeps the caller's original
    /// enqueue instant until it is rescheduled or retried; otherwise the due instant (or the instant it was made due,
    /// when <see cref="MarkDue"/> came earlier). Declined or timed-out offers keep it: the callback keeps its position.
    /// </summary>
    public Instant QueuedSince => Read(static c => c.QueuedSince);

    /// <summary>When the current due period started (what <see cref="CallbackOptions.PreferredAgentTimeout"/> is measured from), while due or offered; else <see langword="null"/>.</summary>
    public Instant? DueSince => Read(static c => c.DueSince);

    /// <summary>The offer that is pending, or that the agent accepted and is working on (offered, accepted, in progress, wrap-up); else <see langword="null"/>.</summary>
    public CallbackOffer? CurrentOffer => Read(static c => c.CurrentOffer);

    /// <summary>The agent the callback is offered to or held by; <see langword="null"/> when none.</summary>
    public string? AgentId => CurrentOffer?.AgentId;

    /// <summary>Every attempt, oldest first; the last is under way while <see cref="CallbackState.InProgress"/>.</summary>
    public IReadOnlyList<CallbackAttempt> Attempts => Read(static c => Array.AsReadOnly(c.Attempts));

    /// <summary>
    /// The attempt number shown to the agent: the attempts made before the agent's current session, plus one. It is
    /// 1 for a new callback, the number of the attempt under way (or just made) in <see cref="CallbackState.InProgress"/>
    /// and <see cref="CallbackState.WrapUp"/>, and so grows by one when a callback goes back to scheduled after an attempt.
    /// </summary>
    public int AttemptNumber
    {
        get
        {
            lock (_gate)
            {
                return _context.AttemptNumber(_machine.State);
            }
        }
    }

    /// <summary>The reschedule that takes effect at <see cref="MarkDone"/>, or <see langword="null"/>.</summary>
    public CallbackSchedule? PendingReschedule => Read(static c => c.PendingReschedule);

    /// <summary>Why the callback ended, once terminal; else <see langword="null"/>.</summary>
    public CallbackEndReason? EndReason => Read(static c => c.EndReason);

    /// <summary>Whether the callback reached a terminal state (completed, cancelled or failed).</summary>
    public bool IsTerminal => State is CallbackState.Completed or CallbackState.Cancelled or CallbackState.Failed;

    /// <summary>The commands permitted now, in <see cref="CallbackCommand"/> order (arguments are not checked).</summary>
    public IReadOnlyList<CallbackCommand> PermittedCommands
    {
        get
        {
            lock (_gate)
            {
                return PermittedCore();
            }
        }
    }

    /// <summary>
    /// Everything that happens to the callback, in order (see <see cref="CallbackEvent.Sequence"/>). Hot: subscribers
    /// see the events published after they subscribe; the stream never completes. A subscriber whose <c>OnNext</c>
    /// throws is detached (and receives <c>OnError</c>); the callback and the other subscribers are unaffected.
    /// </summary>
    public IObservable<CallbackEvent> Events { get; }

    /// <summary>Creates a callback from a request.</summary>
    /// <param name="request">What to call back, when, and for whom; see the records deriving from <see cref="CallbackRequest"/>.</param>
    /// <param name="options">The centre's policy; <see cref="CallbackOptions.Default"/> when null.</param>
    /// <param name="timeSource">The clock and timers (a <see cref="VirtualTimeSource"/> in tests).</param>
    /// <returns>
    /// The callback: <see cref="CallbackState.Due"/> when its due instant is not in the future (ASAP and voice-message
    /// callbacks, a web callback whose window has started), otherwise <see cref="CallbackState.Scheduled"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="timeSource"/> is null.</exception>
    /// <exception cref="ArgumentException">The request or the options are invalid; the message says which field and why.</exception>
    public static Callback Create(CallbackRequest request, CallbackOptions? options, ITimeSource timeSource)
    {
        Guard.NotNull(request);
        Guard.NotNull(timeSource);
        options ??= CallbackOptions.Default;
        options.Validate();
        var now = timeSource.Now;
        if (CallbackRequestRules.Validate(request, now, out var valid) is { } error)
        {
            throw new ArgumentException(error, nameof(request));
        }

        var (dueAt, window, anchor) = valid;
        var schedule = new CallbackSchedule(dueAt, window, request.Number, request.Ownership);
        return new Callback(request, schedule, due: dueAt <= now, anchor, options, timeSource);
    }

    /// <summary>
    /// Restores a callback from a snapshot (<see cref="ToSnapshot"/>, or a store): at its stored state, without running
    /// any entry action and without publishing any event; its timers are re-armed from the stored instants — the due
    /// timer of a scheduled callback (it fires at once when the due instant has passed) and the end of its window (a
    /// window that ended meanwhile fails a scheduled or due callback with <see cref="CallbackEndReason.WindowExpired"/>
    /// at once). Event sequence numbers go on from <see cref="CallbackSnapshot.Sequence"/>.
    /// </summary>
    /// <param name="snapshot">The stored callback.</param>
    /// <param name="options">The centre's policy; <see cref="CallbackOptions.Default"/> when null.</param>
    /// <param name="timeSource">The clock and timers.</param>
    /// <returns>The callback, in <see cref="CallbackSnapshot.State"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="timeSource"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot is inconsistent (an undefined state or kind, an offer missing in a state that needs one); the message says what.</exception>
    public static Callback Restore(CallbackSnapshot snapshot, CallbackOptions? options, ITimeSource timeSource)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(timeSource);
        Guard.NotNull(snapshot.Schedule, nameof(snapshot));
        Guard.NotNull(snapshot.Attempts, nameof(snapshot));
        options ??= CallbackOptions.Default;
        options.Validate();
        if (!EnumCheck.IsDefined(snapshot.State) || !EnumCheck.IsDefined(snapshot.Kind))
        {
            throw new ArgumentException($"Callback {snapshot.Id}: undefined state {snapshot.State} or kind {snapshot.Kind}.", nameof(snapshot));
        }

        if (snapshot.State is CallbackState.Offered or CallbackState.Accepted or CallbackState.InProgress or CallbackState.WrapUp && snapshot.CurrentOffer is null)
        {
            throw new ArgumentException($"Callback {snapshot.Id} is {snapshot.State} but its snapshot holds no offer.", nameof(snapshot));
        }

        if (snapshot.State is CallbackState.InProgress && (snapshot.Attempts.Count == 0 || snapshot.Attempts[snapshot.Attempts.Count - 1].Result is not null))
        {
            throw new ArgumentException($"Callback {snapshot.Id} is InProgress but its snapshot holds no open attempt.", nameof(snapshot));
        }

        return new Callback(snapshot, options, timeSource);
    }

    /// <summary>
    /// Everything needed to restore the callback at its current state (<see cref="Restore"/>), taken under its lock: what
    /// a store writes.
    /// </summary>
    /// <returns>The snapshot.</returns>
    public CallbackSnapshot ToSnapshot()
    {
        lock (_gate)
        {
            return _context.ToSnapshot(this, _machine.State);
        }
    }

    /// <summary>Whether <paramref name="command"/> is permitted now (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when permitted.</returns>
    public bool Can(CallbackCommand command) => WhyNot(command) is null;

    /// <summary>Why <paramref name="command"/> would be refused now, or <see langword="null"/> when it is permitted (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The refusal, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public CallbackCommandRefusal? WhyNot(CallbackCommand command)
    {
        if (!EnumCheck.IsDefined(command))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, $"{command} is not a defined callback command.");
        }

        lock (_gate)
        {
            return WhyNotCore(command);
        }
    }

    /// <summary>Makes a scheduled callback due now, before its due instant (its due timer does this by itself).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not scheduled; nothing changed.</exception>
    public void MarkDue(Guid? correlationId = null) => Execute(CallbackCommand.MarkDue, correlationId, static (_, _, _) => null);

    /// <summary>
    /// Offers the due callback to an agent (the <see cref="CallbackDispatcher"/> does this after reserving the agent).
    /// A personal callback is offered only to its owner.
    /// </summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="interactionId">The interaction the agent is reserved for, which the callback becomes once accepted.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not due, a blank agent id, or not the owner of a personal callback; nothing changed.</exception>
    public void Offer(string agentId, InteractionId interactionId, Guid? correlationId = null) =>
        Execute(CallbackCommand.Offer, correlationId, (ctx, command, state) =>
        {
            if (string.IsNullOrWhiteSpace(agentId))
            {
                return new(command, state, CallbackRefusalReason.InvalidArgument, "An agent id is required.");
            }

            if (ctx.Schedule.Ownership is { IsPersonal: true } personal && !string.Equals(personal.AgentId, agentId, StringComparison.Ordinal))
            {
                return new(command, state, CallbackRefusalReason.NotTheOwner, $"The callback is personal to agent {personal.AgentId}; it is not offered to {agentId}.");
            }

            ctx.ArgOffer = new CallbackOffer(agentId, interactionId, ctx.Time.Now);
            return null;
        });

    /// <summary>The agent accepts the offer: the callback is the agent's (<see cref="CallbackState.Accepted"/>).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not offered; nothing changed.</exception>
    public void Accept(Guid? correlationId = null) => Execute(CallbackCommand.Accept, correlationId, static (_, _, _) => null);

    /// <summary>The agent declines the offer: due again, in the same queue position.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not offered; nothing changed.</exception>
    public void Decline(Guid? correlationId = null) => Execute(CallbackCommand.Decline, correlationId, static (_, _, _) => null);

    /// <summary>The agent did not answer the offer in time: due again, in the same queue position.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not offered; nothing changed.</exception>
    public void OfferTimedOut(Guid? correlationId = null) => Execute(CallbackCommand.OfferTimedOut, correlationId, static (_, _, _) => null);

    /// <summary>The router withdraws the offer (e.g. the agent logged out): due again, in the same queue position.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not offered; nothing changed.</exception>
    public void WithdrawOffer(Guid? correlationId = null) => Execute(CallbackCommand.WithdrawOffer, correlationId, static (_, _, _) => null);

    /// <summary>The agent dials the contact: an attempt starts (<see cref="CallbackState.InProgress"/>). One attempt per session.</summary>
    /// <param name="number">The number dialled when the agent picked another one; <see cref="Number"/> when omitted.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Not accepted, or <paramref name="number"/> holds no number; nothing changed.</exception>
    public void Dial(ContactNumber? number = null, Guid? correlationId = null) =>
        Execute(CallbackCommand.Dial, correlationId, (ctx, command, state) =>
        {
            if (number is not null && number.Number == default)
            {
                return new(command, state, CallbackRefusalReason.InvalidArgument, "The number to dial holds no phone number.");
            }

            ctx.ArgNumber = number;
            return null;
        });

    /// <summary>Records the attempt's result: the attempt ends (<see cref="CallbackState.WrapUp"/>).</summary>
    /// <param name="result">How the attempt ended.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">No attempt is under way, or <paramref name="result"/> is undefined; nothing changed.</exception>
    public void RecordResult(CallbackAttemptResult result, Guid? correlationId = null) =>
        Execute(CallbackCommand.RecordResult, correlationId, (ctx, command, state) =>
        {
            if (!EnumCheck.IsDefined(result))
            {
                return new(command, state, CallbackRefusalReason.InvalidArgument, $"{result} is not a defined attempt result.");
            }

            ctx.ArgResult = result;
            return null;
        });

    /// <summary>
    /// Reschedules the callback: at once while <see cref="CallbackState.Scheduled"/> or <see cref="CallbackState.Due"/>
    /// (it leaves the queue and is due at the new instant); while an agent holds it (accepted, in progress, wrap-up) the
    /// reschedule is pending (<see cref="PendingReschedule"/>, a newer one replaces it) and takes effect at
    /// <see cref="MarkDone"/>.
    /// </summary>
    /// <param name="reschedule">The new instant, and optionally window, number and ownership.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reschedule"/> is null.</exception>
    /// <exception cref="CallbackCommandRefusedException">
    /// Not permitted in this state; or an invalid argument (an instant in the past, a window that does not contain it, a
    /// number that holds none, a personal callback without an agent); or the ownership asked is not the one the centre
    /// forces. Nothing changed.
    /// </exception>
    public void Reschedule(CallbackReschedule reschedule, Guid? correlationId = null)
    {
        Guard.NotNull(reschedule);
        Execute(CallbackCommand.Reschedule, correlationId, (ctx, command, state) =>
        {
            var refusal = CallbackRequestRules.Resolve(ctx, command, state, reschedule, out var schedule);
            ctx.ArgSchedule = schedule;
            return refusal;
        });
    }

    /// <summary>
    /// Unschedules: while an agent holds the callback, withdraws the pending reschedule (Mark done then ends the
    /// session as if none had been asked); while <see cref="CallbackState.Scheduled"/> after a reschedule took effect,
    /// cancels the rescheduled callback (<see cref="CallbackEndReason.Unscheduled"/>).
    /// </summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">No pending reschedule, or the callback was not rescheduled; nothing changed.</exception>
    public void Unschedule(Guid? correlationId = null) => Execute(CallbackCommand.Unschedule, correlationId, static (_, _, _) => null);

    /// <summary>
    /// Marks the callback done, ending the agent's session. With a pending reschedule: it takes effect
    /// (<see cref="CallbackState.Scheduled"/>). Otherwise, after the attempt: reached, <see cref="CallbackState.Completed"/>;
    /// an invalid or wrong number, <see cref="CallbackState.Failed"/> (<see cref="CallbackEndReason.UnusableNumber"/>);
    /// else an automatic retry <see cref="CallbackOptions.RetryDelay"/> later, or <see cref="CallbackState.Failed"/> when
    /// <see cref="CallbackOptions.MaxAttempts"/> attempts were made (<see cref="CallbackEndReason.AttemptsExhausted"/>)
    /// or the retry would fall after the window (<see cref="CallbackEndReason.WindowExpired"/>).
    /// </summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">No attempt ended and no reschedule is pending; nothing changed.</exception>
    public void MarkDone(Guid? correlationId = null) => Execute(CallbackCommand.MarkDone, correlationId, static (_, _, _) => null);

    /// <summary>Cancels the callback: it leaves the queue and the contact is not called back (not while an attempt is under way).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CallbackCommandRefusedException">Terminal, or an attempt is under way; nothing changed.</exception>
    public void Cancel(Guid? correlationId = null) => Execute(CallbackCommand.Cancel, correlationId, static (_, _, _) => null);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} callback {Id} {State}";

    /// <summary>Fails a scheduled or due callback whose window has ended (what its window timer does), at once; for recovery.</summary>
    /// <returns><see langword="true"/> when it failed now.</returns>
    internal bool TryExpireWindow()
    {
        lock (_gate)
        {
            if (_context.Schedule.Window is not { HasEnd: true } window || window.End > TimeSource.Now || !_machine.CanFire(CallbackTrigger.WindowExpired))
            {
                return false;
            }

            _context.Correlation = Ids.Next();
            _machine.Fire(CallbackTrigger.WindowExpired);
            Commit();
        }

        _events.Deliver();
        return true;
    }

    internal void OnDueTimer(long generation) => OnTimer(generation, window: false);

    internal void OnWindowTimer(long generation) => OnTimer(generation, window: true);

    private void OnTimer(long generation, bool window)
    {
        lock (_gate)
        {
            if (window ? !_context.IsCurrentWindowTimer(generation) : !_context.IsCurrentDueTimer(generation))
            {
                return;
            }

            if (window)
            {
                _context.WindowTimerFired();
            }
            else
            {
                _context.DueTimerFired();
            }

            // The window may end while an agent holds the callback: the session goes on, and Mark done decides.
            var trigger = window ? CallbackTrigger.WindowExpired : CallbackTrigger.MarkDue;
            if (_machine.CanFire(trigger))
            {
                _context.Correlation = Ids.Next();
                _machine.Fire(trigger);
                Commit();
            }
        }

        _events.Deliver();
    }

    private T Read<T>(Func<CallbackMachineContext, T> read)
    {
        lock (_gate)
        {
            return read(_context);
        }
    }

    private void Execute(
        CallbackCommand command, Guid? correlationId, Func<CallbackMachineContext, CallbackCommand, CallbackState, CallbackCommandRefusal?> checkArguments)
    {
        lock (_gate)
        {
            var refusal = WhyNotCore(command) ?? checkArguments(_context, command, _machine.State);
            if (refusal is not null)
            {
                ClearArguments();
                throw Diagnostics.RefusalHook.Report(this, new CallbackCommandRefusedException(Id, refusal, PermittedCore()));
            }

            _context.Correlation = correlationId ?? Ids.Next();
            try
            {
                _machine.Fire((CallbackTrigger)command);
            }
            finally
            {
                Commit();
            }
        }

        _events.Deliver();
    }

    private void Commit()
    {
        foreach (var @event in _context.Outbox)
        {
            _events.Enqueue(@event);
        }

        _context.Outbox.Clear();
        ClearArguments();
    }

    private void ClearArguments()
    {
        _context.ArgOffer = null;
        _context.ArgNumber = null;
        _context.ArgSchedule = null;
        _context.ArgResult = default;
    }


    private ReadOnlyCollection<CallbackCommand> PermittedCore()
    {
        var permitted = new List<CallbackCommand>();
        foreach (var trigger in _machine.PermittedTriggers)
        {
            if (trigger < CallbackTrigger.WindowExpired)
            {
                permitted.Add((CallbackCommand)trigger);
            }
        }

        return permitted.AsReadOnly();
    }

    private CallbackCommandRefusal? WhyNotCore(CallbackCommand command)
    {
        var trigger = (CallbackTrigger)command;
        if (_machine.CanFire(trigger, out var unmetGuards))
        {
            return null;
        }

        var state = _machine.State;
        return unmetGuards.Count == 0
            ? new CallbackCommandRefusal(command, state, CallbackRefusalReason.WrongState, WrongStateMessage(command, state))
            : unmetGuards[0] switch
            {
                CallbackMachine.HasPendingReschedule => new(command, state, CallbackRefusalReason.NoPendingReschedule,
                    command == CallbackCommand.MarkDone
                        ? "Dial first, or reschedule, before Mark done."
                        : "No reschedule is pending."),
                _ => new(command, state, CallbackRefusalReason.NotRescheduled, "Only a callback whose schedule was set by a reschedule can be unscheduled; cancel it instead."),
            };
    }

    private static string WrongStateMessage(CallbackCommand command, CallbackState state) => (command, state) switch
    {
        (_, CallbackState.Completed or CallbackState.Cancelled or CallbackState.Failed) => $"The callback is over ({state}).",
        (CallbackCommand.Accept or CallbackCommand.Decline or CallbackCommand.OfferTimedOut or CallbackCommand.WithdrawOffer, _) => "The callback is not offered.",
        (CallbackCommand.Offer, _) => "Only a due callback is offered.",
        (CallbackCommand.MarkDue, _) => "Only a scheduled callback is made due.",
        (CallbackCommand.Dial, CallbackState.InProgress or CallbackState.WrapUp) => "The callback was already dialled in this session: one attempt per session.",
        (CallbackCommand.Dial, _) => "The callback is dialled once an agent accepted it.",
        (CallbackCommand.RecordResult, _) => "No attempt is under way.",
        (CallbackCommand.Cancel, CallbackState.InProgress) => "An attempt is under way: record its result first.",
        (CallbackCommand.MarkDone, CallbackState.InProgress) => "An attempt is under way: record its result first.",
        (CallbackCommand.MarkDone, _) => "No agent is working on the callback.",
        (CallbackCommand.Reschedule, CallbackState.Offered) => "The callback is offered to an agent: reschedule it once accepted (or declined).",
        (CallbackCommand.Unschedule, _) => "No reschedule to withdraw.",
        _ => $"{command} is not permitted while the callback is {state}.",
    };
}
