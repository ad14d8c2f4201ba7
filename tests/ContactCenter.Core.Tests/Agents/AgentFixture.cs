using System;
using System.Collections.Generic;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Tests.Agents;

/// <summary>An agent on a virtual clock, with every event it published recorded.</summary>
internal sealed class AgentFixture : IDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    private readonly IDisposable _subscription;

    public AgentFixture(AgentOptions? options = null)
    {
        Time = new VirtualTimeSource(Start);
        Agent = new Agent("agent-7", options ?? new AgentOptions(), Time);
        _subscription = Agent.Events.Subscribe(new Recorder(Events));
    }

    public VirtualTimeSource Time { get; }

    public Agent Agent { get; }

    public List<AgentEvent> Events { get; } = [];

    public static InteractionId NewId() => InteractionId.New();

    public AgentFixture Ready()
    {
        Agent.LogIn();
        Agent.SetReady();
        return this;
    }

    /// <summary>Ready, then an accepted voice call from <paramref name="queue"/>.</summary>
    public InteractionId OnVoiceCall(string? queue = null)
    {
        if (Agent.State == AgentState.LoggedOut)
        {
            Ready();
        }

        var id = NewId();
        Agent.Reserve(id, MediaType.Voice, queue);
        Agent.AcceptOffer();
        return id;
    }

    public void Advance(int seconds) => Time.AdvanceBy(Duration.FromSeconds(seconds));

    public List<T> OfType<T>()
        where T : AgentEvent
    {
        var list = new List<T>();
        foreach (var @event in Events)
        {
            if (@event is T typed)
            {
                list.Add(typed);
            }
        }

        return list;
    }

    public List<(AgentState From, AgentState To)> StateChanges()
    {
        var list = new List<(AgentState, AgentState)>();
        foreach (var change in OfType<AgentStateChanged>())
        {
            list.Add((change.Previous, change.Current));
        }

        return list;
    }

    public void Dispose() => _subscription.Dispose();

    private sealed class Recorder(List<AgentEvent> events) : IObserver<AgentEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(AgentEvent value) => events.Add(value);
    }
}
