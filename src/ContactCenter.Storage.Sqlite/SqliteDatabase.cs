using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ContactCenter.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// One open database file: the connection (used one command at a time, under a lock), the schema check and migration on
/// open, and the mapping of SQLite errors to <see cref="StoreException"/>.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    /// <summary>"CCS1": marks a file as this package's (PRAGMA application_id).</summary>
    internal const int ApplicationId = 0x43435331;

    /// <summary>The schema version this package writes and reads (PRAGMA user_version).</summary>
    internal const int SchemaVersion = 1;

    private static readonly string[] s_migrations =
    [
        // 1: every table.
        """
        CREATE TABLE callbacks (
            id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            terminal INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            queued_since INTEGER NOT NULL,
            claim_owner TEXT NULL,
            claim_until INTEGER NULL,
            body TEXT NOT NULL);
        CREATE INDEX callbacks_claimable ON callbacks (terminal, state, queued_since);
        CREATE TABLE campaigns (
            id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            body TEXT NOT NULL,
            list TEXT NOT NULL);
        CREATE TABLE records (
            campaign_id TEXT NOT NULL,
            record_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            retry_at INTEGER NULL,
            ticket INTEGER NOT NULL,
            claim_owner TEXT NULL,
            claim_until INTEGER NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (campaign_id, record_id));
        CREATE INDEX records_position ON records (campaign_id, position);
        CREATE INDEX records_claimable ON records (campaign_id, state, retry_at, ticket);
        CREATE TABLE bookings (
            id TEXT NOT NULL PRIMARY KEY,
            slot_start INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX bookings_slot ON bookings (slot_start);
        CREATE TABLE interactions (
            id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            in_flight INTEGER NOT NULL,
            owner TEXT NOT NULL,
            lease_until INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX interactions_in_flight ON interactions (in_flight, id);
        """,
    ];

    private readonly SqliteConnection _connection;

    private SqliteDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    public object Gate { get; } = new();

    public static SqliteDatabase Open(string path, SqliteStoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var database = new SqliteDatabase(path, connection);
            database.Prepare(options);
            return database;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(e, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    /// <summary>Runs <paramref name="work"/> under the lock, translating SQLite errors.</summary>
    public T Run<T>(Func<T> work)
    {
        lock (Gate)
        {
            try
            {
                return work();
            }
            catch (SqliteException e)
            {
                throw Translate(e, Path);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction, under the lock: all of it is written, or none.</summary>
    public T InTransaction<T>(Func<SqliteTransaction, T> work) => Run(() =>
    {
        using var transaction = Begin();
        var result = work(transaction);
        transaction.Commit();
        return result;
    });

    internal static StoreException Translate(SqliteException e, string path)
    {
        int primary = e.SqliteErrorCode & 0xFF;
        return primary switch
        {
            13 => new StoreException(StoreFailure.Full, $"The disk (or the database's size limit) is full: {path}. Nothing was written; what was acknowledged before is intact. Free space, then retry.", e),
            11 or 26 => new StoreException(StoreFailure.Corrupt, $"{path} is not a readable SQLite database (damaged, or not a database). Nothing was changed; restore it from a backup or move it aside.", e),
            5 or 6 => new StoreException(StoreFailure.Busy, $"{path} stayed locked by another process for longer than the busy timeout. Nothing was written.", e),
            _ => new StoreException(StoreFailure.Unavailable, $"SQLite failed on {path} (error {e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture)}): {e.Message} Nothing was written.", e),
        };
    }

    private long Scalar(string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private void Prepare(SqliteStoreOptions options)
    {
        // Reading the header first: a file that is not a database fails here, before anything is written.
        long applicationId = Scalar("PRAGMA application_id;");
        long userVersion = Scalar("PRAGMA user_version;");
        long objects = Scalar("SELECT count(*) FROM sqlite_schema;");
        if (applicationId != ApplicationId && (applicationId != 0 || objects != 0 || userVersion != 0))
        {
            throw new StoreException(StoreFailure.NotOurs, $"{Path} is a SQLite database of another application (application_id {applicationId.ToString(CultureInfo.InvariantCulture)}, {objects.ToString(CultureInfo.InvariantCulture)} schema objects); it was not changed. Give the store a file of its own.");
        }

        if (userVersion > SchemaVersion)
        {
            throw new StoreException(StoreFailure.NewerSchema, $"{Path} has schema version {userVersion.ToString(CultureInfo.InvariantCulture)}, written by a newer ContactCenter.Storage.Sqlite; this version reads up to {SchemaVersion.ToString(CultureInfo.InvariantCulture)}. It was not changed: upgrade the package.");
        }

        if (options.CheckIntegrityOnOpen && applicationId == ApplicationId)
        {
            using var check = Command("PRAGMA quick_check(1);");
            var verdict = check.ExecuteScalar() as string;
            if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
            {
                throw new StoreException(StoreFailure.Corrupt, $"{Path} fails SQLite's integrity check ({verdict}). It was not changed; restore it from a backup.");
            }
        }

        using (var pragmas = Command(string.Format(CultureInfo.InvariantCulture, "PRAGMA busy_timeout = {0}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", (long)options.BusyTimeout.TotalMilliseconds)))
        {
            pragmas.ExecuteNonQuery();
        }

        if (options.MaxPageCount is { } maxPages)
        {
            using var limit = Command(string.Format(CultureInfo.InvariantCulture, "PRAGMA max_page_count = {0};", maxPages));
            limit.ExecuteNonQuery();
        }

        if (userVersion < SchemaVersion)
        {
            using var transaction = Begin();
            for (long version = userVersion; version < SchemaVersion; version++)
            {
                using var migrate = Command(s_migrations[version], transaction);
                migrate.ExecuteNonQuery();
            }

            using (var mark = Command(string.Format(CultureInfo.InvariantCulture, "PRAGMA application_id = {0}; PRAGMA user_version = {1};", ApplicationId, SchemaVersion), transaction))
            {
                mark.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    internal static string FullPath(string path) => System.IO.Path.GetFullPath(path);

    internal static void EnsureFolder(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(FullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Runs <paramref name="command"/> and reads every row it returns with <paramref name="read"/>, in order.</summary>
    internal static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        var rows = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
