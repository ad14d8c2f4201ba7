using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// Push preview (automatic): the system pushes a record to every free agent without one; the agent dials.
/// The decision is how many records to push now.
/// </summary>
public sealed class PushPreviewPacing : IPacingStrategy
{
    /// <inheritdoc />
    public string Name => "push-preview";

    /// <inheritdoc />
    public PacingDecision Decide(DialerStatistics statistics, Instant now) => PreviewRule.Decide(statistics);
}
