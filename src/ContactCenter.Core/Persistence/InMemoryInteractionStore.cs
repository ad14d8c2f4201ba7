using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary><see cref="IInteractionStore"/> in memory: for tests and hosts that need no durability. Thread-safe.</summary>
public sealed class InMemoryInteractionStore : IInteractionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, StoredInteraction> _items = [];

    /// <inheritdoc />
    public Task<StoredInteraction> AddAsync(InteractionSnapshot snapshot, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_items.TryGetValue(snapshot.Id.Value, out var existing))
            {
                throw new ConcurrencyConflictException(StoreText.Interaction, snapshot.Id.ToString(), 0, existing.Version);
            }

            var stored = new StoredInteraction(snapshot, 1, owner, updatedAt);
            _items.Add(snapshot.Id.Value, stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<StoredInteraction> SaveAsync(InteractionSnapshot snapshot, long expectedVersion, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            long actual = _items.TryGetValue(snapshot.Id.Value, out var existing) ? existing.Version : 0;
            if (actual == 0 || actual != expectedVersion)
            {
                throw new ConcurrencyConflictException(StoreText.Interaction, snapshot.Id.ToString(), expectedVersion, actual);
            }

            var stored = new StoredInteraction(snapshot, actual + 1, owner, updatedAt);
            _items[snapshot.Id.Value] = stored;
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<StoredInteraction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue(id.Value, out var stored) ? stored : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInteraction>> ListInFlightAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        StoreText.CheckPage(skip, take);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredInteraction> page = _items.Values.Where(static s => StoreRules.IsInFlight(s.Snapshot.State))
                .OrderBy(static s => s.Snapshot.Id.ToString(), StringComparer.Ordinal).Skip(skip).Take(take).ToArray();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<int> RenewLeasesAsync(string ownerId, Instant until, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(ownerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var mine = _items.Values.Where(s => StoreRules.IsInFlight(s.Snapshot.State) && string.Equals(s.Owner.OwnerId, ownerId, StringComparison.Ordinal)).ToArray();
            foreach (var stored in mine)
            {
                _items[stored.Snapshot.Id.Value] = stored with { Owner = new Claim(ownerId, until) };
            }

            return Task.FromResult(mine.Length);
        }
    }
}
