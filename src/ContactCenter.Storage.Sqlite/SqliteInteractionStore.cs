using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactCenter.Storage.Sqlite;

/// <summary><see cref="IInteractionStore"/> on SQLite: a row per interaction, its owner's lease in columns.</summary>
internal sealed class SqliteInteractionStore(SqliteDatabase db) : IInteractionStore
{
    private const string Columns = "body, version, owner, lease_until, updated_at";

    public Task<StoredInteraction> AddAsync(InteractionSnapshot snapshot, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(snapshot);
        ArgumentGuard.NotNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        string body = SnapshotJson.Write(snapshot);
        return Task.FromResult(db.InTransaction(tx =>
        {
            long existing = Version(snapshot.Id, tx);
            if (existing != 0)
            {
                throw new ConcurrencyConflictException("interaction", snapshot.Id.ToString(), 0, existing);
            }

            using var insert = db.Command(
                "INSERT INTO interactions (id, version, state, in_flight, owner, lease_until, updated_at, body) " +
                "VALUES ($id, 1, $state, $inFlight, $owner, $lease, $updated, $body);", tx);
            Bind(insert, snapshot, owner, updatedAt, body);
            insert.ExecuteNonQuery();
            return new StoredInteraction(snapshot, 1, owner, updatedAt);
        }));
    }

    public Task<StoredInteraction> SaveAsync(InteractionSnapshot snapshot, long expectedVersion, Claim owner, Instant updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(snapshot);
        ArgumentGuard.NotNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        string body = SnapshotJson.Write(snapshot);
        return Task.FromResult(db.InTransaction(tx =>
        {
            using var update = db.Command(
                "UPDATE interactions SET version = version + 1, state = $state, in_flight = $inFlight, owner = $owner, lease_until = $lease, " +
                "updated_at = $updated, body = $body WHERE id = $id AND version = $expected;", tx);
            Bind(update, snapshot, owner, updatedAt, body);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            if (update.ExecuteNonQuery() == 1)
            {
                return new StoredInteraction(snapshot, expectedVersion + 1, owner, updatedAt);
            }

            throw new ConcurrencyConflictException("interaction", snapshot.Id.ToString(), expectedVersion, Version(snapshot.Id, tx));
        }));
    }

    public Task<StoredInteraction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command($"SELECT {Columns} FROM interactions WHERE id = $id;");
            select.Parameters.AddWithValue("$id", id.ToString());
            using var reader = select.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }));
    }

    public Task<IReadOnlyList<StoredInteraction>> ListInFlightAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        SqliteValues.CheckPage(skip, take);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command($"SELECT {Columns} FROM interactions WHERE in_flight = 1 ORDER BY id LIMIT $take OFFSET $skip;");
            select.Parameters.AddWithValue("$take", take);
            select.Parameters.AddWithValue("$skip", skip);
            return (IReadOnlyList<StoredInteraction>)SqliteDatabase.ReadAll(select, Read);
        }));
    }

    public Task<int> RenewLeasesAsync(string ownerId, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(ownerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var update = db.Command("UPDATE interactions SET lease_until = $until WHERE owner = $owner AND in_flight = 1;");
            update.Parameters.AddWithValue("$owner", ownerId);
            update.Parameters.AddWithValue("$until", until.ToUnixTimeTicks());
            return update.ExecuteNonQuery();
        }));
    }

    private static void Bind(SqliteCommand command, InteractionSnapshot snapshot, Claim owner, Instant updatedAt, string body)
    {
        command.Parameters.AddWithValue("$id", snapshot.Id.ToString());
        command.Parameters.AddWithValue("$state", snapshot.State.ToString());
        command.Parameters.AddWithValue("$inFlight", StoreRules.IsInFlight(snapshot.State) ? 1 : 0);
        command.Parameters.AddWithValue("$owner", owner.OwnerId);
        command.Parameters.AddWithValue("$lease", owner.Until.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$updated", updatedAt.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$body", body);
    }

    private static StoredInteraction Read(SqliteDataReader reader) =>
        new(SnapshotJson.ReadInteraction(reader.GetString(0)), reader.GetInt64(1),
            new Claim(reader.GetString(2), Instant.FromUnixTimeTicks(reader.GetInt64(3))), Instant.FromUnixTimeTicks(reader.GetInt64(4)));

    private long Version(InteractionId id, SqliteTransaction tx)
    {
        using var select = db.Command("SELECT version FROM interactions WHERE id = $id;", tx);
        select.Parameters.AddWithValue("$id", id.ToString());
        return select.ExecuteScalar() is long version ? version : 0;
    }
}
