using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.Diagnostics;
using ContactCenter.Core.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

/// <summary>The store registration of <c>AddContactCenter</c> and the recovery it runs when the host starts.</summary>
public sealed class ContactCenterRecoveryServiceTests
{
    private static readonly ContactCenter.Core.Contacts.ContactNumber s_home =
        new(ContactCenter.Core.Contacts.PhoneNumber.Parse("+33 1 23 45 67 89"), ContactCenter.Core.Contacts.PhoneNumberType.Home);

    [Fact]
    public async Task By_default_the_store_is_in_memory_and_recovery_finds_nothing()
    {
        using var host = HostFixture.Build();
        var state = host.Services.GetRequiredService<ContactCenterRecoveryState>();
        Assert.Null(state.Report);

        await host.StartAsync();

        Assert.IsType<InMemoryContactCenterStore>(host.Services.GetRequiredService<IContactCenterStore>());
        var report = Assert.IsType<RecoveryReport>(state.Report);
        Assert.Equal(HostFixture.Start, report.StartedAt);
        Assert.Empty(report.Callbacks);
        Assert.Empty(report.OrphanedInteractions);
        Assert.Same(report, await state.Recovered);
        Assert.Equal(Environment.MachineName, state.HostId);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_durable_services_write_to_the_registered_store()
    {
        var store = new InMemoryContactCenterStore();
        using var host = HostFixture.Build(configure: b => b.UseStore(store));
        await host.StartAsync();

        var callbacks = host.Services.GetRequiredService<DurableCallbacks>();
        var callback = await callbacks.CreateAsync(new ScheduledCallbackRequest(s_home, HostFixture.Start + Duration.FromDays(1)));

        Assert.Same(store, host.Services.GetRequiredService<IContactCenterStore>());
        Assert.NotNull(await store.Callbacks.FindAsync(callback.Id));
        Assert.Same(callbacks, host.Services.GetRequiredService<DurableCallbacks>());
        Assert.Equal(CallbackOptions.Default.MaxAttempts, callbacks.Options.MaxAttempts);
        Assert.Same(host.Services.GetRequiredService<DurableSlotBook>(), host.Services.GetRequiredService<DurableSlotBook>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Restored_callbacks_waiting_for_an_agent_go_back_to_the_dispatcher_in_queue_order()
    {
        var store = new InMemoryContactCenterStore();
        CallbackId overdue, later;
        using (var first = HostFixture.Build(configure: b => b.UseStore(store)))
        {
            await first.StartAsync();
            var callbacks = first.Services.GetRequiredService<DurableCallbacks>();
            later = (await callbacks.CreateAsync(new ScheduledCallbackRequest(s_home, HostFixture.Start + Duration.FromDays(1)))).Id;
            overdue = (await callbacks.CreateAsync(new ScheduledCallbackRequest(s_home, HostFixture.Start + Duration.FromMinutes(5)))).Id;
            await first.StopAsync();
        }

        var builder = HostFixture.Builder();
        builder.Services.AddContactCenter().UseVirtualTime(HostFixture.Start + Duration.FromHours(1)).UseStore(store);
        using var second = builder.Build();
        await second.StartAsync();

        var dispatcher = second.Services.GetRequiredService<CallbackDispatcher>();
        Assert.True(dispatcher.Follows(overdue));
        Assert.True(dispatcher.Follows(later));
        Assert.Equal([overdue], dispatcher.Queue.Select(e => e.Callback.Id));   // due while the host was down: queued now
        Assert.Equal(CallbackState.Scheduled, second.Services.GetRequiredService<DurableCallbacks>().Get(later).State);
        await second.StopAsync();
    }

    [Fact]
    public async Task A_restarted_host_restores_its_callbacks_and_surfaces_its_orphans_and_logs_a_summary()
    {
        var store = new InMemoryContactCenterStore();
        using (var first = HostFixture.Build(new Dictionary<string, string?> { ["ContactCenter:Recovery:HostId"] = "desk-1" }, b => b.UseStore(store)))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<DurableCallbacks>().CreateAsync(new ScheduledCallbackRequest(s_home, HostFixture.Start + Duration.FromDays(2)) { Subject = "Tuesday" });
            var call = first.Services.GetRequiredService<InteractionFactory>().Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33612345678"));
            call.Accept();
            await store.Interactions.AddAsync(call.Snapshot, new Claim("desk-1", HostFixture.Start + Duration.FromMinutes(5)), HostFixture.Start);
            await first.StopAsync(); // the call is never finished: the host "died" mid-call
        }

        var logs = new CapturingLoggerProvider();
        var builder = HostFixture.Builder(new Dictionary<string, string?> { ["ContactCenter:Recovery:HostId"] = "desk-1" });
        builder.Logging.AddProvider(logs);
        builder.Services.AddContactCenter().UseVirtualTime(HostFixture.Start + Duration.FromMinutes(1)).UseStore(store);
        using var second = builder.Build();
        await second.StartAsync();

        var report = second.Services.GetRequiredService<ContactCenterRecoveryState>().Report!;
        var callback = Assert.Single(second.Services.GetRequiredService<DurableCallbacks>().Callbacks);
        Assert.Equal(("Tuesday", CallbackState.Scheduled), (callback.Subject, callback.State));
        Assert.Same(callback, Assert.Single(report.Callbacks));
        var orphan = Assert.Single(report.OrphanedInteractions);
        Assert.Equal((InteractionState.Talking, "desk-1"), (orphan.LastState, orphan.PreviousOwner));

        var summary = Assert.Single(logs.WithId(ContactCenterLogEvents.RecoveryCompleted));
        Assert.Equal((LogLevel.Information, "ContactCenter.Core.Persistence", "RecoveryCompleted"), (summary.Level, summary.Category, summary.EventName));
        Assert.Equal(("desk-1", "1", "1", "InMemoryContactCenterStore"), (summary.Values["HostId"], summary.Values["Callbacks"], summary.Values["Orphaned"], summary.Values["Store"]));
        var warning = Assert.Single(logs.WithId(ContactCenterLogEvents.RecoveryOrphanedInteraction));
        Assert.Equal((LogLevel.Warning, orphan.LastKnown.Id.ToString(), "Talking"), (warning.Level, warning.Values["InteractionId"], warning.Values["State"]));
        Assert.DoesNotContain("612345678", warning.Message, StringComparison.Ordinal);
        await second.StopAsync();
    }

    [Fact]
    public async Task A_store_that_fails_makes_the_start_fail_with_a_clear_message()
    {
        var logs = new CapturingLoggerProvider();
        var builder = HostFixture.Builder();
        builder.Logging.AddProvider(logs);
        builder.Services.AddContactCenter().UseVirtualTime(HostFixture.Start).UseStore((_, _) =>
            Task.FromException<IContactCenterStore>(new StoreException(StoreFailure.Corrupt, "/data/contactcenter.db is not a database.")));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<StoreException>(() => host.StartAsync());

        Assert.Equal(StoreFailure.Corrupt, failure.Failure);
        Assert.Equal("The contact centre could not open or recover its store on start (Corrupt): /data/contactcenter.db is not a database.", failure.Message);
        var state = host.Services.GetRequiredService<ContactCenterRecoveryState>();
        Assert.Null(state.Report);
        Assert.Same(failure, (await Assert.ThrowsAsync<StoreException>(() => state.Recovered)));
        var logged = Assert.Single(logs.WithId(ContactCenterLogEvents.RecoveryFailed));
        Assert.Equal((LogLevel.Error, "Corrupt"), (logged.Level, logged.Values["Failure"]));
    }

    [Fact]
    public async Task A_store_failing_during_recovery_fails_the_start_too()
    {
        var inner = new InMemoryContactCenterStore();
        var faulty = new FaultyCallbackStore(inner.Callbacks);
        var store = new StoreOf(faulty, inner);
        using (var first = HostFixture.Build(configure: b => b.UseStore(store)))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<DurableCallbacks>().CreateAsync(new ScheduledCallbackRequest(s_home, HostFixture.Start + Duration.FromHours(1)));
            await first.StopAsync();
        }

        faulty.Failing = true; // the overdue callback cannot be written as due
        var builder = HostFixture.Builder();
        builder.Services.AddContactCenter().UseVirtualTime(HostFixture.Start + Duration.FromHours(2)).UseStore(store);
        using var second = builder.Build();

        var failure = await Assert.ThrowsAsync<StoreException>(() => second.StartAsync());
        Assert.Equal(StoreFailure.Full, failure.Failure);
        Assert.Contains("could not open or recover its store on start (Full): The disk is full (test).", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opened_store_is_opened_once_when_the_host_starts_and_disposed_with_it()
    {
        int opened = 0;
        var store = new DisposableStore();
        var builder = HostFixture.Builder();
        builder.Services.AddContactCenter().UseVirtualTime(HostFixture.Start).UseStore(async (_, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield(); // a genuinely asynchronous open, without waiting on any clock
            Interlocked.Increment(ref opened);
            return store;
        });
        var host = builder.Build();
        Assert.Equal(0, opened);

        await host.StartAsync();
        Assert.Equal(1, opened);
        Assert.Same(store, host.Services.GetRequiredService<IContactCenterStore>());
        Assert.NotNull(host.Services.GetRequiredService<ContactCenterRecoveryState>().Report);
        await host.StopAsync();
        Assert.False(store.Disposed);

        host.Dispose();
        Assert.True(store.Disposed);
        Assert.Equal(1, opened);
    }

    [Fact]
    public void Without_a_host_the_first_resolution_opens_the_store_and_a_given_store_is_not_disposed()
    {
        var opened = new DisposableStore();
        var services = new ServiceCollection();
        services.AddContactCenter().UseStore((_, _) => Task.FromResult<IContactCenterStore>(opened));
        using (var provider = services.BuildServiceProvider())
        {
            Assert.NotNull(provider.GetRequiredService<DurableCallbacks>()); // opens the store, synchronously
            Assert.Same(opened, provider.GetRequiredService<IContactCenterStore>());
            Assert.False(opened.Disposed);
        }

        Assert.True(opened.Disposed);

        var given = new DisposableStore();
        var other = new ServiceCollection();
        other.AddContactCenter().UseStore(opened).UseStore(given);
        using (var provider = other.BuildServiceProvider())
        {
            Assert.Same(given, provider.GetRequiredService<IContactCenterStore>());
        }

        Assert.False(given.Disposed);
    }

    [Fact]
    public void A_store_registered_before_AddContactCenter_wins()
    {
        var store = new InMemoryContactCenterStore();
        var services = new ServiceCollection();
        services.AddSingleton<IContactCenterStore>(store);
        services.AddContactCenter();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IContactCenterStore>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<object>(), s => s.GetType().Name == "ContactCenterRecoveryService");
    }

    [Fact]
    public void Recovery_options_are_bound_from_configuration()
    {
        using var host = HostFixture.Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Recovery:HostId"] = "desk-7",
            ["ContactCenter:Recovery:Lease"] = "0:00:02:00",
            ["ContactCenter:Recovery:PageSize"] = "50",
        });

        var recovery = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value.Recovery;

        Assert.Equal(("desk-7", Duration.FromMinutes(2), 50), (recovery.HostId, recovery.Lease, recovery.PageSize));
    }

