using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// <see cref="ICampaignStore"/> on PostgreSQL: a campaign row (its data and its calling list) and one row per record.
/// Adding a campaign writes everything in one transaction (records in one <c>INSERT … SELECT FROM unnest(…)</c>); saves
/// are version-checked <c>UPDATE</c>s; record claims pick rows <c>FOR UPDATE SKIP LOCKED</c> in delivery order.
/// </summary>
internal sealed class PostgreSqlCampaignStore : ICampaignStore
{
    private const string RecordColumns = "snapshot, version, claim_owner, claim_until";

    private readonly PostgreSqlDatabase _db;
    private readonly string _insertCampaign;
    private readonly string _insertRecords;
    private readonly string _findCampaign;
    private readonly string _listCampaigns;
    private readonly string _campaignVersion;
    private readonly string _saveCampaign;
    private readonly string _getList;
    private readonly string _findRecord;
    private readonly string _recordVersion;
    private readonly string _listRecords;
    private readonly string _saveRecord;
    private readonly string _claimRecords;
    private readonly string _releaseRecord;

    internal PostgreSqlCampaignStore(PostgreSqlDatabase db)
    {
        _db = db;
        _insertCampaign = db.Sql("INSERT INTO {schema}.campaigns (id, version, snapshot, list) VALUES (@id, 1, @snapshot, @list) ON CONFLICT (id) DO NOTHING");
        _insertRecords = db.Sql(
            "INSERT INTO {schema}.records (campaign_id, record_id, position, version, state, retry_at, ticket, snapshot) "
            + "SELECT @campaign, r.record_id, r.position, 1, r.state, r.retry_at, r.ticket, r.snapshot "
            + "FROM unnest(@record_ids, @positions, @states, @retry_ats, @tickets, @snapshots) "
            + "AS r (record_id, position, state, retry_at, ticket, snapshot)");
        _findCampaign = db.Sql("SELECT snapshot, version FROM {schema}.campaigns WHERE id = @id");
        _listCampaigns = db.Sql("SELECT snapshot, version FROM {schema}.campaigns ORDER BY id");
        _campaignVersion = db.Sql("SELECT version FROM {schema}.campaigns WHERE id = @id");
        _saveCampaign = db.Sql("UPDATE {schema}.campaigns SET version = version + 1, snapshot = @snapshot WHERE id = @id AND version = @expected RETURNING version");
        _getList = db.Sql("SELECT list FROM {schema}.campaigns WHERE id = @id");
        _findRecord = db.Sql($"SELECT {RecordColumns} FROM {{schema}}.records WHERE campaign_id = @campaign AND record_id = @record");
        _recordVersion = db.Sql("SELECT version FROM {schema}.records WHERE campaign_id = @campaign AND record_id = @record");
        _listRecords = db.Sql($"SELECT {RecordColumns} FROM {{schema}}.records WHERE campaign_id = @campaign ORDER BY position, record_id OFFSET @skip LIMIT @take");
        _saveRecord = db.Sql(
            "UPDATE {schema}.records SET version = version + 1, position = @position, state = @state, retry_at = @retry_at, "
            + "ticket = @ticket, snapshot = @snapshot WHERE campaign_id = @campaign AND record_id = @record AND version = @expected "
            + "RETURNING version, claim_owner, claim_until");
        const string Scheduled = nameof(CallingRecordState.Scheduled);
        _claimRecords = db.Sql(
            "WITH picked AS ("
            + " SELECT campaign_id, record_id FROM {schema}.records"
            + " WHERE campaign_id = @campaign"
            + $"   AND (state = '{nameof(CallingRecordState.Ready)}' OR (state = '{Scheduled}' AND retry_at <= @now))"
            + "   AND (claim_until IS NULL OR claim_until <= @now)"
            + $" ORDER BY CASE WHEN state = '{Scheduled}' THEN 0 ELSE 1 END, CASE WHEN state = '{Scheduled}' THEN retry_at END, ticket, record_id"
            + " LIMIT @limit FOR UPDATE SKIP LOCKED)"
            + " UPDATE {schema}.records AS r SET claim_owner = @owner, claim_until = @until FROM picked"
            + " WHERE r.campaign_id = picked.campaign_id AND r.record_id = picked.record_id"
            + " RETURNING r.snapshot, r.version, r.claim_owner, r.claim_until");
        _releaseRecord = db.Sql(
            "UPDATE {schema}.records SET claim_owner = NULL, claim_until = NULL WHERE campaign_id = @campaign AND record_id = @record AND claim_owner = @owner");
    }

