using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
#if NET10_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace ContactCenter.Core.Pacing;

/// <summary>
/// The per-call abandon risk of <see cref="PredictivePacing"/>: the risk that the k-th new call, if it
/// answers live within the horizon, finds every agent taken, and the largest k whose risk stays under
/// a threshold. Reusable buffers, thread-confined, allocation-free once sized.
/// </summary>
/// <remarks>
/// <para>Model (see docs/pacing.md): A = live answers within the horizon h of the calls ringing (each
/// conditioned on its elapsed ring time), B = agents freed within h plus the connect threshold (each
/// conditioned on its elapsed talk or wrap-up time), N = Binomial(k − 1, q) answers of the earlier new
/// calls, slack E = free − waiting + B − A. risk(k) = P(E ≤ N). The exact value sums the full
/// Poisson-binomial distributions of A and B; this class computes an upper bound of it that is equal
/// to it up to rounding and cut tails of ~1e-9 and below:</para>
/// <list type="bullet">
/// <item>events of probability 0 are dropped and events of probability 1 are counted as a shift
/// (exact);</item>
/// <item>A and B are the exact dynamic programme, four events per pass (<see cref="CountDistribution.Build"/>),
/// cut at the mean + 6σ + 4 of their uncertain events; A's cut tail counts as risk 1 and B's is read
/// as no more agents than the cut (both only raise the risk, never hide it);</item>
/// <item>E's distribution is computed once; risk(k) = P(A cut) + P(E ≤ top) − Σ_j P(N = j)·(P(E ≤ top) − P(E ≤ j))
/// over j &lt; top, with the binomial by its closed-form recurrence over the window where its mass lies
/// (terms left out only raise the risk);</item>
/// <item>risk(k) is non-decreasing in k, so the largest k under the threshold is found by binary
/// search: O(log k) evaluations of O(min(k, top)) instead of k evaluations.</item>
/// </list>
/// </remarks>
internal sealed class AbandonRiskModel
{
    private const double Epsilon = 1e-12;
    private const double SecondsPerTick = 1d / TimeSpan.TicksPerSecond;
    private const double WindowSigmas = 12d;
    private static readonly double[] s_logFactorials = SmallLogFactorials();
    private double[] _answers = [];
    private double[] _freed = [];
    private double[] _talkElapsed = [];
    private double[] _wrapElapsed = [];
    private double[] _pmfAnswers = [];
    private double[] _pmfFreed = [];
    private double[] _scratch = [];
    private double[] _slack = [];
    private double[] _gap = [];
    private double[] _inverse = [];
    private double[] _sharedElapsed = [];
    private double[] _sharedDone = [];
    private double[] _sharedDivisor = [];
    private double[] _sharedLooked = [];
    private readonly AbandonRiskModel[] _self;
    private ProductLimitTable? _productLimit;
    private int _answerCount;
    private int _freedCount;
    private double _tailAnswers;
    private double _cdfTop;
    private int _top;

    /// <summary>Creates an empty model.</summary>
    public AbandonRiskModel()
    {
        _self = [this];
    }

    /// <summary>Live answers within the horizon that are certain (probability 1).</summary>
    public int CertainAnswers { get; private set; }

    /// <summary>Agents certain to be free within the horizon (probability 1).</summary>
    public int CertainFreed { get; private set; }

    /// <summary>Free agents minus live answers waiting for one.</summary>
    public int Offset { get; private set; }

    /// <summary>q: the probability that a new call answers live within the horizon.</summary>
    public double Others { get; private set; }

    /// <summary>The ringing calls' answer probabilities strictly between 0 and 1.</summary>
    public ReadOnlySpan<double> UncertainAnswers => _answers.AsSpan(0, _answerCount);

    /// <summary>The busy agents' free probabilities strictly between 0 and 1.</summary>
    public ReadOnlySpan<double> UncertainFreed => _freed.AsSpan(0, _freedCount);

    /// <summary>Reads the event probabilities from live statistics at <paramref name="nowTicks"/>.</summary>
    public void Load(DialerStatistics statistics, long nowTicks, double horizonQuantile)
    {
        Span<double> quantiles = stackalloc double[1];
        quantiles[0] = horizonQuantile;
        LoadHorizons(statistics, nowTicks, quantiles, _self);
    }

