using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Persistence;
using NodaTime;
using Xunit;

namespace ContactCenter.Persistence.Contracts;

/// <summary>What every <see cref="ICampaignStore"/> does: campaigns, calling lists, records, versions, claims.</summary>
public abstract class CampaignStoreContract
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IContactCenterStore> CreateStoreAsync();

    private static Instant Now => ContractData.Start;

    [Fact]
    public async Task An_added_campaign_reads_back_with_its_list_and_records_at_version_1()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign();
        var added = await store.AddAsync(campaign, list, records);
        Assert.Equal(1, added.Version);
        var found = await store.FindAsync(campaign.Id);
        Assert.Equal(SnapshotJson.Write(campaign), SnapshotJson.Write(found!.Snapshot));
        Assert.Equal(SnapshotJson.Write(list), SnapshotJson.Write((await store.GetListAsync(campaign.Id))!));
        var record = await store.FindRecordAsync(campaign.Id, "r003");
        Assert.Equal((1L, ContractData.Text(records[3])), (record!.Version, ContractData.Text(record.Snapshot)));
        Assert.Equal([campaign.Id], (await store.ListAsync()).Select(static c => c.Snapshot.Id));
        Assert.Null(await store.FindAsync("unknown"));
        Assert.Null(await store.GetListAsync("unknown"));
        Assert.Null(await store.FindRecordAsync(campaign.Id, "unknown"));
    }

    [Fact]
    public async Task A_duplicate_campaign_conflicts_and_a_foreign_record_is_refused_writing_nothing()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign();
        await store.AddAsync(campaign, list, records);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(campaign, list, records));
        Assert.Equal(("campaign", 0L, 1L), (conflict.Aggregate, conflict.ExpectedVersion, conflict.ActualVersion));

        var (other, otherList, otherRecords) = ContractData.Campaign("autumn", 2);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(other, otherList, [.. otherRecords, records[0]]));
        Assert.Null(await store.FindAsync("autumn"));
        Assert.Empty(await store.ListRecordsAsync("autumn", 0, 10));
    }

    [Fact]
    public async Task Campaign_and_record_saves_follow_versions()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign();
        await store.AddAsync(campaign, list, records);
        var running = campaign with { State = CampaignState.Running };
        Assert.Equal(2, (await store.SaveAsync(running, 1)).Version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(campaign, 1));
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(CampaignState.Running, (await store.FindAsync(campaign.Id))!.Snapshot.State);

        var retry = ContractData.Retry(records[1], Now + Duration.FromHours(1), list);
        var saved = await store.SaveRecordAsync(retry, 1);
        Assert.Equal(2, saved.Version);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveRecordAsync(records[1], 1));
        Assert.Equal(("calling record", 1L, 2L), (stale.Aggregate, stale.ExpectedVersion, stale.ActualVersion));
        var found = await store.FindRecordAsync(campaign.Id, records[1].RecordId);
        Assert.Equal(ContractData.Text(retry), ContractData.Text(found!.Snapshot));
        Assert.Equal(CampaignCallResult.Busy, Assert.Single(found.Snapshot.Attempts).Result);
        var missing = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveRecordAsync(records[1] with { RecordId = "nobody" }, 1));
        Assert.Equal(0, missing.ActualVersion);
    }

    [Fact]
    public async Task Records_are_listed_in_list_order_in_pages()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign(records: 7);
        await store.AddAsync(campaign, list, records.Reverse().ToArray());
        var first = await store.ListRecordsAsync(campaign.Id, 0, 4);
        var second = await store.ListRecordsAsync(campaign.Id, 4, 4);
        Assert.Equal(records.Select(static r => r.RecordId), first.Concat(second).Select(static r => r.Snapshot.RecordId));
    }

    [Fact]
    public async Task A_claim_takes_due_retries_first_then_ready_records_by_ticket_and_skips_the_rest()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign(records: 6);
        var changed = records.ToArray();
        changed[4] = ContractData.Retry(records[4], Now - Duration.FromMinutes(30), list);
        changed[2] = ContractData.Retry(records[2], Now - Duration.FromMinutes(5), list);
        changed[0] = ContractData.Retry(records[0], Now + Duration.FromMinutes(5), list); // not due yet
        changed[1] = records[1] with { Ticket = 99 }; // skipped: after the other ready records
        changed[3] = records[3] with { State = CallingRecordState.Done, Disposition = "Sale", EndReason = RecordEndReason.Completed };
        await store.AddAsync(campaign, list, changed);

        var claimed = await store.ClaimDueRecordsAsync(campaign.Id, new ClaimRequest("host-a", Now, Duration.FromMinutes(20), 10));
        Assert.Equal(["r004", "r002", "r005", "r001"], claimed.Select(static r => r.Snapshot.RecordId));
        Assert.All(claimed, static r => Assert.Equal("host-a", r.Claim?.OwnerId));
        Assert.Empty(await store.ClaimDueRecordsAsync(campaign.Id, new ClaimRequest("host-b", Now, Duration.FromMinutes(20), 10)));
        Assert.Empty(await store.ClaimDueRecordsAsync("unknown", new ClaimRequest("host-b", Now, Duration.FromMinutes(2), 10)));

        var later = await store.ClaimDueRecordsAsync(campaign.Id, new ClaimRequest("host-b", Now + Duration.FromMinutes(5), Duration.FromMinutes(2), 10));
        Assert.Equal(["r000"], later.Select(static r => r.Snapshot.RecordId));
    }

    [Fact]
    public async Task Only_the_owner_releases_a_record_and_a_save_keeps_the_claim()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign(records: 1);
        await store.AddAsync(campaign, list, records);
        var claimed = Assert.Single(await store.ClaimDueRecordsAsync(campaign.Id, new ClaimRequest("host-a", Now, Duration.FromMinutes(2), 10)));
        Assert.Equal(1, claimed.Version);
        var saved = await store.SaveRecordAsync(records[0] with { SkipCount = 1 }, 1);
        Assert.Equal("host-a", saved.Claim?.OwnerId);
        Assert.False(await store.ReleaseRecordAsync(campaign.Id, "r000", "host-b"));
        Assert.True(await store.ReleaseRecordAsync(campaign.Id, "r000", "host-a"));
        Assert.Null((await store.FindRecordAsync(campaign.Id, "r000"))!.Claim);
    }

    [Fact]
    public async Task Concurrent_record_claims_never_return_the_same_record_twice()
    {
        var store = (await CreateStoreAsync()).Campaigns;
        var (campaign, list, records) = ContractData.Campaign(records: 150);
        await store.AddAsync(campaign, list, records);
        var hosts = Enumerable.Range(0, 4).Select(h => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var batch = await store.ClaimDueRecordsAsync(campaign.Id, new ClaimRequest("host-" + h, Now, Duration.FromMinutes(10), 9));
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(static b => b.Snapshot.RecordId));
            }
        })).ToArray();
        var claimed = (await Task.WhenAll(hosts)).SelectMany(static m => m).OrderBy(static id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(records.Select(static r => r.RecordId), claimed);
    }
}
