using System;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// The live statistics of one campaign that pacing strategies read: the calls ringing (with the
/// instant each was placed), the live answers waiting for an agent, every logged-in agent's state and
/// since when, the live-answer rate, the answer-delay, talk-time and wrap-up distributions, and the
/// legal <see cref="AbandonRateMeter"/>. Fed by whoever drives the dialer (a host, a campaign dialer
/// loop or a simulation) with the events below, keyed by the caller's own numeric call and agent ids.
/// </summary>
/// <remarks>
/// <para>Talk and wrap-up durations are learned from the agent transitions: leaving
/// <see cref="PacingAgentState.Talking"/> adds a talk-time sample, leaving
/// <see cref="PacingAgentState.WrapUp"/> a wrap-up sample. Answer delays are learned from live answers
/// (placed → answered); non-live outcomes teach how long such calls ring before they resolve.</para>
/// <para>Not thread-safe: confine an instance to the thread or loop that drives the dialer. Every
/// buffer is sized by <see cref="DialerStatisticsOptions"/> at construction; feeding events and reading
/// the statistics allocate nothing afterwards. Exceeding a capacity throws
/// <see cref="InvalidOperationException"/>, as do events for unknown calls or agents.</para>
/// </remarks>
public sealed class DialerStatistics
{
    private readonly TimedSet _ringing;
    private readonly TimedSet _waiting;
    private readonly TimedSet _agents;
    private readonly int[] _agentCounts = new int[5];
    private readonly bool[] _outcomes;
    private int _outcomeNext;
    private int _outcomeCount;
    private int _outcomeLive;

    /// <summary>Creates empty statistics.</summary>
    /// <param name="options">Sizes and priors; null means the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public DialerStatistics(DialerStatisticsOptions? options = null)
    {
        Options = options ?? new DialerStatisticsOptions();
        Options.Validate();
        _ringing = new TimedSet(Options.MaxCallsInProgress, "ringing call");
        _waiting = new TimedSet(Options.MaxCallsInProgress, "answered call");
        _agents = new TimedSet(Options.MaxAgents, "agent");
        _outcomes = new bool[Options.AnswerRateWindow];
        AnswerDelays = new EmpiricalDistribution(Options.AnswerDelaySamples, 1);
        NonLiveDelays = new EmpiricalDistribution(Options.AnswerDelaySamples, 1);
        TalkTimes = new EmpiricalDistribution(Options.DurationSamples, Options.WarmUpTalks);
        WrapUpTimes = new EmpiricalDistribution(Options.DurationSamples, 1);
        AbandonRate = new AbandonRateMeter(Options.AbandonRate);
    }

    /// <summary>The options the statistics were built with.</summary>
    public DialerStatisticsOptions Options { get; }

    /// <summary>The legal abandon rate of the campaign.</summary>
    public AbandonRateMeter AbandonRate { get; }

    /// <summary>Delays from placing a call to its live answer.</summary>
    public EmpiricalDistribution AnswerDelays { get; }

    /// <summary>Delays from placing a call to its non-live outcome (machine, busy, ring-out...).</summary>
    public EmpiricalDistribution NonLiveDelays { get; }

    /// <summary>Completed talk times; warm after <see cref="DialerStatisticsOptions.WarmUpTalks"/> samples (survivorship bias: see <see cref="EmpiricalDistribution"/>).</summary>
    public EmpiricalDistribution TalkTimes { get; }

    /// <summary>Completed wrap-up times.</summary>
    public EmpiricalDistribution WrapUpTimes { get; }

    /// <summary>Calls placed and still ringing.</summary>
    public int RingingCalls => _ringing.Count;

    /// <summary>Live answers waiting for an agent (neither connected nor abandoned yet).</summary>
    public int WaitingCalls => _waiting.Count;

    /// <summary>Logged-in agents in any state.</summary>
    public int LoggedInAgents => _agents.Count;

    /// <summary>Agents free to take a call or a record.</summary>
    public int FreeAgents => _agentCounts[(int)PacingAgentState.Free];

    /// <summary>Agents reserved for something else.</summary>
    public int ReservedAgents => _agentCounts[(int)PacingAgentState.Reserved];

