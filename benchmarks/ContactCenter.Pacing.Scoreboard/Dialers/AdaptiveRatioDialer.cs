using System;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Pacing.Scoreboard.Dialers;

/// <summary>
/// A VICIdial-style adaptive ratio dialer, written from the documented behaviour of its adaptive dial
/// methods (the campaign's dial level, its adjustment every 15 s, the drop-percentage limit and the
/// maximum adapt dial level). This is a reading of that behaviour and not VICIdial's code.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Dialling</b> every <see cref="DialInterval"/> (2.5 s): ⌊level × ready agents⌋ minus the calls in
/// progress (ringing or waiting). Ready agents only (VICIdial's "available only tally" on), so level 1
/// is progressive 1:1.</item>
/// <item><b>Sampling</b>: at each dialling cycle the ready agents and the waiting calls are recorded.</item>
/// <item><b>Adjustment</b> every <see cref="AdaptInterval"/> (15 s) from the averages of those samples since
/// the last adjustment. With the shift-to-date drop rate (abandoned ÷ live answers) over
/// <see cref="DropLimit"/> (3 %), the level is halved (ADAPT_AVERAGE) or reset to 1 (ADAPT_HARD_LIMIT).
/// Otherwise the level moves by level × (average ready − average waiting − <see cref="DifferenceTarget"/>)
/// ÷ logged-in agents: up while agents wait for calls, down while calls wait for agents. "Average" is
/// read as: the rate compared with the limit is the shift-to-date average, not a recent window, and a
/// breach halves the level rather than resetting it. The level stays in
/// [1, <see cref="MaxLevel"/>] (3.0, VICIdial's default maximum adapt dial level); it starts at
/// <see cref="StartLevel"/> (1).</item>
/// </list>
/// Stateful: use a new instance for every run.
/// </remarks>
internal sealed class AdaptiveRatioDialer : ISimulationDialer
{
    private Instant? _nextDial;
    private Instant _nextAdapt;
    private double _readySum;
    private double _waitingSum;
    private int _samples;

    public AdaptiveRatioDialer(AdaptiveDropMethod method = AdaptiveDropMethod.Average)
    {
        Method = method;
        Level = StartLevel;
    }

    public string Name => "vicidial-adaptive";

    public AdaptiveDropMethod Method { get; }

    /// <summary>How often calls are placed. 2.5 s.</summary>
    public Duration DialInterval { get; init; } = Duration.FromMilliseconds(2500);

    /// <summary>How often the level is adjusted. 15 s.</summary>
    public Duration AdaptInterval { get; init; } = Duration.FromSeconds(15);

    /// <summary>The drop-percentage limit. 3 %.</summary>
    public double DropLimit { get; init; } = 0.03;

    /// <summary>The highest dial level. 3.0.</summary>
    public double MaxLevel { get; init; } = 3.0;

    /// <summary>The level at the start of the shift. 1.0.</summary>
    public double StartLevel { get; init; } = 1.0;

    /// <summary>Agents waiting minus calls waiting aimed at (VICIdial's "dial level difference target"). 0.</summary>
    public double DifferenceTarget { get; init; }

    /// <summary>The current dial level.</summary>
    public double Level { get; private set; }

    /// <summary>Level adjustments made so far.</summary>
    public int Adjustments { get; private set; }

    /// <summary>Adjustments that found the drop rate over the limit.</summary>
    public int Breaches { get; private set; }

    public void Observe(SimulationEvent simulationEvent)
    {
    }

    public int CallsToPlace(SimulationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Decide(
            state.Now,
            new Counts(state.LoggedInAgents, state.ReadyAgents, state.RingingCalls, state.WaitingCalls, state.LiveAnswers, state.Abandoned));
    }

    /// <summary>The decision from the live counts (what <see cref="CallsToPlace"/> reads from the run).</summary>
    internal int Decide(Instant now, Counts counts)
    {
        if (_nextDial is null)
        {
            _nextDial = now;
            _nextAdapt = now + AdaptInterval;
        }

        while (now >= _nextAdapt)
        {
            Adapt(counts);
            _nextAdapt += AdaptInterval;
        }

        if (now < _nextDial.Value)
        {
            return 0;
        }

        while (_nextDial.Value <= now)
        {
            _nextDial = _nextDial.Value + DialInterval;
        }

        _readySum += counts.Ready;
        _waitingSum += counts.Waiting;
        _samples++;
        int target = (int)Math.Floor(Level * counts.Ready);
        return Math.Max(0, target - counts.Ringing - counts.Waiting);
    }

    private void Adapt(Counts state)
    {
        Adjustments++;
        double dropRate = state.LiveAnswers == 0 ? 0d : (double)state.Abandoned / state.LiveAnswers;
        if (dropRate > DropLimit)
        {
            Breaches++;
            Level = Method == AdaptiveDropMethod.HardLimit ? 1d : Math.Max(1d, Level / 2d);
        }
        else if (_samples > 0)
        {
            double difference = (_readySum / _samples) - (_waitingSum / _samples) - DifferenceTarget;
            double change = Level * difference / Math.Max(1, state.LoggedIn);
            Level = Math.Min(MaxLevel, Math.Max(1d, Level + change));
        }

        _readySum = 0d;
        _waitingSum = 0d;
        _samples = 0;
    }

    /// <summary>The live counts the dialer reads.</summary>
    /// <param name="LoggedIn">Agents logged in.</param>
    /// <param name="Ready">Agents ready.</param>
    /// <param name="Ringing">Calls ringing.</param>
    /// <param name="Waiting">Live answers waiting for an agent.</param>
    /// <param name="LiveAnswers">Live answers since the start of the shift.</param>
    /// <param name="Abandoned">Abandons since the start of the shift.</param>
    internal readonly record struct Counts(int LoggedIn, int Ready, int Ringing, int Waiting, long LiveAnswers, long Abandoned);
}
