using System;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class InMemoryCallHistoryTests
{
    private static readonly PhoneNumber s_number = PhoneNumber.Parse("+33 6 12 34 56 78");
    private static readonly Instant s_t0 = Instant.FromUtc(2026, 6, 1, 9, 0);

    [Fact]
    public void Returns_the_calls_of_the_interval_oldest_first_whatever_the_recording_order()
    {
        var history = new InMemoryCallHistory();
        history.Record(s_number, s_t0 + Duration.FromHours(2), CallPurpose.Solicitation, "b");
        history.Record(s_number, s_t0, CallPurpose.Service, "a");
        history.Record(s_number, s_t0 + Duration.FromHours(1));
        history.Record(PhoneNumber.Parse("+33 6 12 34 56 79"), s_t0);

        var calls = history.CallsTo(s_number, new Interval(s_t0, s_t0 + Duration.FromHours(2)));

        Assert.Equal(
            [new CallRecord(s_t0, CallPurpose.Service, "a"), new CallRecord(s_t0 + Duration.FromHours(1), CallPurpose.Solicitation, null)],
            calls.ToArray());
        Assert.Equal(3, history.CallsTo(s_number, new Interval(null, null)).Count);
        Assert.Empty(history.CallsTo(PhoneNumber.Parse("+1 312 555 0142"), new Interval(null, null)));
    }

    [Fact]
    public void RemoveBefore_forgets_old_calls()
    {
        var history = new InMemoryCallHistory();
        history.Record(s_number, s_t0);
        history.Record(s_number, s_t0 + Duration.FromDays(31));
        history.Record(PhoneNumber.Parse("+33 6 12 34 56 79"), s_t0);

        Assert.Equal(2, history.RemoveBefore(s_t0 + Duration.FromDays(1)));
        Assert.Equal(s_t0 + Duration.FromDays(31), Assert.Single(history.CallsTo(s_number, new Interval(null, null))).PlacedAt);
    }

    [Fact]
    public void The_default_number_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new InMemoryCallHistory().Record(default, s_t0));
    }

    [Fact]
    public void Concurrent_records_are_all_kept_in_order()
    {
        var history = new InMemoryCallHistory();

        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => history.Record(s_number, s_t0 + Duration.FromSeconds(3_999 - i)));

        var calls = history.CallsTo(s_number, new Interval(null, null));
        Assert.Equal(4_000, calls.Count);
        Assert.Equal(calls.OrderBy(static c => c.PlacedAt), calls);
    }
}
