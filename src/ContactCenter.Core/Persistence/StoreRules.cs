using System;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// The rules every store applies, in one place: which callbacks and records are claimable, which interactions are in
/// flight, and the order of claims. Stores that filter in SQL write the same rules there (see docs/persistence.md).
/// </summary>
public static class StoreRules
{
    /// <summary>Whether a callback is claimable at <paramref name="now"/> (leases aside): due, offered, or scheduled with its due instant not after <paramref name="now"/>.</summary>
    /// <param name="snapshot">The callback.</param>
    /// <param name="now">The instant of the claim.</param>
    /// <returns><see langword="true"/> when claimable.</returns>
    public static bool IsClaimable(CallbackSnapshot snapshot, Instant now)
    {
        Internal.Guard.NotNull(snapshot);
        return snapshot.State is CallbackState.Due or CallbackState.Offered
            || (snapshot.State == CallbackState.Scheduled && snapshot.Schedule.DueAt <= now);
    }

    /// <summary>Whether a record is claimable at <paramref name="now"/> (leases aside): ready, or scheduled with its retry instant not after <paramref name="now"/>.</summary>
    /// <param name="snapshot">The record.</param>
    /// <param name="now">The instant of the claim.</param>
    /// <returns><see langword="true"/> when claimable.</returns>
    public static bool IsClaimable(CallingRecordSnapshot snapshot, Instant now)
    {
        Internal.Guard.NotNull(snapshot);
        return snapshot.State == CallingRecordState.Ready
            || (snapshot.State == CallingRecordState.Scheduled && snapshot.RetryAt is { } at && at <= now);
    }

    /// <summary>
    /// The delivery-order key of a claimable record: due retries first (0, retry instant, ticket), then ready records
    /// (1, ticket).
    /// </summary>
    /// <param name="snapshot">The record.</param>
    /// <returns>A key that sorts in delivery order.</returns>
    public static (int Group, Instant At, long Ticket) DeliveryOrder(CallingRecordSnapshot snapshot)
    {
        Internal.Guard.NotNull(snapshot);
        return snapshot.State == CallingRecordState.Scheduled
            ? (0, snapshot.RetryAt ?? Instant.MinValue, snapshot.Ticket)
            : (1, Instant.MinValue, snapshot.Ticket);
    }

    /// <summary>Whether an interaction is in flight: not done, rejected or abandoned.</summary>
    /// <param name="state">Its state.</param>
    /// <returns><see langword="true"/> when in flight.</returns>
    public static bool IsInFlight(InteractionState state) =>
        state is not (InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned);
}

/// <summary>Names and checks shared by the stores.</summary>
internal static class StoreText
{
    internal const string Callback = "callback";
    internal const string Campaign = "campaign";
    internal const string Record = "calling record";
    internal const string Interaction = "interaction";

    internal static void CheckPage(int skip, int take)
    {
        if (skip < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(skip), skip, "skip must not be negative.");
        }

        if (take < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(take), take, "take must not be negative.");
        }
    }
}
