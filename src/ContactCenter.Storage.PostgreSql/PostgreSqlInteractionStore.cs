using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// <see cref="IInteractionStore"/> on PostgreSQL: one row per interaction with its owner and lease beside the snapshot;
/// saves are version-checked <c>UPDATE</c>s, a heartbeat is one <c>UPDATE</c> of the owner's in-flight rows.
/// </summary>
internal sealed class PostgreSqlInteractionStore : IInteractionStore
{
    private const string Columns = "snapshot, version, owner_id, owner_until, updated_at";

    private readonly PostgreSqlDatabase _db;
    private readonly string _insert;
    private readonly string _version;
    private readonly string _save;
    private readonly string _find;
    private readonly string _listInFlight;
    private readonly string _renew;

    internal PostgreSqlInteractionStore(PostgreSqlDatabase db)
    {
        _db = db;
        _insert = db.Sql(
            "INSERT INTO {schema}.interactions (id, version, state, in_flight, owner_id, owner_until, updated_at, snapshot) "
            + "VALUES (@id, 1, @state, @in_flight, @owner, @until, @updated, @snapshot) ON CONFLICT (id) DO NOTHING");
        _version = db.Sql("SELECT version FROM {schema}.interactions WHERE id = @id");
        _save = db.Sql(
            "UPDATE {schema}.interactions SET version = version + 1, state = @state, in_flight = @in_flight, owner_id = @owner, "
            + "owner_until = @until, updated_at = @updated, snapshot = @snapshot WHERE id = @id AND version = @expected RETURNING version");
        _find = db.Sql($"SELECT {Columns} FROM {{schema}}.interactions WHERE id = @id");
        _listInFlight = db.Sql($"SELECT {Columns} FROM {{schema}}.interactions WHERE in_flight ORDER BY id OFFSET @skip LIMIT @take");
        _renew = db.Sql("UPDATE {schema}.interactions SET owner_until = @until WHERE in_flight AND owner_id = @owner");
    }

    /// <inheritdoc />
    public Task<StoredInteraction> AddAsync(InteractionSnapshot snapshot, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(owner);
        string json = SnapshotJson.Write(snapshot);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_insert, connection);
                AddColumns(command, snapshot, json, owner, updatedAt);
                if (await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 0)
                {
                    long actual = await ReadVersionAsync(connection, snapshot.Id, token).ConfigureAwait(false);
                    throw new ConcurrencyConflictException(StoreNames.Interaction, snapshot.Id.ToString(), 0, actual);
                }

                return new StoredInteraction(snapshot, 1, owner, updatedAt);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredInteraction> SaveAsync(InteractionSnapshot snapshot, long expectedVersion, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(owner);
        string json = SnapshotJson.Write(snapshot);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using (var command = new NpgsqlCommand(_save, connection))
                {
                    AddColumns(command, snapshot, json, owner, updatedAt);
                    PostgreSqlDatabase.Add(command, "expected", NpgsqlDbType.Bigint, expectedVersion);
                    if (await command.ExecuteScalarAsync(token).ConfigureAwait(false) is long version)
                    {
                        return new StoredInteraction(snapshot, version, owner, updatedAt);
                    }
                }

                long actual = await ReadVersionAsync(connection, snapshot.Id, token).ConfigureAwait(false);
                throw new ConcurrencyConflictException(StoreNames.Interaction, snapshot.Id.ToString(), expectedVersion, actual);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredInteraction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default) =>
        _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_find, connection);
                PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, id.Value);
                return await PostgreSqlDatabase.ReadFirstOrDefaultAsync(command, Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInteraction>> ListInFlightAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        StoreNames.CheckPage(skip, take);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_listInFlight, connection);
                PostgreSqlDatabase.Add(command, "skip", NpgsqlDbType.Integer, skip);
                PostgreSqlDatabase.Add(command, "take", NpgsqlDbType.Integer, take);
                return await PostgreSqlDatabase.ReadAllAsync(command, reader => Read(reader), token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> RenewLeasesAsync(string ownerId, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_renew, connection);
                PostgreSqlDatabase.Add(command, "owner", NpgsqlDbType.Text, ownerId);
                PostgreSqlDatabase.Add(command, "until", NpgsqlDbType.Bigint, PostgreSqlDatabase.Ceiling(until));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static void AddColumns(NpgsqlCommand command, InteractionSnapshot snapshot, string json, Claim owner, Instant updatedAt)
    {
        PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, snapshot.Id.Value);
        PostgreSqlDatabase.Add(command, "state", NpgsqlDbType.Text, snapshot.State.ToString());
        PostgreSqlDatabase.Add(command, "in_flight", NpgsqlDbType.Boolean, StoreRules.IsInFlight(snapshot.State));
        PostgreSqlDatabase.Add(command, "owner", NpgsqlDbType.Text, owner.OwnerId);
        PostgreSqlDatabase.Add(command, "until", NpgsqlDbType.Bigint, PostgreSqlDatabase.Ceiling(owner.Until));
        PostgreSqlDatabase.Add(command, "updated", NpgsqlDbType.Bigint, PostgreSqlDatabase.Floor(updatedAt));
        PostgreSqlDatabase.Add(command, "snapshot", NpgsqlDbType.Text, json);
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, InteractionId id, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(_version, connection);
        PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Uuid, id.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static StoredInteraction Read(NpgsqlDataReader reader) =>
        new(
            SnapshotJson.ReadInteraction(reader.GetString(0)),
            reader.GetInt64(1),
            new Claim(reader.GetString(2), PostgreSqlDatabase.ToInstant(reader.GetInt64(3))),
            PostgreSqlDatabase.ToInstant(reader.GetInt64(4)));
}
