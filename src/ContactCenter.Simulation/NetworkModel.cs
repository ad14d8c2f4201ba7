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
/// <remarks>The outcome of a call is live with <see cref="LiveAnswerProbability"/>, an answering machine with
/// <see cref="AnsweringMachineProbability"/>, busy with <see cref="BusyProbability"/>, invalid with
/// <see cref="InvalidProbability"/>, and otherwise no answer. A live or machine answer whose drawn delay is
/// not shorter than <see cref="NoAnswerTimeout"/> is a no answer instead: the call rang out first.</remarks>
public sealed record NetworkModel
{
    /// <summary>The probability that a live person answers. Default 0.30.</summary>
    public double LiveAnswerProbability { get; init; } = 0.30;

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
