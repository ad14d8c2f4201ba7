using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>One dialer over the seeds of one scenario.</summary>
/// <param name="Case">The scenario.</param>
/// <param name="Dialer">The dialer.</param>
/// <param name="Shifts">The shifts, in seed order (empty for the bound).</param>
/// <param name="TalkMinutesPerAgentHour">Mean over the shifts (for the bound: 60 × bound).</param>
/// <param name="Occupancy">Mean occupancy (for the bound: the bound).</param>
/// <param name="OfBound">Mean occupancy ÷ the bound.</param>
/// <param name="MeanAbandonRate">Mean of the shifts' abandon rates.</param>
/// <param name="MaxAbandonRate">Highest shift abandon rate.</param>
/// <param name="ShiftsOver3Percent">Shifts whose abandon rate is above 3 %.</param>
/// <param name="StartupAbandoned">Abandons in the first 15 minutes, summed over the shifts.</param>
/// <param name="StartupLiveAnswers">Live answers in the first 15 minutes, summed over the shifts.</param>
/// <param name="ShiftsBelowProgressive">Shifts with fewer talk minutes than progressive's on the same seed; null without progressive.</param>
internal sealed record CellSummary(
    ScoreboardCase Case,
    string Dialer,
    IReadOnlyList<ShiftResult> Shifts,
    double TalkMinutesPerAgentHour,
    double Occupancy,
    double OfBound,
    double MeanAbandonRate,
    double MaxAbandonRate,
    int ShiftsOver3Percent,
    long StartupAbandoned,
    long StartupLiveAnswers,
    int? ShiftsBelowProgressive)
{
    /// <summary>The legal limit of a shift's abandon rate.</summary>
    public const double AbandonLimit = 0.03;

    /// <summary>Start-up abandons ÷ start-up live answers.</summary>
    public double StartupAbandonRate => StartupLiveAnswers == 0 ? 0d : (double)StartupAbandoned / StartupLiveAnswers;

    /// <summary>Whether this row is the computed bound.</summary>
    public bool IsBound => Shifts.Count == 0;

    /// <summary>Summarises <paramref name="shifts"/> of one dialer on one scenario.</summary>
    public static CellSummary Of(ScoreboardCase scenario, string dialer, IReadOnlyList<ShiftResult> shifts, IReadOnlyList<ShiftResult>? progressive)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        if (shifts.Count == 0)
        {
            throw new ArgumentException("A cell needs at least one shift.", nameof(shifts));
        }

        int? below = null;
        if (progressive is not null)
        {
            var bySeed = progressive.ToDictionary(s => s.Seed, s => s.TalkMinutesPerAgentHour);
            below = shifts.Count(s => bySeed.TryGetValue(s.Seed, out double baseline) && s.TalkMinutesPerAgentHour < baseline);
        }

        double occupancy = shifts.Average(s => s.Occupancy);
        double bound = shifts[0].Bound;
        return new CellSummary(
            scenario,
            dialer,
            shifts,
            shifts.Average(s => s.TalkMinutesPerAgentHour),
            occupancy,
            bound > 0d ? occupancy / bound : 0d,
            shifts.Average(s => s.AbandonRate),
            shifts.Max(s => s.AbandonRate),
            shifts.Count(s => s.AbandonRate > AbandonLimit),
            shifts.Sum(s => s.StartupAbandoned),
            shifts.Sum(s => s.StartupLiveAnswers),
            below);
    }

    /// <summary>The clairvoyant bound's row for <paramref name="scenario"/>.</summary>
    public static CellSummary BoundOf(ScoreboardCase scenario, string dialer, double bound) =>
        new(scenario, dialer, [], 60d * bound, bound, 1d, 0d, 0d, 0, 0, 0, null);
}
