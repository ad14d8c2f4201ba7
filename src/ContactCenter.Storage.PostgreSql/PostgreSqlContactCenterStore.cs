using System;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using Npgsql;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// Every persistence port on one PostgreSQL database, for several hosts sharing it: due callbacks and calling records
/// are claimed with <c>FOR UPDATE SKIP LOCKED</c> under an owner and a lease, every aggregate carries a version (a
/// conflicting save is refused with <see cref="ConcurrencyConflictException"/>, never overwritten), slot seats are
/// reserved atomically, and every method returns once its transaction has committed.
/// </summary>
/// <remarks>
/// <see cref="OpenAsync(PostgreSqlStoreOptions, CancellationToken)"/> creates or migrates the schema (versioned, in one
/// transaction, under an advisory lock, so hosts starting together do not race). A schema written by a newer version
/// of this package fails with <see cref="StoreException"/> (<see cref="StoreFailure.NewerSchema"/>), tables of another
/// application in the schema with <see cref="StoreFailure.NotOurs"/>, an unreachable server or a missing database with
/// <see cref="StoreFailure.Unavailable"/>; in every case nothing is written. Thread-safe: one instance per host, shared
/// by all its workers (it holds a connection pool). See docs/persistence-postgresql.md.
/// </remarks>
public sealed class PostgreSqlContactCenterStore : IContactCenterStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlContactCenterStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options)
    {
        _dataSource = dataSource;
        Options = options;
        var db = new PostgreSqlDatabase(dataSource, options.Schema);
        Callbacks = new PostgreSqlCallbackStore(db);
        Campaigns = new PostgreSqlCampaignStore(db);
        Bookings = new PostgreSqlSlotBookingStore(db);
        Interactions = new PostgreSqlInteractionStore(db);
    }

    /// <summary>The newest schema version this package writes (the version a freshly opened schema has).</summary>
    public static int SchemaVersion => PostgreSqlSchema.CurrentVersion;

    /// <summary>The options the store was opened with.</summary>
    public PostgreSqlStoreOptions Options { get; }

    /// <inheritdoc />
    public ICallbackStore Callbacks { get; }

    /// <inheritdoc />
    public ICampaignStore Campaigns { get; }

    /// <inheritdoc />
    public ISlotBookingStore Bookings { get; }

    /// <inheritdoc />
    public IInteractionStore Interactions { get; }

    /// <summary>Opens the store in the default schema (<see cref="PostgreSqlStoreOptions.DefaultSchema"/>), creating or migrating it.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="StoreException">The database cannot be used (see the remarks); nothing was written.</exception>
    public static Task<PostgreSqlContactCenterStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(new PostgreSqlStoreOptions(connectionString), cancellationToken);

    /// <summary>Opens the store, creating or migrating its schema.</summary>
    /// <param name="options">The connection string and the schema.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="StoreException">The database cannot be used (see the remarks); nothing was written.</exception>
    public static async Task<PostgreSqlContactCenterStore> OpenAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", nameof(options), e);
        }

        builder.ConnectionStringBuilder.CommandTimeout = Math.Max(1, (int)Math.Ceiling(options.CommandTimeout.TotalSeconds));
        builder.ConnectionStringBuilder.ApplicationName ??= "ContactCenter";
        var dataSource = builder.Build();
        try
        {
            await PostgreSqlSchema.MigrateAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgreSqlContactCenterStore(dataSource, options);
    }

    /// <summary>Closes the store's connection pool.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL store (schema {Options.Schema}, schema version {SchemaVersion})";
}
