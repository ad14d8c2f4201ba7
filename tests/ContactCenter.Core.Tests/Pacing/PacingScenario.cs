using System;
using ContactCenter.Core.Pacing;
using NodaTime;

namespace ContactCenter.Core.Tests.Pacing;

/// <summary>Builds hand-made dialer states for the pacing tests.</summary>
internal static class PacingScenario
{
    public static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 9, 0);

    /// <summary>
    /// Statistics after a warm-up: <paramref name="talks"/> talks of 120–240 s and 15 s wraps learned,
    /// answer delays 5–25 s, a live-answer share <paramref name="liveShare"/> over 400 outcomes, then
    /// the given agents free/talking/wrapping and calls ringing, at <see cref="Start"/> + 1 h.
    /// </summary>
    public static (DialerStatistics Statistics, Instant Now) Build(
        int free, int talking, int wrapping, int ringing, double liveShare, int talks = 100, DialerStatisticsOptions? options = null)
    {
        var stats = new DialerStatistics(options ?? new DialerStatisticsOptions { MaxAgents = 1100, AnswerRatePriorWeight = 0 });
        var rng = new Random(42);
        long id = 1_000_000;
        var t = Start;
        for (int i = 0; i < 400; i++)
        {
            stats.CallPlaced(id, t);
            if (i < liveShare * 400)
            {
                var answered = t + Duration.FromSeconds(5 + rng.Next(21));
                stats.CallAnsweredLive(id, answered);
                stats.CallConnected(id, answered + Duration.FromSeconds(1));
            }
            else
            {
                stats.CallNotLive(id, DialerCallOutcome.NoAnswer, t + Duration.FromSeconds(25));
            }

            id++;
        }

        stats.AgentLoggedIn(-1, PacingAgentState.Free, t);
        for (int i = 0; i < talks; i++)
        {
            stats.AgentChanged(-1, PacingAgentState.Talking, t);
            t += Duration.FromSeconds(120 + rng.Next(121));
            stats.AgentChanged(-1, PacingAgentState.WrapUp, t);
            t += Duration.FromSeconds(15);
            stats.AgentChanged(-1, PacingAgentState.Free, t);
        }

        stats.AgentLoggedOut(-1, t);
        var now = Start + Duration.FromHours(10);
        int agent = 0;
        for (int i = 0; i < free; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.Free, now - Duration.FromSeconds(3));
        }

        for (int i = 0; i < talking; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.Talking, now - Duration.FromSeconds(rng.Next(300)));
        }

        for (int i = 0; i < wrapping; i++)
        {
            stats.AgentLoggedIn(agent++, PacingAgentState.WrapUp, now - Duration.FromSeconds(rng.Next(15)));
        }

        for (int i = 0; i < ringing; i++)
        {
            stats.CallPlaced(i, now - Duration.FromSeconds(rng.Next(20)));
        }

        return (stats, now);
    }
}
