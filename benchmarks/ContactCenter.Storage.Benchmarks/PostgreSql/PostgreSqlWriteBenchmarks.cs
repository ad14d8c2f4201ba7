using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using ContactCenter.Storage.PostgreSql;
using NodaTime;

namespace ContactCenter.Storage.Benchmarks.PostgreSql;

/// <summary>
/// Durable writes on PostgreSQL from one host, each one committed (and flushed, under the server's default
/// <c>synchronous_commit = on</c>) before the next starts, as a host acknowledges them: adding a callback (the
/// baseline), saving a callback after an attempt, and saving a calling record after an attempt (version-checked
/// <c>UPDATE</c>s). One operation is one acknowledged write; writes per second = 1 s / mean.
/// </summary>
public class PostgreSqlWriteBenchmarks
{
    private string _schema = null!;
    private PostgreSqlContactCenterStore _store = null!;
    private CallbackSnapshot _template = null!;
    private CallbackSnapshot _afterAttempt = null!;
    private long _callbackVersion;
    private CallingRecordSnapshot _recordAfterAttempt = null!;
    private long _recordVersion;

    [GlobalSetup]
    public void Setup()
    {
        _schema = PostgreSqlBenchmarkServer.NewSchema("writes");
        _store = PostgreSqlBenchmarkServer.Open(_schema);
        _template = PostgreSqlBenchmarkServer.DueCallback(0);

        // A callback after one unanswered attempt.
        var time = new VirtualTimeSource(PostgreSqlBenchmarkServer.Now);
        var callback = Callback.Restore(PostgreSqlBenchmarkServer.DueCallback(1), null, time);
        callback.Offer("agent-1", InteractionId.New());
        callback.Accept();
        callback.Dial();
        callback.RecordResult(CallbackAttemptResult.NoAnswer);
        _afterAttempt = callback.ToSnapshot();
        _callbackVersion = _store.Callbacks.AddAsync(PostgreSqlBenchmarkServer.DueCallback(1) with { Id = _afterAttempt.Id }).GetAwaiter().GetResult().Version;

        // A campaign of 100 records; one of them after a busy attempt, scheduled for a retry.
        var data = Enumerable.Range(0, 100).Select(i => new CallingRecordData(
            "r" + i.ToString("000", CultureInfo.InvariantCulture),
            "Contact " + i.ToString(CultureInfo.InvariantCulture),
            [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+3361234" + i.ToString("0000", CultureInfo.InvariantCulture)), PhoneNumberType.Mobile))])).ToArray();
        var list = new CallingList("bench-list", data);
        var campaign = new Campaign("bench", "Benchmark campaign", list, DeliveryMode.Progressive, time);
        var records = campaign.SnapshotRecords();
        _store.Campaigns.AddAsync(campaign.ToSnapshot(), list, records).GetAwaiter().GetResult();
        var attempt = new RecordAttempt(
            1, InteractionId.New(), data[0].Numbers[0], PostgreSqlBenchmarkServer.Now, "agent-1", CampaignCallResult.Busy, PostgreSqlBenchmarkServer.Now + Duration.FromSeconds(20));
        _recordAfterAttempt = records[0] with
        {
            State = CallingRecordState.Scheduled,
            RetryAt = PostgreSqlBenchmarkServer.Now + Duration.FromHours(1),
            Attempts = [attempt],
        };
        _recordVersion = 1;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        PostgreSqlBenchmarkServer.Drop(_schema);
    }

    /// <summary>One new callback, written and acknowledged.</summary>
    [Benchmark(Baseline = true)]
    public Task<StoredCallback> AddCallback() => _store.Callbacks.AddAsync(_template with { Id = CallbackId.New() });

    /// <summary>A callback saved after an attempt (version-checked update).</summary>
    [Benchmark]
    public async Task<StoredCallback> SaveCallbackAttempt()
    {
        var stored = await _store.Callbacks.SaveAsync(_afterAttempt, _callbackVersion).ConfigureAwait(false);
        _callbackVersion = stored.Version;
        return stored;
    }

    /// <summary>A calling record saved after an attempt (version-checked update).</summary>
    [Benchmark]
    public async Task<StoredRecord> SaveRecordAttempt()
    {
        var stored = await _store.Campaigns.SaveRecordAsync(_recordAfterAttempt, _recordVersion).ConfigureAwait(false);
        _recordVersion = stored.Version;
        return stored;
    }
}