    /// <summary>
    /// Reads the event probabilities from live statistics at <paramref name="nowTicks"/> into
    /// <paramref name="models"/>, one per quantile of <paramref name="horizonQuantiles"/>: the same
    /// inputs as <see cref="Load"/> on each model, with the work that does not depend on the horizon
    /// (elapsed times, the split of agents by state, the CDFs at the elapsed times and the conditioning
    /// denominators) done once for all horizons.
    /// </summary>
    /// <param name="statistics">The live statistics.</param>
    /// <param name="nowTicks">Now, in Unix ticks.</param>
    /// <param name="horizonQuantiles">The answer-delay quantiles of the horizons, one per model.</param>
    /// <param name="models">The models to load.</param>
    /// <param name="censoredTalks">
    /// True: the talk-time distribution is the product-limit estimate over the completed talks and the
    /// talks still running (<see cref="ProductLimitTable"/>) instead of the completed talks alone.
    /// </param>
    public static void LoadHorizons(DialerStatistics statistics, long nowTicks, ReadOnlySpan<double> horizonQuantiles, AbandonRiskModel[] models, bool censoredTalks = false)
    {
        int points = Math.Min(horizonQuantiles.Length, models.Length);
        if (points == 0)
        {
            return;
        }

        var answerDelays = statistics.AnswerDelays;
        double connect = statistics.AbandonRate.Options.ConnectThreshold.TotalSeconds;
        double medianWrap = statistics.WrapUpTimes.QuantileSeconds(0.5);
        double p = statistics.LiveAnswerRate;
        var answered = answerDelays.Table();
        var nonLive = statistics.NonLiveDelays.Table();
        var wraps = statistics.WrapUpTimes.Table();
        int offset = statistics.FreeAgents - statistics.WaitingCalls;
        int maxCalls = statistics.Options.MaxCallsInProgress;
        int maxAgents = statistics.Options.MaxAgents;
        Span<double> horizons = stackalloc double[points];
        Span<double> agentHorizons = stackalloc double[points];
        Span<double> talkHorizons = stackalloc double[points];
        for (int h = 0; h < points; h++)
        {
            var model = models[h];
            double horizon = answerDelays.QuantileSeconds(horizonQuantiles[h]);
            horizons[h] = horizon;
            agentHorizons[h] = horizon + connect;
            talkHorizons[h] = agentHorizons[h] - medianWrap;
            model.EnsureInputs(maxCalls, maxAgents);
            model.Offset = offset;
            model.Others = Clamp01(p * answered.At(horizon));
        }

        // The horizon-free work goes to the first model's buffers, then one loop per horizon reads it.
        var first = models[0];

        // Live answers of the ringing calls within the horizon, each given how long it has rung. The
        // loops below are free of data-dependent branches: elapsed times come in random order.
        var ringing = statistics.Ringing;
        long[] ringTicks = ringing.Ticks;
        int n = Math.Min(Math.Min(ringing.Count, ringTicks.Length), first._answers.Length);
        first.EnsureShared(n);
        var ringElapsed = first._sharedElapsed.AsSpan(0, n);
        var ringDone = first._sharedDone.AsSpan(0, n);
        var ringAlive = first._sharedDivisor.AsSpan(0, n);
        var looked = first._sharedLooked.AsSpan(0, n);
        for (int i = 0; i < ringElapsed.Length; i++)
        {
            ringElapsed[i] = (nowTicks - ringTicks[i]) * SecondsPerTick;
        }

        answered.AtMany(ringElapsed, 0d, ringDone);
        nonLive.AtMany(ringElapsed, 0d, looked);

        // Calls that can no longer answer (alive ≤ ε: probability 0 at every horizon) are dropped here,
        // once, instead of being read and classified at every horizon.
        int live = 0;
        for (int i = 0; i < ringElapsed.Length; i++)
        {
            double alive = (p * (1d - ringDone[i])) + ((1d - p) * (1d - looked[i]));
            ringElapsed[live] = ringElapsed[i];
            ringDone[live] = ringDone[i];
            ringAlive[live] = alive;
            live += alive > Epsilon ? 1 : 0;
        }

        ringElapsed = ringElapsed.Slice(0, live);
        for (int h = 0; h < points; h++)
        {
            var model = models[h];
            int limit = Math.Min(live, model._answers.Length);
            answered.AtMany(ringElapsed, horizons[h], looked);
            Conditional(p, looked.Slice(0, limit), ringDone, ringAlive);
            int kept = 0;
            int certain = 0;
            Classify(looked.Slice(0, limit), model._answers, ref kept, ref certain);
            model._answerCount = kept;
            model.CertainAnswers = certain;
        }

        // Agents freed within the horizon plus the connect threshold, each given its elapsed talk or
        // wrap-up: first the elapsed times split by state, then one pass per distribution.
        var agents = statistics.Agents;
        long[] agentTicks = agents.Ticks;
        int[] tags = agents.Tags;
        int m = Math.Min(agents.Count, Math.Min(agentTicks.Length, tags.Length));
        m = Math.Min(m, first._freed.Length);
        double[] talking = first._talkElapsed;
        double[] wrapping = first._wrapElapsed;
        m = Math.Min(m, Math.Min(talking.Length, wrapping.Length));
        int talkingCount = 0;
        int wrappingCount = 0;
        for (int i = 0; i < m; i++)
        {
            double elapsed = (nowTicks - agentTicks[i]) * SecondsPerTick;
            int tag = tags[i];
            talking[talkingCount] = elapsed;
            wrapping[wrappingCount] = elapsed;
            talkingCount += tag == (int)PacingAgentState.Talking ? 1 : 0;
            wrappingCount += tag == (int)PacingAgentState.WrapUp ? 1 : 0;
        }

        first.EnsureShared(talkingCount + wrappingCount);
        var talks = censoredTalks
            ? first.ProductLimit(maxAgents).Build(statistics.TalkTimes.SortedSeconds, talking.AsSpan(0, talkingCount))
            : statistics.TalkTimes.Table();
        var agentDone = first._sharedDone;
        var agentSurvived = first._sharedDivisor;

        // Agents past every learned duration (1 − F ≤ ε: probability 0 at every horizon) are dropped here,
        // once; the talking agents kept come first, then the wrapping ones.
        int talkingKept = Survival(talks, talking.AsSpan(0, talkingCount), agentDone, agentSurvived, 0);
        int wrappingKept = Survival(wraps, wrapping.AsSpan(0, wrappingCount), agentDone, agentSurvived, talkingKept);
        int busy = talkingKept + wrappingKept;
        var talkElapsed = talking.AsSpan(0, talkingKept);
        var wrapElapsed = wrapping.AsSpan(0, wrappingKept);
        var agentLooked = first._sharedLooked.AsSpan(0, busy);
        for (int h = 0; h < points; h++)
        {
            var model = models[h];
            int kept = 0;
            int certain = 0;

            // A horizon that ends before the typical wrap-up frees no talking agent: F(e + h) ≤ F(e) for
            // every elapsed e when h ≤ 0, so every probability is 0 (what the pass would give).
            int from = talkHorizons[h] > 0d ? 0 : talkingKept;
            talks.AtMany(talkElapsed.Slice(from), talkHorizons[h], agentLooked.Slice(from, talkingKept - from));
            wraps.AtMany(wrapElapsed, agentHorizons[h], agentLooked.Slice(talkingKept));
            var read = agentLooked.Slice(from);
            Conditional(1d, read, agentDone.AsSpan(from, busy - from), agentSurvived.AsSpan(from, busy - from));
            Classify(read, model._freed, ref kept, ref certain);
            model._freedCount = kept;
            model.CertainFreed = certain;
        }
    }

