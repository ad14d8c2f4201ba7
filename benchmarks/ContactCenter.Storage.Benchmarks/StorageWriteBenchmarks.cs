using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Storage.Benchmarks;

/// <summary>
/// Durable writes per second on one host, per store (<see cref="Store"/>): adding a callback (an insert), and recording an
/// attempt on a callback (a versioned save of its snapshot with one more attempt). Each operation is one acknowledged
/// write: on SQLite one transaction, committed to disk (WAL, synchronous=FULL) before the call returns. A fixed number of
/// operations per iteration keeps the stores' sizes comparable from case to case.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(256, unrollFactor: 1)]
public class StorageWriteBenchmarks
{
    private const int Pool = 512;
    private static readonly Instant s_start = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly ContactNumber s_home = new(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);

    private readonly CallbackSnapshot[] _pool = new CallbackSnapshot[Pool];
    private readonly CallbackSnapshot[] _withAttempt = new CallbackSnapshot[Pool];
    private readonly long[] _versions = new long[Pool];
    private CallbackSnapshot _template = null!;
    private OpenStore _open = null!;
    private int _next;

    /// <summary>The store measured (see <see cref="StoreCatalog"/>).</summary>
    [Params(StoreCatalog.InMemory, StoreCatalog.Sqlite)]
    public string Store { get; set; } = StoreCatalog.InMemory;

    [GlobalSetup]
    public void Setup()
    {
        _open = StoreCatalog.Open(Store);
        var time = new VirtualTimeSource(s_start);
        _template = Callback.Create(new ScheduledCallbackRequest(s_home, s_start + Duration.FromHours(1)) { Subject = "Invoice 7", Queue = "billing" }, null, time).ToSnapshot();
        for (int i = 0; i < Pool; i++)
        {
            var callback = Callback.Create(new AsapCallbackRequest(s_home) { Subject = "Invoice 7" }, null, time);
            callback.Offer("alice", InteractionId.New());
            callback.Accept();
            callback.Dial();
            _pool[i] = callback.ToSnapshot();
            callback.RecordResult(CallbackAttemptResult.NoAnswer);
            _withAttempt[i] = callback.ToSnapshot();
            _versions[i] = _open.Store.Callbacks.AddAsync(_pool[i]).GetAwaiter().GetResult().Version;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _open.Dispose();

    /// <summary>One new callback, stored.</summary>
    [Benchmark]
    public Task<StoredCallback> AddCallback() => _open.Store.Callbacks.AddAsync(_template with { Id = CallbackId.New() });

    /// <summary>One attempt recorded on a callback: a save naming the version read.</summary>
    [Benchmark]
    public async Task<StoredCallback> RecordAttempt()
    {
        int i = _next++ % Pool;
        var snapshot = (_versions[i] & 1) == 1 ? _withAttempt[i] : _pool[i];
        var stored = await _open.Store.Callbacks.SaveAsync(snapshot, _versions[i]).ConfigureAwait(false);
        _versions[i] = stored.Version;
        return stored;
    }
}
