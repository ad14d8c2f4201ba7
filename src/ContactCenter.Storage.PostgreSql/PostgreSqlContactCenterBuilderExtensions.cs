using System;
using ContactCenter.Core.DependencyInjection;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>Registers a PostgreSQL database as the host's store (several hosts may share it).</summary>
public static class PostgreSqlContactCenterBuilderExtensions
{
    /// <summary>
    /// Keeps the host's callbacks, campaigns, bookings and in-flight interactions in PostgreSQL, in the schema
    /// <see cref="PostgreSqlStoreOptions.DefaultSchema"/>. The host opens the store when it starts (creating or migrating
    /// the schema; an unreachable server, a foreign or a newer schema fails the start) and closes its connection pool
    /// when the service provider is disposed. Give each host its own <c>ContactCenter:Recovery:HostId</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static ContactCenterBuilder UsePostgreSql(this ContactCenterBuilder builder, string connectionString) =>
        builder.UsePostgreSql(new PostgreSqlStoreOptions(connectionString));

    /// <summary>Keeps the host's data in PostgreSQL with these options (connection string, schema, command timeout); see <see cref="UsePostgreSql(ContactCenterBuilder, string)"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The store's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ContactCenterBuilder UsePostgreSql(this ContactCenterBuilder builder, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.UseStore(async (_, cancellationToken) =>
            await PostgreSqlContactCenterStore.OpenAsync(options, cancellationToken).ConfigureAwait(false));
    }
}