    /// <summary>Sets the event probabilities directly (same classification as <see cref="Load"/>).</summary>
    public void SetInputs(ReadOnlySpan<double> answers, ReadOnlySpan<double> freed, int offset, double others)
    {
        EnsureInputs(answers.Length, freed.Length);
        Begin(offset, Clamp01(others));
        foreach (double probability in answers)
        {
            AddAnswer(Clamp01(probability));
        }

        foreach (double probability in freed)
        {
            AddFreed(Clamp01(probability));
        }
    }

    /// <summary>
    /// The largest k in [1, <paramref name="maxNew"/>] whose risk is at most <paramref name="threshold"/>
    /// (0 when none), and the risk of the first call refused (of the last placed when none is).
    /// </summary>
    public int Count(int maxNew, double threshold, out double lastRisk)
    {
        Prepare(maxNew);
        int placed = 0;
        int refused = maxNew + 1;
        double placedRisk = 0d;
        double refusedRisk = 0d;
        while (refused - placed > 1)
        {
            int k = placed + ((refused - placed) >> 1);
            double risk = Risk(k);
            if (risk > threshold)
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

        lastRisk = refused <= maxNew ? refusedRisk : placedRisk;
        return placed;
    }

    /// <summary>Builds the distributions of A, B and the slack E for decisions of at most <paramref name="maxNew"/> calls.</summary>
    public void Prepare(int maxNew)
    {
        var (meanA, varianceA) = Moments(UncertainAnswers);
        var (meanB, varianceB) = Moments(UncertainFreed);
        int capA = Cap(meanA, varianceA, _answerCount);
        int capB = Cap(meanB, varianceB, _freedCount);
        EnsureDistributions(capA, capB);
        var pmfA = _pmfAnswers.AsSpan(0, capA + 1);
        var pmfB = _pmfFreed.AsSpan(0, capB + 1);
        int highA = CountDistribution.Build(UncertainAnswers, pmfA, _scratch);
        int highB = CountDistribution.Build(UncertainFreed, pmfB, _scratch);

        // More answers than the cut: counted as certain abandon (risk 1).
        bool cutA = capA < _answerCount;
        _tailAnswers = cutA ? pmfA[capA] : 0d;
        int aLimit = cutA ? capA - 1 : highA;

        // D = B − A + aLimit over [0, aLimit + highB], without A's cut tail.
        int length = aLimit + highB + 1;
        var slack = _slack.AsSpan(0, length);
        slack.Clear();
        var reversedA = _scratch.AsSpan(0, aLimit + 1);
        for (int a = 0; a <= aLimit; a++)
        {
            reversedA[aLimit - a] = pmfA[a];
        }

        for (int b = 0; b <= highB; b++)
        {
            double pb = pmfB[b];
            if (pb > 0d)
            {
                AddScaled(slack.Slice(b, aLimit + 1), reversedA, pb);
            }
        }

        for (int d = 1; d < length; d++)
        {
            slack[d] += slack[d - 1];
        }

        // E = shift + D − aLimit; P(E ≤ j) for j in [0, top]; the gap to P(E ≤ top) below top.
        int shift = Offset + CertainFreed - CertainAnswers;
        _top = Math.Max(0, Math.Min(maxNew, shift + highB));
        _cdfTop = SlackCdf(slack, _top - shift + aLimit);
        EnsureTop(_top);
        var gap = _gap.AsSpan(0, _top + 1);
        for (int j = 0; j < _top; j++)
        {
            double gapJ = _cdfTop - SlackCdf(slack, j - shift + aLimit);
            gap[j] = gapJ > 0d ? gapJ : 0d;
        }

        gap[_top] = 0d;
    }

    /// <summary>The risk of the k-th new call (k ≥ 1), after <see cref="Prepare"/>: an upper bound of P(E ≤ N_{k−1}).</summary>
    public double Risk(int k)
    {
        int n = k - 1;
        double q = Others;
        double risk = _tailAnswers + _cdfTop;
        if (n <= 0 || q <= 0d || _top == 0)
        {
            return n > 0 && q > 0d ? risk : risk - _gap[0];
        }

        if (q >= 1d)
        {
            return n >= _top ? risk : risk - _gap[n];
        }

        double mean = n * q;
        double spread = WindowSigmas * Math.Sqrt(mean * (1d - q));
        int from = (int)Math.Max(0d, Math.Floor(mean - spread - 1d));
        int to = (int)Math.Min(Math.Min(n, _top - 1), Math.Ceiling(mean + spread + 1d));
        if (from > to)
        {
            // The binomial's mass below top is out of reach of double precision: everything reads top.
            return risk;
        }

        double logQ = Math.Log(q);
        double logNotQ = Math.Log(1d - q);
        double probability = from == 0
            ? Math.Exp(n * logNotQ)
            : Math.Exp(LogFactorial(n) - LogFactorial(from) - LogFactorial(n - from) + (from * logQ) + ((n - from) * logNotQ));
        double odds = q / (1d - q);
        double[] gap = _gap;
        double[] inverse = _inverse;
        double sum = 0d;
        for (int j = from; j <= to; j++)
        {
            sum += probability * gap[j];
            probability *= (n - j) * inverse[j + 1] * odds;
        }

        return risk - sum;
    }

    private static double SlackCdf(Span<double> cumulative, int index) =>
        index < 0 ? 0d : cumulative[index < cumulative.Length ? index : cumulative.Length - 1];

    private void Begin(int offset, double others)
    {
        Offset = offset;
        Others = others;
        CertainAnswers = 0;
        CertainFreed = 0;
        _answerCount = 0;
        _freedCount = 0;
    }

    // Branch-free: the probability is always written, and kept (the count moves on) only when strictly
    // between 0 and 1; the sums include the certain events, removed in EndInputs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddAnswer(double probability)
    {
        _answers[_answerCount] = probability;
        _answerCount += (probability > 0d ? 1 : 0) & (probability < 1d ? 1 : 0);
        CertainAnswers += probability >= 1d ? 1 : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddFreed(double probability)
    {
        _freed[_freedCount] = probability;
        _freedCount += (probability > 0d ? 1 : 0) & (probability < 1d ? 1 : 0);
        CertainFreed += probability >= 1d ? 1 : 0;
    }

    // The mean and variance of the uncertain events, in a separate pass that keeps the loops that
    // compute the probabilities free of loop-carried sums; several accumulators (a vector of them where
    // the hardware allows) so that the sums do not wait on each other. They only size the distributions'
    // cuts (mean + 6σ + 4), so the order of the additions does not matter.
    private static (double Mean, double Variance) Moments(ReadOnlySpan<double> probabilities)
    {
        int i = 0;
        double mean = 0d;
        double variance = 0d;
#if NET8_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && probabilities.Length >= Vector512<double>.Count)
        {
            var sums = Vector512<double>.Zero;
            var spreads = Vector512<double>.Zero;
            var one = Vector512<double>.One;
            ref double from = ref MemoryMarshal.GetReference(probabilities);
            for (; i + Vector512<double>.Count <= probabilities.Length; i += Vector512<double>.Count)
            {
                var probability = Vector512.LoadUnsafe(ref from, (nuint)i);
                sums += probability;
                spreads += probability * (one - probability);
            }

            mean = Vector512.Sum(sums);
            variance = Vector512.Sum(spreads);
        }
#endif
        double mean2 = 0d;
        double variance2 = 0d;
        for (; i + 1 < probabilities.Length; i += 2)
        {
            double first = probabilities[i];
            double second = probabilities[i + 1];
            mean += first;
            variance += first * (1d - first);
            mean2 += second;
            variance2 += second * (1d - second);
        }

        for (; i < probabilities.Length; i++)
        {
            double probability = probabilities[i];
            mean += probability;
            variance += probability * (1d - probability);
        }

        return (mean + mean2, variance + variance2);
    }

    // The horizon-free half of P(done by elapsed + h | not done at elapsed) for the elapsed times in
    // place: keeps, in order, those with survival 1 − F(elapsed) > ε (the others have probability 0 at
    // every horizon), writing F(elapsed) and the survival from index at of done and survived; returns
    // how many were kept.
    private static int Survival(in CdfTable distribution, Span<double> elapsed, double[] done, double[] survived, int at)
    {
        var doneNow = done.AsSpan(at, elapsed.Length);
        distribution.AtMany(elapsed, 0d, doneNow);
        int kept = 0;
        int i = 0;
#if NET10_0_OR_GREATER
        if (Avx512F.IsSupported && survived.Length - at >= elapsed.Length)
        {
            // Eight at a time: the kept lanes compressed to the front, written at kept ≤ i (the lanes past
            // them are overwritten next or lie past the count).
            int width = Vector512<double>.Count;
            ref double elapsedRef = ref MemoryMarshal.GetReference(elapsed);
            ref double doneRef = ref MemoryMarshal.GetReference(doneNow);
            ref double survivedRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(survived), at);
            var epsilon = Vector512.Create(Epsilon);
            for (; i + width <= elapsed.Length; i += width)
            {
                var value = Vector512.LoadUnsafe(ref doneRef, (nuint)i);
                var left = Vector512<double>.One - value;
                var keep = Vector512.GreaterThan(left, epsilon);
                var times = Vector512.LoadUnsafe(ref elapsedRef, (nuint)i);
                Avx512F.Compress(Vector512<double>.Zero, keep, times).StoreUnsafe(ref elapsedRef, (nuint)kept);
                Avx512F.Compress(Vector512<double>.Zero, keep, value).StoreUnsafe(ref doneRef, (nuint)kept);
                Avx512F.Compress(Vector512<double>.Zero, keep, left).StoreUnsafe(ref survivedRef, (nuint)kept);
                kept += BitOperations.PopCount(keep.ExtractMostSignificantBits());
            }
        }
#endif
        for (; i < elapsed.Length; i++)
        {
            double value = doneNow[i];
            double left = 1d - value;
            elapsed[kept] = elapsed[i];
            doneNow[kept] = value;
            survived[at + kept] = left;
            kept += left > Epsilon ? 1 : 0;
        }

        return kept;
    }

    // values[i] ← clamp01(factor × (values[i] − done[i]) ÷ divisor[i]): the conditional probability
    // P(done by elapsed + h | not done at elapsed) from values[i] = F(elapsed + h), done[i] = F(elapsed),
    // divisor[i] = 1 − F(elapsed) > ε (for the ringing calls, factor = p and the divisor is the probability
    // of still ringing). Vectorised where the hardware allows; every lane computes what the scalar loop
    // computes, in the same order, so the result is the same bit for bit (a −0 where the scalar loop has
    // +0 is classified the same way: neither kept nor certain).
    private static void Conditional(double factor, Span<double> values, ReadOnlySpan<double> done, ReadOnlySpan<double> divisor)
    {
        int n = values.Length;
        int i = 0;
#if NET8_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count && done.Length >= n && divisor.Length >= n)
        {
            int width = Vector512<double>.Count;
            var scale = Vector512.Create(factor);
            var one = Vector512<double>.One;
            ref double value = ref MemoryMarshal.GetReference(values);
            ref double doneRef = ref MemoryMarshal.GetReference(done);
            ref double divisorRef = ref MemoryMarshal.GetReference(divisor);
            for (; i + width <= n; i += width)
            {
                var ratio = scale * (Vector512.LoadUnsafe(ref value, (nuint)i) - Vector512.LoadUnsafe(ref doneRef, (nuint)i))
                    / Vector512.LoadUnsafe(ref divisorRef, (nuint)i);
                Vector512.Min(Vector512.Max(ratio, Vector512<double>.Zero), one).StoreUnsafe(ref value, (nuint)i);
            }
        }
#endif
        for (; i < n; i++)
        {
            values[i] = Clamp01(factor * (values[i] - done[i]) / divisor[i]);
        }
    }

    // Appends the probabilities strictly between 0 and 1 to target, counts those that are 1 (branch-free;
    // eight at a time with AVX-512's compress where available, same values in the same order).
    private static void Classify(ReadOnlySpan<double> probabilities, double[] target, ref int kept, ref int certain)
    {
        int k = kept;
        int c = certain;
        int n = Math.Min(probabilities.Length, target.Length - k);
        int i = 0;
#if NET10_0_OR_GREATER
        if (Avx512F.IsSupported)
        {
            int width = Vector512<double>.Count;
            ref double from = ref MemoryMarshal.GetReference(probabilities);
            ref double to = ref MemoryMarshal.GetArrayDataReference(target);
            var one = Vector512<double>.One;
            for (; i + width <= n; i += width)
            {
                // k ≤ i, so the whole vector written at k stays below n ≤ target.Length; the lanes past the
                // kept ones are overwritten next or lie past the count.
                var probability = Vector512.LoadUnsafe(ref from, (nuint)i);
                var inside = Vector512.GreaterThan(probability, Vector512<double>.Zero) & Vector512.LessThan(probability, one);
                Avx512F.Compress(Vector512<double>.Zero, inside, probability).StoreUnsafe(ref to, (nuint)k);
                k += BitOperations.PopCount(inside.ExtractMostSignificantBits());
                c += BitOperations.PopCount(Vector512.GreaterThanOrEqual(probability, one).ExtractMostSignificantBits());
            }
        }
#endif
        for (; i < n; i++)
        {
            double probability = probabilities[i];
            target[k] = probability;
            k += (probability > 0d ? 1 : 0) & (probability < 1d ? 1 : 0);
            c += probability >= 1d ? 1 : 0;
        }

        kept = k;
        certain = c;
    }

    private static int Cap(double mean, double variance, int n) =>
        Math.Max(1, Math.Min(n, (int)Math.Ceiling(mean + (6d * Math.Sqrt(variance)) + 4d)));

    private static double Clamp01(double value) => Math.Min(Math.Max(value, 0d), 1d);

    /// <summary>ln(n!): a table below 32, Stirling's series above (absolute error below 1e-13).</summary>
    private static double LogFactorial(int n)
    {
        if (n < s_logFactorials.Length)
        {
            return s_logFactorials[n];
        }

        double x = n;
        double inverse = 1d / x;
        double inverse2 = inverse * inverse;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2d * Math.PI * x))
            + (inverse * ((1d / 12d) - (inverse2 * ((1d / 360d) - (inverse2 / 1260d)))));
    }

    private static double[] SmallLogFactorials()
    {
        var table = new double[32];
        for (int i = 2; i < table.Length; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }

        return table;
    }

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        int i = 0;
#if NET8_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated)
        {
            ref double to = ref MemoryMarshal.GetReference(target);
            ref double from = ref MemoryMarshal.GetReference(source);
            var scale = Vector512.Create(factor);
            for (; i + Vector512<double>.Count <= source.Length; i += Vector512<double>.Count)
            {
                (Vector512.LoadUnsafe(ref to, (nuint)i) + (scale * Vector512.LoadUnsafe(ref from, (nuint)i))).StoreUnsafe(ref to, (nuint)i);
            }
        }

        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            ref double to = ref MemoryMarshal.GetReference(target);
            ref double from = ref MemoryMarshal.GetReference(source);
            var scale = new Vector<double>(factor);
            for (; i + width <= source.Length; i += width)
            {
                ref byte at = ref Unsafe.As<double, byte>(ref Unsafe.Add(ref to, i));
                var sum = Unsafe.ReadUnaligned<Vector<double>>(ref at)
                    + (scale * Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref from, i))));
                Unsafe.WriteUnaligned(ref at, sum);
            }
        }
