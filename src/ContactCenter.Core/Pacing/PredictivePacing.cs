using System;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Predictive: dials ahead of free agents from the live statistics, placing the k-th call only while
/// the probability that it is answered live with no agent free stays under a risk threshold, and tuning
/// that threshold with an outer loop that holds the recent abandon rate at the set-point shifted by the
/// campaign-to-date slack.
/// </summary>
/// <remarks>
/// <para>The risk of the k-th call is averaged over <see cref="PredictiveOptions.HorizonPoints"/> horizons h
/// (quantiles of the live answer delay: the risk integrated over when the call answers); at each h,
/// the live answers of the ringing calls within h (each conditioned on how long it has already rung),
/// the live answers waiting for an agent, and the k − 1 calls placed before it compete for the free
/// agents plus the agents that become free within h plus the connect threshold (each talking or
/// wrapping agent conditioned on its elapsed time, from the empirical talk and wrap-up distributions).
/// The count distributions are exact Poisson-binomials by an O(n·L) dynamic programme; L is cut at the
/// mean plus six standard deviations with the tail kept in the last cell, and that tail is always read
/// on the risky side (more answers than L: no agent; more free agents than L: only L), so the risk is an
/// upper bound and is never truncated to zero.</para>
/// <para>Before <see cref="PredictiveOptions.WarmUpTalks"/> talks have completed, and whenever
/// <see cref="PredictiveOptions.CapHeadroom"/> more abandons (at most the cap less the set-point times the
/// windowed live answers) would carry the windowed abandon rate over <see cref="PredictiveOptions.HardCap"/>,
/// the decision is progressive's (one line per free agent). Until <see cref="PredictiveOptions.WarmUpTalksPerAgent"/>
/// talks per logged-in agent have completed, the talk times are the product-limit estimate over the completed
/// and the running talks (<see cref="PredictiveOptions.ProductLimitWarmUp"/>), since the first talks to
/// complete are the short ones. The decision never places fewer calls than progressive.</para>
/// <para>Stateful (the outer loop's threshold, and the previous count, where the search for the next one
/// starts; it changes how fast the count is found, never which): one instance per campaign, used on the thread that owns
/// the statistics. Buffers are allocated on the first decision and reused: warmed-up decisions allocate
/// nothing.</para>
/// </remarks>
public sealed class PredictivePacing : IPacingStrategy
{
    private readonly AbandonRiskModel[] _risks;
    private Instant _lastControl;
    private bool _controlStarted;
    private long _lastLive;
    private long _lastAbandoned;
    private int _lastCount;

    /// <summary>Creates a predictive strategy.</summary>
    /// <param name="options">The settings; null means the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public PredictivePacing(PredictiveOptions? options = null)
    {
        Options = options ?? new PredictiveOptions();
        Options.Validate();
        RiskThreshold = Options.InitialRiskThreshold;
        _risks = new AbandonRiskModel[Options.HorizonPoints];
        for (int i = 0; i < _risks.Length; i++)
        {
            _risks[i] = new AbandonRiskModel();
        }
    }

    /// <summary>The settings.</summary>
    public PredictiveOptions Options { get; }

    /// <summary>The per-call risk threshold as last tuned by the outer loop.</summary>
    public double RiskThreshold { get; private set; }

    /// <summary>The risk of the last call the latest decision placed (or of the first it refused); 0 before any predictive decision.</summary>
    public double LastRisk { get; private set; }

    /// <summary>The abandon rate the outer loop aimed at in its last update: the set-point shifted by the campaign-to-date slack.</summary>
    public double TargetRate { get; private set; }

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
        var meter = statistics.AbandonRate;
        if (!IsWarm(statistics))
        {
            Control(meter, now, ControlMode.Follow);
            return new PacingDecision(progressive, PacingReason.WarmUp);
        }

