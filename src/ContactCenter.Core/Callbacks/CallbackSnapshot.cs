using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// Everything a <see cref="Callback"/> needs to be restored at the same state (<see cref="Callback.ToSnapshot"/>,
/// <see cref="Callback.Restore"/>): what a store writes. Immutable; compare two snapshots with
/// <see cref="Persistence.SnapshotJson"/> (records compare lists by reference).
/// </summary>
/// <param name="Id">The callback's id.</param>
/// <param name="Kind">Where it comes from.</param>
/// <param name="State">Its state.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Schedule">Its current schedule (due instant, window, number, ownership).</param>
/// <param name="QueuedSince">The instant that orders it among due callbacks.</param>
/// <param name="Attempts">Every attempt, oldest first.</param>
/// <param name="Sequence">The sequence number of its last event (event numbering goes on from it after a restore).</param>
public sealed record CallbackSnapshot(
    CallbackId Id,
    CallbackKind Kind,
    CallbackState State,
    Instant CreatedAt,
    CallbackSchedule Schedule,
    Instant QueuedSince,
    IReadOnlyList<CallbackAttempt> Attempts,
    long Sequence)
{
    /// <summary>What it is about.</summary>
    public string? Subject { get; init; }

    /// <summary>The customer's time zone, when known.</summary>
    public DateTimeZone? CustomerZone { get; init; }

    /// <summary>The agent offered it first, or <see langword="null"/>.</summary>
    public string? PreferredAgentId { get; init; }

    /// <summary>Its queue, or <see langword="null"/>.</summary>
    public string? Queue { get; init; }

    /// <summary>The campaign of a campaign callback, or <see langword="null"/>.</summary>
    public string? CampaignId { get; init; }

    /// <summary>Where the caller's recorded message is kept (voice-message callback), or <see langword="null"/>.</summary>
    public string? MessageReference { get; init; }

    /// <summary>The reschedule waiting for Mark done, or <see langword="null"/>.</summary>
    public CallbackSchedule? PendingReschedule { get; init; }

    /// <summary>Whether the current schedule was set by a reschedule (then it can be unscheduled).</summary>
    public bool IsRescheduled { get; init; }

    /// <summary>When the current due period started, while due or offered; else <see langword="null"/>.</summary>
    public Instant? DueSince { get; init; }

    /// <summary>The queued caller's original enqueue instant (voice-message callback not yet rescheduled), or <see langword="null"/>.</summary>
    public Instant? VoiceMessageAnchor { get; init; }

    /// <summary>The pending or accepted offer, or <see langword="null"/>.</summary>
    public CallbackOffer? CurrentOffer { get; init; }

    /// <summary>Why it ended, once terminal; else <see langword="null"/>.</summary>
    public CallbackEndReason? EndReason { get; init; }

    /// <summary>Whether the callback is completed, cancelled or failed.</summary>
    public bool IsTerminal => State is CallbackState.Completed or CallbackState.Cancelled or CallbackState.Failed;
}
