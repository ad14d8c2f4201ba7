using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// How the simulated telephone network and the called contacts behave: the probability of each outcome,
/// how long each outcome takes to happen, how long a live contact talks, and how long a live contact waits
/// for an agent before hanging up. Durations drawn from a <see cref="Distribution"/> are in seconds.
/// </summary>
/// <remarks>The outcome of a call is live with <see cref="LiveAnswerProbability"/> (or, with a
/// <see cref="LiveAnswerSchedule"/>, the probability it gives at the moment the call is placed), an answering machine with
/// <see cref="AnsweringMachineProbability"/>, busy with <see cref="BusyProbability"/>, invalid with
/// <see cref="InvalidProbability"/>, and otherwise no answer. A live or machine answer whose drawn delay is
/// not shorter than <see cref="NoAnswerTimeout"/> is a no answer instead: the call rang out first.</remarks>
public sealed record NetworkModel
{
    /// <summary>The probability that a live person answers. Default 0.30.</summary>
    public double LiveAnswerProbability { get; init; } = 0.30;

    /// <summary>
    /// The live-answer probability over the shift, for answer rates that drift: points (time since the start
    /// of the shift, probability) in increasing time order, linear between two points, the first point's
    /// probability before it and the last one's after it. Empty (the default): <see cref="LiveAnswerProbability"/>
    /// all along. A call's probability is the schedule's at the moment it is placed; its uniform draw does not
    /// depend on it, so under common random numbers a record placed at the same moment has the same fate.
    /// </summary>
    public IReadOnlyList<LiveAnswerPoint> LiveAnswerSchedule { get; init; } = [];

    /// <summary>The probability that an answering machine picks up. Default 0.</summary>
    public double AnsweringMachineProbability { get; init; }

    /// <summary>The probability of a busy line. Default 0.</summary>
    public double BusyProbability { get; init; }

    /// <summary>The probability of an invalid number. Default 0.</summary>
    public double InvalidProbability { get; init; }

    /// <summary>Seconds from placing the call to a live answer. Default uniform over 5–25 s.</summary>
    public Distribution AnswerDelay { get; init; } = Distribution.Uniform(5, 25);

    /// <summary>Seconds from placing the call to an answering machine picking up. Default uniform over 5–25 s.</summary>
    public Distribution MachineAnswerDelay { get; init; } = Distribution.Uniform(5, 25);

    /// <summary>Seconds from placing the call to the busy signal. Default 3 s.</summary>
    public Distribution BusyDelay { get; init; } = Distribution.Constant(3);

    /// <summary>Seconds from placing the call to the invalid-number signal. Default 2 s.</summary>
    public Distribution InvalidDelay { get; init; } = Distribution.Constant(2);

    /// <summary>How long an unanswered call rings before the dialer gives up. Default 25 s.</summary>
    public Duration NoAnswerTimeout { get; init; } = Duration.FromSeconds(25);

    /// <summary>Seconds a live contact talks once connected to an agent. Default log-normal, mean 180 s, CV 0.6.</summary>
    public Distribution TalkTime { get; init; } = Distribution.LogNormal(180, 0.6);

    /// <summary>
    /// How long a live contact waits for an agent before hanging up: the call is then abandoned. Default 2 s
    /// (the legal threshold); a call connected exactly at the threshold is connected, not abandoned.
    /// </summary>
    public Duration AbandonAfter { get; init; } = Duration.FromSeconds(2);

    /// <summary>
    /// This model with a live-answer probability that moves linearly from <paramref name="from"/> at the start of
    /// the shift to <paramref name="to"/> after <paramref name="over"/>, and stays there
    /// (<see cref="LiveAnswerSchedule"/>); <see cref="LiveAnswerProbability"/> becomes <paramref name="from"/>.
    /// </summary>
    /// <param name="from">The probability at the start of the shift.</param>
    /// <param name="to">The probability from <paramref name="over"/> on.</param>
    /// <param name="over">How long the drift lasts; positive.</param>
    /// <returns>The new model (validated when the scenario is).</returns>
    public NetworkModel WithLinearDrift(double from, double to, Duration over) =>
        this with
        {
            LiveAnswerProbability = from,
            LiveAnswerSchedule = [new LiveAnswerPoint(Duration.Zero, from), new LiveAnswerPoint(over, to)],
        };

