using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Pacing;

internal static class PreviewRule
{
    public static PacingDecision Decide(DialerStatistics statistics)
    {
        Guard.NotNull(statistics);
        return statistics.LoggedInAgents == 0
            ? new PacingDecision(0, PacingReason.NoAgentsLoggedIn)
            : new PacingDecision(statistics.FreeAgents, PacingReason.OneRecordPerFreeAgent);
    }
}