    [Fact]
    public async Task Bad_recovery_options_fail_the_start_naming_each_option()
    {
        using var host = HostFixture.Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Recovery:HostId"] = " ",
            ["ContactCenter:Recovery:Lease"] = "0:00:00:00",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ContactCenter:Recovery:HostId must not be blank (was ' ').", failure.Failures);
        Assert.Contains("ContactCenter:Recovery:Lease must be positive (was 0:00:00:00).", failure.Failures);
        Assert.DoesNotContain(failure.Failures, f => f.Contains("PageSize", StringComparison.Ordinal));
        Assert.Null(host.Services.GetRequiredService<ContactCenterRecoveryState>().Report);
    }

    private sealed class StoreOf(ICallbackStore callbacks, IContactCenterStore rest) : IContactCenterStore
    {
        public ICallbackStore Callbacks { get; } = callbacks;

        public ICampaignStore Campaigns => rest.Campaigns;

        public ISlotBookingStore Bookings => rest.Bookings;

        public IInteractionStore Interactions => rest.Interactions;
    }

    private sealed class DisposableStore : IContactCenterStore, IDisposable
    {
        private readonly InMemoryContactCenterStore _inner = new();

        public bool Disposed { get; private set; }

        public ICallbackStore Callbacks => _inner.Callbacks;

        public ICampaignStore Campaigns => _inner.Campaigns;

        public ISlotBookingStore Bookings => _inner.Bookings;

        public IInteractionStore Interactions => _inner.Interactions;

        public void Dispose() => Disposed = true;
    }
}