    /// <summary>
    /// The live-answer probability of a call placed <paramref name="sinceStart"/> after the start of the shift:
    /// <see cref="LiveAnswerProbability"/> without a schedule, otherwise the schedule read as described on
    /// <see cref="LiveAnswerSchedule"/>.
    /// </summary>
    /// <param name="sinceStart">Time since the start of the shift.</param>
    /// <returns>A probability in [0, 1] for a valid model.</returns>
    public double LiveAnswerProbabilityAt(Duration sinceStart)
    {
        var schedule = LiveAnswerSchedule;
        if (schedule is null || schedule.Count == 0)
        {
            return LiveAnswerProbability;
        }

        if (sinceStart <= schedule[0].SinceStart)
        {
            return schedule[0].Probability;
        }

        for (int i = 1; i < schedule.Count; i++)
        {
            var right = schedule[i];
            if (sinceStart < right.SinceStart)
            {
                var left = schedule[i - 1];
                double fraction = (sinceStart - left.SinceStart).TotalSeconds / (right.SinceStart - left.SinceStart).TotalSeconds;
                return left.Probability + ((right.Probability - left.Probability) * fraction);
            }
        }

        return schedule[schedule.Count - 1].Probability;
    }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        double total = 0d;
        foreach (var (name, value) in new[]
        {
            (nameof(LiveAnswerProbability), LiveAnswerProbability),
            (nameof(AnsweringMachineProbability), AnsweringMachineProbability),
            (nameof(BusyProbability), BusyProbability),
            (nameof(InvalidProbability), InvalidProbability),
        })
        {
            if (!(value >= 0d && value <= 1d))
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} must lie in [0, 1] (was {1}).", name, value));
            }
            else
            {
                total += value;
            }
        }

        if (total > 1d + 1e-12)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "The outcome probabilities must not add up to more than 1 (they add up to {0}).", total));
        }

        if (LiveAnswerSchedule is null)
        {
            problems.Add("LiveAnswerSchedule must not be null (empty for a constant live-answer probability).");
        }
        else
        {
            double others = total - (LiveAnswerProbability is >= 0d and <= 1d ? LiveAnswerProbability : 0d);
            for (int i = 0; i < LiveAnswerSchedule.Count; i++)
            {
                var point = LiveAnswerSchedule[i];
                if (point.SinceStart < Duration.Zero || (i > 0 && point.SinceStart <= LiveAnswerSchedule[i - 1].SinceStart))
                {
                    problems.Add("LiveAnswerSchedule must be in strictly increasing time order, from zero or later.");
                    break;
                }

                if (!(point.Probability >= 0d && point.Probability <= 1d) || point.Probability + others > 1d + 1e-12)
                {
                    problems.Add(string.Format(
                        CultureInfo.InvariantCulture,
                        "LiveAnswerSchedule: the probability at {0} ({1}) must lie in [0, 1] and, with the other outcomes, not add up to more than 1.",
                        point.SinceStart,
                        point.Probability));
                    break;
                }
            }
        }

        if (AnswerDelay is null || MachineAnswerDelay is null || BusyDelay is null || InvalidDelay is null || TalkTime is null)
        {
            problems.Add("AnswerDelay, MachineAnswerDelay, BusyDelay, InvalidDelay and TalkTime must not be null.");
        }

        if (NoAnswerTimeout <= Duration.Zero)
        {
            problems.Add($"NoAnswerTimeout must be positive (was {NoAnswerTimeout}).");
        }

        if (AbandonAfter < Duration.Zero)
        {
            problems.Add($"AbandonAfter must not be negative (was {AbandonAfter}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid network model: " + string.Join(" ", problems));
        }
    }
}
