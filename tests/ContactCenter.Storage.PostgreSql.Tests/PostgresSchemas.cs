using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>
/// A test class's own schemas on the shared server: every store a class opens gets a fresh schema, so classes run in
/// parallel without seeing each other's rows; the schemas (and the stores' pools) are dropped when the class is done.
/// </summary>
public sealed class PostgresSchemas : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _schemas = [];
    private readonly ConcurrentBag<PostgreSqlContactCenterStore> _stores = [];

    private string? _connectionString;

    /// <summary>The server's connection string (read when first needed, so a missing server fails the test that needs it).</summary>
    public string ConnectionString => _connectionString ??= PostgresServer.ConnectionString;

    /// <summary>A schema name of this class (dropped at the end), not yet created.</summary>
    public string NewSchema(string prefix = "s")
    {
        string name = PostgresServer.NewSchemaName(prefix);
        _schemas.Add(name);
        return name;
    }

    /// <summary>Opens a store on a new, empty schema.</summary>
    public Task<PostgreSqlContactCenterStore> OpenNewAsync(string prefix = "s") => OpenAsync(NewSchema(prefix));

    /// <summary>Opens a store (another host, with its own pool) on <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="asynchronousCommits">
    /// Whether the sessions commit without waiting for the WAL flush (<c>synchronous_commit = off</c>): for tests of
    /// concurrency, whose outcome does not depend on when the WAL reaches the disk (locks and visibility are the same),
    /// and which would otherwise wait for thousands of flushes. Durability itself is the default and is never turned off
    /// by the package.
    /// </param>
    public async Task<PostgreSqlContactCenterStore> OpenAsync(string schema, bool asynchronousCommits = false)
    {
        // Small pools: many stores (hosts, one per contract test) are open at once against one test server.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 8 };
        if (asynchronousCommits)
        {
            builder.Options = "-c synchronous_commit=off";
        }

        string connectionString = builder.ConnectionString;

        var store = await PostgreSqlContactCenterStore.OpenAsync(new PostgreSqlStoreOptions(connectionString, schema));
        _stores.Add(store);
        return store;
    }

    /// <summary>Runs SQL on the test database, outside any store.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        object? result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    /// <summary>Runs SQL on the test database, outside any store.</summary>
    public Task ExecuteAsync(string sql) => ScalarAsync<object>(sql);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable)))
        {
            return;
        }

        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (string schema in _schemas)
        {
            if (dropped.Add(schema))
            {
                await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            }
        }
    }
}
