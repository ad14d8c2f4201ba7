using System;
using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Pacing;
using NodaTime;

namespace ContactCenter.Core.Benchmarks.Pacing;

/// <summary>
/// One pacing decision for a 1,000-agent campaign in a realistic state: 850 agents talking (elapsed
/// 0–600 s), 60 in wrap-up (0–15 s), 40 free, 50 away, 300 calls ringing (0–25 s), after 1,000 talks
/// (lognormal-like 60–400 s), 1,000 answer delays (5–25 s) and a 30 % live-answer share were learned.
/// Predictive against progressive as the baseline.
/// </summary>
[MemoryDiagnoser]
public class PacingBenchmarks
{
    private DialerStatistics _statistics = null!;
    private PredictivePacing _predictive = null!;
    private ProgressivePacing _progressive = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var stats = new DialerStatistics(new DialerStatisticsOptions { MaxAgents = 1100, AnswerRatePriorWeight = 0 });
        var t = Instant.FromUtc(2026, 6, 1, 9, 0);
        for (long id = 0; id < 3000; id++)
        {
            stats.CallPlaced(id, t);
            if (id % 10 < 3)
            {
                var answered = t + Duration.FromSeconds(5 + rng.Next(21));
                stats.CallAnsweredLive(id, answered);
                stats.CallConnected(id, answered + Duration.FromSeconds(1));
            }
            else
            {
                stats.CallNotLive(id, DialerCallOutcome.NoAnswer, t + Duration.FromSeconds(25));
            }
        }

        stats.AgentLoggedIn(-1, PacingAgentState.Free, t);
        for (int i = 0; i < 1000; i++)
        {
            stats.AgentChanged(-1, PacingAgentState.Talking, t);
            t += Duration.FromSeconds(60 + rng.Next(120) + rng.Next(220));
            stats.AgentChanged(-1, PacingAgentState.WrapUp, t);
            t += Duration.FromSeconds(15);
            stats.AgentChanged(-1, PacingAgentState.Free, t);
        }

        stats.AgentLoggedOut(-1, t);
        _now = t + Duration.FromMinutes(10);
        int agent = 0;
        for (int i = 0; i < 850; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.Talking, _now - Duration.FromSeconds(rng.Next(600)));
        }

        for (int i = 0; i < 60; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.WrapUp, _now - Duration.FromSeconds(rng.Next(15)));
        }

        for (int i = 0; i < 40; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.Free, _now);
        }

        for (int i = 0; i < 50; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.Away, _now);
        }

        for (long i = 0; i < 300; i++)
        {
            stats.CallPlaced(100_000 + i, _now - Duration.FromSeconds(rng.Next(25)));
        }

        _statistics = stats;
        _predictive = new PredictivePacing();
        _progressive = new ProgressivePacing();
        var decision = _predictive.Decide(_statistics, _now);
        if (decision.Reason is not (PacingReason.RiskThreshold or PacingReason.LineLimit))
        {
            throw new InvalidOperationException($"Unexpected predictive decision {decision}.");
        }
    }

    [Benchmark]
    public PacingDecision Predictive() => _predictive.Decide(_statistics, _now);

    [Benchmark(Baseline = true)]
    public PacingDecision Progressive() => _progressive.Decide(_statistics, _now);
}