#endif
        for (; i < source.Length; i++)
        {
            target[i] += factor * source[i];
        }
    }

    private void EnsureInputs(int calls, int agents)
    {
        if (_answers.Length < calls)
        {
            _answers = new double[calls];
        }

        if (_freed.Length < agents)
        {
            _freed = new double[agents];
            _talkElapsed = new double[agents];
            _wrapElapsed = new double[agents];
        }

        // top ≤ free + freed ≤ agents: sized here so that decisions do not allocate.
        EnsureTop(agents + 1);
    }

    private ProductLimitTable ProductLimit(int maxAgents) => _productLimit ??= new ProductLimitTable(maxAgents);

    private void EnsureShared(int length)
    {
        if (_sharedDone.Length < length)
        {
            int size = Math.Max(length, Math.Max(_answers.Length, _freed.Length));
            _sharedElapsed = new double[size];
            _sharedDone = new double[size];
            _sharedDivisor = new double[size];
            _sharedLooked = new double[size];
        }
    }

    private void EnsureTop(int top)
    {
        if (_gap.Length < top + 1)
        {
            _gap = new double[top + 1];
        }

        if (_inverse.Length < top + 2)
        {
            _inverse = new double[top + 2];
            for (int j = 1; j < _inverse.Length; j++)
            {
                _inverse[j] = 1d / j;
            }
        }
    }

    private void EnsureDistributions(int capA, int capB)
    {
        if (_pmfAnswers.Length < capA + 1)
        {
            _pmfAnswers = new double[Math.Max(capA + 1, _answers.Length + 1)];
        }

        if (_pmfFreed.Length < capB + 1)
        {
            _pmfFreed = new double[Math.Max(capB + 1, _freed.Length + 1)];
        }

        int scratch = CountDistribution.ScratchLength(Math.Max(_pmfAnswers.Length, _pmfFreed.Length));
        if (_scratch.Length < scratch)
        {
            _scratch = new double[scratch];
        }

        int slack = _pmfAnswers.Length + _pmfFreed.Length + 1;
        if (_slack.Length < slack)
        {
            _slack = new double[slack];
        }
    }
}
