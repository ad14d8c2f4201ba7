using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Durable snapshots of in-flight interactions (state, parties, notes, data, disposition), each owned by the host running
/// it under a lease the host renews while alive (<see cref="RenewLeasesAsync"/>). An interaction whose owner's lease ran
/// out is an orphan: its host died mid-call (<see cref="ContactCenterRecovery"/> surfaces it for a person to finish).
/// Same version rules as <see cref="ICallbackStore"/>.
/// </summary>
public interface IInteractionStore
{
    /// <summary>Stores a new interaction at version 1.</summary>
    /// <param name="snapshot">The interaction.</param>
    /// <param name="owner">The host running it and its lease.</param>
    /// <param name="updatedAt">When (the host's clock).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored interaction.</returns>
    /// <exception cref="ConcurrencyConflictException">An interaction with this id is stored already.</exception>
    Task<StoredInteraction> AddAsync(InteractionSnapshot snapshot, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default);

    /// <summary>Replaces an interaction if it is still at <paramref name="expectedVersion"/>, with its owner and lease.</summary>
    /// <param name="snapshot">The new snapshot.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="owner">The host running it and its lease (a person finishing an orphan takes it over).</param>
    /// <param name="updatedAt">When (the host's clock).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored interaction at <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or it is not stored.</exception>
    Task<StoredInteraction> SaveAsync(InteractionSnapshot snapshot, long expectedVersion, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default);

    /// <summary>Reads an interaction.</summary>
    /// <param name="id">The interaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored interaction, or <see langword="null"/>.</returns>
    Task<StoredInteraction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the in-flight interactions — not <see cref="InteractionState.Done"/>, <see cref="InteractionState.Rejected"/>
    /// or <see cref="InteractionState.Abandoned"/> — ordered by id.
    /// </summary>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<IReadOnlyList<StoredInteraction>> ListInFlightAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of every in-flight interaction owned by <paramref name="ownerId"/> to <paramref name="until"/> (a host's heartbeat); versions are unchanged.</summary>
    /// <param name="ownerId">The host.</param>
    /// <param name="until">The new end of the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many leases were extended.</returns>
    Task<int> RenewLeasesAsync(string ownerId, Instant until, CancellationToken cancellationToken = default);
}
