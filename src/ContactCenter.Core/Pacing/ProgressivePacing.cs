using System;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Progressive: dials only for agents who are free, <see cref="LinesPerAgent"/> lines per free agent,
/// minus the calls already ringing and the live answers waiting for an agent.
/// </summary>
public sealed class ProgressivePacing : IPacingStrategy
{
    /// <summary>Creates a progressive strategy.</summary>
    /// <param name="linesPerAgent">Lines per free agent, 1 to 10. Default 1.</param>
    public ProgressivePacing(int linesPerAgent = 1)
    {
        if (linesPerAgent is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(linesPerAgent), linesPerAgent, "Lines per free agent must be between 1 and 10.");
        }

        LinesPerAgent = linesPerAgent;
    }

    /// <summary>Lines per free agent.</summary>
    public int LinesPerAgent { get; }

    /// <inheritdoc />
    public string Name => "progressive";

    /// <inheritdoc />
    public PacingDecision Decide(DialerStatistics statistics, Instant now)
    {
        Guard.NotNull(statistics);
        return statistics.LoggedInAgents == 0
            ? new PacingDecision(0, PacingReason.NoAgentsLoggedIn)
            : new PacingDecision(Count(statistics, LinesPerAgent), PacingReason.LinesPerFreeAgent);
    }

    internal static int Count(DialerStatistics statistics, int linesPerAgent) =>
        Math.Max(0, (statistics.FreeAgents * linesPerAgent) - statistics.RingingCalls - statistics.WaitingCalls);
}
