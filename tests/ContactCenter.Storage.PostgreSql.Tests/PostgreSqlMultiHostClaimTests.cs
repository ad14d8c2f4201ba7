using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>
/// Several hosts — independent store instances, each with its own connection pool — against one database claim the
/// same 10,000 due callbacks concurrently, while an interfering writer saves stale and fresh versions of random
/// callbacks: every callback is dispatched exactly once, none is lost, and every conflicting write is refused.
/// The sessions commit without waiting for the WAL flush (see <see cref="PostgresSchemas.OpenAsync"/>): row locks,
/// SKIP LOCKED and version checks behave the same, and the test does not wait for 30,000 disk flushes.
/// </summary>
public sealed class PostgreSqlMultiHostClaimTests(PostgresSchemas schemas, ITestOutputHelper output) : IClassFixture<PostgresSchemas>
{
    private const int AsapCount = 9_000;
    private const int PastDueScheduledCount = 1_000;
    private const int DueCount = AsapCount + PastDueScheduledCount;
    private const int FutureCount = 500;
    private const int BatchSize = 25;

    private static readonly Instant s_now = TestData.T0 + Duration.FromHours(2);
    private static readonly Duration s_lease = Duration.FromMinutes(5);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Hosts_claiming_concurrently_dispatch_every_due_callback_exactly_once(int hostCount)
    {
        string schema = schemas.NewSchema("claim" + hostCount);
        var seeder = await schemas.OpenAsync(schema, asynchronousCommits: true);
        var due = await SeedAsync(seeder);
        var hosts = new PostgreSqlContactCenterStore[hostCount];
        for (int h = 0; h < hostCount; h++)
        {
            hosts[h] = await schemas.OpenAsync(schema, asynchronousCommits: true);
        }

        var run = new Run();
        using var stopInterfering = new CancellationTokenSource();
        var interferer = Task.Run(() => InterfereAsync(seeder, due, run, stopInterfering.Token));
        await Task.WhenAll(hosts.Select((store, h) => Task.Run(() => HostLoopAsync(store, "host-" + h, run))));
        stopInterfering.Cancel();
        await interferer;
        output.WriteLine(
            $"{hostCount} hosts: {run.Dispatched.Count} dispatched; per host {string.Join(", ", run.PerHost.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}; "
            + $"host conflicts retried {run.HostConflicts}, stale writes refused {run.StaleRefused}, interferer saves {run.InterfererSaved} ok / {run.InterfererRefused} refused");

        // Exactly once: every due callback dispatched, none twice, by hosts that each did part of the work.
        Assert.Equal(0, run.DoubleDispatches);
        Assert.Equal(DueCount, run.Dispatched.Count);
        Assert.True(due.All(id => run.Dispatched.ContainsKey(id)), "a due callback was lost");
        Assert.Equal(hostCount, run.PerHost.Count);
        Assert.All(run.PerHost.Values, n => Assert.True(n > 0));

        // Conflicts were refused, not overwritten: every deliberately stale write threw, and what is stored is each
        // callback as its dispatching host saved it (accepted by that host's agent), with no claim left behind.
        Assert.True(run.StaleRefused >= DueCount / BatchSize, $"only {run.StaleRefused} stale writes were refused");
        Assert.Equal(0, run.StaleAccepted);
        int accepted = 0;
        for (int skip = 0; ; skip += 1000)
        {
            var page = await seeder.Callbacks.ListOpenAsync(skip, 1000);
            foreach (var stored in page)
            {
                Assert.Null(stored.Claim);
                if (stored.Snapshot.State == CallbackState.Accepted)
                {
                    accepted++;
                    Assert.Equal("agent-of-" + run.Dispatched[stored.Snapshot.Id], stored.Snapshot.CurrentOffer?.AgentId);
                }
                else
                {
                    // Scheduled for later: never claimable at the hosts' instant, never touched.
                    Assert.Equal(CallbackState.Scheduled, stored.Snapshot.State);
                    Assert.True(stored.Snapshot.Schedule.DueAt > s_now);
                    Assert.Equal(1, stored.Version);
                }
            }

            if (page.Count < 1000)
            {
                break;
            }
        }

        Assert.Equal(DueCount, accepted);
    }

