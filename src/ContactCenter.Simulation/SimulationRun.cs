using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// One run of a scenario: a discrete-event loop on a <see cref="VirtualTimeSource"/> that also runs the real
/// agents' timers. Every action happens inside a timer of the virtual clock, on one thread. Calls are placed for the
/// records of the synthetic list, or for the records a real campaign hands out (<see cref="CampaignDriver"/>).
/// </summary>
internal sealed class SimulationRun
{
    private readonly SimulationScenario _scenario;
    private readonly ISimulationDialer _dialer;
    private readonly SimulatedNetwork _network;
    private readonly VirtualTimeSource _time;
    private readonly InteractionOptions _interactionOptions;
    private readonly SimulationState _state;
    private readonly List<SimulationEvent> _log = new(1024);
    private readonly List<string> _refusals = [];
    private readonly SimulatedAgent[] _agents;
    private readonly LinkedList<Call> _waiting = new();
    private readonly CampaignDriver? _campaign;
    private readonly Duration _progressInterval;
    private readonly Action<SimulationProgress>? _progress;
    private long _nextRecord;
    private long _nextCallId;
    private bool _dialing = true;
    private long _placed, _live, _machines, _busy, _invalid, _noAnswer, _connected, _abandoned, _ended, _interactions, _decisions;

    public SimulationRun(SimulationScenario scenario, ISimulationDialer dialer, Duration progressInterval = default, Action<SimulationProgress>? progress = null)
    {
        _progressInterval = progressInterval;
        _progress = progress;
        _scenario = scenario;
        _dialer = dialer;
        _network = new SimulatedNetwork(scenario.Network, scenario.Seed);
        _time = new VirtualTimeSource(scenario.Start);
        _interactionOptions = new InteractionOptions { TimeSource = _time };
        _state = new SimulationState(scenario.Start) { RecordsRemaining = scenario.ListSize };
        _agents = new SimulatedAgent[scenario.Agents.Count];
        for (int i = 0; i < _agents.Length; i++)
        {
            _agents[i] = new SimulatedAgent(this, i, scenario.Agents[i]);
        }

        if (scenario.Campaign is { } campaign)
        {
            _campaign = new CampaignDriver(this, campaign, _time, scenario.Seed);
            _state.RecordsRemaining = _campaign.RecordsToDial;
        }
    }

    public SimulationReport Execute()
    {
        var start = _scenario.Start;
        _campaign?.Start(_agents.Select(a => a.Agent.Id));
        foreach (var agent in _agents)
        {
            agent.ScheduleShift(start, _scenario.End);
        }

        if (_progress is not null)
        {
            for (var at = start + _progressInterval; at <= _scenario.End; at += _progressInterval)
            {
                At(at, Progress);
            }
        }

        ScheduleTick(start);
        At(_scenario.End, () =>
        {
            _dialing = false;
            _campaign?.EndOfShift();
        });
        _time.AdvanceTo(_scenario.End);

        // The drain: calls in progress end, agents finish their wrap-up and log out. No tick is left, so the
        // queue of timers empties.
        _time.RunAll();
        _state.Now = _time.Now;

        var counts = new SimulationCounts
        {
            CallsPlaced = _placed,
            LiveAnswers = _live,
            AnsweringMachines = _machines,
            BusyLines = _busy,
            InvalidNumbers = _invalid,
            NoAnswers = _noAnswer,
            Connected = _connected,
            Abandoned = _abandoned,
            CallsEnded = _ended,
            Interactions = _interactions,
            Decisions = _decisions,
            RefusedCommands = _refusals.Count,
        };
        var endedAt = _log.Count > 0 && _log[_log.Count - 1].At > start ? _log[_log.Count - 1].At : start;
        return new SimulationReport(_scenario, _dialer.Name, endedAt, _log.AsReadOnly(), counts, _refusals.AsReadOnly())
        {
            Campaign = _campaign?.Campaign,
            CampaignEvents = _campaign?.Events ?? Array.Empty<CampaignEvent>(),
            CallHistory = _campaign?.History,
        };
    }

    internal ITimeSource Time => _time;

    internal SimulationScenario Scenario => _scenario;

    internal InteractionOptions InteractionOptions => _interactionOptions;

    /// <summary>Runs <paramref name="action"/> at <paramref name="instant"/> of the virtual clock (now if past).</summary>
    internal IDisposable At(Instant instant, Action action)
    {
        var dueIn = instant - _time.Now;
        return _time.Schedule(dueIn < Duration.Zero ? Duration.Zero : dueIn, action);
    }

