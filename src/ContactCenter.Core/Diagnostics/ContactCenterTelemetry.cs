using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The metrics and logs of one service provider: its <see cref="Meter"/>, its instruments, its loggers and the
/// aggregates it follows. Counts (agents, interactions, queue lengths) are read from the followed aggregates
/// when a listener collects them, so nothing is spent on them otherwise; counters are fed from the aggregates'
/// event streams and skip the work when no listener has enabled them.
/// </summary>
internal sealed class ContactCenterTelemetry : IDisposable
{
    private static readonly EnumTags s_agentState = new(ContactCenterTags.AgentState, typeof(AgentState));
    private static readonly EnumTags s_agentPrevious = new(ContactCenterTags.AgentPreviousState, typeof(AgentState));
    private static readonly EnumTags s_interactionState = new(ContactCenterTags.InteractionState, typeof(InteractionState));
    private static readonly EnumTags s_interactionPrevious = new(ContactCenterTags.InteractionPreviousState, typeof(InteractionState));
    private static readonly EnumTags s_media = new(ContactCenterTags.InteractionMedia, typeof(MediaType));
    private static readonly EnumTags s_callbackState = new(ContactCenterTags.CallbackState, typeof(CallbackState));
    private static readonly EnumTags s_callbackPrevious = new(ContactCenterTags.CallbackPreviousState, typeof(CallbackState));
    private static readonly EnumTags s_campaignState = new(ContactCenterTags.CampaignState, typeof(CampaignState));
    private static readonly EnumTags s_campaignPrevious = new(ContactCenterTags.CampaignPreviousState, typeof(CampaignState));
    private static readonly EnumTags s_deliveryMode = new(ContactCenterTags.DeliveryMode, typeof(DeliveryMode));
    private static readonly KeyValuePair<string, object?> s_originCampaign = new(ContactCenterTags.CallOrigin, "campaign");
    private static readonly KeyValuePair<string, object?> s_originCallback = new(ContactCenterTags.CallOrigin, "callback");
    private static readonly KeyValuePair<string, object?> s_slotsFound = new(ContactCenterTags.SlotOutcome, "found");
    private static readonly KeyValuePair<string, object?> s_slotsNone = new(ContactCenterTags.SlotOutcome, "none");

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ITimeSource _time;
    private readonly Registry<Agent> _agents = new();
    private readonly Registry<Interaction> _interactions = new();
    private readonly Registry<CallbackDispatcher> _dispatchers = new();
    private readonly List<(string CampaignId, WeakReference<DialerStatistics> Statistics)> _statistics = [];

