using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using NodaTime;
using Xunit;

namespace ContactCenter.Persistence.Contracts;

/// <summary>What every <see cref="IInteractionStore"/> does: snapshots with owners and leases, versions, in-flight listing.</summary>
public abstract class InteractionStoreContract
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IContactCenterStore> CreateStoreAsync();

    private static Instant Now => ContractData.Start;

    [Fact]
    public async Task An_added_interaction_reads_back_identical_with_owner_and_instant()
    {
        var store = (await CreateStoreAsync()).Interactions;
        var snapshot = ContractData.Interaction();
        var owner = ContractData.ClaimOf("host-a", 5);
        await store.AddAsync(snapshot, owner, Now);
        var found = await store.FindAsync(snapshot.Id);
        Assert.Equal((1L, owner, Now), (found!.Version, found.Owner, found.UpdatedAt));
        Assert.Equal(ContractData.Text(snapshot), ContractData.Text(found.Snapshot));
        Assert.True(found.Snapshot.IsEquivalentTo(snapshot));
        Assert.Null(await store.FindAsync(InteractionId.New()));
    }

    [Fact]
    public async Task Saves_follow_versions_and_conflicts_overwrite_nothing()
    {
        var store = (await CreateStoreAsync()).Interactions;
        var snapshot = ContractData.Interaction("offered");
        await store.AddAsync(snapshot, ContractData.ClaimOf("host-a", 5), Now);
        var duplicate = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(snapshot, ContractData.ClaimOf("host-a", 5), Now));
        Assert.Equal(("interaction", 0L, 1L), (duplicate.Aggregate, duplicate.ExpectedVersion, duplicate.ActualVersion));

        var talking = snapshot with { State = InteractionState.Talking, Sequence = 3 };
        var saved = await store.SaveAsync(talking, 1, ContractData.ClaimOf("host-b", 10), Now + Duration.FromMinutes(1));
        Assert.Equal(2, saved.Version);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(snapshot, 1, ContractData.ClaimOf("host-a", 5), Now));
        Assert.Equal((1L, 2L), (stale.ExpectedVersion, stale.ActualVersion));
        var found = await store.FindAsync(snapshot.Id);
        Assert.Equal((InteractionState.Talking, "host-b", Now + Duration.FromMinutes(1)), (found!.Snapshot.State, found.Owner.OwnerId, found.UpdatedAt));
    }

    [Fact]
    public async Task In_flight_listing_excludes_finished_interactions()
    {
        var store = (await CreateStoreAsync()).Interactions;
        var talking = ContractData.Interaction();
        var offered = ContractData.Interaction("offered");
        var done = ContractData.Interaction("done");
        foreach (var s in new[] { talking, offered, done })
        {
            await store.AddAsync(s, ContractData.ClaimOf("host-a", 5), Now);
        }

        var expected = new[] { talking, offered }.Select(static s => s.Id.ToString()).OrderBy(static s => s, System.StringComparer.Ordinal);
        Assert.Equal(expected, (await store.ListInFlightAsync(0, 10)).Select(static s => s.Snapshot.Id.ToString()));
        Assert.Single(await store.ListInFlightAsync(1, 10));
    }

    [Fact]
    public async Task Renewing_leases_extends_only_the_owners_in_flight_interactions_and_keeps_versions()
    {
        var store = (await CreateStoreAsync()).Interactions;
        var mine = ContractData.Interaction();
        var theirs = ContractData.Interaction();
        var mineDone = ContractData.Interaction("done");
        await store.AddAsync(mine, ContractData.ClaimOf("host-a", 1), Now);
        await store.AddAsync(theirs, ContractData.ClaimOf("host-b", 1), Now);
        await store.AddAsync(mineDone, ContractData.ClaimOf("host-a", 1), Now);
        Assert.Equal(1, await store.RenewLeasesAsync("host-a", Now + Duration.FromMinutes(30)));
        var renewed = await store.FindAsync(mine.Id);
        Assert.Equal((1L, Now + Duration.FromMinutes(30)), (renewed!.Version, renewed.Owner.Until));
        Assert.Equal(Now + Duration.FromMinutes(1), (await store.FindAsync(theirs.Id))!.Owner.Until);
        Assert.Equal(Now + Duration.FromMinutes(1), (await store.FindAsync(mineDone.Id))!.Owner.Until);
    }
}
