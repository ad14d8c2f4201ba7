using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Persistence;
using ContactCenter.Storage.PostgreSql;
using NodaTime;

namespace ContactCenter.Storage.Benchmarks.PostgreSql;

/// <summary>
/// Claim throughput on PostgreSQL with 1, 2 and 4 hosts — independent stores, each with its own connection pool —
/// sharing one database: 1,000 due callbacks, each host looping "claim up to 20 (<c>FOR UPDATE SKIP LOCKED</c>) →
/// dispatch each one (a durable, version-checked save)" until none is left. One operation is one callback claimed and
/// dispatched; callbacks per second = 1 s / mean. One host is the baseline of the ratio column. Every iteration starts
/// with the claims cleared; the three cases share the schema and its 1,000 callbacks.
/// </summary>
public class PostgreSqlClaimBenchmarks
{
    private const int Callbacks = 1_000;
    private const int BatchSize = 20;

    private const int MaxHosts = 4;

    private string _schema = null!;
    private PostgreSqlContactCenterStore[] _hosts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = PostgreSqlBenchmarkServer.NewSchema("claims");
        _hosts = Enumerable.Range(0, MaxHosts).Select(_ => PostgreSqlBenchmarkServer.Open(_schema)).ToArray();
        PostgreSqlBenchmarkServer.Seed(_hosts[0], Enumerable.Range(0, Callbacks).Select(PostgreSqlBenchmarkServer.DueCallback));
    }

    [IterationSetup]
    public void ClearClaims() =>
        PostgreSqlBenchmarkServer.Execute($"UPDATE \"{_schema}\".callbacks SET claim_owner = NULL, claim_until = NULL");

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        PostgreSqlBenchmarkServer.Drop(_schema);
    }

    /// <summary>One host claims and dispatches every callback.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Callbacks)]
    public Task<int> OneHost() => ClaimAndDispatchAsync(1);

    /// <summary>Two hosts claim and dispatch concurrently until every callback is taken.</summary>
    [Benchmark(OperationsPerInvoke = Callbacks)]
    public Task<int> TwoHosts() => ClaimAndDispatchAsync(2);

    /// <summary>Four hosts claim and dispatch concurrently until every callback is taken.</summary>
    [Benchmark(OperationsPerInvoke = Callbacks)]
    public Task<int> FourHosts() => ClaimAndDispatchAsync(4);

    private async Task<int> ClaimAndDispatchAsync(int hosts)
    {
        int dispatched = 0;
        await Task.WhenAll(_hosts.Take(hosts).Select((store, h) => Task.Run(async () =>
        {
            var owner = "host-" + h.ToString(System.Globalization.CultureInfo.InvariantCulture);
            while (true)
            {
                var batch = await store.Callbacks.ClaimDueAsync(new ClaimRequest(owner, PostgreSqlBenchmarkServer.Now, Duration.FromHours(1), BatchSize)).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var claimed in batch)
                {
                    await store.Callbacks.SaveAsync(claimed.Snapshot, claimed.Version).ConfigureAwait(false);
                    Interlocked.Increment(ref dispatched);
                }
            }
        }))).ConfigureAwait(false);

        return dispatched == Callbacks ? dispatched : throw new System.InvalidOperationException($"{dispatched} of {Callbacks} callbacks dispatched");
    }
}
