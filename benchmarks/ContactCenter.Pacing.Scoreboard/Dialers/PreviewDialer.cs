using System;
using System.Collections.Generic;
using ContactCenter.Core.Agents;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Pacing.Scoreboard.Dialers;

/// <summary>
/// Preview dialing: an agent who becomes ready takes the next record, reads it for
/// <see cref="PreviewTime"/>, then dials it and waits for the outcome; a call that does not answer live
/// (no answer, machine, busy, invalid) sends the agent to preview the next record.
/// </summary>
/// <remarks>
/// <para>The harness has no way to reserve one agent for one call: a live answer goes to the agent
/// ready longest. This dialer therefore keeps the <em>number</em> of agents holding a record exact
/// rather than their identity: every ready agent holds exactly one record, either in preview (a
/// pending preview with its end instant) or dialled (a call in progress). Agents are interchangeable
/// in the scenarios, so the counts, and hence talk time and waits, are those of the agent-owned
/// version; calls are never more than the ready agents, so no call is abandoned while every agent
/// stays logged in.</para>
/// <para>A preview ends at the first decision at or after its end instant: the harness asks at every
/// tick (1 s) and at every agent-ready event, so a preview lasts between 10 and 11 s.</para>
/// <para>An agent who leaves ready other than for a call (a pause, a logout) gives back the record it
/// was previewing, the latest one first; if its record was already dialled the call stays in
/// progress and may be answered by another agent or abandoned, as it would be in a real centre.</para>
/// </remarks>
internal sealed class PreviewDialer : ISimulationDialer
{
    // End instants of the previews in progress, in the order they started (so in end order).
    private readonly List<Instant> _previews = [];
    private readonly HashSet<long> _ownCalls = [];
    private int _callsToAnnounce;

    public PreviewDialer(Duration previewTime)
    {
        if (previewTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(previewTime), previewTime, "The preview time must not be negative.");
        }

        PreviewTime = previewTime;
    }

    public string Name => "preview";

    /// <summary>How long an agent reads a record before dialling it.</summary>
    public Duration PreviewTime { get; }

    /// <summary>Agents currently reading a record (not dialled yet).</summary>
    public int Previewing => _previews.Count;

    public void Observe(SimulationEvent simulationEvent)
    {
        var e = simulationEvent;
        switch (e.Kind)
        {
            case SimulationEventKind.AgentStateChanged when e.Current == AgentState.Ready:
                _previews.Add(e.At + PreviewTime);
                break;
            case SimulationEventKind.AgentStateChanged when e.Previous == AgentState.Ready
                && e.Current is AgentState.NotReady or AgentState.LoggedOut or AgentState.LogoutPending:
                if (_previews.Count > 0)
                {
                    _previews.RemoveAt(_previews.Count - 1);
                }

                break;
            case SimulationEventKind.CallPlaced:
                if (_callsToAnnounce > 0)
                {
                    _callsToAnnounce--;
                    _ = _ownCalls.Add(e.CallId);
                }

                break;
            case SimulationEventKind.CallNoAnswer:
            case SimulationEventKind.CallAnsweringMachine:
            case SimulationEventKind.CallBusy:
            case SimulationEventKind.CallInvalid:
                if (_ownCalls.Remove(e.CallId))
                {
                    _previews.Add(e.At + PreviewTime);
                }

                break;
            case SimulationEventKind.CallConnected:
            case SimulationEventKind.CallAbandoned:
                _ = _ownCalls.Remove(e.CallId);
                break;
            default:
                break;
        }
    }

    public int CallsToPlace(SimulationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Decide(state.Now, state.ReadyAgents, state.RingingCalls + state.WaitingCalls, state.RecordsRemaining);
    }

    /// <summary>
    /// Dials the records whose preview has ended by <paramref name="now"/>, never more calls in progress than
    /// <paramref name="readyAgents"/> nor more than <paramref name="recordsRemaining"/>.
    /// </summary>
    internal int Decide(Instant now, int readyAgents, int callsInProgress, long? recordsRemaining)
    {
        int due = 0;
        while (due < _previews.Count && _previews[due] <= now)
        {
            due++;
        }

        int count = Math.Min(due, Math.Max(0, readyAgents - callsInProgress));
        if (recordsRemaining is { } left && left < count)
        {
            count = (int)left;
        }

        _previews.RemoveRange(0, count);
        _callsToAnnounce += count;
        return count;
    }
}
