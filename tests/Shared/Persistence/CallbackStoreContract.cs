using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Persistence;
using NodaTime;
using Xunit;

namespace ContactCenter.Persistence.Contracts;

/// <summary>What every <see cref="ICallbackStore"/> does: versions, conflicts, listing, claims. Derive once per store.</summary>
public abstract class CallbackStoreContract
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IContactCenterStore> CreateStoreAsync();

    private static Instant Now => ContractData.Start;

    [Fact]
    public async Task Added_callback_reads_back_identical_at_version_1_without_claim()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var snapshot = ContractData.AfterAttempt();
        var added = await store.AddAsync(snapshot);
        var found = await store.FindAsync(snapshot.Id);
        Assert.Equal(1, added.Version);
        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Null(found.Claim);
        Assert.Equal(ContractData.Text(snapshot), ContractData.Text(found.Snapshot));
        Assert.Single(found.Snapshot.Attempts);
    }

    [Fact]
    public async Task Finding_an_unknown_callback_gives_null()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        Assert.Null(await store.FindAsync(CallbackId.New()));
    }

    [Fact]
    public async Task Adding_an_existing_id_conflicts_and_overwrites_nothing()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var snapshot = ContractData.Callback(subject: "first");
        await store.AddAsync(snapshot);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(snapshot with { Subject = "second" }));
        Assert.Equal((0, 1), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal("callback", conflict.Aggregate);
        Assert.Equal(snapshot.Id.ToString(), conflict.AggregateId);
        Assert.Equal("first", (await store.FindAsync(snapshot.Id))!.Snapshot.Subject);
    }

    [Fact]
    public async Task Saving_at_the_read_version_increments_it_and_a_stale_save_conflicts_without_overwriting()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var snapshot = ContractData.Callback(subject: "v1");
        await store.AddAsync(snapshot);
        var saved = await store.SaveAsync(snapshot with { Subject = "v2" }, 1);
        Assert.Equal(2, saved.Version);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(snapshot with { Subject = "stale" }, 1));
        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        var found = await store.FindAsync(snapshot.Id);
        Assert.Equal(("v2", 2L), (found!.Snapshot.Subject, found.Version));
    }

    [Fact]
    public async Task Saving_an_unknown_callback_conflicts_with_actual_version_0()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(ContractData.Callback(), 3));
        Assert.Equal((3, 0), (conflict.ExpectedVersion, conflict.ActualVersion));
    }

    [Fact]
    public async Task Open_callbacks_are_listed_by_id_in_pages_without_terminal_ones()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var open = Enumerable.Range(0, 5).Select(i => ContractData.Callback(10 + i)).ToList();
        foreach (var s in open)
        {
            await store.AddAsync(s);
        }

        await store.AddAsync(ContractData.Completed());
        var expected = open.Select(static s => s.Id.ToString()).OrderBy(static s => s, System.StringComparer.Ordinal).ToList();
        var first = await store.ListOpenAsync(0, 3);
        var second = await store.ListOpenAsync(3, 3);
        Assert.Equal(expected, first.Concat(second).Select(static s => s.Snapshot.Id.ToString()));
        Assert.Equal(2, second.Count);
    }

    [Fact]
    public async Task A_claim_takes_due_callbacks_in_queue_order_up_to_the_count_and_not_the_others()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var late = ContractData.Overdue(5);
        var early = ContractData.Overdue(30);
        var asap = ContractData.Callback(0);
        var future = ContractData.Callback(90);
        var inSession = ContractData.AfterAttempt();
        var done = ContractData.Completed();
        foreach (var s in new[] { late, early, asap, future, inSession, done })
        {
            await store.AddAsync(s);
        }

        var claimed = await store.ClaimDueAsync(new ClaimRequest("host-a", Now, Duration.FromMinutes(1), 2));
        Assert.Equal([early.Id, late.Id], claimed.Select(static c => c.Snapshot.Id));
        Assert.All(claimed, static c => Assert.Equal(new Claim("host-a", Now + Duration.FromMinutes(1)), c.Claim));
        Assert.All(claimed, static c => Assert.Equal(1, c.Version));

        var rest = await store.ClaimDueAsync(new ClaimRequest("host-b", Now, Duration.FromMinutes(1), 10));
        Assert.Equal([asap.Id], rest.Select(static c => c.Snapshot.Id));
        Assert.Empty(await store.ClaimDueAsync(new ClaimRequest("host-c", Now, Duration.FromMinutes(1), 10)));
    }

    [Fact]
    public async Task A_dead_lease_is_claimable_again_a_live_one_even_by_its_owner_is_not()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var due = ContractData.Overdue(1);
        await store.AddAsync(due);
        Assert.Single(await store.ClaimDueAsync(new ClaimRequest("host-a", Now, Duration.FromMinutes(1), 5)));
        Assert.Empty(await store.ClaimDueAsync(new ClaimRequest("host-a", Now + Duration.FromSeconds(59), Duration.FromMinutes(1), 5)));
        var again = await store.ClaimDueAsync(new ClaimRequest("host-b", Now + Duration.FromMinutes(1), Duration.FromMinutes(1), 5));
        Assert.Equal("host-b", Assert.Single(again).Claim!.OwnerId);
    }

    [Fact]
    public async Task A_save_keeps_the_claim_and_a_claim_keeps_the_version()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var due = ContractData.Overdue(1);
        await store.AddAsync(due);
        await store.ClaimDueAsync(new ClaimRequest("host-a", Now, Duration.FromMinutes(1), 5));
        var saved = await store.SaveAsync(due with { Subject = "claimed" }, 1);
        Assert.Equal(2, saved.Version);
        Assert.Equal("host-a", saved.Claim?.OwnerId);
        Assert.Equal("host-a", (await store.FindAsync(due.Id))!.Claim?.OwnerId);
    }

    [Fact]
    public async Task Only_the_owner_releases_a_claim()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var due = ContractData.Overdue(1);
        await store.AddAsync(due);
        await store.ClaimDueAsync(new ClaimRequest("host-a", Now, Duration.FromMinutes(5), 5));
        Assert.False(await store.ReleaseAsync(due.Id, "host-b"));
        Assert.Empty(await store.ClaimDueAsync(new ClaimRequest("host-b", Now, Duration.FromMinutes(5), 5)));
        Assert.True(await store.ReleaseAsync(due.Id, "host-a"));
        Assert.Null((await store.FindAsync(due.Id))!.Claim);
        Assert.Single(await store.ClaimDueAsync(new ClaimRequest("host-b", Now, Duration.FromMinutes(5), 5)));
    }

    [Fact]
    public async Task Concurrent_claims_never_return_the_same_callback_twice()
    {
        var store = (await CreateStoreAsync()).Callbacks;
        var all = Enumerable.Range(0, 120).Select(i => ContractData.Overdue(1 + (i % 17))).ToList();
        foreach (var s in all)
        {
            await store.AddAsync(s);
        }

        var hosts = Enumerable.Range(0, 4).Select(h => Task.Run(async () =>
        {
            var mine = new List<CallbackId>();
            while (true)
            {
                var batch = await store.ClaimDueAsync(new ClaimRequest("host-" + h, Now, Duration.FromMinutes(10), 7));
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(static b => b.Snapshot.Id));
            }
        })).ToArray();
        var claimed = (await Task.WhenAll(hosts)).SelectMany(static m => m).ToList();
        Assert.Equal(all.Count, claimed.Count);
        Assert.Equal(all.Select(static s => s.Id).OrderBy(static i => i.ToString()), claimed.OrderBy(static i => i.ToString()));
    }
}