        var window = meter.WindowRate(now);
        // The headroom never engages the cap while the windowed rate is at or under the set-point: with few
        // answers in the window, one abandon of headroom would otherwise hold the pacer below the rate the
        // outer loop aims at (with 10 agents, for the first few hundred answers).
        double headroom = Math.Min(Options.CapHeadroom, (Options.HardCap - Options.SetPoint) * window.LiveAnswered);
        if (window.LiveAnswered > 0 && window.Abandoned + headroom > Options.HardCap * window.LiveAnswered)
        {
            Control(meter, now, ControlMode.LowerOnly);
            return new PacingDecision(progressive, PacingReason.AbandonCap);
        }

        Control(meter, now, ControlMode.Tune);

        int working = statistics.LoggedInAgents - statistics.AwayAgents;
        int inProgress = statistics.RingingCalls + statistics.WaitingCalls;
        int maxNew = (int)Math.Floor(Options.MaxLinesPerAgent * working) - inProgress;
        if (maxNew <= progressive)
        {
            return new PacingDecision(progressive, progressive > 0 ? PacingReason.LinesPerFreeAgent : PacingReason.LineLimit);
        }

        int count = CountUnderThreshold(statistics, maxNew, now.ToUnixTimeTicks(), censoredTalks: !CompletedTalksSuffice(statistics));
        if (count <= progressive)
        {
            return new PacingDecision(progressive, PacingReason.RiskThreshold);
        }

