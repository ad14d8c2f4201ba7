using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>
/// An agent of the contact centre: logged out, not ready (with a configured reason), ready, reserved for
/// an offer, busy, in after-call work, or logging out while a dialer holds a reservation. It tells a UI
/// which commands are permitted now (<see cref="PermittedCommands"/>, <see cref="Can"/>,
/// <see cref="WhyNot"/>), refuses the others with <see cref="AgentCommandRefusedException"/> (changing
/// nothing), runs its timers (offer timeout, after-call work, logout deadline and countdown) on the injected
/// <see cref="ITimeSource"/>, and publishes every change on <see cref="Events"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe: commands from a UI thread, a dialer or the network, and timers, are serialised per
/// agent; queries read a consistent snapshot. Events are delivered in the order they happened, one at a
/// time; a command called from inside an event handler runs to completion first and its events follow the
/// ones being delivered. Events may be delivered on the thread of another command that is publishing at the
/// same time, so handlers should not block. A subscriber whose <c>OnNext</c> throws is detached and receives
/// <c>OnError</c> with the exception; the other subscribers, the agent and the caller of the command are
/// unaffected.</para>
/// <para>Interactions are told to the agent by the host: <see cref="AcceptOffer"/> (an offer becomes an
/// interaction), <see cref="StartInteraction"/> and <see cref="EndInteraction"/>. When the agent's last
/// voice interaction (voice, callback or outbound campaign call) ends, after-call work starts by itself.</para>
/// </remarks>
public sealed class Agent
{
    private readonly object _gate = new();
    private readonly AgentMachineContext _context;
    private readonly StateMachine<AgentState, AgentTrigger, AgentMachineContext> _machine;
    private readonly OrderedPublisher<AgentEvent> _events = new();

    /// <summary>Creates a logged-out agent.</summary>
    /// <param name="id">The agent's identifier (login or employee id).</param>
    /// <param name="options">The configuration; validated, and snapshotted.</param>
    /// <param name="timeSource">The clock and timers (a <see cref="VirtualTimeSource"/> in tests).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="options"/> are invalid.</exception>
    public Agent(string id, AgentOptions options, ITimeSource timeSource)
    {
        Guard.NotNull(id);
        Guard.NotNull(options);
        Guard.NotNull(timeSource);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An agent id must not be blank.", nameof(id));
        }

        options.Validate();
        var durations = new Dictionary<string, Duration>(StringComparer.Ordinal);
        foreach (var entry in options.AfterCallWork.DurationByQueue)
        {
            durations[entry.Key] = entry.Value;
        }

