using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// Queues due callbacks and offers them to agents. Due callbacks are ordered by <see cref="Callback.QueuedSince"/>
/// (a voice-message callback keeps the caller's original position), then by the order in which they became due. Each
/// is offered by reserving an agent (<see cref="Agent.Reserve"/> with <see cref="MediaType.Callback"/> and
/// <see cref="CallbackOptions.OfferTimeout"/>): a personal callback only to its owner; a callback with a preferred
/// agent only to that agent for <see cref="CallbackOptions.PreferredAgentTimeout"/> from when it became due (without
/// holding up the callbacks behind it), then to any eligible agent; others to the eligible agent available the longest.
/// An agent without <see cref="AgentFeatures.Callbacks"/> never receives a callback.
/// </summary>
/// <remarks>
/// <para>The dispatcher keeps callback and agent in step: when the agent accepts the offer
/// (<see cref="Agent.AcceptOffer"/>) the callback is accepted; when the agent rejects it, lets it time out or loses
/// the reservation, the callback is due again in the same position; when the callback is cancelled, rescheduled or
/// expires while offered, the agent's reservation is released. After acceptance the host drives the callback
/// (<see cref="Callback.Dial"/>, <see cref="Callback.RecordResult"/>, <see cref="Callback.MarkDone"/>); a callback that
/// is rescheduled or retried is queued again when due. Terminal callbacks are forgotten.</para>
/// <para>Thread-safe. Work caused by callback events, agent events and timers is serialised; events are published in
/// order, one at a time. A subscriber whose <c>OnNext</c> throws is detached and receives <c>OnError</c>.</para>
/// </remarks>
public sealed class CallbackDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly ITimeSource _time;
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly ObserverList<CallbackDispatchEvent> _observers = new();
    private readonly Dictionary<CallbackId, Entry> _callbacks = [];
    private readonly Dictionary<string, AgentSlot> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<InteractionId, CallbackId> _offers = [];
    private List<CallbackDispatchEvent> _outbox = [];
    private int _draining;
    private long _sequence;
    private long _dueOrder;
    private long _agentOrder;
    private Guid _correlation;
    private bool _disposed;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="timeSource">The clock and timers; callbacks created by <see cref="Submit"/> use it too.</param>
    /// <param name="options">The policy; <see cref="CallbackOptions.Default"/> when null. Validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeSource"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public CallbackDispatcher(ITimeSource timeSource, CallbackOptions? options = null)
    {
        _time = Guard.NotNull(timeSource);
        Options = options ?? CallbackOptions.Default;
        Options.Validate();
        Events = new EventStream(this);
    }

    /// <summary>The policy: offer timeout, preferred-agent wait, and the options of callbacks created by <see cref="Submit"/>.</summary>
    public CallbackOptions Options { get; }

    /// <summary>
    /// Everything the dispatcher does, in order (see <see cref="CallbackDispatchEvent.Sequence"/>). Hot; never completes.
    /// A subscriber whose <c>OnNext</c> throws is detached and receives <c>OnError</c>; the others are unaffected.
    /// </summary>
    public IObservable<CallbackDispatchEvent> Events { get; }

    /// <summary>The due callbacks (offered ones included: they keep their position), in queue order.</summary>
    public IReadOnlyList<CallbackQueueEntry> Queue
    {
        get
        {
            lock (_gate)
            {
                var queue = new List<CallbackQueueEntry>();
                foreach (var entry in Ordered())
                {
                    queue.Add(new CallbackQueueEntry(queue.Count + 1, entry.Callback, entry.QueuedSince, entry.LastState, entry.OfferAgent, WaitingFor(entry)));
                }

                return queue.AsReadOnly();
            }
        }
    }

    /// <summary>Every callback the dispatcher follows (not yet terminal), in the order they were added.</summary>
    public IReadOnlyList<Callback> Callbacks
    {
        get
        {
            lock (_gate)
            {
                var entries = new List<Entry>(_callbacks.Values);
                entries.Sort(static (a, b) => a.AddOrder.CompareTo(b.AddOrder));
                return entries.ConvertAll(static e => e.Callback).AsReadOnly();
            }
        }
    }

    /// <summary>The ids of the registered agents.</summary>
    public IReadOnlyCollection<string> AgentIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _agents.Keys];
            }
        }
    }

    /// <summary>Creates a callback with <see cref="Options"/> on the dispatcher's time source and follows it (<see cref="Add"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="ObjectDisposedException">The dispatcher is disposed.</exception>
    public Callback Submit(CallbackRequest request)
    {
        var callback = Callback.Create(request, Options, _time);
        Add(callback);
        return callback;
    }

    /// <summary>Whether this dispatcher follows the callback <paramref name="id"/> (added and not over yet).</summary>
    /// <param name="id">The callback's id.</param>
    /// <returns><see langword="true"/> when the callback was added and is still followed.</returns>
    public bool Follows(CallbackId id)
    {
        lock (_gate)
        {
            return _callbacks.ContainsKey(id);
        }
    }

    /// <summary>
    /// Follows <paramref name="callback"/>: queued now when due, when its due timer fires otherwise; offered to agents
    /// when it reaches the head of the queue.
    /// </summary>
    /// <param name="callback">The callback; not terminal, not followed already.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    /// <exception cref="ArgumentException">The callback is terminal, or already followed.</exception>
    /// <exception cref="ObjectDisposedException">The dispatcher is disposed.</exception>
    public void Add(Callback callback)
    {
        Guard.NotNull(callback);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_callbacks.ContainsKey(callback.Id))
            {
                throw new ArgumentException($"Callback {callback.Id} is already followed by this dispatcher.", nameof(callback));
            }

            if (callback.IsTerminal)
            {
                throw new ArgumentException($"Callback {callback.Id} is over ({callback.State}).", nameof(callback));
            }

            var entry = new Entry(callback, ++_dueOrder);
            _callbacks.Add(callback.Id, entry);
            entry.Subscription = callback.Events.Subscribe(new CallbackObserver(this));
        }

        var id = callback.Id;
        Post(Ids.Next(), () => Reconcile(id));
    }

    /// <summary>
    /// Registers an agent: the dispatcher watches its events (ready, offers answered) and offers it callbacks while it
    /// can be reserved — only if its <see cref="AgentOptions.Features"/> include <see cref="AgentFeatures.Callbacks"/>.
    /// </summary>
    /// <param name="agent">The agent.</param>
    /// <param name="campaigns">
    /// The campaigns whose shared callbacks the agent may take; <see langword="null"/> for every campaign. Callbacks of
    /// no campaign are not restricted.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ArgumentException">An agent with the same id is already registered.</exception>
    /// <exception cref="ObjectDisposedException">The dispatcher is disposed.</exception>
    public void RegisterAgent(Agent agent, IEnumerable<string>? campaigns = null)
    {
        Guard.NotNull(agent);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_agents.ContainsKey(agent.Id))
            {
                throw new ArgumentException($"Agent {agent.Id} is already registered.", nameof(agent));
            }

            var slot = new AgentSlot(agent, campaigns is null ? null : new HashSet<string>(campaigns, StringComparer.Ordinal), ++_agentOrder, _time.Now);
            _agents.Add(agent.Id, slot);
            slot.Subscription = agent.Events.Subscribe(new AgentObserver(this, slot));
        }

        Post(Ids.Next(), Dispatch);
    }

    /// <summary>Stops offering callbacks to an agent; a callback offered to it and not yet accepted is withdrawn (due again) and the reservation released.</summary>
    /// <param name="agentId">The agent.</param>
    /// <returns><see langword="true"/> when the agent was registered.</returns>
    public bool UnregisterAgent(string agentId)
    {
        Guard.NotNull(agentId);
        bool found;
        lock (_gate)
        {
            found = _agents.ContainsKey(agentId);
        }

        if (found)
        {
            Post(Ids.Next(), () => Unregister(agentId));
        }

        return found;
    }

    /// <summary>Stops following callbacks and agents and cancels the dispatcher's timers. Callbacks and agents go on by themselves.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var entry in _callbacks.Values)
            {
                entry.Subscription?.Dispose();
                entry.PreferredTimer?.Dispose();
            }

            foreach (var slot in _agents.Values)
            {
                slot.Subscription?.Dispose();
            }

            _callbacks.Clear();
            _agents.Clear();
            _offers.Clear();
        }
    }

    // ----- work: everything below runs under _gate, one item at a time --------------------------------

    private void Post(Guid correlation, Action work)
    {
        _work.Enqueue(() =>
        {
            _correlation = correlation;
            work();
        });
        Drain();
    }

    /// <summary>Runs queued work in order on whichever thread gets there first; publishes each item's events after it.</summary>
    private void Drain()
    {
        while (!_work.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                // Another thread (or this one, further up the stack) is draining: it runs this work too.
                return;
            }

            try
            {
                while (_work.TryDequeue(out var work))
                {
                    List<CallbackDispatchEvent> events;
                    lock (_gate)
                    {
                        if (!_disposed)
                        {
                            work();
                        }

                        events = _outbox;
                        _outbox = [];
                    }

                    foreach (var @event in events)
                    {
                        _observers.Publish(@event);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _draining, 0);
            }
        }
    }

    /// <summary>Brings the dispatcher's view of a callback in line with the callback's state.</summary>
    private void Reconcile(CallbackId id)
    {
        if (!_callbacks.TryGetValue(id, out var entry))
        {
            return;
        }

        var callback = entry.Callback;
        var state = callback.State;
        var offer = callback.CurrentOffer;

        // Our offer is over unless the callback is still offered with it, or the agent accepted it.
        if (entry.OfferInteraction is { } ours && offer?.InteractionId != ours)
        {
            ReleaseOurOffer(entry, state == CallbackState.Due ? CallbackOfferOutcome.Withdrawn : null);
        }

        bool inQueue = state is CallbackState.Due or CallbackState.Offered;
        if (inQueue)
        {
            var dueSince = callback.DueSince;
            if (!entry.InQueue || entry.DueSince != dueSince)
            {
                StartDuePeriod(entry, dueSince);
            }
        }
        else if (entry.InQueue)
        {
            LeaveQueue(entry);
            if (state is CallbackState.Accepted or CallbackState.InProgress or CallbackState.WrapUp && offer is not null)
            {
                Emit(new CallbackAssigned(++_sequence, id, _time.Now, _correlation, offer.AgentId));
            }
            else
            {
                Emit(new CallbackDequeued(++_sequence, id, _time.Now, _correlation, state));
            }
        }

        entry.LastState = state;
        if (callback.IsTerminal)
        {
            entry.Subscription?.Dispose();
            _callbacks.Remove(id);
        }

        Dispatch();
    }

    private void StartDuePeriod(Entry entry, Instant? dueSince)
    {
        entry.PreferredTimer?.Dispose();
        entry.PreferredTimer = null;
        entry.InQueue = true;
        entry.DueSince = dueSince;
        entry.DueOrder = ++_dueOrder;
        entry.QueuedSince = entry.Callback.QueuedSince;
        entry.LastDeclinedBy = null;
        entry.PreferredWaitOver = true;
        Emit(new CallbackQueued(++_sequence, entry.Callback.Id, _time.Now, _correlation, entry.QueuedSince));

        var callback = entry.Callback;
        if (callback.PreferredAgentId is null || callback.Ownership.IsPersonal || dueSince is not { } since)
        {
            return;
        }

        var deadline = since + Options.PreferredAgentTimeout;
        var now = _time.Now;
        if (now >= deadline)
        {
            return;
        }

        entry.PreferredWaitOver = false;
        var id = callback.Id;
        entry.PreferredTimer = _time.Schedule(deadline - now, () => Post(Ids.Next(), () => OnPreferredWaitOver(id, since)));
    }

    private void OnPreferredWaitOver(CallbackId id, Instant dueSince)
    {
        if (!_callbacks.TryGetValue(id, out var entry) || !entry.InQueue || entry.DueSince != dueSince || entry.PreferredWaitOver)
        {
            return;
        }

        entry.PreferredWaitOver = true;
        entry.PreferredTimer = null;
        Emit(new PreferredAgentWaitEnded(++_sequence, id, _time.Now, _correlation, entry.Callback.PreferredAgentId!));
        Dispatch();
    }

    private static void LeaveQueue(Entry entry)
    {
        entry.InQueue = false;
        entry.DueSince = null;
        entry.PreferredTimer?.Dispose();
        entry.PreferredTimer = null;
    }

    private void OnAgentEvent(AgentSlot slot, AgentEvent @event)
    {
        if (!_agents.TryGetValue(slot.Agent.Id, out var current) || current != slot)
        {
            return;
        }

        switch (@event)
        {
            case AgentStateChanged { Current: AgentState.Ready } ready:
                slot.AvailableSince = ready.At;
                break;
            case AgentOfferEnded ended when _offers.TryGetValue(ended.Offer.InteractionId, out var id) && _callbacks.TryGetValue(id, out var entry):
                var outcome = ended.Outcome switch
                {
                    OfferOutcome.Rejected => CallbackOfferOutcome.Declined,
                    OfferOutcome.TimedOut => CallbackOfferOutcome.TimedOut,
                    _ => CallbackOfferOutcome.Withdrawn,
                };
                ForgetOffer(entry);
                if (outcome != CallbackOfferOutcome.Withdrawn)
                {
                    entry.LastDeclinedBy = slot.Agent.Id;
                }

                Emit(new CallbackOfferReturned(++_sequence, id, _time.Now, _correlation, slot.Agent.Id, outcome));
                if (entry.Callback.CurrentOffer?.InteractionId == ended.Offer.InteractionId)
                {
                    TryOnCallback(entry.Callback, outcome);
                }

                break;
            case AgentInteractionStarted started when _offers.TryGetValue(started.Interaction.InteractionId, out var id) && _callbacks.TryGetValue(id, out var entry):
                ForgetOffer(entry);
                if (entry.Callback.CurrentOffer?.InteractionId == started.Interaction.InteractionId && entry.Callback.State == CallbackState.Offered)
                {
                    TryOnCallback(entry.Callback, CallbackOfferOutcome.Accepted);
                }

                break;
            default:
                break;
        }

        Dispatch();
    }

    private void TryOnCallback(Callback callback, CallbackOfferOutcome outcome)
    {
        try
        {
            switch (outcome)
            {
                case CallbackOfferOutcome.Accepted:
                    callback.Accept(_correlation);
                    break;
                case CallbackOfferOutcome.Declined:
                    callback.Decline(_correlation);
                    break;
                case CallbackOfferOutcome.TimedOut:
                    callback.OfferTimedOut(_correlation);
                    break;
                default:
                    callback.WithdrawOffer(_correlation);
                    break;
            }
        }
        catch (CallbackCommandRefusedException)
        {
            // The callback moved on meanwhile (cancelled, expired): its own event brings the dispatcher in line.
        }
    }

    private void Unregister(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var slot))
        {
            return;
        }

        _agents.Remove(agentId);
        slot.Subscription?.Dispose();
        foreach (var entry in _callbacks.Values)
        {
            if (string.Equals(entry.OfferAgent, agentId, StringComparison.Ordinal) && entry.OfferInteraction is { } interaction)
            {
                ReleaseOurOffer(entry, CallbackOfferOutcome.Withdrawn, slot.Agent);
                if (entry.Callback.CurrentOffer?.InteractionId == interaction)
                {
                    TryOnCallback(entry.Callback, CallbackOfferOutcome.Withdrawn);
                }
            }
        }

        Dispatch();
    }

    /// <summary>Forgets the entry's offer and releases the agent's reservation if the agent still holds it for us.</summary>
    private void ReleaseOurOffer(Entry entry, CallbackOfferOutcome? report, Agent? agent = null)
    {
        var interaction = entry.OfferInteraction!.Value;
        string agentId = entry.OfferAgent!;
        agent ??= _agents.TryGetValue(agentId, out var slot) ? slot.Agent : null;
        ForgetOffer(entry);
        if (report is { } outcome)
        {
            Emit(new CallbackOfferReturned(++_sequence, entry.Callback.Id, _time.Now, _correlation, agentId, outcome));
        }

        if (agent?.Offer?.InteractionId == interaction)
        {
            try
            {
                agent.ReleaseReservation(_correlation);
            }
            catch (AgentCommandRefusedException)
            {
                // The agent answered or lost the offer meanwhile: its own event arrives next and finds no offer of ours.
            }
        }
    }

    private void ForgetOffer(Entry entry)
    {
        if (entry.OfferInteraction is { } interaction)
        {
            _offers.Remove(interaction);
        }

        entry.OfferInteraction = null;
        entry.OfferAgent = null;
    }

    /// <summary>Offers every due callback that can be offered now, in queue order, one callback per agent.</summary>
    private void Dispatch()
    {
        if (_agents.Count == 0)
        {
            return;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Ordered())
        {
            var callback = entry.Callback;
            if (entry.OfferInteraction is not null || callback.State != CallbackState.Due)
            {
                continue;
            }

            var (candidates, route) = Candidates(entry);
            foreach (var slot in candidates)
            {
                if (taken.Contains(slot.Agent.Id) || !IsEligible(slot, callback))
                {
                    continue;
                }

                if (TryOffer(entry, slot, route))
                {
                    taken.Add(slot.Agent.Id);
                    break;
                }
            }
        }
    }

    private bool TryOffer(Entry entry, AgentSlot slot, CallbackRoute route)
    {
        var callback = entry.Callback;
        var agent = slot.Agent;
        var interaction = InteractionId.New();
        try
        {
            agent.Reserve(interaction, MediaType.Callback, callback.Queue, Options.OfferTimeout, _correlation);
        }
        catch (AgentCommandRefusedException)
        {
            // E.g. at capacity for voice, or an offer or intent pending: try the next agent.
            return false;
        }

        try
        {
            callback.Offer(agent.Id, interaction, _correlation);
        }
        catch (CallbackCommandRefusedException)
        {
            // The callback moved on meanwhile; give the agent back.
            try
            {
                agent.ReleaseReservation(_correlation);
            }
            catch (AgentCommandRefusedException)
            {
                // Already released.
            }

            return false;
        }

        entry.OfferInteraction = interaction;
        entry.OfferAgent = agent.Id;
        _offers[interaction] = callback.Id;
        Emit(new CallbackOfferedToAgent(++_sequence, callback.Id, _time.Now, _correlation, agent.Id, interaction, route));
        return true;
    }

    private (List<AgentSlot> Candidates, CallbackRoute Route) Candidates(Entry entry)
    {
        var callback = entry.Callback;
        var candidates = new List<AgentSlot>();
        if (callback.Ownership is { IsPersonal: true, AgentId: { } owner })
        {
            if (_agents.TryGetValue(owner, out var slot))
            {
                candidates.Add(slot);
            }

            return (candidates, CallbackRoute.Owner);
        }

        if (!entry.PreferredWaitOver && callback.PreferredAgentId is { } preferred)
        {
            if (_agents.TryGetValue(preferred, out var slot))
            {
                candidates.Add(slot);
            }

            return (candidates, CallbackRoute.PreferredAgent);
        }

        candidates.AddRange(_agents.Values);
        string? declined = entry.LastDeclinedBy;
        candidates.Sort((a, b) =>
        {
            // The agent who just declined or missed it comes last; then the longest available first.
            int byDecline = isAgent(a, declined).CompareTo(isAgent(b, declined));
            if (byDecline != 0)
            {
                return byDecline;
            }

            int bySince = a.AvailableSince.CompareTo(b.AvailableSince);
            return bySince != 0 ? bySince : a.Order.CompareTo(b.Order);
        });
        return (candidates, CallbackRoute.AnyAgent);

        static bool isAgent(AgentSlot slot, string? id) => string.Equals(slot.Agent.Id, id, StringComparison.Ordinal);
    }

    private static bool IsEligible(AgentSlot slot, Callback callback)
    {
        var agent = slot.Agent;
        if ((agent.Options.Features & AgentFeatures.Callbacks) == 0)
        {
            return false;
        }

        if (callback.CampaignId is { } campaign && slot.Campaigns is { } campaigns && !campaigns.Contains(campaign))
        {
            return false;
        }

        return agent.Can(AgentCommand.Reserve);
    }

    private List<Entry> Ordered()
    {
        var queue = new List<Entry>();
        foreach (var entry in _callbacks.Values)
        {
            if (entry.InQueue)
            {
                queue.Add(entry);
            }
        }

        queue.Sort(static (a, b) =>
        {
            int bySince = a.QueuedSince.CompareTo(b.QueuedSince);
            return bySince != 0 ? bySince : a.DueOrder.CompareTo(b.DueOrder);
        });
        return queue;
    }

    private static string? WaitingFor(Entry entry)
    {
        var callback = entry.Callback;
        if (callback.Ownership.IsPersonal)
        {
            return callback.Ownership.AgentId;
        }

        return entry.PreferredWaitOver ? null : callback.PreferredAgentId;
    }

    private void Emit(CallbackDispatchEvent @event) => _outbox.Add(@event);

    private void ThrowIfDisposed()
    {
#if NET7_0_OR_GREATER
        ObjectDisposedException.ThrowIf(_disposed, this);
#else
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(CallbackDispatcher));
        }