    /// <summary>Creates the telemetry of one service provider.</summary>
    /// <param name="meterFactory">The host's meter factory, or <see langword="null"/> to own a meter.</param>
    /// <param name="loggerFactory">The host's logger factory, or <see langword="null"/> to log nothing.</param>
    /// <param name="time">The time source.</param>
    public ContactCenterTelemetry(IMeterFactory? meterFactory, ILoggerFactory? loggerFactory, ITimeSource time)
    {
        _time = time;
        var options = new MeterOptions(ContactCenterDiagnostics.MeterName) { Version = typeof(ContactCenterTelemetry).Assembly.GetName().Version?.ToString() };
        if (meterFactory is null)
        {
            _meter = new Meter(options);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(options);
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        AgentLogger = loggerFactory.CreateLogger(Log.AgentsCategory);
        InteractionLogger = loggerFactory.CreateLogger(Log.InteractionsCategory);
        CallbackLogger = loggerFactory.CreateLogger(Log.CallbacksCategory);
        CampaignLogger = loggerFactory.CreateLogger(Log.CampaignsCategory);
        PacingLogger = loggerFactory.CreateLogger(Log.PacingCategory);

        _meter.CreateObservableUpDownCounter(ContactCenterInstruments.AgentCount, ObserveAgents, "{agent}", "Agents per state.");
        AgentTransitions = _meter.CreateCounter<long>(ContactCenterInstruments.AgentTransitions, "{transition}", "Agent state changes.");
        _meter.CreateObservableUpDownCounter(ContactCenterInstruments.InteractionCount, ObserveInteractions, "{interaction}", "Open interactions per state and medium.");
        InteractionTransitions = _meter.CreateCounter<long>(ContactCenterInstruments.InteractionTransitions, "{transition}", "Interaction state changes.");
        CallbackTransitions = _meter.CreateCounter<long>(ContactCenterInstruments.CallbackTransitions, "{transition}", "Callback state changes.");
        _meter.CreateObservableUpDownCounter(ContactCenterInstruments.CallbackQueueLength, ObserveCallbackQueues, "{callback}", "Due callbacks waiting in the dispatchers' queues.");
        CampaignTransitions = _meter.CreateCounter<long>(ContactCenterInstruments.CampaignTransitions, "{transition}", "Campaign state changes.");
        CallsPlaced = _meter.CreateCounter<long>(ContactCenterInstruments.CallsPlaced, "{call}", "Outbound calls placed for campaign records and callbacks.");
        _meter.CreateObservableGauge(ContactCenterInstruments.AbandonRate, ObserveAbandonRates, "1", "Abandoned live answers over live answers, per campaign and window.");
        CommandRefusals = _meter.CreateCounter<long>(ContactCenterInstruments.CommandRefusals, "{command}", "Commands refused by an aggregate.");
        SlotQueries = _meter.CreateCounter<long>(ContactCenterInstruments.SlotQueries, "{query}", "Callback slot calculations.");
        SlotQueryDuration = _meter.CreateHistogram<double>(ContactCenterInstruments.SlotQueryDuration, "s", "How long a callback slot calculation took.");
    }

    public Meter Meter => _meter;

    public ITimeSource Time => _time;

    public ILogger AgentLogger { get; }

    public ILogger InteractionLogger { get; }

    public ILogger CallbackLogger { get; }

    public ILogger CampaignLogger { get; }

    public ILogger PacingLogger { get; }

    public Counter<long> AgentTransitions { get; }

    public Counter<long> InteractionTransitions { get; }

    public Counter<long> CallbackTransitions { get; }

    public Counter<long> CampaignTransitions { get; }

    public Counter<long> CallsPlaced { get; }

    public Counter<long> CommandRefusals { get; }

    public Counter<long> SlotQueries { get; }

    public Histogram<double> SlotQueryDuration { get; }

    /// <summary>Follows <paramref name="agent"/>: counted, its transitions measured and logged, its refusals logged.</summary>
    public Agent Follow(Agent agent)
    {
        _agents.Add(agent);
        agent.Events.Subscribe(new AgentEventObserver(this));
        RefusalHook.Attach(agent, new RefusalObserver(this));
        return agent;
    }

    /// <summary>Follows <paramref name="interaction"/> until it is closed.</summary>
    public Interaction Follow(Interaction interaction)
    {
        _interactions.Add(interaction);
        interaction.Events.Subscribe(new InteractionEventObserver(this, interaction.Media));
        RefusalHook.Attach(interaction, new RefusalObserver(this));
        return interaction;
    }

    /// <summary>Follows <paramref name="callback"/>: its transitions, due time, attempts and refusals.</summary>
    public Callback Follow(Callback callback)
    {
        callback.Events.Subscribe(new CallbackEventObserver(this));
        RefusalHook.Attach(callback, new RefusalObserver(this));
        return callback;
    }

    /// <summary>Follows <paramref name="dispatcher"/>: its queue length and what it queues and offers.</summary>
    public CallbackDispatcher Follow(CallbackDispatcher dispatcher)
    {
        _dispatchers.Add(dispatcher);
        dispatcher.Events.Subscribe(new DispatchEventObserver(this));
        return dispatcher;
    }

    /// <summary>Follows <paramref name="campaign"/>: its transitions, the calls it places, the records compliance holds back, its refusals.</summary>
    public Campaign Follow(Campaign campaign)
    {
        campaign.Events.Subscribe(new CampaignEventObserver(this));
        RefusalHook.Attach(campaign, new RefusalObserver(this));
        return campaign;
    }

    /// <summary>Reads the abandon rates of <paramref name="statistics"/> when the gauge is collected.</summary>
    public DialerStatistics Follow(string campaignId, DialerStatistics statistics)
    {
        lock (_statistics)
        {
            _statistics.Add((campaignId, new WeakReference<DialerStatistics>(statistics)));
        }

        return statistics;
    }

    /// <summary>Measures the slot calculations of <paramref name="calculator"/>.</summary>
    public SlotCalculator Follow(SlotCalculator calculator)
    {
        SlotQueryDiagnostics.Attach(calculator, this);
        return calculator;
    }

    /// <summary>Records one slot calculation.</summary>
    public void SlotQueryCompleted(int slots, double seconds)
    {
        var outcome = slots > 0 ? s_slotsFound : s_slotsNone;
        if (SlotQueries.Enabled)
        {
            SlotQueries.Add(1, outcome);
        }

        if (SlotQueryDuration.Enabled)
        {
            SlotQueryDuration.Record(seconds, outcome);
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<long>> ObserveAgents()
    {
        var counts = new long[(int)AgentState.LogoutPending + 1];
        foreach (var agent in _agents.Alive(static _ => false))
        {
            counts[(int)agent.State]++;
        }

        var measurements = new Measurement<long>[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            measurements[i] = new Measurement<long>(counts[i], s_agentState[i]);
        }

        return measurements;
    }

    private IEnumerable<Measurement<long>> ObserveInteractions()
    {
        int states = (int)InteractionState.Abandoned + 1;
        int media = (int)MediaType.OutboundCampaign + 1;
        var counts = new long[states, media];
        foreach (var interaction in _interactions.Alive(static i => IsClosed(i.State)))
        {
            counts[(int)interaction.State, (int)interaction.Media]++;
        }

        var measurements = new List<Measurement<long>>();
        for (int s = 0; s < states; s++)
        {
            if (IsClosed((InteractionState)s) || (InteractionState)s == InteractionState.Connected)
            {
                continue;
            }

            for (int m = 0; m < media; m++)
            {
                measurements.Add(new Measurement<long>(counts[s, m], s_interactionState[s], s_media[m]));
            }
        }

        return measurements;
    }

    private IEnumerable<Measurement<long>> ObserveCallbackQueues()
    {
        long length = 0;
        foreach (var dispatcher in _dispatchers.Alive(static _ => false))
        {
            length += dispatcher.Queue.Count;
        }

        return [new Measurement<long>(length)];
    }

    private IEnumerable<Measurement<double>> ObserveAbandonRates()
    {
        var measurements = new List<Measurement<double>>();
        lock (_statistics)
        {
            _statistics.RemoveAll(static s => !s.Statistics.TryGetTarget(out _));
            foreach (var (campaignId, reference) in _statistics)
            {
                if (reference.TryGetTarget(out var statistics))
                {
                    // The windowed (legal) rate advances the window when read: it belongs to the dialer's thread.
                    // These two read counters only.
                    var campaign = new KeyValuePair<string, object?>(ContactCenterTags.CampaignId, campaignId);
                    measurements.Add(new Measurement<double>(statistics.AbandonRate.CampaignToDate.Value, campaign, new(ContactCenterTags.AbandonWindow, "campaign")));
                    measurements.Add(new Measurement<double>(statistics.AbandonRate.Recent.Value, campaign, new(ContactCenterTags.AbandonWindow, "recent")));
                }
            }
        }

        return measurements;
    }

    private static bool IsClosed(InteractionState state) =>
        state is InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned;

    /// <summary>Weakly held aggregates: following one never keeps it alive.</summary>
    private sealed class Registry<T>
        where T : class
    {
        private readonly List<WeakReference<T>> _items = [];

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(new WeakReference<T>(item));
            }
        }

        /// <summary>The live items, forgetting the collected ones and those <paramref name="finished"/> says are done for good.</summary>
        public List<T> Alive(Func<T, bool> finished)
        {
            var alive = new List<T>();
            lock (_items)
            {
                _items.RemoveAll(reference => !reference.TryGetTarget(out var item) || finished(item));
                foreach (var reference in _items)
                {
                    if (reference.TryGetTarget(out var item))
                    {
                        alive.Add(item);
                    }
                }
            }

            return alive;
        }
    }

    private sealed class RefusalObserver(ContactCenterTelemetry telemetry) : IRefusalObserver
    {
        private static readonly KeyValuePair<string, object?> s_agent = new(ContactCenterTags.Aggregate, "agent");
        private static readonly KeyValuePair<string, object?> s_interaction = new(ContactCenterTags.Aggregate, "interaction");
        private static readonly KeyValuePair<string, object?> s_callback = new(ContactCenterTags.Aggregate, "callback");
        private static readonly KeyValuePair<string, object?> s_campaign = new(ContactCenterTags.Aggregate, "campaign");
        private static readonly KeyValuePair<string, object?> s_record = new(ContactCenterTags.Aggregate, "calling_record");

        public void Refused(Exception refusal)
        {
            switch (refusal)
            {
                case AgentCommandRefusedException agent:
                    Log.AgentCommandRefused(telemetry.AgentLogger, agent.AgentId, agent.Refusal.Command, agent.Refusal.State, agent.Refusal.Reason, agent.Refusal.Message);
                    Count(s_agent, agent.Refusal.Command.ToString());
                    break;
                case InteractionCommandRefusedException interaction:
                    Log.InteractionCommandRefused(telemetry.InteractionLogger, interaction.Media, interaction.InteractionId, interaction.Command, interaction.State, interaction.Refusal.Reason, interaction.Refusal.Message);
                    Count(s_interaction, interaction.Command.ToString());
                    break;
                case CallbackCommandRefusedException callback:
                    Log.CallbackCommandRefused(telemetry.CallbackLogger, callback.CallbackId, callback.Command, callback.State, callback.Refusal.Reason, callback.Refusal.Message);
                    Count(s_callback, callback.Command.ToString());
                    break;
                case CampaignCommandRefusedException campaign:
                    Log.CampaignCommandRefused(telemetry.CampaignLogger, campaign.CampaignId, campaign.Command, campaign.State, campaign.Refusal.Message);
                    Count(s_campaign, campaign.Command.ToString());
                    break;
                case CallingRecordCommandRefusedException record:
                    Log.CallingRecordCommandRefused(telemetry.CampaignLogger, record.CampaignId, record.RecordId, record.Command, record.State, record.Refusal.Message);
                    Count(s_record, record.Command.ToString());
                    break;
                default:
                    break;
            }
        }

        private void Count(KeyValuePair<string, object?> aggregate, string command)
        {
            if (telemetry.CommandRefusals.Enabled)
            {
                telemetry.CommandRefusals.Add(1, aggregate, new KeyValuePair<string, object?>(ContactCenterTags.Command, command));
            }
        }
    }

    private abstract class EventObserver<T> : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public abstract void OnNext(T value);
    }

