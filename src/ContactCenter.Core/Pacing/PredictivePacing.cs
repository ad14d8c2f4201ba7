using System;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Predictive: dials ahead of free agents from the live statistics, placing the k-th call only while
/// the probability that it is answered live with no agent free stays under a risk threshold, and tuning
/// that threshold with an outer loop that holds the recent abandon rate at the set-point.
/// </summary>
/// <remarks>
/// <para>The risk of the k-th call is computed over a horizon h (a quantile of the live answer delay):
/// the live answers of the ringing calls within h (each conditioned on how long it has already rung),
/// the live answers waiting for an agent, and the k − 1 calls placed before it compete for the free
/// agents plus the agents that become free within h plus the connect threshold (each talking or
/// wrapping agent conditioned on its elapsed time, from the empirical talk and wrap-up distributions).
/// The count distributions are exact Poisson-binomials by an O(n·L) dynamic programme; L is cut at the
/// mean plus six standard deviations with the tail kept in the last cell, and that tail is always read
/// on the risky side (more answers than L: no agent; more free agents than L: only L), so the risk is an
/// upper bound and is never truncated to zero.</para>
/// <para>Before <see cref="PredictiveOptions.WarmUpTalks"/> talks have completed, and whenever the recent
/// or windowed abandon rate reaches <see cref="PredictiveOptions.HardCap"/>, the decision is progressive's
/// (one line per free agent). The decision never places fewer calls than progressive.</para>
/// <para>Stateful (the outer loop's threshold): one instance per campaign, used on the thread that owns
/// the statistics. Buffers are allocated on the first decision and reused: warmed-up decisions allocate
/// nothing.</para>
/// </remarks>
public sealed class PredictivePacing : IPacingStrategy
{
    private readonly AbandonRiskModel _risk = new();
    private Instant _lastControl;
    private bool _controlStarted;

    /// <summary>Creates a predictive strategy.</summary>
    /// <param name="options">The settings; null means the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public PredictivePacing(PredictiveOptions? options = null)
    {
        Options = options ?? new PredictiveOptions();
        Options.Validate();
        RiskThreshold = Options.InitialRiskThreshold;
    }

    /// <summary>The settings.</summary>
    public PredictiveOptions Options { get; }

    /// <summary>The per-call risk threshold as last tuned by the outer loop.</summary>
    public double RiskThreshold { get; private set; }

    /// <summary>The risk of the last call the latest decision placed (or of the first it refused); 0 before any predictive decision.</summary>
    public double LastRisk { get; private set; }

    /// <inheritdoc />
    public string Name => "predictive";

    /// <inheritdoc />
    public PacingDecision Decide(DialerStatistics statistics, Instant now)
    {
        Guard.NotNull(statistics);
        if (statistics.LoggedInAgents == 0)
        {
            return new PacingDecision(0, PacingReason.NoAgentsLoggedIn);
        }

        int progressive = ProgressivePacing.Count(statistics, 1);
        if (statistics.TalkTimes.TotalObserved < Options.WarmUpTalks || statistics.AnswerDelays.Count == 0)
        {
            return new PacingDecision(progressive, PacingReason.WarmUp);
        }

        var meter = statistics.AbandonRate;
        var recent = meter.Recent;
        var window = meter.WindowRate(now);
        if ((recent.LiveAnswered >= Options.MinLiveAnswersForControl && recent.Value >= Options.HardCap)
            || (window.LiveAnswered >= Options.MinLiveAnswersForControl && window.Value >= Options.HardCap))
        {
            return new PacingDecision(progressive, PacingReason.AbandonCap);
        }

        Control(meter, recent, now);

        int working = statistics.LoggedInAgents - statistics.AwayAgents;
        int inProgress = statistics.RingingCalls + statistics.WaitingCalls;
        int maxNew = (int)Math.Floor(Options.MaxLinesPerAgent * working) - inProgress;
        if (maxNew <= progressive)
        {
            return new PacingDecision(progressive, progressive > 0 ? PacingReason.LinesPerFreeAgent : PacingReason.LineLimit);
        }

        int count = CountUnderThreshold(statistics, maxNew, now.ToUnixTimeTicks());
        if (count <= progressive)
        {
            return new PacingDecision(progressive, PacingReason.RiskThreshold);
        }

        return new PacingDecision(count, count == maxNew ? PacingReason.LineLimit : PacingReason.RiskThreshold);
    }

    private void Control(AbandonRateMeter meter, AbandonRate recent, Instant now)
    {
        if (!_controlStarted)
        {
            _controlStarted = true;
            _lastControl = now;
            return;
        }

        if (now - _lastControl < Options.ControlInterval || recent.LiveAnswered < Options.MinLiveAnswersForControl)
        {
            return;
        }

        _lastControl = now;
        double target = Options.SetPoint;
        var toDate = meter.CampaignToDate;
        if (toDate.LiveAnswered >= Options.MinLiveAnswersForControl)
        {
            target += Options.SlackGain * (Options.SetPoint - toDate.Value);
        }

        double margin = Options.HardCap - Options.SetPoint;
        target = Math.Min(Math.Max(target, Options.SetPoint - margin), Options.SetPoint + (margin / 2d));
        target = Math.Max(target, Options.SetPoint / 4d);
        double error = (target - recent.Value) / target;
        error = Math.Min(Math.Max(error, -3d), 1d);
        RiskThreshold = Math.Min(Math.Max(RiskThreshold * Math.Exp(Options.ControlGain * error), Options.MinRiskThreshold), Options.MaxRiskThreshold);
    }

    private int CountUnderThreshold(DialerStatistics statistics, int maxNew, long nowTicks)
    {
        _risk.Load(statistics, nowTicks, Options.HorizonQuantile);
        int count = _risk.Count(maxNew, RiskThreshold, out double lastRisk);
        LastRisk = lastRisk;
        return count;
    }
}
