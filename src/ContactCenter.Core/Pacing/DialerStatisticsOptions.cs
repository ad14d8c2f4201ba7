using System;
using System.Collections.Generic;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Sizes and priors of a <see cref="DialerStatistics"/>: every buffer is allocated once from these
/// numbers, so the statistics allocate nothing in steady state. Validated by <see cref="Validate"/>.
/// </summary>
public sealed record DialerStatisticsOptions
{
    /// <summary>The most agents logged in to the campaign at once. Default 1,024.</summary>
    public int MaxAgents { get; init; } = 1024;

    /// <summary>The most calls ringing or answered and waiting for an agent at once. Default 4,096.</summary>
    public int MaxCallsInProgress { get; init; } = 4096;

    /// <summary>How many of the latest live answer delays are kept. Default 1,000.</summary>
    public int AnswerDelaySamples { get; init; } = 1000;

    /// <summary>How many of the latest talk times and wrap-up times are kept (each). Default 1,000.</summary>
    public int DurationSamples { get; init; } = 1000;

    /// <summary>How many completed talks make the talk-time distribution warm. Default 30.</summary>
    public int WarmUpTalks { get; init; } = 30;

    /// <summary>How many of the latest call outcomes (live or not) the live-answer rate covers. Default 500.</summary>
    public int AnswerRateWindow { get; init; } = 500;

    /// <summary>The live-answer rate assumed before any outcome (the prior). Default 0.3.</summary>
    public double AnswerRatePrior { get; init; } = 0.3;

    /// <summary>How many outcomes the prior weighs. Default 20.</summary>
    public int AnswerRatePriorWeight { get; init; } = 20;

    /// <summary>How the abandon rate is measured. Default <see cref="AbandonRateOptions.UnitedKingdom"/>.</summary>
    public AbandonRateOptions AbandonRate { get; init; } = AbandonRateOptions.UnitedKingdom;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        Positive(problems, nameof(MaxAgents), MaxAgents);
        Positive(problems, nameof(MaxCallsInProgress), MaxCallsInProgress);
        Positive(problems, nameof(AnswerDelaySamples), AnswerDelaySamples);
        Positive(problems, nameof(DurationSamples), DurationSamples);
        Positive(problems, nameof(AnswerRateWindow), AnswerRateWindow);
        if (WarmUpTalks < 0)
        {
            problems.Add(FormattableString.Invariant($"WarmUpTalks must not be negative (was {WarmUpTalks})."));
        }

        if (!(AnswerRatePrior > 0d && AnswerRatePrior <= 1d))
        {
            problems.Add(FormattableString.Invariant($"AnswerRatePrior must be in (0, 1] (was {AnswerRatePrior})."));
        }

        if (AnswerRatePriorWeight < 0)
        {
            problems.Add(FormattableString.Invariant($"AnswerRatePriorWeight must not be negative (was {AnswerRatePriorWeight})."));
        }

        if (AbandonRate is null)
        {
            problems.Add("AbandonRate must not be null.");
        }
        else
        {
            try
            {
                AbandonRate.Validate();
            }
            catch (ArgumentException exception)
            {
                problems.Add(exception.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid dialer statistics options: " + string.Join(" ", problems));
        }
    }

    private static void Positive(List<string> problems, string name, int value)
    {
        if (value < 1)
        {
            problems.Add(FormattableString.Invariant($"{name} must be at least 1 (was {value})."));
        }
    }
}
