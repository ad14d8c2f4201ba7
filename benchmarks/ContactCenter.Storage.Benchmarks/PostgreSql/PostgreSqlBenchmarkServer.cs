using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using ContactCenter.Storage.PostgreSql;
using NodaTime;
using Npgsql;

namespace ContactCenter.Storage.Benchmarks.PostgreSql;

/// <summary>
/// The PostgreSQL server the benchmarks write to, named by CONTACTCENTER_POSTGRES (an Npgsql connection string, as
/// printed by .ci/postgres.sh). Each benchmark class works in a schema of its own, dropped at the end. Without the
/// variable the benchmarks fail, saying how to start a server.
/// </summary>
internal static class PostgreSqlBenchmarkServer
{
    public const string EnvironmentVariable = "CONTACTCENTER_POSTGRES";

    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL benchmarks need a server: set {EnvironmentVariable} to an Npgsql connection string, e.g. with eval \"$(.ci/postgres.sh start)\" from the repository root.");

    public static string NewSchema(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"bench_{prefix}_{Environment.ProcessId}_{Stopwatch.GetTimestamp() % 1_000_000}");

    /// <summary>A store (one host, its own pool) on <paramref name="schema"/>.</summary>
    public static PostgreSqlContactCenterStore Open(string schema) =>
        PostgreSqlContactCenterStore.OpenAsync(new PostgreSqlStoreOptions(ConnectionString, schema)).GetAwaiter().GetResult();

    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static void Drop(string schema) => Execute($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");

    /// <summary>An ASAP callback (due at once) queued at <see cref="Now"/> plus <paramref name="i"/> milliseconds.</summary>
    public static CallbackSnapshot DueCallback(int i) =>
        Callback.Create(
            new AsapCallbackRequest(new ContactNumber(PhoneNumber.Parse("+44 20 7946 " + (i % 1000).ToString("D4", CultureInfo.InvariantCulture)), PhoneNumberType.Mobile))
            {
                Subject = "Invoice " + i.ToString(CultureInfo.InvariantCulture),
            },
            null,
            new VirtualTimeSource(Now + Duration.FromMilliseconds(i))).ToSnapshot();

    public static void Seed(PostgreSqlContactCenterStore store, IEnumerable<CallbackSnapshot> callbacks) =>
        Parallel.ForEachAsync(callbacks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, token) => await store.Callbacks.AddAsync(s, token).ConfigureAwait(false))
            .GetAwaiter().GetResult();
}
