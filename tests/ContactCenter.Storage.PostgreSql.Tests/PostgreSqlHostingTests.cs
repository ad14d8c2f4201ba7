using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary><c>AddContactCenter().UsePostgreSql(...)</c> in a generic host: opened, migrated and recovered when the host starts.</summary>
public sealed class PostgreSqlHostingTests(PostgresSchemas schemas) : IClassFixture<PostgresSchemas>
{
    private static readonly Instant s_start = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly ContactNumber s_home = new(PhoneNumber.Parse("+1 212 555 0143"), PhoneNumberType.Home);

    [Fact]
    public async Task A_host_restarted_on_the_same_schema_finds_its_callback_and_another_hosts_live_call_is_left_alone()
    {
        var options = new PostgreSqlStoreOptions(schemas.ConnectionString, schemas.NewSchema("host"));
        CallbackId id;
        using (var first = Build("host-a", s_start, options))
        {
            await first.StartAsync();
            id = (await first.Services.GetRequiredService<DurableCallbacks>().CreateAsync(new ScheduledCallbackRequest(s_home, s_start + Duration.FromDays(1)))).Id;
            var call = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33612345678"));
            call.Accept();
            await first.Services.GetRequiredService<IContactCenterStore>().Interactions.AddAsync(call.Snapshot, new Claim("host-a", s_start + Duration.FromMinutes(5)), s_start);
            await first.StopAsync();
        }

        using var second = Build("host-b", s_start + Duration.FromMinutes(1), options);
        await second.StartAsync();

        Assert.IsType<PostgreSqlContactCenterStore>(second.Services.GetRequiredService<IContactCenterStore>());
        Assert.Equal(CallbackState.Scheduled, second.Services.GetRequiredService<DurableCallbacks>().Get(id).State);
        var report = second.Services.GetRequiredService<ContactCenterRecoveryState>().Report!;
        Assert.Equal((0, 1), (report.OrphanedInteractions.Count, report.LiveElsewhere)); // host-a's lease still runs
        await second.StopAsync();
    }

    [Fact]
    public async Task An_unreachable_server_makes_the_start_fail_with_a_clear_message()
    {
        using var host = Build("host-a", s_start, new PostgreSqlStoreOptions("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2"));

        var failure = await Assert.ThrowsAsync<StoreException>(() => host.StartAsync());

        Assert.Equal(StoreFailure.Unavailable, failure.Failure);
        Assert.StartsWith("The contact centre could not open or recover its store on start (Unavailable): ", failure.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string hostId, Instant start, PostgreSqlStoreOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ContactCenter:Recovery:HostId"] = hostId });
        builder.Services.AddContactCenter().UseVirtualTime(start).UsePostgreSql(options);
        return builder.Build();
    }
}
