using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Persistence;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactCenter.Storage.Sqlite;

/// <summary><see cref="ICallbackStore"/> on SQLite: one row per callback, the snapshot as <see cref="SnapshotJson"/> text.</summary>
internal sealed class SqliteCallbackStore(SqliteDatabase db) : ICallbackStore
{
    private const string Columns = "body, version, claim_owner, claim_until";

    public Task<StoredCallback> AddAsync(CallbackSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        string body = SnapshotJson.Write(snapshot);
        return Task.FromResult(db.InTransaction(tx =>
        {
            long existing = Version(snapshot.Id, tx);
            if (existing != 0)
            {
                throw new ConcurrencyConflictException("callback", snapshot.Id.ToString(), 0, existing);
            }

            using var insert = db.Command(
                "INSERT INTO callbacks (id, version, state, terminal, due_at, queued_since, body) VALUES ($id, 1, $state, $terminal, $due, $queued, $body);", tx);
            Bind(insert, snapshot, body);
            insert.ExecuteNonQuery();
            return new StoredCallback(snapshot, 1, null);
        }));
    }

    public Task<StoredCallback?> FindAsync(CallbackId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command($"SELECT {Columns} FROM callbacks WHERE id = $id;");
            select.Parameters.AddWithValue("$id", id.ToString());
            using var reader = select.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }));
    }

    public Task<StoredCallback> SaveAsync(CallbackSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        string body = SnapshotJson.Write(snapshot);
        return Task.FromResult(db.InTransaction(tx =>
        {
            using var update = db.Command(
                "UPDATE callbacks SET version = version + 1, state = $state, terminal = $terminal, due_at = $due, queued_since = $queued, body = $body " +
                "WHERE id = $id AND version = $expected RETURNING version, claim_owner, claim_until;", tx);
            Bind(update, snapshot, body);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            using (var reader = update.ExecuteReader())
            {
                if (reader.Read())
                {
                    return new StoredCallback(snapshot, reader.GetInt64(0), SqliteValues.Claim(reader, 1));
                }
            }

            throw new ConcurrencyConflictException("callback", snapshot.Id.ToString(), expectedVersion, Version(snapshot.Id, tx));
        }));
    }

    public Task<IReadOnlyList<StoredCallback>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        SqliteValues.CheckPage(skip, take);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command($"SELECT {Columns} FROM callbacks WHERE terminal = 0 ORDER BY id LIMIT $take OFFSET $skip;");
            select.Parameters.AddWithValue("$take", take);
            select.Parameters.AddWithValue("$skip", skip);
            return (IReadOnlyList<StoredCallback>)ReadAll(select);
        }));
    }

    public Task<IReadOnlyList<StoredCallback>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var claim = request.ToClaim();
        return Task.FromResult(db.InTransaction(tx =>
        {
            using var update = db.Command(
                "UPDATE callbacks SET claim_owner = $owner, claim_until = $until WHERE id IN (" +
                "SELECT id FROM callbacks WHERE terminal = 0 AND (state IN ('Due', 'Offered') OR (state = 'Scheduled' AND due_at <= $now)) " +
                "AND (claim_until IS NULL OR claim_until <= $now) ORDER BY queued_since, id LIMIT $max) " +
                $"RETURNING {Columns}, queued_since, id;", tx);
            update.Parameters.AddWithValue("$owner", claim.OwnerId);
            update.Parameters.AddWithValue("$until", claim.Until.ToUnixTimeTicks());
            update.Parameters.AddWithValue("$now", request.Now.ToUnixTimeTicks());
            update.Parameters.AddWithValue("$max", request.MaxCount);
            var claimed = SqliteDatabase.ReadAll(update, reader => (Queued: reader.GetInt64(4), Id: reader.GetString(5), Item: Read(reader)));

            // RETURNING gives no order: sort in queue order.
            claimed.Sort(static (a, b) => a.Queued != b.Queued ? a.Queued.CompareTo(b.Queued) : string.CompareOrdinal(a.Id, b.Id));
            return (IReadOnlyList<StoredCallback>)claimed.ConvertAll(static c => c.Item);
        }));
    }

    public Task<bool> ReleaseAsync(CallbackId id, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(ownerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var update = db.Command("UPDATE callbacks SET claim_owner = NULL, claim_until = NULL WHERE id = $id AND claim_owner = $owner;");
            update.Parameters.AddWithValue("$id", id.ToString());
            update.Parameters.AddWithValue("$owner", ownerId);
            return update.ExecuteNonQuery() == 1;
        }));
    }

    private static void Bind(SqliteCommand command, CallbackSnapshot snapshot, string body)
    {
        command.Parameters.AddWithValue("$id", snapshot.Id.ToString());
        command.Parameters.AddWithValue("$state", snapshot.State.ToString());
        command.Parameters.AddWithValue("$terminal", snapshot.IsTerminal ? 1 : 0);
        command.Parameters.AddWithValue("$due", snapshot.Schedule.DueAt.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$queued", snapshot.QueuedSince.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$body", body);
    }

    private static StoredCallback Read(SqliteDataReader reader) =>
        new(SnapshotJson.ReadCallback(reader.GetString(0)), reader.GetInt64(1), SqliteValues.Claim(reader, 2));

    private static List<StoredCallback> ReadAll(SqliteCommand command)
    {
        return SqliteDatabase.ReadAll(command, Read);
    }

    private long Version(CallbackId id, SqliteTransaction tx)
    {
        using var select = db.Command("SELECT version FROM callbacks WHERE id = $id;", tx);
        select.Parameters.AddWithValue("$id", id.ToString());
        return select.ExecuteScalar() is long version ? version : 0;
    }
}

/// <summary>Column conversions shared by the SQLite ports.</summary>
internal static class SqliteValues
{
    public static Claim? Claim(SqliteDataReader reader, int ownerColumn) =>
        reader.IsDBNull(ownerColumn) ? null : new Claim(reader.GetString(ownerColumn), Instant.FromUnixTimeTicks(reader.GetInt64(ownerColumn + 1)));

    public static void CheckPage(int skip, int take)
    {
        if (skip < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(skip), skip, "skip must not be negative.");
        }

        if (take < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(take), take, "take must not be negative.");
        }
    }
}

/// <summary>Null checks (the package has no access to Core's internal guard).</summary>
internal static class ArgumentGuard
{
    public static T NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class =>
        value ?? throw new ArgumentNullException(name);
}
