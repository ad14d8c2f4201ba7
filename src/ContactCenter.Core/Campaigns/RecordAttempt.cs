using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>One call attempt of a calling record.</summary>
/// <param name="Ordinal">1 for the record's first attempt, 2 for the next...</param>
/// <param name="InteractionId">The interaction the call is (the dialer's and the agent's reservation id).</param>
/// <param name="Number">The number dialled.</param>
/// <param name="StartedAt">When dialling started.</param>
/// <param name="AgentId">The agent the call is for (the previewing agent, or the agent it was connected to), or <see langword="null"/>.</param>
/// <param name="Result">How it ended; <see langword="null"/> while dialling.</param>
/// <param name="EndedAt">When the attempt ended (the result of an unanswered call; the completion or reschedule of a connected one); <see langword="null"/> while open.</param>
public sealed record RecordAttempt(
    int Ordinal, InteractionId InteractionId, RecordNumber Number, Instant StartedAt, string? AgentId, CampaignCallResult? Result, Instant? EndedAt)
{
    /// <summary>How long the attempt lasted, once ended.</summary>
    public Duration? Duration => EndedAt - StartedAt;

    /// <summary>Whether the attempt is still open.</summary>
    public bool IsOpen => EndedAt is null;
}

/// <summary>
/// Why a record that is due is not delivered now: no number may be dialled (calling windows in every candidate zone,
/// do-not-call, frequency caps, reachable hours), with the explanation and the earliest instant worth checking again.
/// </summary>
/// <param name="Explanation">Why, for people (invariant culture).</param>
/// <param name="CheckedAt">When it was found.</param>
/// <param name="NextOpeningAt">
/// No number is dialable before this instant; the record is checked again from then. <see langword="null"/> when no opening
/// is known (do-not-call, unknown zone): the record is checked again at every delivery.
/// </param>
public sealed record RecordWait(string Explanation, Instant CheckedAt, Instant? NextOpeningAt)
{
    /// <inheritdoc />
    public override string ToString() => Explanation;
}
