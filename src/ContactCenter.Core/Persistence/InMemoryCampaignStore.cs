using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Persistence;

/// <summary><see cref="ICampaignStore"/> in memory: for tests and hosts that need no durability. Thread-safe.</summary>
public sealed class InMemoryCampaignStore : ICampaignStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _campaigns = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StoredCampaign> AddAsync(CampaignSnapshot campaign, CallingList list, IReadOnlyList<CallingRecordSnapshot> records, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaign);
        Guard.NotNull(list);
        Guard.NotNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        StoreChecks.CheckRecords(campaign, list, records);
        lock (_gate)
        {
            if (_campaigns.TryGetValue(campaign.Id, out var existing))
            {
                throw new ConcurrencyConflictException(StoreText.Campaign, campaign.Id, 0, existing.Campaign.Version);
            }

            var entry = new Entry(new StoredCampaign(campaign, 1), list);
            foreach (var record in records)
            {
                entry.Records.Add(record.RecordId, new StoredRecord(record, 1, null));
            }

            _campaigns.Add(campaign.Id, entry);
            return Task.FromResult(entry.Campaign);
        }
    }

    /// <inheritdoc />
    public Task<StoredCampaign?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaignId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_campaigns.TryGetValue(campaignId, out var entry) ? entry.Campaign : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCampaign>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredCampaign> all = _campaigns.Values.Select(static e => e.Campaign)
                .OrderBy(static c => c.Snapshot.Id, StringComparer.Ordinal).ToArray();
            return Task.FromResult(all);
        }
    }

    /// <inheritdoc />
    public Task<StoredCampaign> SaveAsync(CampaignSnapshot campaign, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaign);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            long actual = _campaigns.TryGetValue(campaign.Id, out var entry) ? entry.Campaign.Version : 0;
            if (actual == 0 || actual != expectedVersion)
            {
                throw new ConcurrencyConflictException(StoreText.Campaign, campaign.Id, expectedVersion, actual);
            }

            entry!.Campaign = new StoredCampaign(campaign, actual + 1);
            return Task.FromResult(entry.Campaign);
        }
    }

    /// <inheritdoc />
    public Task<CallingList?> GetListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaignId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_campaigns.TryGetValue(campaignId, out var entry) ? entry.List : null);
        }
    }

    /// <inheritdoc />
    public Task<StoredRecord?> FindRecordAsync(string campaignId, string recordId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaignId);
        Guard.NotNull(recordId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_campaigns.TryGetValue(campaignId, out var entry) && entry.Records.TryGetValue(recordId, out var record) ? record : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaignId);
        StoreText.CheckPage(skip, take);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredRecord> page = _campaigns.TryGetValue(campaignId, out var entry)
                ? entry.Records.Values.OrderBy(static r => r.Snapshot.Position).Skip(skip).Take(take).ToArray()
                : [];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<StoredRecord> SaveRecordAsync(CallingRecordSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            StoredRecord? existing = null;
            bool found = _campaigns.TryGetValue(snapshot.CampaignId, out var entry) && entry.Records.TryGetValue(snapshot.RecordId, out existing);
            long actual = found ? existing!.Version : 0;
            if (actual == 0 || actual != expectedVersion)
            {
                throw new ConcurrencyConflictException(StoreText.Record, snapshot.CampaignId + "/" + snapshot.RecordId, expectedVersion, actual);
            }

            var stored = new StoredRecord(snapshot, actual + 1, existing!.Claim);
            entry!.Records[snapshot.RecordId] = stored;
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> ClaimDueRecordsAsync(string campaignId, ClaimRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaignId);
        Guard.NotNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaignId, out var entry))
            {
                return Task.FromResult<IReadOnlyList<StoredRecord>>([]);
            }

            var claim = request.ToClaim();
            var chosen = entry.Records.Values
                .Where(r => StoreRules.IsClaimable(r.Snapshot, request.Now) && r.Claim?.IsLiveAt(request.Now) != true)
                .OrderBy(static r => StoreRules.DeliveryOrder(r.Snapshot))
                .Take(request.MaxCount)
                .Select(r => r with { Claim = claim })
                .ToArray();
            foreach (var record in chosen)
            {
                entry.Records[record.Snapshot.RecordId] = record;
            }

            return Task.FromResult<IReadOnlyList<StoredRecord>>(chosen);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseRecordAsync(string campaignId, string recordId, string ownerId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(campaignId);
        Guard.NotNull(recordId);
        Guard.NotNull(ownerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_campaigns.TryGetValue(campaignId, out var entry) && entry.Records.TryGetValue(recordId, out var record)
                && record.Claim is { } claim && string.Equals(claim.OwnerId, ownerId, StringComparison.Ordinal))
            {
                entry.Records[recordId] = record with { Claim = null };
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    private sealed class Entry(StoredCampaign campaign, CallingList list)
    {
        public StoredCampaign Campaign { get; set; } = campaign;

        public CallingList List { get; } = list;

        public Dictionary<string, StoredRecord> Records { get; } = new(StringComparer.Ordinal);
    }
}
