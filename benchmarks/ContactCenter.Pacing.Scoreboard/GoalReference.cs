using System;
using System.Collections.Generic;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>
/// The goal for our predictive dialer: occupancy as % of the clairvoyant bound per grid cell
/// (reference figures), every shift at or under 3.0 %, never below progressive, no start-up burst, and
/// a mean shift abandon rate within ±0.15 points of the 2.5 % set-point for N ≥ 25.
/// </summary>
internal static class GoalReference
{
    private static readonly Dictionary<(int Agents, int PermilleP), double> s_ofBound = new()
    {
        [(10, 150)] = 80, [(10, 300)] = 83, [(10, 600)] = 90,
        [(25, 150)] = 89, [(25, 300)] = 90, [(25, 600)] = 93,
        [(50, 150)] = 93, [(50, 300)] = 94, [(50, 600)] = 95,
        [(100, 150)] = 96, [(100, 300)] = 96, [(100, 600)] = 97,
    };

    /// <summary>The set-point of the abandon rate.</summary>
    public const double SetPoint = 0.025;

    /// <summary>How far from the set-point the mean shift rate may land, for N ≥ <see cref="SetPointFromAgents"/>.</summary>
    public const double SetPointTolerance = 0.0015;

    /// <summary>The smallest team held to the set-point.</summary>
    public const int SetPointFromAgents = 25;

    /// <summary>The reference's shifts over 3 % (of 60).</summary>
    public const int ReferenceShiftsOver = 1;

    /// <summary>The reference occupancy as % of the bound for a grid cell, or null outside the grid.</summary>
    public static double? OfBoundPercent(int agents, double p) =>
        s_ofBound.TryGetValue((agents, (int)Math.Round(p * 1000d)), out double percent) ? percent : null;

    /// <summary>The verdict on one cell of ours.</summary>
    public static GoalVerdict Judge(CellSummary ours)
    {
        ArgumentNullException.ThrowIfNull(ours);
        double? reference = OfBoundPercent(ours.Case.Agents, ours.Case.LiveAnswerProbability);
        bool? occupancy = reference is { } r ? Math.Round(ours.OfBound * 100d, 1) >= r : null;
        bool shifts = ours.ShiftsOver3Percent == 0;
        bool? progressive = ours.ShiftsBelowProgressive is { } below ? below == 0 : null;
        bool startup = ours.StartupAbandonRate <= CellSummary.AbandonLimit;
        bool? setPoint = ours.Case.Agents >= SetPointFromAgents
            ? Math.Abs(ours.MeanAbandonRate - SetPoint) <= SetPointTolerance + 1e-12
            : null;
        return new GoalVerdict(reference, occupancy, shifts, progressive, startup, setPoint);
    }
}

/// <summary>Each criterion of the goal for one cell: true met, false missed, null not applicable.</summary>
/// <param name="ReferencePercent">The reference occupancy as % of the bound.</param>
/// <param name="Occupancy">Occupancy % of the bound at or above the reference (compared at one decimal).</param>
/// <param name="EveryShiftUnderLimit">No shift above 3 %.</param>
/// <param name="NeverBelowProgressive">No shift with fewer talk minutes than progressive on the same seed.</param>
/// <param name="NoStartupBurst">Abandon rate of the first 15 minutes (all seeds pooled) at or under 3 %.</param>
/// <param name="NearSetPoint">Mean shift abandon rate within ±0.15 points of 2.5 % (N ≥ 25).</param>
internal sealed record GoalVerdict(
    double? ReferencePercent,
    bool? Occupancy,
    bool EveryShiftUnderLimit,
    bool? NeverBelowProgressive,
    bool NoStartupBurst,
    bool? NearSetPoint)
{
    /// <summary>Every applicable criterion met.</summary>
    public bool Met => Occupancy != false && EveryShiftUnderLimit && NeverBelowProgressive != false && NoStartupBurst && NearSetPoint != false;
}