    private sealed class AgentEventObserver(ContactCenterTelemetry telemetry) : EventObserver<AgentEvent>
    {
        public override void OnNext(AgentEvent value)
        {
            switch (value)
            {
                case AgentStateChanged changed:
                    if (telemetry.AgentTransitions.Enabled)
                    {
                        telemetry.AgentTransitions.Add(1, s_agentState[(int)changed.Current], s_agentPrevious[(int)changed.Previous]);
                    }

                    Log.AgentStateChanged(telemetry.AgentLogger, changed.AgentId, changed.Previous, changed.Current, changed.Cause, changed.NotReadyReason, changed.CorrelationId);
                    break;
                case AgentOfferEnded ended:
                    Log.AgentOfferEnded(telemetry.AgentLogger, ended.AgentId, ended.Offer.InteractionId, ended.Outcome, ended.ConsecutiveMissedOffers, ended.CorrelationId);
                    break;
                default:
                    break;
            }
        }
    }

    private sealed class InteractionEventObserver(ContactCenterTelemetry telemetry, MediaType media) : EventObserver<InteractionEvent>
    {
        public override void OnNext(InteractionEvent value)
        {
            switch (value)
            {
                case InteractionStateChanged changed:
                    if (telemetry.InteractionTransitions.Enabled)
                    {
                        telemetry.InteractionTransitions.Add(1, s_interactionState[(int)changed.Current], s_interactionPrevious[(int)changed.Previous], s_media[(int)media]);
                    }

                    Log.InteractionStateChanged(telemetry.InteractionLogger, media, changed.InteractionId, changed.Previous, changed.Current, changed.Cause, changed.CorrelationId);
                    break;
                case DtmfSent dtmf:
                    Log.DtmfSent(telemetry.InteractionLogger, dtmf.InteractionId, dtmf.Digits.Length, dtmf.IsMasked, dtmf.CorrelationId);
                    break;
                default:
                    break;
            }
        }
    }

