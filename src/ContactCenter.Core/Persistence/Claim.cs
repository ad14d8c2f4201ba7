using System;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// A host's hold on a stored item: the host <see cref="OwnerId"/> works on it until <see cref="Until"/> (a lease). A claim
/// whose lease has run out is dead: another host may claim the item.
/// </summary>
/// <param name="OwnerId">The host (or worker) holding the item.</param>
/// <param name="Until">When the lease ends.</param>
public sealed record Claim(string OwnerId, Instant Until)
{
    /// <summary>Whether the lease is still running at <paramref name="now"/>.</summary>
    /// <param name="now">The instant to test.</param>
    /// <returns><see langword="true"/> while <paramref name="now"/> is before <see cref="Until"/>.</returns>
    public bool IsLiveAt(Instant now) => now < Until;
}

/// <summary>What a claim asks: up to <see cref="MaxCount"/> due items not held by a live lease, for <see cref="OwnerId"/>, leased for <see cref="Lease"/>.</summary>
public sealed record ClaimRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="ownerId">The host claiming; not blank.</param>
    /// <param name="now">The instant that decides what is due and which leases are live.</param>
    /// <param name="lease">How long the claim holds; positive.</param>
    /// <param name="maxCount">At most this many items; at least 1.</param>
    /// <exception cref="ArgumentException">A blank owner id, a lease that is not positive, or a count below 1.</exception>
    public ClaimRequest(string ownerId, Instant now, Duration lease, int maxCount)
    {
        Guard.NotNull(ownerId);
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            throw new ArgumentException("A claim needs an owner id.", nameof(ownerId));
        }

        if (lease <= Duration.Zero)
        {
            throw new ArgumentException($"A claim's lease must be positive (was {lease}).", nameof(lease));
        }

        if (maxCount < 1)
        {
            throw new ArgumentException($"A claim asks for at least one item (was {maxCount}).", nameof(maxCount));
        }

        OwnerId = ownerId;
        Now = now;
        Lease = lease;
        MaxCount = maxCount;
    }

    /// <summary>The host claiming.</summary>
    public string OwnerId { get; }

    /// <summary>The instant that decides what is due and which leases are live.</summary>
    public Instant Now { get; }

    /// <summary>How long the claim holds.</summary>
    public Duration Lease { get; }

    /// <summary>At most this many items.</summary>
    public int MaxCount { get; }

    /// <summary>The claim given to each item: <see cref="OwnerId"/> until <see cref="Now"/> + <see cref="Lease"/>.</summary>
    public Claim ToClaim() => new(OwnerId, Now + Lease);
}