    /// <summary>Agents talking.</summary>
    public int TalkingAgents => _agentCounts[(int)PacingAgentState.Talking];

    /// <summary>Agents in wrap-up.</summary>
    public int WrapUpAgents => _agentCounts[(int)PacingAgentState.WrapUp];

    /// <summary>Agents logged in but not ready.</summary>
    public int AwayAgents => _agentCounts[(int)PacingAgentState.Away];

    /// <summary>Outcomes (live or not) observed in the answer-rate window.</summary>
    public int OutcomesObserved => _outcomeCount;

    /// <summary>
    /// The probability that a placed call is answered by a live person: the live share of the last
    /// <see cref="DialerStatisticsOptions.AnswerRateWindow"/> outcomes, blended with
    /// <see cref="DialerStatisticsOptions.AnswerRatePrior"/> weighing
    /// <see cref="DialerStatisticsOptions.AnswerRatePriorWeight"/> outcomes.
    /// </summary>
    public double LiveAnswerRate =>
        (_outcomeLive + (Options.AnswerRatePrior * Options.AnswerRatePriorWeight)) / (_outcomeCount + Options.AnswerRatePriorWeight);

    internal TimedSet Ringing => _ringing;

    internal TimedSet Agents => _agents;

    /// <summary>The state of a logged-in agent.</summary>
    /// <exception cref="InvalidOperationException">The agent is not logged in.</exception>
    public PacingAgentState AgentState(long agentId) => (PacingAgentState)_agents.TagAt(AgentPosition(agentId));

    /// <summary>True when the agent is logged in to the campaign.</summary>
    public bool IsLoggedIn(long agentId) => _agents.Contains(agentId);

    /// <summary>A call was placed and is ringing.</summary>
    public void CallPlaced(long callId, Instant at)
    {
        if (_waiting.Contains(callId))
        {
            throw new InvalidOperationException($"Call {callId} is already answered.");
        }

        _ringing.Add(callId, at.ToUnixTimeTicks(), 0, 0);
    }

    /// <summary>A ringing call was withdrawn by the dialer before any outcome; it teaches nothing.</summary>
    public void CallCancelled(long callId)
    {
        _ringing.RemoveAt(RingingPosition(callId));
    }

    /// <summary>A ringing call was answered by a live person; it now waits for an agent.</summary>
    /// <param name="callId">The call.</param>
    /// <param name="answeredAt">When the party answered.</param>
    /// <param name="greetingEndedAt">When the greeting ended; null when none is played (then the answer instant).</param>
    public void CallAnsweredLive(long callId, Instant answeredAt, Instant? greetingEndedAt = null)
    {
        int position = RingingPosition(callId);
        long placed = _ringing.TicksAt(position);
        var greeting = greetingEndedAt ?? answeredAt;
        if (greeting < answeredAt || answeredAt.ToUnixTimeTicks() < placed)
        {
            throw new ArgumentException($"Call {callId}: the answer ({answeredAt}) must follow the placing and precede the end of the greeting ({greeting}).", nameof(answeredAt));
        }

        _ringing.RemoveAt(position);
        _waiting.Add(callId, answeredAt.ToUnixTimeTicks(), greeting.ToUnixTimeTicks(), 0);
        AnswerDelays.Add(Duration.FromTicks(answeredAt.ToUnixTimeTicks() - placed));
        AddOutcome(live: true);
    }

    /// <summary>A ringing call ended without reaching a live person; excluded from the abandon rate.</summary>
    public void CallNotLive(long callId, DialerCallOutcome outcome, Instant at)
    {
        int position = RingingPosition(callId);
        long placed = _ringing.TicksAt(position);
        AbandonRate.RecordExcluded(outcome);
        _ringing.RemoveAt(position);
        NonLiveDelays.Add(Duration.FromTicks(Math.Max(0L, at.ToUnixTimeTicks() - placed)));
        AddOutcome(live: false);
    }

