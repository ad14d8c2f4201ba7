using System;
using System.Collections.Generic;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Settings of <see cref="PredictivePacing"/>: the abandon-rate set-point and hard cap, the risk
/// threshold and its outer loop, the warm-up and the line limit. Validated by <see cref="Validate"/>.
/// </summary>
public sealed record PredictiveOptions
{
    /// <summary>The abandon rate the outer loop holds. Default 0.025 (2.5 %).</summary>
    public double SetPoint { get; init; } = 0.025;

    /// <summary>At or above this recent or windowed rate the pacer falls back to progressive. Default 0.03 (3 %).</summary>
    public double HardCap { get; init; } = 0.03;

    /// <summary>The per-call risk threshold right after warm-up. Default 0.02.</summary>
    public double InitialRiskThreshold { get; init; } = 0.02;

    /// <summary>The lowest risk threshold the outer loop may set. Default 0.001.</summary>
    public double MinRiskThreshold { get; init; } = 0.001;

    /// <summary>The highest risk threshold the outer loop may set. Default 0.5.</summary>
    public double MaxRiskThreshold { get; init; } = 0.5;

    /// <summary>How often the outer loop updates the threshold (in the time source's time). Default 30 seconds.</summary>
    public NodaTime.Duration ControlInterval { get; init; } = NodaTime.Duration.FromSeconds(30);

    /// <summary>The outer loop's gain: the threshold is multiplied by exp(gain × relative error) per update. Default 0.3.</summary>
    public double ControlGain { get; init; } = 0.3;

    /// <summary>How much of the campaign-to-date slack (set-point minus cumulative rate) shifts the target of the recent rate. Default 0.5.</summary>
    public double SlackGain { get; init; } = 0.5;

    /// <summary>Live answers the recent (or windowed) rate needs before the outer loop or the hard cap reads it. Default 20.</summary>
    public int MinLiveAnswersForControl { get; init; } = 20;

    /// <summary>Completed talks needed before dialing ahead; until then the pacer behaves as progressive. Default 30.</summary>
    public int WarmUpTalks { get; init; } = 30;

    /// <summary>At most this many calls in progress (ringing or waiting) per working agent (logged in and not away). Default 3.</summary>
    public double MaxLinesPerAgent { get; init; } = 3d;

    /// <summary>The quantile of the live answer delay used as the decision horizon. Default 0.5 (the median).</summary>
    public double HorizonQuantile { get; init; } = 0.5;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(SetPoint > 0d && SetPoint < 1d))
        {
            problems.Add($"SetPoint must be in (0, 1) (was {SetPoint}).");
        }

        if (!(HardCap > SetPoint && HardCap <= 1d))
        {
            problems.Add($"HardCap must be above SetPoint and at most 1 (was {HardCap}).");
        }

        if (!(MinRiskThreshold > 0d && MinRiskThreshold <= InitialRiskThreshold && InitialRiskThreshold <= MaxRiskThreshold && MaxRiskThreshold <= 1d))
        {
            problems.Add($"Risk thresholds must satisfy 0 < Min ({MinRiskThreshold}) <= Initial ({InitialRiskThreshold}) <= Max ({MaxRiskThreshold}) <= 1.");
        }

        if (ControlInterval <= NodaTime.Duration.Zero)
        {
            problems.Add($"ControlInterval must be positive (was {ControlInterval}).");
        }

        if (!(ControlGain > 0d && ControlGain <= 5d))
        {
            problems.Add($"ControlGain must be in (0, 5] (was {ControlGain}).");
        }

        if (!(SlackGain >= 0d && SlackGain <= 5d))
        {
            problems.Add($"SlackGain must be in [0, 5] (was {SlackGain}).");
        }

        if (MinLiveAnswersForControl < 1)
        {
            problems.Add($"MinLiveAnswersForControl must be at least 1 (was {MinLiveAnswersForControl}).");
        }

        if (WarmUpTalks < 0)
        {
            problems.Add($"WarmUpTalks must not be negative (was {WarmUpTalks}).");
        }

        if (!(MaxLinesPerAgent >= 1d && MaxLinesPerAgent <= 20d))
        {
            problems.Add($"MaxLinesPerAgent must be between 1 and 20 (was {MaxLinesPerAgent}).");
        }

        if (!(HorizonQuantile > 0d && HorizonQuantile <= 1d))
        {
            problems.Add($"HorizonQuantile must be in (0, 1] (was {HorizonQuantile}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid predictive options: " + string.Join(" ", problems));
        }
    }
}
