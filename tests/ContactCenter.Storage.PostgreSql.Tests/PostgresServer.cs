using System;
using System.Threading;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests run against, named by the CONTACTCENTER_POSTGRES environment
/// variable (an Npgsql connection string) that .ci/postgres.sh prints. Without it the tests fail —
/// in CI and locally alike: a missing server is an error, never a skip.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "CONTACTCENTER_POSTGRES";

    private static int s_counter;

    /// <summary>The connection string, or an exception telling how to start a server.</summary>
    public static string ConnectionString
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string where = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                ? "Start one locally with: eval \"$(.ci/postgres.sh start)\" (stop it with .ci/postgres.sh stop)."
                : "CI must start it before the tests: eval \"$(.ci/postgres.sh start)\" in .ci/run.";
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: the {EnvironmentVariable} environment variable (an Npgsql connection string) is not set. {where}");
        }
    }

    /// <summary>A schema name no other test class or run uses.</summary>
    public static string NewSchemaName(string prefix)
    {
        int n = Interlocked.Increment(ref s_counter);
        return $"t_{prefix.ToLowerInvariant()}_{Environment.ProcessId}_{n}_{Guid.NewGuid().ToString("N")[..8]}";
    }
}
