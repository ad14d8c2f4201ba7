using System.Globalization;
using ContactCenter.Core.Agents;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// One entry of a run's event log, from which <see cref="SimulationMetrics"/> are computed (and can be
/// recounted). Call events carry the call, its record and attempt; agent events the agent's index in the
/// scenario and its previous and current state.
/// </summary>
/// <param name="At">When it happened, in virtual time.</param>
/// <param name="Kind">What happened.</param>
/// <param name="CallId">The call (numbered from 0 in placing order), or −1.</param>
/// <param name="RecordIndex">The call's record of the calling list, or −1.</param>
/// <param name="Attempt">The call's attempt number on its record, or 0.</param>
/// <param name="Agent">The agent's index in <see cref="SimulationScenario.Agents"/>, or −1.</param>
/// <param name="Previous">For <see cref="SimulationEventKind.AgentStateChanged"/>: the state left.</param>
/// <param name="Current">For <see cref="SimulationEventKind.AgentStateChanged"/>: the state entered.</param>
public readonly record struct SimulationEvent(
    Instant At,
    SimulationEventKind Kind,
    long CallId,
    long RecordIndex,
    int Attempt,
    int Agent,
    AgentState Previous,
    AgentState Current)
{
    /// <summary>A call event.</summary>
    /// <param name="at">When.</param>
    /// <param name="kind">What.</param>
    /// <param name="callId">The call.</param>
    /// <param name="fate">The call's fate (record and attempt).</param>
    /// <param name="agent">The agent, or −1.</param>
    /// <returns>The event.</returns>
    public static SimulationEvent ForCall(Instant at, SimulationEventKind kind, long callId, CallFate fate, int agent = -1) =>
        new(at, kind, callId, fate.RecordIndex, fate.Attempt, agent, default, default);

    /// <summary>An agent state change.</summary>
    /// <param name="at">When.</param>
    /// <param name="agent">The agent's index.</param>
    /// <param name="previous">The state left.</param>
    /// <param name="current">The state entered.</param>
    /// <returns>The event.</returns>
    public static SimulationEvent ForAgent(Instant at, int agent, AgentState previous, AgentState current) =>
        new(at, SimulationEventKind.AgentStateChanged, -1, -1, 0, agent, previous, current);

    /// <summary>For example "2026-01-05T09:00:12Z CallConnected call 4 record 4/1 agent 0".</summary>
    public override string ToString() => Kind == SimulationEventKind.AgentStateChanged
        ? string.Format(CultureInfo.InvariantCulture, "{0} agent {1} {2} -> {3}", At, Agent, Previous, Current)
        : string.Format(CultureInfo.InvariantCulture, "{0} {1} call {2} record {3}/{4} agent {5}", At, Kind, CallId, RecordIndex, Attempt, Agent);
}
