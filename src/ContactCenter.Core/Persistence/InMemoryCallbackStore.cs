using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// <see cref="ICallbackStore"/> in memory: for tests, simulations and hosts that need no durability. Thread-safe; follows
/// the port's contract exactly (versions, conflicts, claims), but nothing survives the process.
/// </summary>
public sealed class InMemoryCallbackStore : ICallbackStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<Guid, StoredCallback> _items = new();

    /// <inheritdoc />
    public Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_items.TryGetValue(snapshot.Id.Value, out var existing))
            {
                throw new ConcurrencyConflictException(StoreText.Callback, snapshot.Id.ToString(), 0, existing.Version);
            }

            var stored = new StoredCallback(snapshot, 1, null);
            _items.Add(snapshot.Id.Value, stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<StoredCallback?> FindAsync(CallbackId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue(id.Value, out var stored) ? stored : null);
        }
    }

    /// <inheritdoc />
    public Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            long actual = _items.TryGetValue(snapshot.Id.Value, out var existing) ? existing.Version : 0;
            if (actual == 0 || actual != expectedVersion)
            {
                throw new ConcurrencyConflictException(StoreText.Callback, snapshot.Id.ToString(), expectedVersion, actual);
            }

            var stored = new StoredCallback(snapshot, actual + 1, existing!.Claim);
            _items[snapshot.Id.Value] = stored;
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        StoreText.CheckPage(skip, take);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredCallback> page = _items.Values
                .Where(static s => !s.Snapshot.IsTerminal)
                .OrderBy(static s => s.Snapshot.Id.ToString(), StringComparer.Ordinal)
                .Skip(skip).Take(take).ToArray();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var claim = request.ToClaim();
            var chosen = _items.Values
                .Where(s => StoreRules.IsClaimable(s.Snapshot, request.Now) && s.Claim?.IsLiveAt(request.Now) != true)
                .OrderBy(static s => s.Snapshot.QueuedSince)
                .ThenBy(static s => s.Snapshot.Id.ToString(), StringComparer.Ordinal)
                .Take(request.MaxCount)
                .Select(s => s with { Claim = claim })
                .ToArray();
            foreach (var stored in chosen)
            {
                _items[stored.Snapshot.Id.Value] = stored;
            }

            return Task.FromResult<IReadOnlyList<StoredCallback>>(chosen);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(CallbackId id, string ownerId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(ownerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_items.TryGetValue(id.Value, out var stored) && stored.Claim is { } claim && string.Equals(claim.OwnerId, ownerId, StringComparison.Ordinal))
            {
                _items[id.Value] = stored with { Claim = null };
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }
}
