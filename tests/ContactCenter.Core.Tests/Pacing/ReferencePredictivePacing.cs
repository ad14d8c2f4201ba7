using System;
using ContactCenter.Core.Pacing;
using NodaTime;

namespace ContactCenter.Core.Tests.Pacing;

/// <summary>
/// The predictive decision as it was computed before the horizons shared their work: one
/// <see cref="ReferenceAbandonRiskModel"/> loaded and prepared per horizon, the risk averaged over them
/// in a binary search. The shared computation must give the same count and risk.
/// </summary>
internal static class ReferencePredictivePacing
{
    /// <summary>The count under <paramref name="threshold"/> and the risk reported with it, as PredictivePacing.CountUnderThreshold computed them.</summary>
    public static int CountUnderThreshold(
        PredictiveOptions options, DialerStatistics statistics, int maxNew, long nowTicks, double threshold, out double lastRisk)
    {
        int points = options.HorizonPoints;
        var risks = new ReferenceAbandonRiskModel[points];
        for (int i = 0; i < points; i++)
        {
            double quantile = points == 1 ? options.HorizonQuantile : (i + 0.5) / points;
            risks[i] = new ReferenceAbandonRiskModel();
            risks[i].Load(statistics, nowTicks, quantile);
            risks[i].Prepare(maxNew);
        }

        int placed = 0;
        int refused = maxNew + 1;
        double placedRisk = 0d;
        double refusedRisk = 0d;
        while (refused - placed > 1)
        {
            int k = placed + ((refused - placed) >> 1);
            double risk = 0d;
            for (int i = 0; i < points; i++)
            {
                risk += risks[i].Risk(k);
            }

            risk /= points;
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

    /// <summary>
    /// A random warmed-up statistics state: random talk, wrap-up, answer and non-live delay samples
    /// (sometimes all equal, so that the tables are steps), a random live share over enough outcomes to
    /// keep the hard cap away, then random agents (some past the longest talk) and ringing calls.
    /// </summary>
    public static (DialerStatistics Statistics, Instant Now) RandomState(Random rng)
    {
        int maxAgents = 400;
        var stats = new DialerStatistics(new DialerStatisticsOptions { MaxAgents = maxAgents, AnswerRatePriorWeight = 0 });
        var t = Instant.FromUtc(2026, 6, 1, 9, 0);
        int outcomes = rng.Next(200, 600);
        double liveShare = 0.15 + (rng.NextDouble() * 0.7);
        int answerLow = rng.Next(1, 15);
        int answerSpread = rng.Next(3) == 0 ? 0 : rng.Next(1, 30);
        int nonLiveDelay = rng.Next(10, 40);
        for (long id = 0; id < outcomes; id++)
        {
            stats.CallPlaced(id, t);
            if (rng.NextDouble() < liveShare)
            {
                var answered = t + Duration.FromSeconds(answerLow + rng.Next(answerSpread + 1));
                stats.CallAnsweredLive(id, answered);
                stats.CallConnected(id, answered + Duration.FromSeconds(1));
            }
            else
            {
                stats.CallNotLive(id, DialerCallOutcome.NoAnswer, t + Duration.FromSeconds(nonLiveDelay + rng.Next(10)));
            }
        }

        int talks = rng.Next(60, 400);
        int talkLow = rng.Next(20, 200);
        int talkSpread = rng.Next(4) == 0 ? 0 : rng.Next(1, 400);
        int wrapLow = rng.Next(0, 30);
        int wrapSpread = rng.Next(3) == 0 ? 0 : rng.Next(1, 30);
        stats.AgentLoggedIn(-1, PacingAgentState.Free, t);
        for (int i = 0; i < talks; i++)
        {
            stats.AgentChanged(-1, PacingAgentState.Talking, t);
            t += Duration.FromSeconds(talkLow + rng.Next(talkSpread + 1));
            stats.AgentChanged(-1, PacingAgentState.WrapUp, t);
            t += Duration.FromSeconds(wrapLow + rng.Next(wrapSpread + 1));
            stats.AgentChanged(-1, PacingAgentState.Free, t);
        }

        stats.AgentLoggedOut(-1, t);
        var now = t + Duration.FromMinutes(rng.Next(1, 30));
        int agents = rng.Next(1, maxAgents);
        int longest = talkLow + talkSpread + wrapLow + wrapSpread + 60;
        for (int agent = 0; agent < agents; agent++)
        {
            var state = rng.Next(20) switch
            {
                0 or 1 => PacingAgentState.Free,
                2 => PacingAgentState.Away,
                3 or 4 => PacingAgentState.WrapUp,
                _ => PacingAgentState.Talking,
            };
            stats.AgentLoggedIn(agent, state, now - Duration.FromSeconds(rng.Next(longest)));
        }

        int ringing = rng.Next(0, Math.Min(2 * agents, stats.Options.MaxCallsInProgress) + 1);
        for (long i = 0; i < ringing; i++)
        {
            stats.CallPlaced(1_000_000 + i, now - Duration.FromSeconds(rng.Next(answerLow + answerSpread + nonLiveDelay + 15)));
        }

        return (stats, now);
    }
}