    private sealed class CallbackEventObserver(ContactCenterTelemetry telemetry) : EventObserver<CallbackEvent>
    {
        public override void OnNext(CallbackEvent value)
        {
            switch (value)
            {
                case CallbackStateChanged changed:
                    if (telemetry.CallbackTransitions.Enabled)
                    {
                        telemetry.CallbackTransitions.Add(1, s_callbackState[(int)changed.Current], s_callbackPrevious[(int)changed.Previous]);
                    }

                    Log.CallbackStateChanged(telemetry.CallbackLogger, changed.CallbackId, changed.Previous, changed.Current, changed.Cause, changed.CorrelationId);
                    if (changed.Current == CallbackState.Due && changed.Previous == CallbackState.Scheduled)
                    {
                        Log.CallbackDue(telemetry.CallbackLogger, changed.CallbackId, changed.CorrelationId);
                    }

                    break;
                case CallbackAttemptStarted started:
                    if (telemetry.CallsPlaced.Enabled)
                    {
                        telemetry.CallsPlaced.Add(1, s_originCallback);
                    }

                    Log.CallbackDialled(telemetry.CallbackLogger, started.CallbackId, started.Attempt.Number, started.Attempt.AgentId, started.CorrelationId);
                    break;
                default:
                    break;
            }
        }
    }

