using System;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>One shift of one dialer: one sample of the scoreboard.</summary>
/// <param name="Case">The scenario's label.</param>
/// <param name="Dialer">The dialer's name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="TalkMinutesPerAgentHour">Talk minutes per available agent hour over the shift.</param>
/// <param name="Occupancy">Talk ÷ available time over the shift.</param>
/// <param name="Bound">The clairvoyant bound of occupancy for the scenario.</param>
/// <param name="LiveAnswers">Live answers of the calls placed during the shift (the run, drain included).</param>
/// <param name="Abandoned">Of those, abandoned.</param>
/// <param name="StartupLiveAnswers">Live answers in the first <see cref="StartupWindow"/> of the shift.</param>
/// <param name="StartupAbandoned">Abandons in the first <see cref="StartupWindow"/> of the shift.</param>
/// <param name="CallsPlaced">Calls placed.</param>
/// <param name="Refusals">Commands a real agent or interaction refused (0 in a sound run).</param>
internal sealed record ShiftResult(
    string Case,
    string Dialer,
    long Seed,
    double TalkMinutesPerAgentHour,
    double Occupancy,
    double Bound,
    long LiveAnswers,
    long Abandoned,
    long StartupLiveAnswers,
    long StartupAbandoned,
    long CallsPlaced,
    int Refusals)
{
    /// <summary>The start-up window: the first 15 minutes of the shift.</summary>
    public static Duration StartupWindow { get; } = Duration.FromMinutes(15);

    /// <summary>Abandoned ÷ live answers over the shift; 0 without live answers.</summary>
    public double AbandonRate => LiveAnswers == 0 ? 0d : (double)Abandoned / LiveAnswers;

    /// <summary>Occupancy as a share of the bound.</summary>
    public double OfBound => Bound > 0d ? Occupancy / Bound : 0d;

    /// <summary>
    /// Reads a run's report. Talk and available time are over the shift [start, end): available time is
    /// logged-in time less not-ready time, so breaks do not count against a dialer (in the grid, where
    /// nobody pauses, it is the logged-in time). Abandons are over the whole run, so every call placed
    /// during the shift is counted once it resolved.
    /// </summary>
    public static ShiftResult From(string caseLabel, string dialer, SimulationReport report, double bound)
    {
        ArgumentNullException.ThrowIfNull(report);
        var scenario = report.Scenario;
        var shift = report.MetricsFor(new Interval(scenario.Start, scenario.End));
        var startup = report.MetricsFor(new Interval(scenario.Start, scenario.Start + StartupWindow));
        var whole = report.Metrics;
        double available = (shift.LoggedInTime - shift.NotReadyTime).TotalSeconds;
        double talk = shift.TalkTime.TotalSeconds;
        return new ShiftResult(
            caseLabel,
            dialer,
            scenario.Seed,
            available > 0d ? talk / 60d / (available / 3600d) : 0d,
            available > 0d ? talk / available : 0d,
            bound,
            whole.LiveAnswers,
            whole.Abandoned,
            startup.LiveAnswers,
            startup.Abandoned,
            whole.CallsPlaced,
            report.Refusals.Count);
    }
}
