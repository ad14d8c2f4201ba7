using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Preview (manual): the agent asks for a record and dials it. The decision is how many records may be
/// handed out now: one per free agent (an agent holding a record is <see cref="PacingAgentState.Reserved"/>).
/// </summary>
public sealed class PreviewPacing : IPacingStrategy
{
    /// <inheritdoc />
    public string Name => "preview";

    /// <inheritdoc />
    public PacingDecision Decide(DialerStatistics statistics, Instant now) => PreviewRule.Decide(statistics);
}
