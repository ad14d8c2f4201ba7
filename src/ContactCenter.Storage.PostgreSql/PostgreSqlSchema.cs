using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using Npgsql;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// Creates and migrates the store's tables. The schema carries a version in its
/// <c>contactcenter_schema</c> table; every migration from the stored version up to
/// <see cref="CurrentVersion"/> runs in one transaction, under a transaction-scoped advisory lock
/// keyed by the schema name, so two hosts starting at once migrate once and the second one waits and
/// then finds the work done. A schema newer than the package, or tables of ours without the version
/// table (another application's), fail with a <see cref="StoreException"/> (<see cref="StoreFailure.NewerSchema"/>,
/// <see cref="StoreFailure.NotOurs"/>) and nothing is written.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The table that marks a schema as ours and holds its version.</summary>
    internal const string VersionTable = "contactcenter_schema";

    private const string LockPrefix = "ContactCenter.Storage.PostgreSql/";

    /// <summary>The newest schema version this package writes.</summary>
    internal static int CurrentVersion => PostgreSqlMigrations.All.Count;

    /// <summary>Creates or migrates the schema named in <paramref name="options"/>.</summary>
    /// <returns>The schema version found before migrating (0 for a new schema).</returns>
    internal static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options, CancellationToken cancellationToken)
    {
        string schema = options.Schema;
        var connection = await PostgreSqlDatabase.OpenAsync(dataSource, schema, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey(schema))).ConfigureAwait(false);

                int? found = await ReadVersionAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
                if (found is int version && version > CurrentVersion)
                {
                    throw new StoreException(
                        StoreFailure.NewerSchema,
                        string.Format(
                            CultureInfo.InvariantCulture,
                            "The PostgreSQL schema '{0}' has version {1}, written by a newer ContactCenter.Storage.PostgreSql; this package knows versions up to {2}. Upgrade the package on this host; nothing was changed.",
                            schema, version, CurrentVersion));
                }

                if (found is null)
                {
                    string? clash = await FindForeignTableAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
                    if (clash is not null)
                    {
                        throw new StoreException(
                            StoreFailure.NotOurs,
                            string.Format(
                                CultureInfo.InvariantCulture,
                                "The PostgreSQL schema '{0}' holds a table '{1}' but no '{2}' table: it belongs to another application, not to ContactCenter. Use another schema or database; nothing was changed.",
                                schema, clash, VersionTable));
                    }

                    await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}", cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"CREATE TABLE {Quote(schema)}.{VersionTable} (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version integer NOT NULL, written_by text NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())",
                        cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"INSERT INTO {Quote(schema)}.{VersionTable} (version, written_by) VALUES (0, @by)",
                        cancellationToken,
                        ("by", WrittenBy)).ConfigureAwait(false);
                }

                int from = found ?? 0;
                for (int next = from + 1; next <= CurrentVersion; next++)
                {
                    foreach (string statement in PostgreSqlMigrations.All[next - 1])
                    {
                        await ExecuteAsync(connection, transaction, statement.Replace("{schema}", Quote(schema), StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                    }
                }

                if (from < CurrentVersion)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"UPDATE {Quote(schema)}.{VersionTable} SET version = @version, written_by = @by, migrated_at = now()",
                        cancellationToken,
                        ("version", CurrentVersion),
                        ("by", WrittenBy)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return from;
            }
        }
    }

    /// <summary>The schema name as a quoted SQL identifier (names are validated by <see cref="PostgreSqlStoreOptions"/>).</summary>
    internal static string Quote(string schema) => "\"" + schema + "\"";

    /// <summary>A stable 64-bit advisory-lock key for the schema (FNV-1a over its UTF-8 name).</summary>
    internal static long LockKey(string schema)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(LockPrefix + schema))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static string WrittenBy =>
        "ContactCenter.Storage.PostgreSql " + typeof(PostgreSqlSchema).Assembly.GetName().Version?.ToString();

    private static async Task<int?> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection, transaction);
        exists.Parameters.AddWithValue("name", Quote(schema) + "." + VersionTable);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return null;
        }

        using var read = new NpgsqlCommand($"SELECT version FROM {Quote(schema)}.{VersionTable}", connection, transaction);
        object? value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is int version ? version : 0;
    }

    private static async Task<string?> FindForeignTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_name = ANY(@names) ORDER BY table_name LIMIT 1",
            connection,
            transaction);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("names", PostgreSqlMigrations.TableNames);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