    private sealed class DispatchEventObserver(ContactCenterTelemetry telemetry) : EventObserver<CallbackDispatchEvent>
    {
        public override void OnNext(CallbackDispatchEvent value)
        {
            switch (value)
            {
                case CallbackQueued queued:
                    Log.CallbackQueued(telemetry.CallbackLogger, queued.CallbackId, queued.CorrelationId);
                    break;
                case CallbackOfferedToAgent offered:
                    Log.CallbackOfferedToAgent(telemetry.CallbackLogger, offered.CallbackId, offered.AgentId, offered.InteractionId, offered.Route, offered.CorrelationId);
                    break;
                default:
                    break;
            }
        }
    }

    private sealed class CampaignEventObserver(ContactCenterTelemetry telemetry) : EventObserver<CampaignEvent>
    {
        public override void OnNext(CampaignEvent value)
        {
            switch (value)
            {
                case CampaignStateChanged changed:
                    if (telemetry.CampaignTransitions.Enabled)
                    {
                        telemetry.CampaignTransitions.Add(1, s_campaignState[(int)changed.Current], s_campaignPrevious[(int)changed.Previous]);
                    }

                    Log.CampaignStateChanged(telemetry.CampaignLogger, changed.CampaignId, changed.Previous, changed.Current, changed.Cause, changed.CorrelationId);
                    break;
                case CallingRecordDialled dialled:
                    if (telemetry.CallsPlaced.Enabled)
                    {
                        telemetry.CallsPlaced.Add(1, s_originCampaign, s_deliveryMode[(int)dialled.Task.Mode]);
                    }

                    Log.CallingRecordDialled(telemetry.CampaignLogger, dialled.CampaignId, dialled.RecordId, dialled.Task.Attempt, dialled.Task.Mode, dialled.Task.AgentId, dialled.Task.InteractionId);
                    break;
                case CallingRecordWaiting waiting:
                    Log.CallingRecordWaiting(telemetry.CampaignLogger, waiting.CampaignId, waiting.RecordId, waiting.Wait.NextOpeningAt, waiting.Wait.Explanation);
                    break;
                case CallingRecordCompleted completed:
                    Log.CallingRecordCompleted(telemetry.CampaignLogger, completed.CampaignId, completed.RecordId, completed.Reason, completed.Disposition);
                    break;
                default:
                    break;
            }
        }
    }
}
