using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// <see cref="ICallbackStore"/> on PostgreSQL. A save is one <c>UPDATE … WHERE id = @id AND version = @expected</c>
/// (no row: a <see cref="ConcurrencyConflictException"/>, nothing written); a claim is one statement that picks the
/// claimable rows <c>FOR UPDATE SKIP LOCKED</c> and sets their owner and lease, so concurrent hosts never get the same
/// callback and never wait for each other.
/// </summary>
internal sealed class PostgreSqlCallbackStore : ICallbackStore
{
    private const string Columns = "snapshot, version, claim_owner, claim_until";

    private readonly PostgreSqlDatabase _db;
    private readonly string _insert;
    private readonly string _find;
    private readonly string _version;
    private readonly string _save;
    private readonly string _listOpen;
    private readonly string _claim;
    private readonly string _release;

    internal PostgreSqlCallbackStore(PostgreSqlDatabase db)
    {
        _db = db;
        _insert = db.Sql(
            "INSERT INTO {schema}.callbacks (id, version, state, is_terminal, due_at, queued_since, snapshot) "
            + "VALUES (@id, 1, @state, @terminal, @due, @queued, @snapshot) ON CONFLICT (id) DO NOTHING");
        _find = db.Sql($"SELECT {Columns} FROM {{schema}}.callbacks WHERE id = @id");
        _version = db.Sql("SELECT version FROM {schema}.callbacks WHERE id = @id");
        _save = db.Sql(
            "UPDATE {schema}.callbacks SET version = version + 1, state = @state, is_terminal = @terminal, due_at = @due, "
            + "queued_since = @queued, snapshot = @snapshot WHERE id = @id AND version = @expected "
            + "RETURNING version, claim_owner, claim_until");
        _listOpen = db.Sql($"SELECT {Columns} FROM {{schema}}.callbacks WHERE NOT is_terminal ORDER BY id OFFSET @skip LIMIT @take");
        _claim = db.Sql(
            "WITH picked AS ("
            + " SELECT id FROM {schema}.callbacks"
            + $" WHERE (state IN ('{nameof(CallbackState.Due)}', '{nameof(CallbackState.Offered)}')"
            + $"        OR (state = '{nameof(CallbackState.Scheduled)}' AND due_at <= @now))"
            + "   AND (claim_until IS NULL OR claim_until <= @now)"
            + " ORDER BY queued_since, id LIMIT @limit FOR UPDATE SKIP LOCKED)"
            + " UPDATE {schema}.callbacks AS c SET claim_owner = @owner, claim_until = @until FROM picked WHERE c.id = picked.id"
            + $" RETURNING c.snapshot, c.version, c.claim_owner, c.claim_until, c.queued_since, c.id");
        _release = db.Sql("UPDATE {schema}.callbacks SET claim_owner = NULL, claim_until = NULL WHERE id = @id AND claim_owner = @owner");
    }

    /// <inheritdoc />
    public Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string json = SnapshotJson.Write(snapshot);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_insert, connection);
                AddColumns(command, snapshot, json);
                if (await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 0)
                {
                    long actual = await ReadVersionAsync(connection, snapshot.Id, token).ConfigureAwait(false);
                    throw new ConcurrencyConflictException(StoreNames.Callback, snapshot.Id.ToString(), 0, actual);
                }

                return new StoredCallback(snapshot, 1, null);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredCallback?> FindAsync(CallbackId id, CancellationToken cancellationToken = default) =>
        _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_find, connection);
                PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, id.Value);
                return await PostgreSqlDatabase.ReadFirstOrDefaultAsync(command, Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string json = SnapshotJson.Write(snapshot);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using (var command = new NpgsqlCommand(_save, connection))
                {
                    AddColumns(command, snapshot, json);
                    PostgreSqlDatabase.Add(command, "expected", NpgsqlDbType.Bigint, expectedVersion);
                    var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (await reader.ReadAsync(token).ConfigureAwait(false))
                        {
                            return new StoredCallback(snapshot, reader.GetInt64(0), ReadClaim(reader, 1));
                        }
                    }
                }

                long actual = await ReadVersionAsync(connection, snapshot.Id, token).ConfigureAwait(false);
                throw new ConcurrencyConflictException(StoreNames.Callback, snapshot.Id.ToString(), expectedVersion, actual);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        StoreNames.CheckPage(skip, take);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_listOpen, connection);
                PostgreSqlDatabase.Add(command, "skip", NpgsqlDbType.Integer, skip);
                PostgreSqlDatabase.Add(command, "take", NpgsqlDbType.Integer, take);
                return await PostgreSqlDatabase.ReadAllAsync(command, reader => Read(reader), token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = request.ToClaim();
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_claim, connection);
                PostgreSqlDatabase.Add(command, "now", NpgsqlDbType.Bigint, PostgreSqlDatabase.Floor(request.Now));
                PostgreSqlDatabase.Add(command, "limit", NpgsqlDbType.Integer, request.MaxCount);
                PostgreSqlDatabase.Add(command, "owner", NpgsqlDbType.Text, claim.OwnerId);
                PostgreSqlDatabase.Add(command, "until", NpgsqlDbType.Bigint, PostgreSqlDatabase.Ceiling(claim.Until));
                var claimed = await PostgreSqlDatabase.ReadAllAsync(
                    command,
                    reader => (QueuedSince: reader.GetInt64(4), Id: reader.GetGuid(5), Stored: Read(reader) with { Claim = claim }),
                    token).ConfigureAwait(false);

                // UPDATE … RETURNING does not keep the CTE's order: put the claimed callbacks back in queue order.
                return (IReadOnlyList<StoredCallback>)claimed
                    .OrderBy(static c => c.QueuedSince)
                    .ThenBy(static c => c.Stored.Snapshot.QueuedSince)
                    .ThenBy(static c => c.Id.ToString("N"), StringComparer.Ordinal)
                    .Select(static c => c.Stored)
                    .ToArray();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(CallbackId id, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_release, connection);
                PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, id.Value);
                PostgreSqlDatabase.Add(command, "owner", NpgsqlDbType.Text, ownerId);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    private static void AddColumns(NpgsqlCommand command, CallbackSnapshot snapshot, string json)
    {
        PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, snapshot.Id.Value);
        PostgreSqlDatabase.Add(command, "state", NpgsqlDbType.Text, snapshot.State.ToString());
        PostgreSqlDatabase.Add(command, "terminal", NpgsqlDbType.Boolean, snapshot.IsTerminal);
        PostgreSqlDatabase.Add(command, "due", NpgsqlDbType.Bigint, PostgreSqlDatabase.Ceiling(snapshot.Schedule.DueAt));
        PostgreSqlDatabase.Add(command, "queued", NpgsqlDbType.Bigint, PostgreSqlDatabase.Floor(snapshot.QueuedSince));
        PostgreSqlDatabase.Add(command, "snapshot", NpgsqlDbType.Text, json);
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, CallbackId id, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(_version, connection);
        PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, id.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static StoredCallback Read(NpgsqlDataReader reader)
    {
        var snapshot = SnapshotJson.ReadCallback(reader.GetString(0));
        return new StoredCallback(snapshot, reader.GetInt64(1), ReadClaim(reader, 2));
    }

    /// <summary>The claim in columns <paramref name="ordinal"/> (owner) and <paramref name="ordinal"/> + 1 (lease end).</summary>
    internal static Claim? ReadClaim(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new Claim(reader.GetString(ordinal), PostgreSqlDatabase.ToInstant(reader.GetInt64(ordinal + 1)));
}
