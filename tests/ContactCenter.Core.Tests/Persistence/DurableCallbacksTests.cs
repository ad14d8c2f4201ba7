using System.Collections.Generic;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.Callbacks;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Persistence;

public sealed class DurableCallbacksTests
{
    private readonly VirtualTimeSource _time = new(CallbackFixture.Start);
    private readonly InMemoryCallbackStore _inner = new();
    private readonly FaultyCallbackStore _store;

    public DurableCallbacksTests() => _store = new FaultyCallbackStore(_inner);

    [Fact]
    public async Task A_created_callback_is_stored_before_it_is_returned()
    {
        using var callbacks = new DurableCallbacks(_store, _time);
        var callback = await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now + Duration.FromHours(2)));
        var stored = await _inner.FindAsync(callback.Id);
        Assert.Equal(SnapshotJson.Write(callback.ToSnapshot()), SnapshotJson.Write(stored!.Snapshot));
        Assert.Equal(1, callbacks.VersionOf(callback.Id));
        Assert.Same(callback, callbacks.Get(callback.Id));
        _time.AdvanceBy(Duration.FromHours(2));
        Assert.Equal(CallbackState.Due, callback.State);
    }

    [Fact]
    public async Task A_failed_create_throws_and_holds_nothing()
    {
        using var callbacks = new DurableCallbacks(_store, _time);
        _store.Failing = true;
        var id = CallbackId.New();
        var failure = await Assert.ThrowsAsync<StoreException>(() => callbacks.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home) { Id = id }));
        Assert.Equal(StoreFailure.Full, failure.Failure);
        Assert.Empty(callbacks.Callbacks);
        Assert.Null(await _inner.FindAsync(id));
    }

    [Fact]
    public async Task A_reschedule_and_an_attempt_are_stored_before_they_are_acknowledged()
    {
        using var callbacks = new DurableCallbacks(_store, _time);
        var callback = await callbacks.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home));
        var interaction = InteractionId.New();
        await callbacks.ExecuteAsync(callback.Id, c => c.Offer("alice", interaction));
        await callbacks.ExecuteAsync(callback.Id, static c => c.Accept());
        await callbacks.ExecuteAsync(callback.Id, static c => c.Dial());
        _time.AdvanceBy(Duration.FromMinutes(3));
        await callbacks.ExecuteAsync(callback.Id, static c => c.RecordResult(CallbackAttemptResult.NoAnswer));
        var at = _time.Now + Duration.FromDays(1);
        await callbacks.ExecuteAsync(callback.Id, c => c.Reschedule(new CallbackReschedule(at)));
        await callbacks.ExecuteAsync(callback.Id, static c => c.MarkDone());

        var stored = await _inner.FindAsync(callback.Id);
        Assert.Equal(7, stored!.Version);
        Assert.Equal(SnapshotJson.Write(callback.ToSnapshot()), SnapshotJson.Write(stored.Snapshot));
        Assert.Equal((CallbackState.Scheduled, at), (stored.Snapshot.State, stored.Snapshot.Schedule.DueAt));
        var attempt = Assert.Single(stored.Snapshot.Attempts);
        Assert.Equal((CallbackAttemptResult.NoAnswer, _time.Now), (attempt.Result, attempt.EndedAt));
    }

    [Fact]
    public async Task A_failed_write_throws_and_leaves_the_callback_unchanged_without_events()
    {
        using var callbacks = new DurableCallbacks(_store, _time);
        var callback = await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now + Duration.FromHours(1)));
        var events = new List<CallbackEvent>();
        using var subscription = callback.Events.Subscribe(new Recorder<CallbackEvent>(events));
        string before = SnapshotJson.Write(callback.ToSnapshot());
        _store.Failing = true;
        await Assert.ThrowsAsync<StoreException>(() => callbacks.ExecuteAsync(callback.Id, c => c.Reschedule(new CallbackReschedule(_time.Now + Duration.FromDays(2)))));
        Assert.Equal(before, SnapshotJson.Write(callback.ToSnapshot()));
        Assert.Equal(before, SnapshotJson.Write((await _inner.FindAsync(callback.Id))!.Snapshot));
        Assert.Empty(events);
        Assert.Equal(1, callbacks.VersionOf(callback.Id));

        _store.Failing = false;
        await callbacks.ExecuteAsync(callback.Id, c => c.Reschedule(new CallbackReschedule(_time.Now + Duration.FromDays(2))));
        Assert.Equal(_time.Now + Duration.FromDays(2), callback.DueAt);
        Assert.NotEmpty(events);
    }

    [Fact]
    public async Task A_refused_command_writes_nothing()
    {
        using var callbacks = new DurableCallbacks(_store, _time);
        var callback = await callbacks.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home));
        int writes = _store.Writes;
        await Assert.ThrowsAsync<CallbackCommandRefusedException>(() => callbacks.ExecuteAsync(callback.Id, static c => c.Dial()));
        Assert.Equal(writes, _store.Writes);
        Assert.Equal(CallbackState.Due, callback.State);
    }

    [Fact]
    public async Task A_conflict_reloads_and_reapplies_a_command_that_is_still_permitted()
    {
        using var mine = new DurableCallbacks(_inner, _time);
        using var theirs = new DurableCallbacks(_inner, _time);
        var callback = await mine.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now + Duration.FromHours(1)) { Subject = "mine" });
        await theirs.LoadAsync(callback.Id);
        var later = _time.Now + Duration.FromHours(5);
        await theirs.ExecuteAsync(callback.Id, c => c.Reschedule(new CallbackReschedule(later)));

        var evenLater = _time.Now + Duration.FromHours(8);
        var result = await mine.ExecuteAsync(callback.Id, c => c.Reschedule(new CallbackReschedule(evenLater)));
        Assert.Equal(evenLater, result.DueAt);
        Assert.Equal(3, mine.VersionOf(callback.Id));
        Assert.Equal(evenLater, (await _inner.FindAsync(callback.Id))!.Snapshot.Schedule.DueAt);
    }

    [Fact]
    public async Task A_conflict_whose_command_is_no_longer_permitted_is_refused()
    {
        using var mine = new DurableCallbacks(_inner, _time);
        using var theirs = new DurableCallbacks(_inner, _time);
        var callback = await mine.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home));
        await theirs.LoadAsync(callback.Id);
        await theirs.ExecuteAsync(callback.Id, static c => c.Cancel());
        await Assert.ThrowsAsync<CallbackCommandRefusedException>(() => mine.ExecuteAsync(callback.Id, static c => c.Offer("alice", InteractionId.New())));
        Assert.Equal(CallbackState.Cancelled, mine.Get(callback.Id).State);
    }

    [Fact]
    public async Task Conflicts_beyond_the_retry_limit_are_thrown()
    {
        var racing = new RacingStore(_inner);
        using var callbacks = new DurableCallbacks(racing, _time) { MaxConflictRetries = 2 };
        var callback = await callbacks.CreateAsync(new AsapCallbackRequest(CallbackFixture.Home));
        racing.Racing = true;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => callbacks.ExecuteAsync(callback.Id, c => c.Reschedule(new CallbackReschedule(_time.Now + Duration.FromHours(1)))));
        Assert.Equal(3, racing.Attempts);
        Assert.Throws<KeyNotFoundException>(() => callbacks.Get(CallbackId.New()));
    }

    [Fact]
    public async Task A_timer_that_moves_the_callback_during_the_write_leaves_store_and_memory_in_agreement()
    {
        var advancing = new AdvancingStore(_inner, _time);
        using var callbacks = new DurableCallbacks(advancing, _time);
        var callback = await callbacks.CreateAsync(new ScheduledCallbackRequest(CallbackFixture.Home, _time.Now + Duration.FromMinutes(1)));

        // The probe makes it due; during the write its due timer fires on the live callback; the live MarkDue is refused.
        advancing.AdvanceOnSave = Duration.FromMinutes(1);
        await Assert.ThrowsAsync<CallbackCommandRefusedException>(() => callbacks.ExecuteAsync(callback.Id, static c => c.MarkDue()));
        Assert.Equal(CallbackState.Due, callback.State);
        var stored = await _inner.FindAsync(callback.Id);
        Assert.Equal(SnapshotJson.Write(callback.ToSnapshot()), SnapshotJson.Write(stored!.Snapshot));
        Assert.Equal(stored.Version, callbacks.VersionOf(callback.Id));
    }

    /// <summary>Moves virtual time forward (firing timers) inside the next save, before writing.</summary>
    private sealed class AdvancingStore(InMemoryCallbackStore inner, VirtualTimeSource time) : ICallbackStore
    {
        public Duration? AdvanceOnSave { get; set; }

        public Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, System.Threading.CancellationToken cancellationToken = default) => inner.AddAsync(snapshot, cancellationToken);

        public Task<StoredCallback?> FindAsync(CallbackId id, System.Threading.CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, System.Threading.CancellationToken cancellationToken = default)
        {
            if (AdvanceOnSave is { } by)
            {
                AdvanceOnSave = null;
                time.AdvanceBy(by);
            }

            return inner.SaveAsync(snapshot, expectedVersion, cancellationToken);
        }

        public Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, System.Threading.CancellationToken cancellationToken = default) => inner.ListOpenAsync(skip, take, cancellationToken);

        public Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, System.Threading.CancellationToken cancellationToken = default) => inner.ClaimDueAsync(request, cancellationToken);

        public Task<bool> ReleaseAsync(CallbackId id, string ownerId, System.Threading.CancellationToken cancellationToken = default) => inner.ReleaseAsync(id, ownerId, cancellationToken);
    }

    /// <summary>Someone else saves the callback just before every save.</summary>
    private sealed class RacingStore(InMemoryCallbackStore inner) : ICallbackStore
    {
        public bool Racing { get; set; }

        public int Attempts { get; private set; }

        public Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, System.Threading.CancellationToken cancellationToken = default) => inner.AddAsync(snapshot, cancellationToken);

        public Task<StoredCallback?> FindAsync(CallbackId id, System.Threading.CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public async Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, System.Threading.CancellationToken cancellationToken = default)
        {
            if (Racing)
            {
                Attempts++;
                var current = await inner.FindAsync(snapshot.Id, cancellationToken);
                await inner.SaveAsync(current!.Snapshot, current.Version, cancellationToken);
            }

            return await inner.SaveAsync(snapshot, expectedVersion, cancellationToken);
        }

        public Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, System.Threading.CancellationToken cancellationToken = default) => inner.ListOpenAsync(skip, take, cancellationToken);

        public Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, System.Threading.CancellationToken cancellationToken = default) => inner.ClaimDueAsync(request, cancellationToken);

        public Task<bool> ReleaseAsync(CallbackId id, string ownerId, System.Threading.CancellationToken cancellationToken = default) => inner.ReleaseAsync(id, ownerId, cancellationToken);
    }
}
