using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// The simulated telephone network: decides the fate of every call attempt from the seed, the record and
/// the attempt number alone (<see cref="CommonRandomNumbers"/>), never from the order in which a dialer
/// places calls. <see cref="Simulator.Run(SimulationScenario, ISimulationDialer)"/> places calls on it and plays their fates out in virtual time.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SimulatedNetwork
{
    /// <summary>Creates a network.</summary>
    /// <param name="model">How the network and the contacts behave; validated.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="model"/> is invalid.</exception>
    public SimulatedNetwork(NetworkModel model, long seed)
    {
        Guard.NotNull(model);
        model.Validate();
        Model = model;
        Seed = seed;
    }

    /// <summary>How the network and the contacts behave.</summary>
    public NetworkModel Model { get; }

    /// <summary>The experiment's seed.</summary>
    public long Seed { get; }

    /// <summary>The fate of calling record <paramref name="recordIndex"/> for the <paramref name="attempt"/>-th time.</summary>
    /// <param name="recordIndex">The record of the calling list (0-based).</param>
    /// <param name="attempt">The attempt number (1 for the first call).</param>
    /// <returns>The outcome, its delay, the talk time and the wrap-up draw; the same for the same arguments.</returns>
    public CallFate FateOf(long recordIndex, int attempt) => FateOf(recordIndex, attempt, Duration.Zero);

    /// <summary>
    /// The fate of calling record <paramref name="recordIndex"/> for the <paramref name="attempt"/>-th time, placed
    /// <paramref name="sinceStart"/> after the start of the shift: the same draws as
    /// <see cref="FateOf(long, int)"/>, read against the live-answer probability of that moment
    /// (<see cref="NetworkModel.LiveAnswerProbabilityAt"/>). Without a <see cref="NetworkModel.LiveAnswerSchedule"/>
    /// the moment does not matter.
    /// </summary>
    /// <param name="recordIndex">The record of the calling list (0-based).</param>
    /// <param name="attempt">The attempt number (1 for the first call).</param>
    /// <param name="sinceStart">When the call is placed, from the start of the shift.</param>
    /// <returns>The outcome, its delay, the talk time and the wrap-up draw; the same for the same arguments.</returns>
    public CallFate FateOf(long recordIndex, int attempt, Duration sinceStart)
    {
        var model = Model;
        double u = CommonRandomNumbers.Uniform(Seed, recordIndex, attempt, RandomDraw.Outcome);
        double ring = CommonRandomNumbers.Uniform(Seed, recordIndex, attempt, RandomDraw.RingTime);
        double talk = CommonRandomNumbers.Uniform(Seed, recordIndex, attempt, RandomDraw.TalkTime);
        double wrap = CommonRandomNumbers.Uniform(Seed, recordIndex, attempt, RandomDraw.WrapUp);

        SimulatedCallOutcome outcome;
        Duration delay;
        double threshold = model.LiveAnswerProbabilityAt(sinceStart);
        if (u < threshold)
        {
            outcome = SimulatedCallOutcome.Live;
            delay = model.AnswerDelay.SampleDuration(ring);
        }
        else if (u < (threshold += model.AnsweringMachineProbability))
        {
            outcome = SimulatedCallOutcome.AnsweringMachine;
            delay = model.MachineAnswerDelay.SampleDuration(ring);
        }
        else if (u < (threshold += model.BusyProbability))
        {
            outcome = SimulatedCallOutcome.Busy;
            delay = model.BusyDelay.SampleDuration(ring);
        }
        else if (u < threshold + model.InvalidProbability)
        {
            outcome = SimulatedCallOutcome.Invalid;
            delay = model.InvalidDelay.SampleDuration(ring);
        }
        else
        {
            outcome = SimulatedCallOutcome.NoAnswer;
            delay = model.NoAnswerTimeout;
        }

        if (outcome is SimulatedCallOutcome.Live or SimulatedCallOutcome.AnsweringMachine && delay >= model.NoAnswerTimeout)
        {
            outcome = SimulatedCallOutcome.NoAnswer;
            delay = model.NoAnswerTimeout;
        }

        var talkTime = outcome == SimulatedCallOutcome.Live ? model.TalkTime.SampleDuration(talk) : Duration.Zero;
        return new CallFate(recordIndex, attempt, outcome, delay, talkTime, wrap);
    }
}
