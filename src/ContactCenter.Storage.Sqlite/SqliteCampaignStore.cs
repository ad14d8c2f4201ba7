using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary><see cref="ICampaignStore"/> on SQLite: a row per campaign (with its calling list), a row per record.</summary>
internal sealed class SqliteCampaignStore(SqliteDatabase db) : ICampaignStore
{
    private const string RecordColumns = "body, version, claim_owner, claim_until";

    public Task<StoredCampaign> AddAsync(CampaignSnapshot campaign, CallingList list, IReadOnlyList<CallingRecordSnapshot> records, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaign);
        ArgumentGuard.NotNull(list);
        ArgumentGuard.NotNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        StoreChecks.CheckRecords(campaign, list, records);
        string body = SnapshotJson.Write(campaign);
        string listText = SnapshotJson.Write(list);
        return Task.FromResult(db.InTransaction(tx =>
        {
            long existing = CampaignVersion(campaign.Id, tx);
            if (existing != 0)
            {
                throw new ConcurrencyConflictException("campaign", campaign.Id, 0, existing);
            }

            using (var insert = db.Command("INSERT INTO campaigns (id, version, body, list) VALUES ($id, 1, $body, $list);", tx))
            {
                insert.Parameters.AddWithValue("$id", campaign.Id);
                insert.Parameters.AddWithValue("$body", body);
                insert.Parameters.AddWithValue("$list", listText);
                insert.ExecuteNonQuery();
            }

            using var insertRecord = db.Command(
                "INSERT INTO records (campaign_id, record_id, position, version, state, retry_at, ticket, body) " +
                "VALUES ($campaign, $record, $position, 1, $state, $retry, $ticket, $body);", tx);
            foreach (var record in records)
            {
                insertRecord.Parameters.Clear();
                BindRecord(insertRecord, record);
                insertRecord.ExecuteNonQuery();
            }

            return new StoredCampaign(campaign, 1);
        }));
    }

    public Task<StoredCampaign?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaignId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command("SELECT body, version FROM campaigns WHERE id = $id;");
            select.Parameters.AddWithValue("$id", campaignId);
            using var reader = select.ExecuteReader();
            return reader.Read() ? new StoredCampaign(SnapshotJson.ReadCampaign(reader.GetString(0)), reader.GetInt64(1)) : null;
        }));
    }

    public Task<IReadOnlyList<StoredCampaign>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command("SELECT body, version FROM campaigns ORDER BY id;");
            return (IReadOnlyList<StoredCampaign>)SqliteDatabase.ReadAll(select, reader => new StoredCampaign(SnapshotJson.ReadCampaign(reader.GetString(0)), reader.GetInt64(1)));
        }));
    }

    public Task<StoredCampaign> SaveAsync(CampaignSnapshot campaign, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaign);
        cancellationToken.ThrowIfCancellationRequested();
        string body = SnapshotJson.Write(campaign);
        return Task.FromResult(db.InTransaction(tx =>
        {
            using var update = db.Command("UPDATE campaigns SET version = version + 1, body = $body WHERE id = $id AND version = $expected;", tx);
            update.Parameters.AddWithValue("$id", campaign.Id);
            update.Parameters.AddWithValue("$body", body);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            if (update.ExecuteNonQuery() == 1)
            {
                return new StoredCampaign(campaign, expectedVersion + 1);
            }

            throw new ConcurrencyConflictException("campaign", campaign.Id, expectedVersion, CampaignVersion(campaign.Id, tx));
        }));
    }

    public Task<CallingList?> GetListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaignId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command("SELECT list FROM campaigns WHERE id = $id;");
            select.Parameters.AddWithValue("$id", campaignId);
            return select.ExecuteScalar() is string text ? SnapshotJson.ReadCallingList(text) : null;
        }));
    }

    public Task<StoredRecord?> FindRecordAsync(string campaignId, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaignId);
        ArgumentGuard.NotNull(recordId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command($"SELECT {RecordColumns} FROM records WHERE campaign_id = $campaign AND record_id = $record;");
            select.Parameters.AddWithValue("$campaign", campaignId);
            select.Parameters.AddWithValue("$record", recordId);
            using var reader = select.ExecuteReader();
            return reader.Read() ? ReadRecord(reader) : null;
        }));
    }

    public Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaignId);
        SqliteValues.CheckPage(skip, take);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command($"SELECT {RecordColumns} FROM records WHERE campaign_id = $campaign ORDER BY position LIMIT $take OFFSET $skip;");
            select.Parameters.AddWithValue("$campaign", campaignId);
            select.Parameters.AddWithValue("$take", take);
            select.Parameters.AddWithValue("$skip", skip);
            return (IReadOnlyList<StoredRecord>)SqliteDatabase.ReadAll(select, ReadRecord);
        }));
    }

    public Task<StoredRecord> SaveRecordAsync(CallingRecordSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.InTransaction(tx =>
        {
            using var update = db.Command(
                "UPDATE records SET version = version + 1, position = $position, state = $state, retry_at = $retry, ticket = $ticket, body = $body " +
                "WHERE campaign_id = $campaign AND record_id = $record AND version = $expected RETURNING version, claim_owner, claim_until;", tx);
            BindRecord(update, snapshot);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            using (var reader = update.ExecuteReader())
            {
                if (reader.Read())
                {
                    return new StoredRecord(snapshot, reader.GetInt64(0), SqliteValues.Claim(reader, 1));
                }
            }

            using var select = db.Command("SELECT version FROM records WHERE campaign_id = $campaign AND record_id = $record;", tx);
            select.Parameters.AddWithValue("$campaign", snapshot.CampaignId);
            select.Parameters.AddWithValue("$record", snapshot.RecordId);
            long actual = select.ExecuteScalar() is long v ? v : 0;
            throw new ConcurrencyConflictException("calling record", snapshot.CampaignId + "/" + snapshot.RecordId, expectedVersion, actual);
        }));
    }

    public Task<IReadOnlyList<StoredRecord>> ClaimDueRecordsAsync(string campaignId, ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaignId);
        ArgumentGuard.NotNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var claim = request.ToClaim();
        return Task.FromResult(db.InTransaction(tx =>
        {
            using var update = db.Command(
                "UPDATE records SET claim_owner = $owner, claim_until = $until WHERE campaign_id = $campaign AND record_id IN (" +
                "SELECT record_id FROM records WHERE campaign_id = $campaign AND (state = 'Ready' OR (state = 'Scheduled' AND retry_at <= $now)) " +
                "AND (claim_until IS NULL OR claim_until <= $now) " +
                "ORDER BY CASE state WHEN 'Scheduled' THEN 0 ELSE 1 END, CASE state WHEN 'Scheduled' THEN retry_at ELSE 0 END, ticket LIMIT $max) " +
                $"RETURNING {RecordColumns};", tx);
            update.Parameters.AddWithValue("$owner", claim.OwnerId);
            update.Parameters.AddWithValue("$until", claim.Until.ToUnixTimeTicks());
            update.Parameters.AddWithValue("$now", request.Now.ToUnixTimeTicks());
            update.Parameters.AddWithValue("$max", request.MaxCount);
            update.Parameters.AddWithValue("$campaign", campaignId);
            var claimed = SqliteDatabase.ReadAll(update, ReadRecord);

            claimed.Sort(static (a, b) => StoreRules.DeliveryOrder(a.Snapshot).CompareTo(StoreRules.DeliveryOrder(b.Snapshot)));
            return (IReadOnlyList<StoredRecord>)claimed;
        }));
    }

    public Task<bool> ReleaseRecordAsync(string campaignId, string recordId, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(campaignId);
        ArgumentGuard.NotNull(recordId);
        ArgumentGuard.NotNull(ownerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var update = db.Command(
                "UPDATE records SET claim_owner = NULL, claim_until = NULL WHERE campaign_id = $campaign AND record_id = $record AND claim_owner = $owner;");
            update.Parameters.AddWithValue("$campaign", campaignId);
            update.Parameters.AddWithValue("$record", recordId);
            update.Parameters.AddWithValue("$owner", ownerId);
            return update.ExecuteNonQuery() == 1;
        }));
    }

    private static void BindRecord(SqliteCommand command, CallingRecordSnapshot record)
    {
        command.Parameters.AddWithValue("$campaign", record.CampaignId);
        command.Parameters.AddWithValue("$record", record.RecordId);
        command.Parameters.AddWithValue("$position", record.Position);
        command.Parameters.AddWithValue("$state", record.State.ToString());
        command.Parameters.AddWithValue("$retry", record.RetryAt is { } at ? at.ToUnixTimeTicks() : DBNull.Value);
        command.Parameters.AddWithValue("$ticket", record.Ticket);
        command.Parameters.AddWithValue("$body", SnapshotJson.Write(record));
    }

    private static StoredRecord ReadRecord(SqliteDataReader reader) =>
        new(SnapshotJson.ReadRecord(reader.GetString(0)), reader.GetInt64(1), SqliteValues.Claim(reader, 2));

    private long CampaignVersion(string id, SqliteTransaction tx)
    {
        using var select = db.Command("SELECT version FROM campaigns WHERE id = $id;", tx);
        select.Parameters.AddWithValue("$id", id);
        return select.ExecuteScalar() is long version ? version : 0;
    }
}