        var snapshot = options with
        {
            NotReadyReasons = [.. options.NotReadyReasons],
            AfterCallWork = options.AfterCallWork with { DurationByQueue = durations },
        };
        Id = id;
        Options = snapshot;
        _context = new AgentMachineContext(this, id, snapshot, timeSource);
        _machine = AgentMachine.Definition.CreateMachine(_context);
        Events = _events;
        LogoutCountdown = new CountdownStream(this);
    }

    /// <summary>
    /// The agent's state machine, shared by every agent: export it with
    /// <see cref="StateMachineDefinition{TState, TTrigger, TContext}.ToMermaidGraph"/> for documentation.
    /// </summary>
    public static StateMachineDefinition<AgentState, AgentTrigger, AgentMachineContext> Definition => AgentMachine.Definition;

    /// <summary>The agent's identifier.</summary>
    public string Id { get; }

    /// <summary>The configuration the agent runs with (a snapshot of the options it was created with).</summary>
    public AgentOptions Options { get; }

    /// <summary>The current state.</summary>
    public AgentState State
    {
        get
        {
            lock (_gate)
            {
                return _machine.State;
            }
        }
    }

    /// <summary>The reason code while <see cref="AgentState.NotReady"/>, else <see langword="null"/>.</summary>
    public string? NotReadyReason => Read(static c => c.NotReadyReason);

    /// <summary>The interactions the agent handles now, in the order they started.</summary>
    public IReadOnlyList<AgentInteraction> Interactions => Read(static c => c.Interactions);

    /// <summary>The pending offer, or <see langword="null"/>.</summary>
    public AgentOffer? Offer => Read(static c => c.Offer);

    /// <summary>The pending deferred intent, or <see langword="null"/>.</summary>
    public DeferredIntent? PendingIntent => Read(static c => c.Intent);

    /// <summary>Consecutive missed offers (rejected or timed out) since the last accepted one.</summary>
    public int ConsecutiveMissedOffers
    {
        get
        {
            lock (_gate)
            {
                return _context.ConsecutiveMissedOffers;
            }
        }
    }

    /// <summary>When after-call work ends by itself, while <see cref="AgentState.AfterCallWork"/>; else <see langword="null"/>.</summary>
    public Instant? AfterCallWorkEndsAt
    {
        get
        {
            lock (_gate)
            {
                return _context.AfterCallWorkEndsAt;
            }
        }
    }

    /// <summary>How many times the current after-call work was extended.</summary>
    public int AfterCallWorkExtensions
    {
        get
        {
            lock (_gate)
            {
                return _context.AfterCallWorkExtensions;
            }
        }
    }

    /// <summary>
    /// The commands permitted now, in <see cref="AgentCommand"/> order (arguments are not checked): the agent's
    /// own and those of the router, the host or a supervisor (see <see cref="PermittedAgentCommands"/>).
    /// </summary>
    public IReadOnlyList<AgentCommand> PermittedCommands
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
    /// The agent's own commands permitted now: the buttons its desktop enables. Those of
    /// <see cref="PermittedCommands"/> whose <see cref="AgentCommands.SourceOf"/> is
    /// <see cref="AgentCommandSource.Agent"/> (not the router's, the host's or a supervisor's), in
    /// <see cref="AgentCommand"/> order (arguments are not checked).
    /// </summary>
    public IReadOnlyList<AgentCommand> PermittedAgentCommands
    {
        get
        {
            var permitted = new List<AgentCommand>();
            foreach (var command in PermittedCommands)
            {
                if (AgentCommands.SourceOf(command) == AgentCommandSource.Agent)
                {
                    permitted.Add(command);
                }
            }

            return permitted.AsReadOnly();
        }
    }

    /// <summary>
    /// Everything that happens to the agent, in order. Subscribers see events from the moment they
    /// subscribe; the stream never completes. A subscriber whose <c>OnNext</c> throws is detached (and
    /// receives <c>OnError</c> with the exception); the others still get the event, and neither the agent nor
    /// the caller of the command (or the timer) that caused the event is affected.
    /// </summary>
    public IObservable<AgentEvent> Events { get; }

    /// <summary>
    /// The countdown of a negotiated logout: on subscription while <see cref="AgentState.LogoutPending"/>,
    /// the time remaining now, then every tick (each second on the time source) down to zero; it completes
    /// when the agent leaves <see cref="AgentState.LogoutPending"/>. Completes at once in any other state.
    /// A subscriber whose <c>OnNext</c> throws (on subscription or on a tick) is detached and receives
    /// <c>OnError</c> with the exception, as on <see cref="Events"/>; the agent is unaffected.
    /// </summary>
    public IObservable<Duration> LogoutCountdown { get; }

    /// <summary>Whether <paramref name="command"/> is permitted now (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when permitted.</returns>
    public bool Can(AgentCommand command) => WhyNot(command) is null;

    /// <summary>Why <paramref name="command"/> would be refused now, or <see langword="null"/> when it is permitted (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The refusal, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public AgentCommandRefusal? WhyNot(AgentCommand command)
    {
        if (command < AgentCommand.LogIn || command > AgentCommand.OverrideIntent)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, $"{command} is not a defined agent command.");
        }

        lock (_gate)
        {
            return WhyNotCore(command);
        }
    }

    /// <summary>Logs the agent in, not ready with <see cref="AgentOptions.LogInReason"/>. Permitted while logged out.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The command is refused; nothing changed.</exception>
    public void LogIn(Guid? correlationId = null) => Execute(AgentCommand.LogIn, correlationId, static (_, _) => null);

    /// <summary>
    /// Logs the agent out: at once when ready or not ready; negotiated (<see cref="AgentState.LogoutPending"/>,
    /// with a deadline and a countdown) while reserved; otherwise as a deferred intent, when the current work ends.
    /// </summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The command is refused (e.g. a logout is already pending); nothing changed.</exception>
    public void LogOut(Guid? correlationId = null) => Execute(AgentCommand.LogOut, correlationId, static (_, _) => null);

    /// <summary>Makes the agent ready: from not ready, or from after-call work (ending it early and cancelling a pending intent).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The command is refused; nothing changed.</exception>
    public void SetReady(Guid? correlationId = null) => Execute(AgentCommand.SetReady, correlationId, static (_, _) => null);

    /// <summary>
    /// Makes the agent not ready with <paramref name="reason"/>: at once when ready or not ready (changing the
    /// reason); otherwise as a deferred intent ("not ready after this call") that takes effect when the current
    /// work ends and stops new offers meanwhile. A newer not-ready intent supersedes a pending one.
    /// </summary>
    /// <param name="reason">One of <see cref="AgentOptions.NotReadyReasons"/>.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The command is refused (wrong state, unknown reason code, logout pending); nothing changed.</exception>
    public void SetNotReady(string reason, Guid? correlationId = null) =>
        Execute(AgentCommand.SetNotReady, correlationId, (ctx, command) =>
        {
            if (reason is null || !ctx.Reasons.Contains(reason))
            {
                return Refuse(command, ctx, AgentRefusalReason.InvalidReasonCode,
                    $"\"{reason}\" is not a configured not-ready reason code (configured: {string.Join(", ", ctx.Options.NotReadyReasons)}).");
            }

            ctx.ArgReason = reason;
            return null;
        });

    /// <summary>
    /// Reserves the agent for an offer (by a router or dialer). Permitted while ready, or while busy with spare
    /// capacity for the medium and no other offer or deferred intent pending. The offer times out (a missed
    /// offer) after <paramref name="timeout"/>.
    /// </summary>
    /// <param name="interactionId">The offered interaction.</param>
    /// <param name="media">Its medium.</param>
    /// <param name="queue">The queue it comes from (selects the after-call work duration), or <see langword="null"/>.</param>
    /// <param name="timeout">How long the agent has to answer; <see cref="AgentOptions.OfferTimeout"/> when omitted.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The command is refused (wrong state, no capacity for the medium, an intent pending, bad timeout); nothing changed.</exception>
    public void Reserve(InteractionId interactionId, MediaType media, string? queue = null, Duration? timeout = null, Guid? correlationId = null) =>
        Execute(AgentCommand.Reserve, correlationId, (ctx, command) =>
        {
            if (CheckMedia(ctx, command, media) is { } mediaRefusal)
            {
                return mediaRefusal;
            }

            if (ctx.Find(interactionId) is not null)
            {
                return Refuse(command, ctx, AgentRefusalReason.DuplicateInteraction, $"Interaction {interactionId} is already the agent's.");
            }

            var wait = timeout ?? ctx.Options.OfferTimeout;
            if (wait <= Duration.Zero)
            {
                return Refuse(command, ctx, AgentRefusalReason.InvalidArgument, $"The offer timeout must be positive (was {wait}).");
            }

            var now = ctx.Time.Now;
            ctx.ArgOffer = new AgentOffer(interactionId, media, queue, now, now + wait);
            return null;
        });

    /// <summary>The agent accepts the pending offer: it becomes one of the agent's interactions and the agent is busy.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">No offer is pending; nothing changed.</exception>
    public void AcceptOffer(Guid? correlationId = null) => Execute(AgentCommand.AcceptOffer, correlationId, static (_, _) => null);

    /// <summary>
    /// The agent rejects the pending offer (a missed offer): back to ready, or not ready after
    /// <see cref="AgentOptions.MaxConsecutiveMissedOffers"/> consecutive missed offers or when not ready was requested.
    /// </summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">No offer is pending; nothing changed.</exception>
    public void RejectOffer(Guid? correlationId = null) => Execute(AgentCommand.RejectOffer, correlationId, static (_, _) => null);

    /// <summary>The router or dialer withdraws the pending offer (not counted as missed). During a negotiated logout, the agent logs out.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">No offer is pending; nothing changed.</exception>
    public void ReleaseReservation(Guid? correlationId = null) => Execute(AgentCommand.ReleaseReservation, correlationId, static (_, _) => null);

    /// <summary>The host reports an interaction that started without an offer (e.g. a manual outbound call). Permitted while ready or busy, within capacity.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="media">Its medium.</param>
    /// <param name="queue">Its queue (selects the after-call work duration), or <see langword="null"/>.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The command is refused (wrong state, no capacity, already the agent's); nothing changed.</exception>
    public void StartInteraction(InteractionId interactionId, MediaType media, string? queue = null, Guid? correlationId = null) =>
        Execute(AgentCommand.StartInteraction, correlationId, (ctx, command) =>
        {
            if (CheckMedia(ctx, command, media) is { } mediaRefusal)
            {
                return mediaRefusal;
            }

            if (ctx.Find(interactionId) is not null || ctx.Offer?.InteractionId == interactionId)
            {
                return Refuse(command, ctx, AgentRefusalReason.DuplicateInteraction, $"Interaction {interactionId} is already the agent's or offered to it.");
            }

            ctx.ArgInteraction = new AgentInteraction(interactionId, media, queue);
            return null;
        });

    /// <summary>
    /// The host reports that one of the agent's interactions ended. When it was the last voice interaction,
    /// after-call work starts (unless its queue's duration is zero); when it was the last interaction, the agent
    /// becomes ready, or what a pending intent asked.
    /// </summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">The interaction is not the agent's; nothing changed.</exception>
    public void EndInteraction(InteractionId interactionId, Guid? correlationId = null) =>
        Execute(AgentCommand.EndInteraction, correlationId, (ctx, command) =>
        {
            if (ctx.Find(interactionId) is null)
            {
                return Refuse(command, ctx, AgentRefusalReason.UnknownInteraction, $"Interaction {interactionId} is not one of the agent's interactions.");
            }

            ctx.ArgId = interactionId;
            return null;
        });

    /// <summary>Extends after-call work by <see cref="AfterCallWorkPolicy.Extension"/>; refused after <see cref="AfterCallWorkPolicy.MaxExtensions"/> extensions.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">Not in after-call work, or the maximum is reached; nothing changed.</exception>
    public void ExtendAfterCallWork(Guid? correlationId = null) => Execute(AgentCommand.ExtendAfterCallWork, correlationId, static (_, _) => null);

    /// <summary>Ends after-call work early: ready, or what a pending intent asked (not ready, logged out).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">Not in after-call work; nothing changed.</exception>
    public void EndAfterCallWork(Guid? correlationId = null) => Execute(AgentCommand.EndAfterCallWork, correlationId, static (_, _) => null);

    /// <summary>The agent cancels its pending deferred intent (during a negotiated logout: back to reserved).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">No intent is pending; nothing changed.</exception>
    public void CancelIntent(Guid? correlationId = null) => Execute(AgentCommand.CancelIntent, correlationId, static (_, _) => null);

    /// <summary>A supervisor overrides the pending deferred intent: it will not take effect (during a negotiated logout: back to reserved).</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="AgentCommandRefusedException">No intent is pending; nothing changed.</exception>
    public void OverrideIntent(Guid? correlationId = null) => Execute(AgentCommand.OverrideIntent, correlationId, static (_, _) => null);

    /// <inheritdoc />
    public override string ToString() => $"Agent {Id} {State}";

    /// <summary>Runs a timer that fell due, unless it was cancelled or replaced meanwhile.</summary>
    internal void OnTimer(AgentMachineContext.TimerKind kind, long generation)
    {
        lock (_gate)
        {
            if (!_context.IsCurrent(kind, generation))
            {
                return;
            }

            _context.TimerFired(kind);
            switch (kind)
            {
                case AgentMachineContext.TimerKind.Offer:
                    _context.Correlation = Ids.Next();
                    _machine.Fire(AgentTrigger.OfferTimedOut);
                    break;
                case AgentMachineContext.TimerKind.AfterCallWork:
                    _context.Correlation = Ids.Next();
                    _machine.Fire(AgentTrigger.AfterCallWorkTimedOut);
                    break;
                default:
                    // A tick belongs to the countdown: it carries the correlation id of what started it.
                    // Reaching the deadline is a timer firing like the others: it gets a new one.
                    _context.Correlation = _context.CountdownCorrelation;
                    if (!_context.TickLogoutCountdown())
                    {
                        _context.Correlation = Ids.Next();
                        _machine.Fire(AgentTrigger.LogoutDeadlineReached);
                    }

                    break;
            }

            Commit();
        }

        _events.Deliver();
    }

    private static AgentCommandRefusal Refuse(AgentCommand command, AgentMachineContext context, AgentRefusalReason reason, string message) =>
        new(command, context.Owner._machine.State, reason, message);

    private static AgentCommandRefusal? CheckMedia(AgentMachineContext context, AgentCommand command, MediaType media)
    {
        if (media < MediaType.Voice || media > MediaType.OutboundCampaign)
        {
            return Refuse(command, context, AgentRefusalReason.InvalidArgument, $"{media} is not a defined medium.");
        }

        return context.Free(media) > 0
            ? null
            : Refuse(command, context, AgentRefusalReason.CapacityReached,
                $"The agent already handles {context.Options.Capacity.LimitFor(media)} {media} interaction(s) (or has one offered), its capacity for that medium.");
    }

    private T Read<T>(Func<AgentMachineContext, T> read)
    {
        lock (_gate)
        {
            return read(_context);
        }
    }

    private void Execute(AgentCommand command, Guid? correlationId, Func<AgentMachineContext, AgentCommand, AgentCommandRefusal?> checkArguments)
    {
        lock (_gate)
        {
            var refusal = WhyNotCore(command) ?? checkArguments(_context, command);
            if (refusal is not null)
            {
                throw Diagnostics.RefusalHook.Report(this, new AgentCommandRefusedException(Id, refusal, PermittedCore()));
            }

            _context.Correlation = correlationId ?? Ids.Next();
            _machine.Fire((AgentTrigger)command);
            Commit();
        }

        _events.Deliver();
    }

    private void Commit()
    {
        var outbox = _context.Outbox;
        foreach (var @event in outbox)
        {
            _events.Enqueue(@event);
        }

        outbox.Clear();
        _context.ArgReason = null;
        _context.ArgInteraction = null;
        _context.ArgOffer = null;
        _context.ArgId = default;
    }


    private ReadOnlyCollection<AgentCommand> PermittedCore()
    {
        var permitted = new List<AgentCommand>();
        foreach (var trigger in _machine.PermittedTriggers)
        {
            if (trigger < AgentTrigger.OfferTimedOut)
            {
                permitted.Add((AgentCommand)trigger);
            }
        }

        return permitted.AsReadOnly();
    }

    private AgentCommandRefusal? WhyNotCore(AgentCommand command)
    {
        var trigger = (AgentTrigger)command;
        if (_machine.CanFire(trigger, out var unmetGuards))
        {
            return null;
        }

        var state = _machine.State;
        var ctx = _context;
        if (unmetGuards.Count == 0)
        {
            return new AgentCommandRefusal(command, state, AgentRefusalReason.WrongState, WrongStateMessage(command, state));
        }

        return unmetGuards[0] switch
        {
            AgentMachine.HasOffer => new(command, state, AgentRefusalReason.NoOfferPending, $"{command} needs a pending offer and there is none."),
            AgentMachine.HasIntent => new(command, state, AgentRefusalReason.NoIntentPending, $"{command} needs a pending deferred intent and there is none."),
            AgentMachine.HasInteractions => new(command, state, AgentRefusalReason.WrongState, WrongStateMessage(command, state)),
            AgentMachine.NoLogoutPending => new(command, state, AgentRefusalReason.LogoutPending, $"A logout is already pending; cancel it before asking for {command}."),
            AgentMachine.HasSpareCapacity => new(command, state, AgentRefusalReason.CapacityReached, $"The agent is at full capacity ({ctx.Options.Capacity})."),
            AgentMachine.CanExtend => new(command, state, AgentRefusalReason.ExtensionLimitReached,
                $"After-call work was already extended {ctx.AfterCallWorkExtensions} time(s), the configured maximum ({ctx.Options.AfterCallWork.MaxExtensions})."),
            _ => ctx.Offer is not null
                ? new(command, state, AgentRefusalReason.OfferPending, "An offer is already pending for the agent.")
                : ctx.Intent is not null
                    ? new(command, state, AgentRefusalReason.IntentPending, $"A deferred intent ({ctx.Intent.Kind}) is pending: the agent takes no new offer until it is granted or cancelled.")
                    : new(command, state, AgentRefusalReason.CapacityReached, $"The agent is at full capacity ({ctx.Options.Capacity})."),
        };
    }

    private static string WrongStateMessage(AgentCommand command, AgentState state) => (command, state) switch
    {
        (AgentCommand.LogIn, _) => "The agent is already logged in.",
        (_, AgentState.LoggedOut) => "The agent is logged out; log in first.",
        (AgentCommand.SetReady, AgentState.Ready) => "The agent is already ready.",
        (AgentCommand.AcceptOffer or AgentCommand.RejectOffer or AgentCommand.ReleaseReservation, _) => "No offer is pending.",
        (AgentCommand.ExtendAfterCallWork or AgentCommand.EndAfterCallWork, _) => "The agent is not in after-call work.",
        (AgentCommand.CancelIntent or AgentCommand.OverrideIntent, _) => "No deferred intent is pending.",
        (AgentCommand.Reserve, AgentState.LogoutPending) => "A logout is pending: no new reservation is made.",
        (AgentCommand.Reserve or AgentCommand.StartInteraction, AgentState.NotReady) => "The agent is not ready.",
        (AgentCommand.Reserve or AgentCommand.StartInteraction, AgentState.Reserved) => "An offer is already pending for the agent.",
        (AgentCommand.Reserve or AgentCommand.StartInteraction, AgentState.AfterCallWork) => "The agent is in after-call work.",
        (AgentCommand.EndInteraction, _) => "The agent has no interaction.",
        _ => $"{command} is not permitted while the agent is {state}.",
    };

    private sealed class CountdownStream(Agent agent) : IObservable<Duration>
    {
        public IDisposable Subscribe(IObserver<Duration> observer)
        {
            Guard.NotNull(observer);
            lock (agent._gate)
            {
                if (agent._machine.State != AgentState.LogoutPending)
                {
                    observer.OnCompleted();
                    return System.Reactive.Disposables.Disposable.Empty;
                }

                var remaining = agent._context.Intent!.Deadline!.Value - agent._context.Time.Now;
                var relay = new CountdownRelay(observer, remaining);
                var subscription = agent.Events.Subscribe(relay);
                relay.Subscription = subscription;
                try
                {
                    observer.OnNext(remaining);
                }
#pragma warning disable CA1031 // Same policy as a tick: the faulting subscriber is detached and told, the subscriber's caller is not.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    relay.OnError(exception);
                }

                return subscription;
            }
        }
    }

    /// <summary>
    /// Relays the ticks of <see cref="Events"/> to a countdown subscriber. When that subscriber's <c>OnNext</c>
    /// throws, the relay is detached from <see cref="Events"/>, which calls <see cref="OnError"/>: the
    /// subscriber receives the exception there, then nothing more.
    /// </summary>
    private sealed class CountdownRelay(IObserver<Duration> observer, Duration last) : IObserver<AgentEvent>
    {
        private Duration _last = last;
        private bool _done;

        public IDisposable? Subscription { get; set; }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
            if (_done)
            {
                // The countdown already completed (its subscriber's OnCompleted threw): nothing more is said.
                return;
            }

            _done = true;
            Subscription?.Dispose();
            try
            {
                observer.OnError(error);
            }
#pragma warning disable CA1031 // Already detached; nothing more can be done for it.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        public void OnNext(AgentEvent value)
        {
            if (_done)
            {
                return;
            }

            switch (value)
            {
                case LogoutCountdownTicked tick when tick.Remaining < _last:
                    _last = tick.Remaining;
                    observer.OnNext(tick.Remaining);
                    break;
                case AgentStateChanged { Previous: AgentState.LogoutPending }:
                    _done = true;
                    Subscription?.Dispose();
                    observer.OnCompleted();
                    break;
                default:
                    break;
            }
        }
    }
}
