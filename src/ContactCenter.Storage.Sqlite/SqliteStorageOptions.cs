using System;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// Where and how the host's SQLite store is opened by
/// <see cref="SqliteContactCenterBuilderExtensions.UseSqlite(ContactCenter.Core.DependencyInjection.ContactCenterBuilder, Action{SqliteStorageOptions}?)"/>:
/// bound from the configuration section <c>ContactCenter:Storage:Sqlite</c> (<c>Path</c>, <c>BusyTimeout</c>,
/// <c>CheckIntegrityOnOpen</c>, <c>MaxPageCount</c>), then changed in code, and validated when the host starts.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>
    /// The database file. When not given: <see cref="SqliteDataFolder.DefaultDatabasePath"/> of the host's application
    /// name (<c>IHostEnvironment.ApplicationName</c>). A relative path is relative to the current directory.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>How long a write waits for another process's lock before failing with <c>StoreFailure.Busy</c>. Default 5 seconds (configuration: <c>00:00:05</c>).</summary>
    public TimeSpan BusyTimeout { get; set; } = SqliteStoreOptions.Default.BusyTimeout;

    /// <summary>Whether opening an existing database runs SQLite's quick integrity check. Default true.</summary>
    public bool CheckIntegrityOnOpen { get; set; } = SqliteStoreOptions.Default.CheckIntegrityOnOpen;

    /// <summary>A cap on the database's size in pages; <see langword="null"/> for none.</summary>
    public long? MaxPageCount { get; set; }

    /// <summary>The options <see cref="SqliteContactCenterStore.Open"/> takes.</summary>
    /// <returns>The store options.</returns>
    public SqliteStoreOptions ToStoreOptions() => new()
    {
        BusyTimeout = BusyTimeout,
        CheckIntegrityOnOpen = CheckIntegrityOnOpen,
        MaxPageCount = MaxPageCount,
    };
}
