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

    /// <summary>
    /// The abandon rate the windowed (legal) rate must never exceed: the pacer falls back to progressive while one
    /// more abandon, or <see cref="CapHeadroom"/> more, would carry it over. Default 0.03 (3 %).
    /// </summary>
    public double HardCap { get; init; } = 0.03;

    /// <summary>
    /// Abandons of headroom kept under the hard cap: the pacer falls back to progressive while the windowed
    /// abandons plus the headroom exceed <see cref="HardCap"/> × the windowed live answers L, so that the calls
    /// still in flight cannot carry the rate over the cap. The headroom applied is at most
    /// (<see cref="HardCap"/> − <see cref="SetPoint"/>) × L, so the cap never engages while the windowed rate
    /// is at or under the set-point (with fewer than 1 ÷ (cap − set-point) answers, 200 by default, one abandon
    /// more can then carry the rate over the cap for a while). An empty window is not capped. Default 1.
    /// </summary>
    public double CapHeadroom { get; init; } = 1d;

    /// <summary>
    /// The per-call risk threshold right after warm-up. Default 0.00625, the default set-point ÷ 4: the risk
    /// test is myopic and the realised abandon rate is 3 to 6 times the threshold, so starting at the
    /// set-point itself would open the shift with a burst; the outer loop tunes it from there.
    /// </summary>
    public double InitialRiskThreshold { get; init; } = 0.00625;

    /// <summary>The lowest risk threshold the outer loop may set. Default 0.0001.</summary>
    public double MinRiskThreshold { get; init; } = 0.0001;

    /// <summary>The highest risk threshold the outer loop may set. Default 0.5.</summary>
    public double MaxRiskThreshold { get; init; } = 0.5;

    /// <summary>How often the outer loop updates the threshold (in the time source's time). Default 30 seconds.</summary>
    public NodaTime.Duration ControlInterval { get; init; } = NodaTime.Duration.FromSeconds(30);

    /// <summary>
    /// The outer loop's gain: ln θ moves by gain × (target × answers − abandons) ÷ (target × <see cref="ControlAnswers"/>)
    /// over the live answers resolved since its last update. Default 2.
    /// </summary>
    public double ControlGain { get; init; } = 2d;

    /// <summary>The live answers over which a relative error of 1 moves ln θ by <see cref="ControlGain"/>. Default 200.</summary>
    public int ControlAnswers { get; init; } = 200;

    /// <summary>
    /// The live answers over which the campaign-to-date slack (set-point × live answers − abandons) is repaid:
    /// the loop's target is the set-point plus slack ÷ this. Default 200.
    /// </summary>
    public int SlackAnswers { get; init; } = 200;

    /// <summary>
    /// Completed talks needed before dialing ahead; until then the pacer behaves as progressive. Default 10 (the
    /// fewest events the talk-time estimate rests on; see <see cref="ProductLimitWarmUp"/>).
    /// </summary>
    public int WarmUpTalks { get; init; } = 10;

    /// <summary>
    /// Completed talks needed per logged-in agent before dialing ahead (the first completed talks are the
    /// short ones). Default 1.
    /// </summary>
    public double WarmUpTalksPerAgent { get; init; } = 1d;

    /// <summary>
    /// True: until <see cref="WarmUpTalksPerAgent"/> talks per logged-in agent have completed, the talk-time
    /// distribution is the product-limit (Kaplan–Meier) estimate over the completed talks and the talks still
    /// running (censored at their elapsed time), which corrects the survivorship bias of the first completed
    /// talks, so the pacer dials ahead once <see cref="WarmUpTalks"/> talks have completed. False: the
    /// decision is progressive's until both warm-up counts are reached. Default true.
    /// </summary>
    public bool ProductLimitWarmUp { get; init; } = true;

    /// <summary>At most this many calls in progress (ringing or waiting) per working agent (logged in and not away). Default 3.</summary>
    public double MaxLinesPerAgent { get; init; } = 3d;

    /// <summary>The quantile of the live answer delay used as the decision horizon when <see cref="HorizonPoints"/> is 1. Default 0.5 (the median).</summary>
    public double HorizonQuantile { get; init; } = 0.5;

    /// <summary>
    /// How many horizons the risk is averaged over: 1 reads the single horizon at <see cref="HorizonQuantile"/>;
    /// n &gt; 1 reads the answer-delay quantiles (i + ½) ÷ n, i = 0 … n − 1 (the risk integrated over the
    /// answer-delay distribution). Default 3.
    /// </summary>
    public int HorizonPoints { get; init; } = 3;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(SetPoint > 0d && SetPoint < 1d))
        {
            problems.Add(FormattableString.Invariant($"SetPoint must be in (0, 1) (was {SetPoint})."));
        }

        if (!(HardCap > SetPoint && HardCap <= 1d))
        {
            problems.Add(FormattableString.Invariant($"HardCap must be above SetPoint and at most 1 (was {HardCap})."));
        }

        if (!(MinRiskThreshold > 0d && MinRiskThreshold <= InitialRiskThreshold && InitialRiskThreshold <= MaxRiskThreshold && MaxRiskThreshold <= 1d))
        {
            problems.Add(FormattableString.Invariant($"Risk thresholds must satisfy 0 < Min ({MinRiskThreshold}) <= Initial ({InitialRiskThreshold}) <= Max ({MaxRiskThreshold}) <= 1."));
        }

        if (ControlInterval <= NodaTime.Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"ControlInterval must be positive (was {ControlInterval})."));
        }

        if (!(ControlGain > 0d && ControlGain <= 5d))
        {
            problems.Add(FormattableString.Invariant($"ControlGain must be in (0, 5] (was {ControlGain})."));
        }

        if (!(CapHeadroom >= 0d && CapHeadroom <= 100d))
        {
            problems.Add(FormattableString.Invariant($"CapHeadroom must be between 0 and 100 (was {CapHeadroom})."));
        }

        if (ControlAnswers < 1)
        {
            problems.Add(FormattableString.Invariant($"ControlAnswers must be at least 1 (was {ControlAnswers})."));
        }

        if (SlackAnswers < 1)
        {
            problems.Add(FormattableString.Invariant($"SlackAnswers must be at least 1 (was {SlackAnswers})."));
        }

        if (!(WarmUpTalksPerAgent >= 0d && WarmUpTalksPerAgent <= 100d))
        {
            problems.Add(FormattableString.Invariant($"WarmUpTalksPerAgent must be between 0 and 100 (was {WarmUpTalksPerAgent})."));
        }


        if (WarmUpTalks < 0)
        {
            problems.Add(FormattableString.Invariant($"WarmUpTalks must not be negative (was {WarmUpTalks})."));
        }

        if (!(MaxLinesPerAgent >= 1d && MaxLinesPerAgent <= 20d))
        {
            problems.Add(FormattableString.Invariant($"MaxLinesPerAgent must be between 1 and 20 (was {MaxLinesPerAgent})."));
        }

        if (!(HorizonQuantile > 0d && HorizonQuantile <= 1d))
        {
            problems.Add(FormattableString.Invariant($"HorizonQuantile must be in (0, 1] (was {HorizonQuantile})."));
        }

        if (HorizonPoints is < 1 or > 16)
        {
            problems.Add(FormattableString.Invariant($"HorizonPoints must be between 1 and 16 (was {HorizonPoints})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid predictive options: " + string.Join(" ", problems));
        }
    }
}