    /// <summary>A live answer was connected to an agent (the agent's own transition is reported separately).</summary>
    /// <returns>True when the connection came too late and the call counts as abandoned.</returns>
    public bool CallConnected(long callId, Instant at)
    {
        int position = WaitingPosition(callId);
        var answered = Instant.FromUnixTimeTicks(_waiting.TicksAt(position));
        var greeting = Instant.FromUnixTimeTicks(_waiting.ExtraAt(position));
        _waiting.RemoveAt(position);
        return AbandonRate.RecordConnected(answered, greeting, at < answered ? answered : at);
    }

    /// <summary>A live answer was dropped (by the dialer or the party) before an agent was connected: abandoned.</summary>
    public void CallAbandoned(long callId, Instant at)
    {
        int position = WaitingPosition(callId);
        var answered = Instant.FromUnixTimeTicks(_waiting.TicksAt(position));
        if (at < answered)
        {
            throw new ArgumentException($"Call {callId} cannot be abandoned ({at}) before it was answered ({answered}).", nameof(at));
        }

        _waiting.RemoveAt(position);
        AbandonRate.RecordAbandoned(answered);
    }

    /// <summary>An agent logged in to the campaign, in the given state.</summary>
    public void AgentLoggedIn(long agentId, PacingAgentState state, Instant at)
    {
        CheckState(state);
        _agents.Add(agentId, at.ToUnixTimeTicks(), 0, (int)state);
        _agentCounts[(int)state]++;
    }

    /// <summary>
    /// An agent changed state. Leaving <see cref="PacingAgentState.Talking"/> records a talk-time
    /// sample, leaving <see cref="PacingAgentState.WrapUp"/> a wrap-up sample; re-entering the same
    /// state changes nothing.
    /// </summary>
    public void AgentChanged(long agentId, PacingAgentState state, Instant at)
    {
        CheckState(state);
        int position = AgentPosition(agentId);
        var previous = (PacingAgentState)_agents.TagAt(position);
        if (previous == state)
        {
            return;
        }

        LearnFrom(previous, _agents.TicksAt(position), at);
        _agentCounts[(int)previous]--;
        _agentCounts[(int)state]++;
        _agents.Set(position, at.ToUnixTimeTicks(), (int)state);
    }

    /// <summary>An agent logged out; a talk or wrap-up in progress is recorded as completed.</summary>
    public void AgentLoggedOut(long agentId, Instant at)
    {
        int position = AgentPosition(agentId);
        var previous = (PacingAgentState)_agents.TagAt(position);
        LearnFrom(previous, _agents.TicksAt(position), at);
        _agentCounts[(int)previous]--;
        _agents.RemoveAt(position);
    }

    private void LearnFrom(PacingAgentState previous, long sinceTicks, Instant at)
    {
        long elapsed = Math.Max(0L, at.ToUnixTimeTicks() - sinceTicks);
        if (previous == PacingAgentState.Talking)
        {
            TalkTimes.Add(Duration.FromTicks(elapsed));
        }
        else if (previous == PacingAgentState.WrapUp)
        {
            WrapUpTimes.Add(Duration.FromTicks(elapsed));
        }
    }

    private void AddOutcome(bool live)
    {
        if (_outcomeCount == _outcomes.Length)
        {
            _outcomeLive -= _outcomes[_outcomeNext] ? 1 : 0;
        }
        else
        {
            _outcomeCount++;
        }

        _outcomes[_outcomeNext] = live;
        _outcomeLive += live ? 1 : 0;
        _outcomeNext = _outcomeNext + 1 == _outcomes.Length ? 0 : _outcomeNext + 1;
    }

    private static void CheckState(PacingAgentState state)
    {
        if ((uint)state > (uint)PacingAgentState.Away)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not a PacingAgentState.");
        }
    }

    private int RingingPosition(long callId) =>
        _ringing.TryGet(callId, out int position) ? position : throw new InvalidOperationException($"Call {callId} is not ringing.");

    private int WaitingPosition(long callId) =>
        _waiting.TryGet(callId, out int position) ? position : throw new InvalidOperationException($"Call {callId} is not answered and waiting for an agent.");

    private int AgentPosition(long agentId) =>
        _agents.TryGet(agentId, out int position) ? position : throw new InvalidOperationException($"Agent {agentId} is not logged in.");
}