    internal void Record(SimulationEvent simulationEvent)
    {
        _log.Add(simulationEvent);
        _dialer.Observe(simulationEvent);
    }

    internal void Refused(int agent, Exception refusal)
    {
        _refusals.Add(refusal.Message);
        Record(new SimulationEvent(_time.Now, SimulationEventKind.CommandRefused, -1, -1, 0, agent, default, default));
    }

    /// <summary>Keeps the live agent counts in step with a real agent's state change.</summary>
    internal void AgentChanged(AgentState previous, AgentState current)
    {
        Count(previous, -1);
        Count(current, +1);
    }

    /// <summary>An agent became ready: it takes the oldest waiting call, or the dialer is asked.</summary>
    internal void AgentFree(SimulatedAgent agent)
    {
        if (!agent.IsFree)
        {
            return;
        }

        if (_waiting.First is { } oldest)
        {
            Connect(oldest.Value, agent);
            return;
        }

        Dial();
    }

    private void Count(AgentState state, int delta)
    {
        switch (state)
        {
            case AgentState.LoggedOut:
                _state.LoggedInAgents -= delta;
                return;
            case AgentState.NotReady:
                _state.NotReadyAgents += delta;
                break;
            case AgentState.Ready:
                _state.ReadyAgents += delta;
                break;
            case AgentState.Busy:
                _state.TalkingAgents += delta;
                break;
            case AgentState.AfterCallWork:
                _state.WrapUpAgents += delta;
                break;
            default:
                _state.ReservedAgents += delta;
                break;
        }
    }

    private void ScheduleTick(Instant at)
    {
        if (at >= _scenario.End)
        {
            return;
        }

        At(at, () =>
        {
            Dial();
            ScheduleTick(at + _scenario.TickInterval);
        });
    }

