using System;
using System.IO;
using ContactCenter.Core.Persistence;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// The embedded store: every persistence port of ContactCenter.Core in one SQLite file, in WAL mode with
/// <c>synchronous=FULL</c> (a write is on disk when it is acknowledged, even across a power cut), a busy timeout, and a
/// schema the package creates and migrates (versioned by <c>PRAGMA user_version</c>, marked as its own by
/// <c>PRAGMA application_id</c>).
/// </summary>
/// <remarks>
/// Opening refuses, with a <see cref="StoreException"/> and without writing anything: a file that is not a database or is
/// damaged (<see cref="StoreFailure.Corrupt"/>), another application's database (<see cref="StoreFailure.NotOurs"/>), and a
/// schema written by a newer package (<see cref="StoreFailure.NewerSchema"/>). A full disk fails the write in progress
/// (<see cref="StoreFailure.Full"/>) and keeps every acknowledged write. One instance serialises its own commands; several
/// processes may open the same file (SQLite's locks, within the busy timeout). For several hosts, use PostgreSQL.
/// </remarks>
public sealed class SqliteContactCenterStore : IContactCenterStore, IDisposable
{
    private readonly SqliteDatabase _database;

    private SqliteContactCenterStore(SqliteDatabase database)
    {
        _database = database;
        Callbacks = new SqliteCallbackStore(database);
        Campaigns = new SqliteCampaignStore(database);
        Bookings = new SqliteSlotBookingStore(database);
        Interactions = new SqliteInteractionStore(database);
    }

    /// <summary>The database file's full path.</summary>
    public string Path => _database.Path;

    /// <inheritdoc />
    public ICallbackStore Callbacks { get; }

    /// <inheritdoc />
    public ICampaignStore Campaigns { get; }

    /// <inheritdoc />
    public ISlotBookingStore Bookings { get; }

    /// <inheritdoc />
    public IInteractionStore Interactions { get; }

    /// <summary>The schema version this package creates and reads.</summary>
    public static int SchemaVersion => SqliteDatabase.SchemaVersion;

    /// <summary>
    /// Opens (or creates, with its folder) the database at <paramref name="path"/>, checks that it is this package's and not
    /// newer, and creates or migrates its schema.
    /// </summary>
    /// <param name="path">The database file, e.g. <see cref="SqliteDataFolder.DefaultDatabasePath"/>.</param>
    /// <param name="options">Busy timeout, integrity check, size cap; <see cref="SqliteStoreOptions.Default"/> when null.</param>
    /// <returns>The open store; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="StoreException">The file is damaged, another application's, of a newer schema, or cannot be opened; nothing was written.</exception>
    public static SqliteContactCenterStore Open(string path, SqliteStoreOptions? options = null)
    {
        ArgumentGuard.NotNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A database path is required.", nameof(path));
        }

        string full = SqliteDatabase.FullPath(path);
        try
        {
            SqliteDatabase.EnsureFolder(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreFailure.Unavailable, $"Cannot create the folder of {full}: {e.Message}", e);
        }

        return new SqliteContactCenterStore(SqliteDatabase.Open(full, options ?? SqliteStoreOptions.Default));
    }

    internal SqliteDatabase Database => _database;

    /// <summary>Closes the database file.</summary>
    public void Dispose() => _database.Dispose();
}
