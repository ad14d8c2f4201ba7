using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Decides how many calls to place now from a campaign's live statistics. Called at every tick and at
/// every agent-free event, on the thread that owns the statistics; a decision allocates nothing.
/// </summary>
public interface IPacingStrategy
{
    /// <summary>A short name for logs and scoreboards ("progressive", "predictive"...).</summary>
    string Name { get; }

    /// <summary>Decides how many calls to place now.</summary>
    /// <param name="statistics">The campaign's live statistics.</param>
    /// <param name="now">The current instant of the time source.</param>
    PacingDecision Decide(DialerStatistics statistics, Instant now);
}