#endif
    }

    private sealed class Entry(Callback callback, long order)
    {
        public Callback Callback { get; } = callback;

        public long AddOrder { get; } = order;

        public IDisposable? Subscription { get; set; }

        public CallbackState LastState { get; set; } = callback.State;

        public bool InQueue { get; set; }

        public Instant? DueSince { get; set; }

        public Instant QueuedSince { get; set; }

        public long DueOrder { get; set; }

        public bool PreferredWaitOver { get; set; } = true;

        public IDisposable? PreferredTimer { get; set; }

        public string? LastDeclinedBy { get; set; }

        public InteractionId? OfferInteraction { get; set; }

        public string? OfferAgent { get; set; }
    }

    private sealed class AgentSlot(Agent agent, HashSet<string>? campaigns, long order, Instant availableSince)
    {
        public Agent Agent { get; } = agent;

        public HashSet<string>? Campaigns { get; } = campaigns;

        public long Order { get; } = order;

        public Instant AvailableSince { get; set; } = availableSince;

        public IDisposable? Subscription { get; set; }
    }

    private sealed class CallbackObserver(CallbackDispatcher dispatcher) : IObserver<CallbackEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(CallbackEvent value)
        {
            if (value is CallbackStateChanged)
            {
                var id = value.CallbackId;
                dispatcher.Post(value.CorrelationId, () => dispatcher.Reconcile(id));
            }
        }
    }

    private sealed class AgentObserver(CallbackDispatcher dispatcher, AgentSlot slot) : IObserver<AgentEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(AgentEvent value)
        {
            if (value is AgentStateChanged or AgentOfferEnded or AgentInteractionStarted or AgentInteractionEnded)
            {
                dispatcher.Post(value.CorrelationId, () => dispatcher.OnAgentEvent(slot, value));
            }
        }
    }

    private sealed class EventStream(CallbackDispatcher dispatcher) : IObservable<CallbackDispatchEvent>
    {
        public IDisposable Subscribe(IObserver<CallbackDispatchEvent> observer) => dispatcher._observers.Add(observer);
    }
}
