using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Durable callbacks, with their attempts. Every method returns once the store has durably written (or read); a failure
/// throws (<see cref="StoreException"/>, <see cref="ConcurrencyConflictException"/>) and writes nothing.
/// </summary>
/// <remarks>
/// <para><b>Versions.</b> <see cref="AddAsync"/> stores version 1; <see cref="SaveAsync"/> names the version it read and
/// stores version + 1, or throws <see cref="ConcurrencyConflictException"/> when the stored version differs (or the
/// callback is not stored) and overwrites nothing. Claims never change the version.</para>
/// <para><b>Claims.</b> A callback is <i>claimable</i> at an instant when it is <see cref="CallbackState.Due"/> or
/// <see cref="CallbackState.Offered"/>, or <see cref="CallbackState.Scheduled"/> with <see cref="CallbackSchedule.DueAt"/>
/// not after that instant, and it has no claim whose lease is live then. <see cref="ClaimDueAsync"/> atomically takes up to
/// n of them, in order of <see cref="CallbackSnapshot.QueuedSince"/> then id, and gives each the requester's claim: two
/// concurrent claims never return the same callback.</para>
/// </remarks>
public interface ICallbackStore
{
    /// <summary>Stores a new callback at version 1.</summary>
    /// <param name="snapshot">The callback.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored callback (version 1, no claim).</returns>
    /// <exception cref="ConcurrencyConflictException">A callback with this id is stored already (expected version 0).</exception>
    Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Reads a callback.</summary>
    /// <param name="id">The callback's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored callback, or <see langword="null"/> when none has this id.</returns>
    Task<StoredCallback?> FindAsync(CallbackId id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a callback if it is still at <paramref name="expectedVersion"/>; its claim is kept.</summary>
    /// <param name="snapshot">The callback's new state.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored callback at <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or the callback is not stored; nothing was written.</exception>
    Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A page of the callbacks that are not terminal (scheduled, due, offered, accepted, in progress, wrap-up), ordered by id.</summary>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; shorter than <paramref name="take"/> at the end.</returns>
    Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Atomically claims up to <see cref="ClaimRequest.MaxCount"/> claimable callbacks (see the remarks) for the requester.</summary>
    /// <param name="request">Who claims, at which instant, for how long, how many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed callbacks, in queue order, each with the new claim.</returns>
    Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>Ends <paramref name="ownerId"/>'s claim on a callback (nothing happens when another host holds it, or nobody).</summary>
    /// <param name="id">The callback.</param>
    /// <param name="ownerId">The host releasing it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the claim was <paramref name="ownerId"/>'s and is ended.</returns>
    Task<bool> ReleaseAsync(CallbackId id, string ownerId, CancellationToken cancellationToken = default);
}
