using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// The campaign's own data (<see cref="Campaign.ToSnapshot"/>): its records are stored one by one
/// (<see cref="CallingRecordSnapshot"/>) and its calling list once. Restored with <see cref="Campaign.Restore"/>.
/// </summary>
/// <param name="Id">The campaign's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Mode">Its delivery mode.</param>
/// <param name="State">Its state.</param>
/// <param name="AssignedAgents">The agents assigned to it, in assignment order.</param>
/// <param name="Sequence">The sequence number of its last event (numbering goes on from it after a restore).</param>
public sealed record CampaignSnapshot(string Id, string Name, DeliveryMode Mode, CampaignState State, IReadOnlyList<string> AssignedAgents, long Sequence);

/// <summary>
/// Everything a <see cref="CallingRecord"/> needs to be restored at the same state (<see cref="CallingRecord.ToSnapshot"/>):
/// what a store writes for each record, with its attempts and results. The record's data (name, numbers) is in the calling list.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="RecordId">The record's id in its list.</param>
/// <param name="Position">Its position in the calling list (0 for the first): the stable order of pages.</param>
/// <param name="State">Its state.</param>
/// <param name="Ticket">Its place among ready records (list order; a skip moves it after the others).</param>
/// <param name="Attempts">Every attempt, oldest first, with its result.</param>
public sealed record CallingRecordSnapshot(
    string CampaignId, string RecordId, int Position, CallingRecordState State, long Ticket, IReadOnlyList<RecordAttempt> Attempts)
{
    /// <summary>How many times agents skipped it.</summary>
    public int SkipCount { get; init; }

    /// <summary>When a scheduled record is due again; else <see langword="null"/>.</summary>
    public Instant? RetryAt { get; init; }

    /// <summary>The agent who holds it, or whose call it is; else <see langword="null"/>.</summary>
    public string? AgentId { get; init; }

    /// <summary>The disposition, once done.</summary>
    public string? Disposition { get; init; }

    /// <summary>Why it ended, once done.</summary>
    public RecordEndReason? EndReason { get; init; }

    /// <summary>Why it waits (no number may be dialled), or <see langword="null"/>.</summary>
    public RecordWait? Wait { get; init; }

    /// <summary>Per number of the record (list order): why it is no longer dialled, or <see langword="null"/> when usable. Empty means all usable.</summary>
    public IReadOnlyList<string?> UnusableNumbers { get; init; } = [];

    /// <summary>When the preview time of a record under preview runs out (the recommended number is dialled then); else <see langword="null"/>.</summary>
    public Instant? PreviewDeadline { get; init; }

    /// <summary>Whether the record is done.</summary>
    public bool IsDone => State == CallingRecordState.Done;
}