        return new PacingDecision(count, count == maxNew ? PacingReason.LineLimit : PacingReason.RiskThreshold);
    }

    /// <summary>
    /// The talk-time and answer-delay samples can be used: an answer delay, at least <see cref="PredictiveOptions.WarmUpTalks"/>
    /// completed talks and, unless the running talks are counted (<see cref="PredictiveOptions.ProductLimitWarmUp"/>),
    /// <see cref="PredictiveOptions.WarmUpTalksPerAgent"/> per logged-in agent.
    /// </summary>
    private bool IsWarm(DialerStatistics statistics) =>
        statistics.AnswerDelays.Count > 0
        && statistics.TalkTimes.TotalObserved >= Options.WarmUpTalks
        && (Options.ProductLimitWarmUp || CompletedTalksSuffice(statistics));

    /// <summary>
    /// At least <see cref="PredictiveOptions.WarmUpTalksPerAgent"/> completed talks per logged-in agent: the
    /// completed talks alone no longer under-estimate talk time.
    /// </summary>
    private bool CompletedTalksSuffice(DialerStatistics statistics) =>
        statistics.TalkTimes.TotalObserved >= Options.WarmUpTalksPerAgent * statistics.LoggedInAgents;

    /// <summary>
    /// The outer loop. Every <see cref="PredictiveOptions.ControlInterval"/> it reads the live answers
    /// resolved since its last update (the most recent ones) and moves ln θ by
    /// gain × (target × answers − abandons) ÷ (target × <see cref="PredictiveOptions.ControlAnswers"/>):
    /// each answer kept raises θ a little, each abandon lowers it by (1 − target) ÷ target times as much, so
    /// θ settles where the recent rate equals the target. The target is the set-point shifted by the
    /// campaign-to-date slack in abandons, repaid over <see cref="PredictiveOptions.SlackAnswers"/> answers.
    /// </summary>
    private void Control(AbandonRateMeter meter, Instant now, ControlMode mode)
    {
        var toDate = meter.CampaignToDate;
        if (!_controlStarted)
        {
            _controlStarted = true;
            _lastControl = now;
            _lastLive = toDate.LiveAnswered;
            _lastAbandoned = toDate.Abandoned;
            return;
        }

        if (now - _lastControl < Options.ControlInterval)
        {
            return;
        }

        _lastControl = now;
        long answers = toDate.LiveAnswered - _lastLive;
        long abandons = toDate.Abandoned - _lastAbandoned;
        _lastLive = toDate.LiveAnswered;
        _lastAbandoned = toDate.Abandoned;
        if (mode == ControlMode.Follow || answers <= 0)
        {
            return;
        }

        double setPoint = Options.SetPoint;
        double slack = (setPoint * toDate.LiveAnswered) - toDate.Abandoned;
        double target = setPoint + (slack / Options.SlackAnswers);
        target = Math.Min(Math.Max(target, setPoint / 4d), setPoint + ((Options.HardCap - setPoint) / 2d));
        TargetRate = target;
        double step = Options.ControlGain * ((target * answers) - abandons) / (target * Options.ControlAnswers);
        step = Math.Min(Math.Max(step, -1d), mode == ControlMode.LowerOnly ? 0d : 0.5);
        RiskThreshold = Math.Min(Math.Max(RiskThreshold * Math.Exp(step), Options.MinRiskThreshold), Options.MaxRiskThreshold);
    }

    private int CountUnderThreshold(DialerStatistics statistics, int maxNew, long nowTicks, bool censoredTalks)
    {
        var risks = _risks;
        int points = risks.Length;
        Span<double> quantiles = stackalloc double[points];
        for (int i = 0; i < points; i++)
        {
            quantiles[i] = points == 1 ? Options.HorizonQuantile : (i + 0.5) / points;
        }

        // One pass over the ringing calls and the agents for all the horizons.
        AbandonRiskModel.LoadHorizons(statistics, nowTicks, quantiles, risks, censoredTalks);
        for (int i = 0; i < points; i++)
        {
            risks[i].Prepare(maxNew);
        }

        // The largest k whose risk, averaged over the horizons, is at most θ (the average is non-decreasing
        // in k): a galloping search from the previous decision's count (consecutive decisions are close),
        // then a binary search of the bracket it found. It finds the same k as a binary search of [1, maxNew]
        // with O(log |k − previous|) evaluations.
        int placed = 0;
        int refused = maxNew + 1;
        double placedRisk = 0d;
        double refusedRisk = 0d;
        int guess = Math.Min(Math.Max(_lastCount, 1), maxNew);
        double guessRisk = AverageRisk(guess);
        if (guessRisk > RiskThreshold)
        {
            refused = guess;
            refusedRisk = guessRisk;
            for (int step = 1; refused - step >= 1; step <<= 1)
            {
                int k = refused - step;
                double risk = AverageRisk(k);
                if (risk > RiskThreshold)
                {
                    refused = k;
                    refusedRisk = risk;
                }
                else
                {
                    placed = k;
                    placedRisk = risk;
                    break;
                }
            }
        }
        else
        {
            placed = guess;
            placedRisk = guessRisk;
            for (int step = 1; placed + step <= maxNew; step <<= 1)
            {
                int k = placed + step;
                double risk = AverageRisk(k);
                if (risk > RiskThreshold)
                {
                    refused = k;
                    refusedRisk = risk;
                    break;
                }

                placed = k;
                placedRisk = risk;
            }
        }

        while (refused - placed > 1)
        {
            int k = placed + ((refused - placed) >> 1);
            double risk = AverageRisk(k);
            if (risk > RiskThreshold)
            {
                refused = k;
                refusedRisk = risk;
            }
            else
            {
                placed = k;
                placedRisk = risk;
            }
        }

        _lastCount = placed;
        LastRisk = refused <= maxNew ? refusedRisk : placedRisk;
        return placed;
    }

    private double AverageRisk(int k)
    {
        var risks = _risks;
        double risk = 0d;
        for (int i = 0; i < risks.Length; i++)
        {
            risk += risks[i].Risk(k);
        }

        return risk / risks.Length;
    }

    private enum ControlMode
    {
        /// <summary>Warm-up: the loop only follows the counts.</summary>
        Follow,

        /// <summary>Capped (progressive): abandons of calls still in flight lower θ, answers do not raise it.</summary>
        LowerOnly,

        /// <summary>Dialing ahead: θ moves both ways.</summary>
        Tune,
    }
}
