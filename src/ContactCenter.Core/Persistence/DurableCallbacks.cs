using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// The callbacks a host runs, written to an <see cref="ICallbackStore"/> before they are acknowledged: creating,
/// rescheduling, recording an attempt or any other command returns only once the store has durably written the result.
/// A failed write throws and leaves the callback in memory exactly as it was (no event is published); a concurrency
/// conflict (another host changed the callback) reloads the callback from the store and applies the command again when
/// it is still permitted.
/// </summary>
/// <remarks>
/// <para>How: a command first runs on a probe — a copy restored from the callback's snapshot on a stopped clock — whose
/// resulting snapshot is written (naming the version read); only then does the command run on the live callback, at the
/// same instant, producing the same state and publishing its events. Timer transitions (a callback falling due, a window
/// ending) are not written on their own: they follow from the stored instants and are recomputed on restore; the next
/// command's write carries them.</para>
/// <para>Commands are serialised (one at a time across the registry); reads are lock-free on each callback.</para>
/// </remarks>
public sealed class DurableCallbacks : IDisposable
{
    private readonly ICallbackStore _store;
    private readonly PinnedClock _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<CallbackId, Entry> _entries = [];

    /// <summary>Creates an empty registry (use <see cref="ContactCenterRecovery"/> to fill it from the store on start).</summary>
    /// <param name="store">Where callbacks are written.</param>
    /// <param name="timeSource">The clock and timers of the callbacks.</param>
    /// <param name="options">The centre's callback policy; <see cref="CallbackOptions.Default"/> when null.</param>
    public DurableCallbacks(ICallbackStore store, ITimeSource timeSource, CallbackOptions? options = null)
    {
        _store = Guard.NotNull(store);
        _clock = new PinnedClock(Guard.NotNull(timeSource));
        Options = options ?? CallbackOptions.Default;
        Options.Validate();
    }

    /// <summary>The policy the callbacks run with.</summary>
    public CallbackOptions Options { get; }

    /// <summary>How many times a command is applied again after a concurrency conflict before the conflict is thrown. Default 3.</summary>
    public int MaxConflictRetries { get; init; } = 3;

    /// <summary>The callbacks held, in queue order (<see cref="Callback.QueuedSince"/>, then id).</summary>
    public IReadOnlyList<Callback> Callbacks
    {
        get
        {
            lock (_entries)
            {
                return _entries.Values.Select(static e => e.Callback).OrderBy(static c => c.QueuedSince).ThenBy(static c => c.Id.ToString(), StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>The callback with this id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="KeyNotFoundException">The registry holds no such callback.</exception>
    public Callback Get(CallbackId id)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(id, out var entry) ? entry.Callback : throw new KeyNotFoundException($"No callback {id} is held.");
        }
    }

    /// <summary>The stored version of a callback held (what its next write names).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The version.</returns>
    /// <exception cref="KeyNotFoundException">The registry holds no such callback.</exception>
    public long VersionOf(CallbackId id)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(id, out var entry) ? entry.Version : throw new KeyNotFoundException($"No callback {id} is held.");
        }
    }

    /// <summary>Creates a callback and writes it; returns once it is durably stored.</summary>
    /// <param name="request">What to call back, when, for whom (a new id is given when it has none).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The live callback.</returns>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="StoreException">The write failed: nothing is held, nothing is stored.</exception>
    /// <exception cref="ConcurrencyConflictException">A callback with the request's id is stored already.</exception>
    public async Task<Callback> CreateAsync(CallbackRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var at = _clock.InnerNow;
            var probe = Callback.Create(request.Id is null ? request with { Id = CallbackId.New() } : request, Options, new FrozenClock(at));
            var snapshot = probe.ToSnapshot();
            var stored = await _store.AddAsync(snapshot, cancellationToken).ConfigureAwait(false);
            Callback? live = null;
            _clock.Run(at, () => live = Callback.Restore(snapshot, Options, _clock));
            Hold(live!, stored.Version);
            return live!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs a command on a callback (e.g. <c>c =&gt; c.Reschedule(...)</c>, <c>c =&gt; c.Dial()</c>,
    /// <c>c =&gt; c.RecordResult(...)</c>) and returns once its result is durably stored.
    /// </summary>
    /// <param name="id">The callback.</param>
    /// <param name="command">The command; it must only call the callback's commands.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The live callback, after the command.</returns>
    /// <exception cref="KeyNotFoundException">The registry holds no such callback.</exception>
    /// <exception cref="CallbackCommandRefusedException">The command is refused (after a reload, when it is no longer permitted); nothing changed.</exception>
    /// <exception cref="StoreException">The write failed: the callback is unchanged in memory and in the store.</exception>
    /// <exception cref="ConcurrencyConflictException">Conflicts persisted beyond <see cref="MaxConflictRetries"/>.</exception>
    public async Task<Callback> ExecuteAsync(CallbackId id, Action<Callback> command, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(command);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                Entry entry;
                lock (_entries)
                {
                    entry = _entries.TryGetValue(id, out var found) ? found : throw new KeyNotFoundException($"No callback {id} is held.");
                }

                var at = _clock.InnerNow;
                var probe = Callback.Restore(entry.Callback.ToSnapshot(), Options, new FrozenClock(at));
                command(probe);
                var after = probe.ToSnapshot();
                StoredCallback stored;
                try
                {
                    stored = await _store.SaveAsync(after, entry.Version, cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
                {
                    await ReloadAsync(id, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                ExceptionDispatchInfo? refusedLive = null;
                try
                {
                    _clock.Run(at, () => command(entry.Callback));
                }
                catch (CallbackCommandRefusedException exception)
                {
                    refusedLive = ExceptionDispatchInfo.Capture(exception);
                }

                long version = stored.Version;
                var live = entry.Callback.ToSnapshot();
                if (!string.Equals(SnapshotJson.Write(live), SnapshotJson.Write(after), StringComparison.Ordinal))
                {
                    // A timer moved the live callback between the probe and now (the command then did something else, or
                    // was refused): store what memory holds, so that store and memory agree.
                    version = (await _store.SaveAsync(live, version, cancellationToken).ConfigureAwait(false)).Version;
                }

                Hold(entry.Callback, version);
                refusedLive?.Throw();

                return entry.Callback;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads a callback from the store and holds it (replacing the one held, whose timers stop mattering to the store).</summary>
    /// <param name="id">The callback.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The callback restored from the store, or <see langword="null"/> when none is stored.</returns>
    public async Task<Callback?> LoadAsync(CallbackId id, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReloadAsync(id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the command gate; the callbacks held stay usable for reads.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>Holds a callback restored from the store (by recovery).</summary>
    internal Callback Adopt(StoredCallback stored)
    {
        var callback = Callback.Restore(stored.Snapshot, Options, _clock);
        Hold(callback, stored.Version);
        return callback;
    }

    private async Task<Callback?> ReloadAsync(CallbackId id, CancellationToken cancellationToken)
    {
        var stored = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            lock (_entries)
            {
                _entries.Remove(id);
            }

            return null;
        }

        return Adopt(stored);
    }

    private void Hold(Callback callback, long version)
    {
        lock (_entries)
        {
            _entries[callback.Id] = new Entry(callback, version);
        }
    }

    private sealed record Entry(Callback Callback, long Version);
}
