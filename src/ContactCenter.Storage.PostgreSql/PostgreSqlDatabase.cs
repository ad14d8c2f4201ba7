using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// What the four stores share: the connection pool, the schema, and the translation of driver errors into
/// <see cref="StoreException"/>. Every operation opens a pooled connection, runs, and returns it; a write is committed
/// (durable under PostgreSQL's default <c>synchronous_commit = on</c>) before the operation returns.
/// </summary>
internal sealed class PostgreSqlDatabase
{
    internal PostgreSqlDatabase(NpgsqlDataSource dataSource, string schema)
    {
        DataSource = dataSource;
        SchemaName = schema;
        QuotedSchema = PostgreSqlSchema.Quote(schema);
    }

    internal NpgsqlDataSource DataSource { get; }

    internal string SchemaName { get; }

    internal string QuotedSchema { get; }

    /// <summary>The statement with <c>{schema}</c> replaced by the quoted schema.</summary>
    internal string Sql(string text) => text.Replace("{schema}", QuotedSchema, StringComparison.Ordinal);

    /// <summary>Runs <paramref name="work"/> on a pooled connection, translating driver failures.</summary>
    internal async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(DataSource, SchemaName, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await work(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Translate(e, SchemaName) is { } translated)
            {
                throw translated;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction that commits when it returns and rolls back when it throws.</summary>
    internal Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    T result = await work(connection, transaction, token).ConfigureAwait(false);
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                    return result;
                }
            },
            cancellationToken);

    /// <summary>Opens a pooled connection, translating "cannot connect" failures.</summary>
    internal static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, schema) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The store's exception for a driver failure, or <see langword="null"/> to let it through (cancellation, bugs).</summary>
    internal static StoreException? Translate(Exception exception, string schema) => exception switch
    {
        StoreException => null,
        PostgresException p => TranslatePostgres(p, schema),
        NpgsqlException n => new StoreException(
            StoreFailure.Unavailable,
            $"The PostgreSQL server could not be reached or the connection was lost ({n.Message}); the operation was not acknowledged.",
            n),
        TimeoutException t => new StoreException(
            StoreFailure.Unavailable,
            $"The PostgreSQL server did not answer in time ({t.Message}); the operation was not acknowledged.",
            t),
        SocketException or IOException => new StoreException(
            StoreFailure.Unavailable,
            $"The connection to the PostgreSQL server failed ({exception.Message}); the operation was not acknowledged.",
            exception),
        _ => null,
    };

    private static StoreException TranslatePostgres(PostgresException e, string schema)
    {
        string state = e.SqlState;
        return state switch
        {
            PostgresErrorCodes.DiskFull => new StoreException(
                StoreFailure.Full,
                $"The PostgreSQL server's disk is full ({e.MessageText}); nothing was written.",
                e),
            PostgresErrorCodes.InvalidCatalogName => new StoreException(
                StoreFailure.Unavailable,
                $"The database named in the connection string does not exist ({e.MessageText}). Create it (see docs/persistence-postgresql.md) or fix the connection string.",
                e),
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => new StoreException(
                StoreFailure.Unavailable,
                $"The PostgreSQL server refused the credentials in the connection string ({e.MessageText}).",
                e),
            PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn => new StoreException(
                StoreFailure.Corrupt,
                $"The tables of schema '{schema}' are not as this package created them ({e.MessageText}); were they changed or dropped by hand?",
                e),
            PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable => new StoreException(
                StoreFailure.Busy,
                $"The PostgreSQL server refused the operation under contention ({e.MessageText}); nothing was written, retry it.",
                e),
            _ when state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal) => new StoreException(
                StoreFailure.Unavailable,
                $"The PostgreSQL server is unavailable ({state}: {e.MessageText}); the operation was not acknowledged.",
                e),
            _ => new StoreException(
                StoreFailure.Unavailable,
                $"The PostgreSQL server refused the operation ({state}: {e.MessageText}); nothing was written.",
                e),
        };
    }

    // ----- parameters and instants -----------------------------------------------------------------

    /// <summary>An instant as Unix ticks, rounded towards the start of time.</summary>
    internal static long Floor(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>An instant as Unix ticks, rounded towards the end of time (never earlier than the instant).</summary>
    internal static long Ceiling(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks) == instant ? ticks : ticks + 1;
    }

    internal static Instant ToInstant(long ticks) => Instant.FromUnixTimeTicks(ticks);

    internal static void Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    /// <summary>Runs <paramref name="command"/> and reads its first row with <paramref name="read"/>, or null without one.</summary>
    internal static async Task<T?> ReadFirstOrDefaultAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
        }
    }

    /// <summary>Runs <paramref name="command"/> and reads every row it returns with <paramref name="read"/>, in order.</summary>
    internal static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
        }

        return rows;
    }
}
