using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Samples.Quickstart;

/// <summary>
/// Keeps the calls in flight in the store: after every event of a followed call, its snapshot is written, owned by this
/// host under a lease. A host that dies mid-call leaves the last snapshot for the next start to surface as orphaned.
/// </summary>
internal sealed class InteractionSnapshots(IInteractionStore store, string hostId, ITimeSource time) : IDisposable
{
    private static readonly Duration s_lease = Duration.FromMinutes(5);

    private readonly Dictionary<InteractionId, long> _versions = [];
    private readonly List<IDisposable> _subscriptions = [];
    private Task _writes = Task.CompletedTask;

    /// <summary>How many snapshots were written.</summary>
    public int Writes { get; private set; }

    /// <summary>Writes the call's snapshot now and after each of its events.</summary>
    public void Follow(Interaction call)
    {
        Write(call.Snapshot);
        _subscriptions.Add(call.Events.Subscribe(_ => Write(call.Snapshot)));
    }

    /// <summary>Waits for the writes in progress; throws when one failed.</summary>
    public Task FlushAsync() => _writes;

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    // Events arrive synchronously, in order: each write waits for the one before, so that versions follow.
    private void Write(InteractionSnapshot snapshot) => _writes = WriteAfterAsync(_writes, snapshot, time.Now);

    private async Task WriteAfterAsync(Task previous, InteractionSnapshot snapshot, Instant at)
    {
        await previous.ConfigureAwait(false);
        var owner = new Claim(hostId, at + s_lease);
        if (!_versions.TryGetValue(snapshot.Id, out long version))
        {
            // The telephony's id may be in the store already (this sample's ids are fixed): write over that row.
            version = (await store.FindAsync(snapshot.Id).ConfigureAwait(false))?.Version ?? 0;
        }

        var stored = version == 0
            ? await store.AddAsync(snapshot, owner, at).ConfigureAwait(false)
            : await store.SaveAsync(snapshot, version, owner, at).ConfigureAwait(false);
        _versions[snapshot.Id] = stored.Version;
        Writes++;
    }
}
