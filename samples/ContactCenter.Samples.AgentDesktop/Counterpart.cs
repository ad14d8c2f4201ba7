using System;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// The other side of the call, simulated on the engine's time source: the customer rings in a few seconds after the
/// agent goes ready, the consulted colleague's phone rings at once and is answered a couple of seconds later, and the
/// customer hangs up after a talk time of several minutes (unless the call ended first). Every delay is a seeded draw
/// from <see cref="ContactCenter.Simulation"/> (<see cref="CommonRandomNumbers"/>, <see cref="Distribution"/>): the
/// same seed gives the same delays. On a virtual clock nothing happens until the clock is advanced.
/// </summary>
internal sealed class Counterpart
{
    /// <summary>How long after the agent goes ready the next customer rings in (seconds).</summary>
    public static readonly Distribution ArrivalDelay = Distribution.Uniform(4, 10);

    /// <summary>How long the consulted colleague's phone rings before they answer (seconds): at most 4 s.</summary>
    public static readonly Distribution AnswerDelay = Distribution.Uniform(2, 4);

    /// <summary>How long the customer talks before hanging up (seconds).</summary>
    public static readonly Distribution TalkTime = Distribution.LogNormal(360, 0.4);

    private readonly ITimeSource _time;
    private readonly long _seed;
    private IDisposable? _arrival;
    private IDisposable? _answer;
    private IDisposable? _hangUp;
    private int _consultations;

    public Counterpart(ITimeSource time, long seed)
    {
        _time = time;
        _seed = seed;
    }

    /// <summary>The agent is ready: a customer rings in after a drawn delay (<paramref name="ringIn"/> runs then).</summary>
    public void ExpectCall(int nextCall, Action ringIn)
    {
        CancelArrival();
        var delay = ArrivalDelay.SampleDuration(Draw(nextCall, 1, RandomDraw.RingTime));
        _arrival = _time.Schedule(delay, ringIn);
    }

    /// <summary>A call arrived (rung in by the timer or by hand): no other arrival is pending.</summary>
    public void CancelArrival()
    {
        _arrival?.Dispose();
        _arrival = null;
    }

    /// <summary>The agent accepted call number <paramref name="call"/>: the customer will hang up after a drawn talk time.</summary>
    public void Talking(int call, Interaction interaction, Action<Action> serialised)
    {
        _hangUp?.Dispose();
        var talk = TalkTime.SampleDuration(Draw(call, 1, RandomDraw.TalkTime));
        _hangUp = _time.Schedule(talk, () => serialised(() => interaction.OnNetworkEvent(NetworkEvent.RemoteHangUp)));
    }

    /// <summary>
    /// The agent opened a consultation on call number <paramref name="call"/>: the target's phone rings now, and the
    /// target answers after a drawn delay (if the consultation is still open then).
    /// </summary>
    public void Consulted(int call, Interaction interaction, Action<Action> serialised)
    {
        interaction.OnNetworkEvent(NetworkEvent.TargetRinging);
        var target = interaction.Consultation?.Target;
        _answer?.Dispose();
        var delay = AnswerDelay.SampleDuration(Draw(call, 1 + ++_consultations, RandomDraw.RingTime));
        _answer = _time.Schedule(delay, () => serialised(() =>
        {
            if (target is { } party && interaction.Consultation?.Target == party)
            {
                interaction.OnNetworkEvent(NetworkEvent.TargetAnswered);
            }
        }));
    }

    /// <summary>The call is over for the agent: its pending timers are void.</summary>
    public void CallOver()
    {
        _answer?.Dispose();
        _answer = null;
        _hangUp?.Dispose();
        _hangUp = null;
    }

    private double Draw(int call, int attempt, RandomDraw draw) => CommonRandomNumbers.Uniform(_seed, call, attempt, draw);

    /// <summary>The longest the consulted colleague takes to answer: advancing a virtual clock by this much always gets an answer.</summary>
    public static Duration LongestAnswer => Duration.FromSeconds(4);
}
