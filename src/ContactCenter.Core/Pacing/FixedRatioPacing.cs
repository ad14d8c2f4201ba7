using System;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Fixed ratio (a scoreboard baseline): keeps <see cref="Ratio"/> × free agents calls in progress,
/// rounded down, minus the calls already ringing or waiting. Blind to answer rates and talk times.
/// </summary>
public sealed class FixedRatioPacing : IPacingStrategy
{
    /// <summary>Creates a fixed-ratio strategy.</summary>
    /// <param name="ratio">Calls per free agent, greater than 0 and at most 10 (for example 1.5).</param>
    public FixedRatioPacing(double ratio)
    {
        if (!(ratio > 0d && ratio <= 10d))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The ratio must be greater than 0 and at most 10.");
        }

        Ratio = ratio;
    }

    /// <summary>Calls per free agent.</summary>
    public double Ratio { get; }

    /// <inheritdoc />
    public string Name => "fixed-ratio";

    /// <inheritdoc />
    public PacingDecision Decide(DialerStatistics statistics, Instant now)
    {
        Guard.NotNull(statistics);
        if (statistics.LoggedInAgents == 0)
        {
            return new PacingDecision(0, PacingReason.NoAgentsLoggedIn);
        }

        int target = (int)Math.Floor(Ratio * statistics.FreeAgents);
        return new PacingDecision(Math.Max(0, target - statistics.RingingCalls - statistics.WaitingCalls), PacingReason.FixedRatio);
    }
}
