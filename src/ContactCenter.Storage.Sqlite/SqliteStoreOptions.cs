using System;

namespace ContactCenter.Storage.Sqlite;

/// <summary>How <see cref="SqliteContactCenterStore.Open"/> opens a database.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The defaults.</summary>
    public static SqliteStoreOptions Default { get; } = new();

    /// <summary>How long a write waits for another process's lock before failing with <c>StoreFailure.Busy</c>. Default 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether opening an existing database runs SQLite's quick integrity check (reads the whole file once). Default true.</summary>
    public bool CheckIntegrityOnOpen { get; init; } = true;

    /// <summary>A cap on the database's size in pages (<c>PRAGMA max_page_count</c>); <see langword="null"/> for none. Reaching it is a full disk.</summary>
    public long? MaxPageCount { get; init; }
}
