using System.Collections.Generic;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Pacing;

namespace ContactCenter.Simulation;

/// <summary>
/// Runs a real <see cref="IPacingStrategy"/> in a simulation: feeds its <see cref="DialerStatistics"/> with the
/// run's events as <c>docs/pacing.md</c> asks (calls placed, answered live, not live, connected, abandoned;
/// agents logged in, changed, logged out) and asks the strategy how many calls to place.
/// </summary>
/// <remarks>
/// <para>The statistics are keyed by the run's call ids and agent indexes. Agent states map as: not ready →
/// <see cref="PacingAgentState.Away"/>, ready → <see cref="PacingAgentState.Free"/>, reserved and logout pending →
/// <see cref="PacingAgentState.Reserved"/>, busy → <see cref="PacingAgentState.Talking"/>, after-call work →
/// <see cref="PacingAgentState.WrapUp"/>. No greeting is played: the abandon-rate reference is the answer.</para>
/// <para>Stateful: use a new instance for every run.</para>
/// </remarks>
public sealed class PacingSimulationDialer : ISimulationDialer
{
    private readonly Dictionary<PacingReason, long> _reasons = [];

    /// <summary>Wraps <paramref name="strategy"/> with fresh statistics.</summary>
    /// <param name="strategy">The pacing strategy under test.</param>
    /// <param name="options">The statistics' sizes and priors; null for the defaults.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    public PacingSimulationDialer(IPacingStrategy strategy, DialerStatisticsOptions? options = null)
    {
        Strategy = Guard.NotNull(strategy);
        Statistics = new DialerStatistics(options);
    }

    /// <summary>The strategy's name.</summary>
    public string Name => Strategy.Name;

    /// <summary>The strategy under test.</summary>
    public IPacingStrategy Strategy { get; }

    /// <summary>The live statistics the strategy reads, fed by the run.</summary>
    public DialerStatistics Statistics { get; }

    /// <summary>The last decision.</summary>
    public PacingDecision LastDecision { get; private set; }

    /// <summary>How many decisions gave each reason.</summary>
    public IReadOnlyDictionary<PacingReason, long> DecisionReasons => _reasons;

    /// <inheritdoc />
    public void Observe(SimulationEvent simulationEvent)
    {
        var e = simulationEvent;
        switch (e.Kind)
        {
            case SimulationEventKind.AgentStateChanged:
                if (e.Previous == AgentState.LoggedOut)
                {
                    Statistics.AgentLoggedIn(e.Agent, Map(e.Current), e.At);
                }
                else if (e.Current == AgentState.LoggedOut)
                {
                    Statistics.AgentLoggedOut(e.Agent, e.At);
                }
                else
                {
                    Statistics.AgentChanged(e.Agent, Map(e.Current), e.At);
                }

                break;
            case SimulationEventKind.CallPlaced:
                Statistics.CallPlaced(e.CallId, e.At);
                break;
            case SimulationEventKind.CallAnsweredLive:
                Statistics.CallAnsweredLive(e.CallId, e.At);
                break;
            case SimulationEventKind.CallAnsweringMachine:
                Statistics.CallNotLive(e.CallId, DialerCallOutcome.AnsweringMachine, e.At);
                break;
            case SimulationEventKind.CallBusy:
                Statistics.CallNotLive(e.CallId, DialerCallOutcome.Busy, e.At);
                break;
            case SimulationEventKind.CallInvalid:
                Statistics.CallNotLive(e.CallId, DialerCallOutcome.Invalid, e.At);
                break;
            case SimulationEventKind.CallNoAnswer:
                Statistics.CallNotLive(e.CallId, DialerCallOutcome.NoAnswer, e.At);
                break;
            case SimulationEventKind.CallConnected:
                _ = Statistics.CallConnected(e.CallId, e.At);
                break;
            case SimulationEventKind.CallAbandoned:
                Statistics.CallAbandoned(e.CallId, e.At);
                break;
            default:
                break;
        }
    }

    /// <inheritdoc />
    public int CallsToPlace(SimulationState state)
    {
        var decision = Strategy.Decide(Statistics, Guard.NotNull(state).Now);
        LastDecision = decision;
        _reasons[decision.Reason] = _reasons.TryGetValue(decision.Reason, out long count) ? count + 1 : 1;
        return decision.Count;
    }

    private static PacingAgentState Map(AgentState state) => state switch
    {
        AgentState.NotReady => PacingAgentState.Away,
        AgentState.Ready => PacingAgentState.Free,
        AgentState.Busy => PacingAgentState.Talking,
        AgentState.AfterCallWork => PacingAgentState.WrapUp,
        _ => PacingAgentState.Reserved,
    };
}