    /// <inheritdoc />
    public Task<StoredCampaign> AddAsync(CampaignSnapshot campaign, CallingList list, IReadOnlyList<CallingRecordSnapshot> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(records);
        StoreChecks.CheckRecords(campaign, list, records);
        string campaignJson = SnapshotJson.Write(campaign);
        string listJson = SnapshotJson.Write(list);
        int count = records.Count;
        var ids = new string[count];
        var positions = new int[count];
        var states = new string[count];
        var retryAts = new long?[count];
        var tickets = new long[count];
        var snapshots = new string[count];
        for (int i = 0; i < count; i++)
        {
            var record = records[i];
            ids[i] = record.RecordId;
            positions[i] = record.Position;
            states[i] = record.State.ToString();
            retryAts[i] = record.RetryAt is { } at ? PostgreSqlDatabase.Ceiling(at) : null;
            tickets[i] = record.Ticket;
            snapshots[i] = SnapshotJson.Write(record);
        }

        return _db.InTransactionAsync(
            async (connection, transaction, token) =>
            {
                using (var insert = new NpgsqlCommand(_insertCampaign, connection, transaction))
                {
                    PostgreSqlDatabase.Add(insert, "id", NpgsqlDbType.Text, campaign.Id);
                    PostgreSqlDatabase.Add(insert, "snapshot", NpgsqlDbType.Text, campaignJson);
                    PostgreSqlDatabase.Add(insert, "list", NpgsqlDbType.Text, listJson);
                    if (await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 0)
                    {
                        long actual = await ReadVersionAsync(connection, transaction, _campaignVersion, token, ("id", campaign.Id)).ConfigureAwait(false);
                        throw new ConcurrencyConflictException(StoreNames.Campaign, campaign.Id, 0, actual);
                    }
                }

                if (count > 0)
                {
                    using var insertRecords = new NpgsqlCommand(_insertRecords, connection, transaction);
                    PostgreSqlDatabase.Add(insertRecords, "campaign", NpgsqlDbType.Text, campaign.Id);
                    PostgreSqlDatabase.Add(insertRecords, "record_ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids);
                    PostgreSqlDatabase.Add(insertRecords, "positions", NpgsqlDbType.Array | NpgsqlDbType.Integer, positions);
                    PostgreSqlDatabase.Add(insertRecords, "states", NpgsqlDbType.Array | NpgsqlDbType.Text, states);
                    PostgreSqlDatabase.Add(insertRecords, "retry_ats", NpgsqlDbType.Array | NpgsqlDbType.Bigint, retryAts);
                    PostgreSqlDatabase.Add(insertRecords, "tickets", NpgsqlDbType.Array | NpgsqlDbType.Bigint, tickets);
                    PostgreSqlDatabase.Add(insertRecords, "snapshots", NpgsqlDbType.Array | NpgsqlDbType.Text, snapshots);
                    await insertRecords.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                return new StoredCampaign(campaign, 1);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredCampaign?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_findCampaign, connection);
                PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Text, campaignId);
                return await PostgreSqlDatabase.ReadFirstOrDefaultAsync(
                    command, reader => new StoredCampaign(SnapshotJson.ReadCampaign(reader.GetString(0)), reader.GetInt64(1)), token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCampaign>> ListAsync(CancellationToken cancellationToken = default) =>
        _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_listCampaigns, connection);
                return await PostgreSqlDatabase.ReadAllAsync(command, reader => new StoredCampaign(SnapshotJson.ReadCampaign(reader.GetString(0)), reader.GetInt64(1)), token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<StoredCampaign> SaveAsync(CampaignSnapshot campaign, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        string json = SnapshotJson.Write(campaign);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using (var command = new NpgsqlCommand(_saveCampaign, connection))
                {
                    PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Text, campaign.Id);
                    PostgreSqlDatabase.Add(command, "snapshot", NpgsqlDbType.Text, json);
                    PostgreSqlDatabase.Add(command, "expected", NpgsqlDbType.Bigint, expectedVersion);
                    if (await command.ExecuteScalarAsync(token).ConfigureAwait(false) is long version)
                    {
                        return new StoredCampaign(campaign, version);
                    }
                }

                long actual = await ReadVersionAsync(connection, null, _campaignVersion, token, ("id", campaign.Id)).ConfigureAwait(false);
                throw new ConcurrencyConflictException(StoreNames.Campaign, campaign.Id, expectedVersion, actual);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<CallingList?> GetListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_getList, connection);
                PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Text, campaignId);
                return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is string json ? SnapshotJson.ReadCallingList(json) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredRecord?> FindRecordAsync(string campaignId, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(recordId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_findRecord, connection);
                PostgreSqlDatabase.Add(command, "campaign", NpgsqlDbType.Text, campaignId);
                PostgreSqlDatabase.Add(command, "record", NpgsqlDbType.Text, recordId);
                return await PostgreSqlDatabase.ReadFirstOrDefaultAsync(command, ReadRecord, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        StoreNames.CheckPage(skip, take);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_listRecords, connection);
                PostgreSqlDatabase.Add(command, "campaign", NpgsqlDbType.Text, campaignId);
                PostgreSqlDatabase.Add(command, "skip", NpgsqlDbType.Integer, skip);
                PostgreSqlDatabase.Add(command, "take", NpgsqlDbType.Integer, take);
                return await PostgreSqlDatabase.ReadAllAsync(command, ReadRecord, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredRecord> SaveRecordAsync(CallingRecordSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string json = SnapshotJson.Write(snapshot);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using (var command = new NpgsqlCommand(_saveRecord, connection))
                {
                    PostgreSqlDatabase.Add(command, "campaign", NpgsqlDbType.Text, snapshot.CampaignId);
                    PostgreSqlDatabase.Add(command, "record", NpgsqlDbType.Text, snapshot.RecordId);
                    PostgreSqlDatabase.Add(command, "position", NpgsqlDbType.Integer, snapshot.Position);
                    PostgreSqlDatabase.Add(command, "state", NpgsqlDbType.Text, snapshot.State.ToString());
                    PostgreSqlDatabase.Add(command, "retry_at", NpgsqlDbType.Bigint, snapshot.RetryAt is { } at ? PostgreSqlDatabase.Ceiling(at) : null);
                    PostgreSqlDatabase.Add(command, "ticket", NpgsqlDbType.Bigint, snapshot.Ticket);
                    PostgreSqlDatabase.Add(command, "snapshot", NpgsqlDbType.Text, json);
                    PostgreSqlDatabase.Add(command, "expected", NpgsqlDbType.Bigint, expectedVersion);
                    var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (await reader.ReadAsync(token).ConfigureAwait(false))
                        {
                            return new StoredRecord(snapshot, reader.GetInt64(0), PostgreSqlCallbackStore.ReadClaim(reader, 1));
                        }
                    }
                }

                long actual = await ReadVersionAsync(connection, null, _recordVersion, token, ("campaign", snapshot.CampaignId), ("record", snapshot.RecordId)).ConfigureAwait(false);
                throw new ConcurrencyConflictException(StoreNames.Record, snapshot.CampaignId + "/" + snapshot.RecordId, expectedVersion, actual);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> ClaimDueRecordsAsync(string campaignId, ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(request);
        var claim = request.ToClaim();
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_claimRecords, connection);
                PostgreSqlDatabase.Add(command, "campaign", NpgsqlDbType.Text, campaignId);
                PostgreSqlDatabase.Add(command, "now", NpgsqlDbType.Bigint, PostgreSqlDatabase.Floor(request.Now));
                PostgreSqlDatabase.Add(command, "limit", NpgsqlDbType.Integer, request.MaxCount);
                PostgreSqlDatabase.Add(command, "owner", NpgsqlDbType.Text, claim.OwnerId);
                PostgreSqlDatabase.Add(command, "until", NpgsqlDbType.Bigint, PostgreSqlDatabase.Ceiling(claim.Until));
                var claimed = await PostgreSqlDatabase.ReadAllAsync(command, ReadRecord, token).ConfigureAwait(false);

                // UPDATE … RETURNING does not keep the CTE's order: put the claimed records back in delivery order.
                return (IReadOnlyList<StoredRecord>)claimed
                    .Select(r => r with { Claim = claim })
                    .OrderBy(static r => StoreRules.DeliveryOrder(r.Snapshot))
                    .ThenBy(static r => r.Snapshot.RecordId, StringComparer.Ordinal)
                    .ToArray();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseRecordAsync(string campaignId, string recordId, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(ownerId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_releaseRecord, connection);
                PostgreSqlDatabase.Add(command, "campaign", NpgsqlDbType.Text, campaignId);
                PostgreSqlDatabase.Add(command, "record", NpgsqlDbType.Text, recordId);
                PostgreSqlDatabase.Add(command, "owner", NpgsqlDbType.Text, ownerId);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    private static StoredRecord ReadRecord(NpgsqlDataReader reader) =>
        new(SnapshotJson.ReadRecord(reader.GetString(0)), reader.GetInt64(1), PostgreSqlCallbackStore.ReadClaim(reader, 2));

    private static async Task<long> ReadVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, string Value)[] keys)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in keys)
        {
            PostgreSqlDatabase.Add(command, name, NpgsqlDbType.Text, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }
}
