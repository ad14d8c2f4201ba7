using ContactCenter.Core.Pacing;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// A pacing strategy whose decisions are logged at Trace (<see cref="ContactCenterLogEvents.PacingDecision"/>). The
/// log method checks the level first: with Trace off a decision costs one call more and allocates nothing.
/// </summary>
internal sealed class LoggedPacingStrategy(IPacingStrategy inner, ILogger logger) : IPacingStrategy
{
    public IPacingStrategy Inner => inner;

    public string Name => inner.Name;

    public PacingDecision Decide(DialerStatistics statistics, Instant now)
    {
        var decision = inner.Decide(statistics, now);
        Log.PacingDecision(logger, inner.Name, decision.Count, decision.Reason, statistics.FreeAgents, statistics.RingingCalls, statistics.WaitingCalls);
        return decision;
    }
}
