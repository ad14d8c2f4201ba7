using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Persistence.Contracts;
using NodaTime;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>Several hosts (independent stores, each with its own pool) racing on slot seats and calling records.</summary>
public sealed class PostgreSqlConcurrencyTests(PostgresSchemas schemas) : IClassFixture<PostgresSchemas>
{
    private const int Hosts = 4;

    [Fact]
    public async Task Concurrent_reservations_from_four_hosts_never_exceed_a_slots_capacity()
    {
        const int Slots = 12;
        const int Capacity = 3;
        const int Attempts = 240;
        var hosts = await OpenHostsAsync("seats");

        var results = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i => Task.Run(() =>
            hosts[i % Hosts].Bookings.TryReserveAsync(ContractData.Booking("b" + i.ToString(CultureInfo.InvariantCulture), i % Slots), Capacity))));

        Assert.Equal(Slots * Capacity, results.Count(r => r.Status == SlotReservationStatus.Reserved));
        Assert.Equal(Attempts - (Slots * Capacity), results.Count(r => r.Status == SlotReservationStatus.Full));
        Assert.All(results, r => Assert.InRange(r.BookedCount, 1, Capacity));
        var counts = await hosts[0].Bookings.GetBookedCountsAsync(new Interval(null, null));
        Assert.Equal(Slots, counts.Count);
        Assert.All(counts, c => Assert.Equal(Capacity, c.Count));
        var bookings = await hosts[1].Bookings.ListAsync(new Interval(null, null));
        Assert.Equal(Slots * Capacity, bookings.Count);
        Assert.All(bookings.GroupBy(b => b.SlotStart), g => Assert.Equal(Capacity, g.Count()));
    }

    [Fact]
    public async Task Cancellations_racing_reservations_keep_the_counter_equal_to_the_bookings()
    {
        const int Capacity = 2;
        var hosts = await OpenHostsAsync("cancel");
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(SlotReservationStatus.Reserved, (await hosts[0].Bookings.TryReserveAsync(ContractData.Booking("old" + i.ToString(CultureInfo.InvariantCulture), i / 2), Capacity)).Status);
        }

        var cancels = Enumerable.Range(0, 8).Select(i => Task.Run(() => hosts[i % Hosts].Bookings.CancelAsync("old" + i.ToString(CultureInfo.InvariantCulture))));
        var reserves = Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            hosts[(i + 1) % Hosts].Bookings.TryReserveAsync(ContractData.Booking("new" + i.ToString(CultureInfo.InvariantCulture), i % 4), Capacity)));
        var cancelled = await Task.WhenAll(cancels);
        var reserved = await Task.WhenAll(reserves);

        Assert.All(cancelled, Assert.True);
        var bookings = await hosts[2].Bookings.ListAsync(new Interval(null, null));
        var counts = await hosts[3].Bookings.GetBookedCountsAsync(new Interval(null, null));
        Assert.All(bookings.GroupBy(b => b.SlotStart), g => Assert.InRange(g.Count(), 1, Capacity));
        Assert.Equal(
            bookings.GroupBy(b => b.SlotStart).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())),
            counts.Select(c => (c.SlotStart, c.Count)));
        Assert.Equal(reserved.Count(r => r.Status == SlotReservationStatus.Reserved), bookings.Count(b => b.Id.StartsWith("new", StringComparison.Ordinal)));
        Assert.DoesNotContain(bookings, b => b.Id.StartsWith("old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_booking_id_reserved_in_different_slots_at_once_is_booked_once()
    {
        var hosts = await OpenHostsAsync("dupid");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => hosts[i % Hosts].Bookings.TryReserveAsync(ContractData.Booking("same", i), 5))));

        Assert.Single(results, r => r.Status == SlotReservationStatus.Reserved);
        Assert.Equal(11, results.Count(r => r.Status == SlotReservationStatus.DuplicateBookingId));
        Assert.Single(await hosts[0].Bookings.ListAsync(new Interval(null, null)));
    }

    [Fact]
    public async Task Four_hosts_claiming_records_of_one_campaign_never_get_the_same_record()
    {
        var hosts = await OpenHostsAsync("records");
        var (campaign, list, records) = ContractData.Campaign("autumn", 2_000);
        await hosts[0].Campaigns.AddAsync(campaign, list, records);
        var owners = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int doubles = 0;

        await Task.WhenAll(hosts.Select((store, h) => Task.Run(async () =>
        {
            string owner = "host-" + h.ToString(CultureInfo.InvariantCulture);
            while (true)
            {
                var batch = await store.Campaigns.ClaimDueRecordsAsync("autumn", new ClaimRequest(owner, ContractData.Start, Duration.FromHours(1), 17));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var record in batch)
                {
                    Assert.Equal(owner, record.Claim?.OwnerId);
                    if (!owners.TryAdd(record.Snapshot.RecordId, owner))
                    {
                        System.Threading.Interlocked.Increment(ref doubles);
                    }
                }

                // Each batch comes back in delivery order (ready records by ticket).
                Assert.Equal(batch.OrderBy(r => r.Snapshot.Ticket).Select(r => r.Snapshot.RecordId), batch.Select(r => r.Snapshot.RecordId));
            }
        })));

        Assert.Equal(0, doubles);
        Assert.Equal(records.Count, owners.Count);
        Assert.Equal(Hosts, owners.Values.Distinct().Count());
        var stored = await hosts[1].Campaigns.ListRecordsAsync("autumn", 0, 5_000);
        Assert.All(stored, r => Assert.Equal(owners[r.Snapshot.RecordId], r.Claim?.OwnerId));
        Assert.All(stored, r => Assert.Equal(1, r.Version));
    }

    [Fact]
    public async Task Two_hosts_saving_the_same_version_at_once_one_wins_and_the_other_is_refused()
    {
        var hosts = await OpenHostsAsync("race");
        var callbacks = Enumerable.Range(0, 200).Select(i => TestData.DueCallback(TestData.T0 + Duration.FromSeconds(i), i)).ToArray();
        foreach (var callback in callbacks)
        {
            await hosts[0].Callbacks.AddAsync(callback);
        }

        var outcomes = await Task.WhenAll(callbacks.SelectMany(c => new[] { "a", "b" }.Select((writer, w) => Task.Run(async () =>
        {
            try
            {
                await hosts[w * 2].Callbacks.SaveAsync(c with { Subject = writer }, 1);
                return (c.Id, Writer: writer, Won: true);
            }
            catch (ConcurrencyConflictException e) when (e.ExpectedVersion == 1 && e.ActualVersion == 2)
            {
                return (c.Id, Writer: writer, Won: false);
            }
        }))));

        foreach (var callback in callbacks)
        {
            var winner = Assert.Single(outcomes, o => o.Id == callback.Id && o.Won);
            var stored = await hosts[3].Callbacks.FindAsync(callback.Id);
            Assert.Equal(2, stored!.Version);
            Assert.Equal(winner.Writer, stored.Snapshot.Subject);
        }
    }

    [Fact]
    public async Task A_dead_hosts_claims_pass_to_another_host_only_when_their_lease_ends()
    {
        var hosts = await OpenHostsAsync("lease");
        for (int i = 0; i < 30; i++)
        {
            await hosts[0].Callbacks.AddAsync(TestData.DueCallback(TestData.T0 + Duration.FromSeconds(i), i));
        }

        var lease = Duration.FromMinutes(2);
        var dead = await hosts[1].Callbacks.ClaimDueAsync(new ClaimRequest("host-dead", TestData.T0 + Duration.FromMinutes(1), lease, 20));
        var before = await hosts[2].Callbacks.ClaimDueAsync(new ClaimRequest("host-alive", TestData.T0 + Duration.FromMinutes(2), lease, 100));
        var after = await hosts[2].Callbacks.ClaimDueAsync(new ClaimRequest("host-alive", TestData.T0 + Duration.FromMinutes(3), lease, 100));

        Assert.Equal(20, dead.Count);
        Assert.Equal(10, before.Count);
        Assert.Empty(before.Select(b => b.Snapshot.Id).Intersect(dead.Select(d => d.Snapshot.Id)));
        Assert.Equal(dead.Select(d => d.Snapshot.Id).OrderBy(id => id.ToString()), after.Select(a => a.Snapshot.Id).OrderBy(id => id.ToString()));
        Assert.All(after, a => Assert.Equal(new Claim("host-alive", TestData.T0 + Duration.FromMinutes(5)), a.Claim));
        Assert.False(await hosts[1].Callbacks.ReleaseAsync(dead[0].Snapshot.Id, "host-dead"));
    }

    [Fact]
    public async Task A_due_instant_between_two_ticks_is_never_claimed_early()
    {
        var store = await schemas.OpenNewAsync("ticks");
        var dueAt = ContractData.Start + Duration.FromNanoseconds(150);
        var callback = TestData.ScheduledCallback(ContractData.Start - Duration.FromHours(1), dueAt, 1);
        await store.Callbacks.AddAsync(callback);

        var early = await store.Callbacks.ClaimDueAsync(new ClaimRequest("h", ContractData.Start + Duration.FromNanoseconds(149), Duration.FromMinutes(1), 10));
        var due = await store.Callbacks.ClaimDueAsync(new ClaimRequest("h", ContractData.Start + Duration.FromNanoseconds(200), Duration.FromMinutes(1), 10));

        Assert.Empty(early);
        Assert.Equal(callback.Id, Assert.Single(due).Snapshot.Id);
        Assert.Equal(dueAt, (await store.Callbacks.FindAsync(callback.Id))!.Snapshot.Schedule.DueAt);
    }

    private async Task<PostgreSqlContactCenterStore[]> OpenHostsAsync(string prefix)
    {
        string schema = schemas.NewSchema(prefix);
        var hosts = new PostgreSqlContactCenterStore[Hosts];
        for (int h = 0; h < Hosts; h++)
        {
            hosts[h] = await schemas.OpenAsync(schema);
        }

        return hosts;
    }
}