    private static async Task<List<CallbackId>> SeedAsync(PostgreSqlContactCenterStore store)
    {
        var snapshots = new List<CallbackSnapshot>(DueCount + FutureCount);
        for (int i = 0; i < AsapCount; i++)
        {
            snapshots.Add(TestData.DueCallback(TestData.T0 + Duration.FromMilliseconds(i), i));
        }

        for (int i = 0; i < PastDueScheduledCount; i++)
        {
            snapshots.Add(TestData.ScheduledCallback(TestData.T0 - Duration.FromDays(1), s_now - Duration.FromSeconds(i + 1), i));
        }

        for (int i = 0; i < FutureCount; i++)
        {
            snapshots.Add(TestData.ScheduledCallback(TestData.T0, s_now + Duration.FromSeconds(i + 1), i));
        }

        // Acknowledged one by one, as a host books them; several writers at once.
        await Parallel.ForEachAsync(snapshots, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, token) => await store.Callbacks.AddAsync(s, token));
        return snapshots.Where(s => StoreRules.IsClaimable(s, s_now)).Select(s => s.Id).ToList();
    }

    private static async Task HostLoopAsync(PostgreSqlContactCenterStore store, string host, Run run)
    {
        while (true)
        {
            var batch = await store.Callbacks.ClaimDueAsync(new ClaimRequest(host, s_now, s_lease, BatchSize));
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var claimed in batch)
            {
                Assert.Equal(host, claimed.Claim?.OwnerId);
                await DispatchAsync(store, host, claimed, run);
            }

            // A stale write — the version this host claimed, before its own dispatch — must be refused.
            var first = batch[0];
            try
            {
                await store.Callbacks.SaveAsync(first.Snapshot with { Subject = "stale" }, first.Version);
                Interlocked.Increment(ref run.StaleAccepted);
            }
            catch (ConcurrencyConflictException e) when (e.ExpectedVersion == first.Version && e.ActualVersion > first.Version)
            {
                Interlocked.Increment(ref run.StaleRefused);
            }

            foreach (var claimed in batch)
            {
                Assert.True(await store.Callbacks.ReleaseAsync(claimed.Snapshot.Id, host));
            }
        }
    }

    /// <summary>Dispatch = offer to this host's agent and accept, saved with the version read; a conflict reloads and re-applies.</summary>
    private static async Task DispatchAsync(PostgreSqlContactCenterStore store, string host, StoredCallback claimed, Run run)
    {
        var current = claimed;
        while (true)
        {
            var callback = Callback.Restore(current.Snapshot, null, new VirtualTimeSource(s_now));
            if (callback.Can(CallbackCommand.MarkDue))
            {
                callback.MarkDue();
            }

            Assert.True(callback.Can(CallbackCommand.Offer), $"{callback.Id} is {callback.State}: dispatched by someone else while claimed by {host}");
            callback.Offer("agent-of-" + host, InteractionId.New());
            callback.Accept();
            try
            {
                await store.Callbacks.SaveAsync(callback.ToSnapshot(), current.Version);
                break;
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref run.HostConflicts);
                current = await store.Callbacks.FindAsync(claimed.Snapshot.Id) ?? throw new InvalidOperationException("lost " + claimed.Snapshot.Id);
            }
        }

        if (!run.Dispatched.TryAdd(claimed.Snapshot.Id, host))
        {
            Interlocked.Increment(ref run.DoubleDispatches);
        }

        run.PerHost.AddOrUpdate(host, 1, static (_, n) => n + 1);
    }

    /// <summary>Another writer (say, a supervisor editing subjects) saving whatever version it read, racing the hosts.</summary>
    private static async Task InterfereAsync(PostgreSqlContactCenterStore store, List<CallbackId> due, Run run, CancellationToken stop)
    {
        var random = new Random(7);
        while (!stop.IsCancellationRequested)
        {
            var id = due[random.Next(due.Count)];
            var read = await store.Callbacks.FindAsync(id, CancellationToken.None);
            if (read is null || read.Snapshot.State == CallbackState.Accepted)
            {
                continue;
            }

            // Let the hosts move on a little, so some of these reads are stale by the time they are written.
            await Task.Yield();
            try
            {
                await store.Callbacks.SaveAsync(read.Snapshot with { Subject = "edited" }, read.Version, CancellationToken.None);
                Interlocked.Increment(ref run.InterfererSaved);
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref run.InterfererRefused);
            }
        }
    }

    private sealed class Run
    {
        public ConcurrentDictionary<CallbackId, string> Dispatched { get; } = new();

        public ConcurrentDictionary<string, int> PerHost { get; } = new(StringComparer.Ordinal);

        public int DoubleDispatches;
        public int HostConflicts;
        public int StaleRefused;
        public int StaleAccepted;
        public int InterfererSaved;
        public int InterfererRefused;
    }
}
