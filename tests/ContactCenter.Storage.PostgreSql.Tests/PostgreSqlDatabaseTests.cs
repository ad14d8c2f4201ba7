using System;
using System.IO;
using ContactCenter.Core.Persistence;
using NodaTime;
using Npgsql;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>How driver errors become store failures, and how instants become ticks (no server needed).</summary>
public sealed class PostgreSqlDatabaseTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.DiskFull, StoreFailure.Full)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, StoreFailure.Busy)]
    [InlineData(PostgresErrorCodes.SerializationFailure, StoreFailure.Busy)]
    [InlineData(PostgresErrorCodes.LockNotAvailable, StoreFailure.Busy)]
    [InlineData(PostgresErrorCodes.InvalidCatalogName, StoreFailure.Unavailable)]
    [InlineData(PostgresErrorCodes.InvalidPassword, StoreFailure.Unavailable)]
    [InlineData(PostgresErrorCodes.AdminShutdown, StoreFailure.Unavailable)]
    [InlineData(PostgresErrorCodes.TooManyConnections, StoreFailure.Unavailable)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, StoreFailure.Unavailable)]
    [InlineData(PostgresErrorCodes.UndefinedTable, StoreFailure.Corrupt)]
    [InlineData(PostgresErrorCodes.UndefinedColumn, StoreFailure.Corrupt)]
    public void Server_errors_become_the_store_failure_they_mean(string sqlState, StoreFailure failure)
    {
        var error = new PostgresException("the server's words", "ERROR", "ERROR", sqlState);

        var translated = PostgreSqlDatabase.Translate(error, "contactcenter");

        Assert.NotNull(translated);
        Assert.Equal(failure, translated.Failure);
        Assert.Same(error, translated.InnerException);
        Assert.Contains("the server's words", translated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lost_connections_and_timeouts_are_unavailable_and_other_exceptions_pass_through()
    {
        Assert.Equal(StoreFailure.Unavailable, PostgreSqlDatabase.Translate(new NpgsqlException("Exception while reading from stream"), "s")?.Failure);
        Assert.Equal(StoreFailure.Unavailable, PostgreSqlDatabase.Translate(new TimeoutException("late"), "s")?.Failure);
        Assert.Equal(StoreFailure.Unavailable, PostgreSqlDatabase.Translate(new IOException("reset"), "s")?.Failure);
        Assert.Null(PostgreSqlDatabase.Translate(new OperationCanceledException(), "s"));
        Assert.Null(PostgreSqlDatabase.Translate(new ConcurrencyConflictException("callback", "x", 1, 2), "s"));
        Assert.Null(PostgreSqlDatabase.Translate(new StoreException(StoreFailure.Busy, "busy"), "s"));
    }

    [Fact]
    public void Instants_are_ticks_rounded_down_or_up_and_whole_ticks_round_trip()
    {
        var whole = Instant.FromUtc(2026, 11, 23, 9, 0) + Duration.FromTicks(7);
        var between = whole + Duration.FromNanoseconds(50);
        var beforeEpoch = Instant.FromUtc(1969, 12, 31, 23, 59, 59) - Duration.FromNanoseconds(50);

        Assert.Equal(PostgreSqlDatabase.Floor(whole), PostgreSqlDatabase.Ceiling(whole));
        Assert.Equal(whole, PostgreSqlDatabase.ToInstant(PostgreSqlDatabase.Floor(whole)));
        Assert.Equal(PostgreSqlDatabase.Floor(whole), PostgreSqlDatabase.Floor(between));
        Assert.Equal(PostgreSqlDatabase.Floor(whole) + 1, PostgreSqlDatabase.Ceiling(between));
        Assert.True(PostgreSqlDatabase.ToInstant(PostgreSqlDatabase.Floor(beforeEpoch)) <= beforeEpoch);
        Assert.True(PostgreSqlDatabase.ToInstant(PostgreSqlDatabase.Ceiling(beforeEpoch)) >= beforeEpoch);
        Assert.Equal(1, PostgreSqlDatabase.Ceiling(beforeEpoch) - PostgreSqlDatabase.Floor(beforeEpoch));
    }
}