    private void Dial()
    {
        if (!_dialing)
        {
            return;
        }

        _state.Now = _time.Now;
        _decisions++;
        int count = _dialer.CallsToPlace(_state);
        if (count < 0)
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "Dialer {0} asked for {1} calls at {2}; a decision cannot be negative.", _dialer.Name, count, _time.Now));
        }

        if (_campaign is { } campaign)
        {
            // The campaign hands out what it may: never a record in a call or done, never outside its legal window.
            foreach (var task in campaign.Take(count))
            {
                Place(campaign.IndexOf(task), task.Attempt, task);
            }

            _state.RecordsRemaining = campaign.RecordsToDial;
            return;
        }

        for (int i = 0; i < count && _state.RecordsRemaining is not 0; i++)
        {
            Place(_nextRecord++, 1, null);
            if (_state.RecordsRemaining is { } remaining)
            {
                _state.RecordsRemaining = remaining - 1;
            }
        }
    }

    private void Place(long record, int attempt, DialTask? task)
    {
        var fate = _network.FateOf(record, attempt, _time.Now - _scenario.Start);
        var call = new Call(_nextCallId++, fate, _time.Now) { Task = task };
        _placed++;
        _state.CallsPlaced++;
        _state.RingingCalls++;

        Record(SimulationEvent.ForCall(_time.Now, SimulationEventKind.CallPlaced, call.Id, fate));
        At(call.PlacedAt + fate.RingTime, () => Resolve(call));
    }

    private void Resolve(Call call)
    {
        _state.RingingCalls--;
        var now = _time.Now;
        switch (call.Fate.Outcome)
        {
            case SimulatedCallOutcome.Live:
                AnsweredLive(call);
                return;
            case SimulatedCallOutcome.AnsweringMachine:
                _machines++;
                Record(SimulationEvent.ForCall(now, SimulationEventKind.CallAnsweringMachine, call.Id, call.Fate));
                break;
            case SimulatedCallOutcome.Busy:
                _busy++;
                Record(SimulationEvent.ForCall(now, SimulationEventKind.CallBusy, call.Id, call.Fate));
                break;
            case SimulatedCallOutcome.Invalid:
                _invalid++;
                Record(SimulationEvent.ForCall(now, SimulationEventKind.CallInvalid, call.Id, call.Fate));
                break;
            default:
                _noAnswer++;
                Record(SimulationEvent.ForCall(now, SimulationEventKind.CallNoAnswer, call.Id, call.Fate));
                break;
        }

        if (call.Task is { } task)
        {
            _campaign!.Result(task, call.Fate.Outcome);
            _state.RecordsRemaining = _campaign.RecordsToDial;
        }
    }

    private void AnsweredLive(Call call)
    {
        var now = _time.Now;
        _live++;
        _state.LiveAnswers++;
        call.AnsweredAt = now;
        // A campaign's call is the interaction its dial task names (the id the agent is reserved with); a synthetic
        // call gets an id derived from the seed and the call.
        call.Interaction = Interaction.Create(
            new InteractionSpec(MediaType.OutboundCampaign, InteractionDirection.Outbound, call.Task?.Number.Number.E164 ?? ContactAddress(call.Fate.RecordIndex))
            {
                Id = call.Task?.InteractionId ?? new InteractionId(CallGuid(_scenario.Seed, call.Id)),
                IsOffer = true,
            },
            _interactionOptions);
        _interactions++;
        Record(SimulationEvent.ForCall(now, SimulationEventKind.CallAnsweredLive, call.Id, call.Fate));

        if (LongestIdle() is { } agent)
        {
            Connect(call, agent);
            return;
        }

        call.Node = _waiting.AddLast(call);
        _state.WaitingCalls++;
        call.AbandonTimer = At(now + _scenario.Network.AbandonAfter, () => Abandon(call));
    }

    private SimulatedAgent? LongestIdle()
    {
        SimulatedAgent? best = null;
        foreach (var agent in _agents)
        {
            if (agent.IsFree && (best is null || agent.ReadySince < best.ReadySince))
            {
                best = agent;
            }
        }

        return best;
    }

    private void Connect(Call call, SimulatedAgent agent)
    {
        if (call.Node is { } node)
        {
            _waiting.Remove(node);
            call.Node = null;
            _state.WaitingCalls--;
            call.AbandonTimer?.Dispose();
        }

        _connected++;
        _state.Connected++;
        Record(SimulationEvent.ForCall(_time.Now, SimulationEventKind.CallConnected, call.Id, call.Fate, agent.Index));
        if (call.Task is { } task)
        {
            _campaign!.Connected(task, agent);
        }

        agent.Take(call);
    }

    private void Abandon(Call call)
    {
        if (call.Node is not { } node)
        {
            return;
        }

        _waiting.Remove(node);
        call.Node = null;
        _state.WaitingCalls--;
        _abandoned++;
        _state.Abandoned++;
        Record(SimulationEvent.ForCall(_time.Now, SimulationEventKind.CallAbandoned, call.Id, call.Fate));
        if (call.Task is { } task)
        {
            _campaign!.Dropped(task);
            _state.RecordsRemaining = _campaign.RecordsToDial;
        }

        try
        {
            call.Interaction!.OnNetworkEvent(NetworkEvent.RemoteHangUp);
        }
        catch (InteractionCommandRefusedException refused)
        {
            Refused(-1, refused);
        }
    }

    /// <summary>A connected call ended (called by the agent that had it).</summary>
    internal void CallEnded(Call call, SimulatedAgent agent)
    {
        _ended++;
        Record(SimulationEvent.ForCall(_time.Now, SimulationEventKind.CallEnded, call.Id, call.Fate, agent.Index));
        if (call.Task is { } task)
        {
            _campaign!.Complete(task, agent.Index);
        }
    }

    private void Progress()
    {
        _state.Now = _time.Now;
        var metrics = SimulationMetrics.Compute(_log, new Interval(_scenario.Start, _time.Now));
        _progress!(new SimulationProgress(_time.Now, _time.Now - _scenario.Start, _state, metrics, _campaign?.Campaign));
    }

    /// <summary>A synthetic, unique contact number for a record (numbers in the +1 555 range are fictitious).</summary>
    private static string ContactAddress(long record) =>
        "+1555" + (record % 10_000_000L).ToString("0000000", CultureInfo.InvariantCulture);

    /// <summary>A deterministic interaction id from the seed and the call.</summary>
    private static Guid CallGuid(long seed, long callId)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(CommonRandomNumbers.Mix((ulong)seed)).CopyTo(bytes, 0);
        BitConverter.GetBytes(callId).CopyTo(bytes, 8);
        return new Guid(bytes);
    }

    /// <summary>A call in progress.</summary>
    internal sealed class Call(long id, CallFate fate, Instant placedAt)
    {
        public long Id { get; } = id;

        public CallFate Fate { get; } = fate;

        public Instant PlacedAt { get; } = placedAt;

        public Instant AnsweredAt { get; set; }

        /// <summary>The campaign's call, or null for a record of the synthetic list.</summary>
        public DialTask? Task { get; init; }

        public Interaction? Interaction { get; set; }

        public LinkedListNode<Call>? Node { get; set; }

        public IDisposable? AbandonTimer { get; set; }
    }
}
