using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContactCenter.Storage.Sqlite.Tests;

/// <summary><c>AddContactCenter().UseSqlite(...)</c> in a generic host: the file is opened and recovered when the host starts, and a restart finds what was written.</summary>
public sealed class SqliteHostingTests : IDisposable
{
    // Monday 23 November 2026, 09:00 UTC.
    private static readonly Instant s_start = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly ContactNumber s_home = new(PhoneNumber.Parse("+1 212 555 0143"), PhoneNumberType.Home);

    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_host_restarted_on_the_same_file_finds_its_scheduled_callback()
    {
        CallbackId id;
        using (var first = Build(s_start, b => b.UseSqlite(_temp.Path)))
        {
            await first.StartAsync();
            var callbacks = first.Services.GetRequiredService<DurableCallbacks>();
            id = (await callbacks.CreateAsync(new ScheduledCallbackRequest(s_home, s_start + Duration.FromDays(1)) { Subject = "Tuesday" })).Id;
            await first.StopAsync();
        }

        using var second = Build(s_start + Duration.FromHours(1), b => b.UseSqlite(_temp.Path));
        await second.StartAsync();

        var store = Assert.IsType<SqliteContactCenterStore>(second.Services.GetRequiredService<IContactCenterStore>());
        Assert.Equal(Path.GetFullPath(_temp.Path), store.Path);
        var restored = second.Services.GetRequiredService<DurableCallbacks>().Get(id);
        Assert.Equal(("Tuesday", CallbackState.Scheduled, s_start + Duration.FromDays(1)), (restored.Subject, restored.State, restored.DueAt));
        var report = second.Services.GetRequiredService<ContactCenterRecoveryState>().Report!;
        Assert.Same(restored, Assert.Single(report.Callbacks));
        Assert.Empty(report.OverdueCallbacks);

        second.Services.GetRequiredService<VirtualTimeSource>().AdvanceBy(Duration.FromDays(1));
        Assert.Equal(CallbackState.Due, restored.State);
        await second.StopAsync();
    }

    [Fact]
    public async Task A_booking_made_through_the_registered_slot_book_survives_a_restart()
    {
        var query = SlotQuery.Create("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("09:00-18:00")), "America/New_York");
        Instant slotStart;
        using (var first = Build(s_start, b => b.UseSqlite(_temp.Path)))
        {
            await first.StartAsync();
            var book = first.Services.GetRequiredService<DurableSlotBook>();
            slotStart = first.Services.GetRequiredService<SlotCalculator>().Calculate(query, book).Slots.First(s => s.Start > s_start + Duration.FromHours(1)).Start;
            var booked = await book.TryBookAsync(query, slotStart, "cb-1", s_start);
            Assert.Equal(SlotBookingStatus.Booked, booked.Status);
            await first.StopAsync();
        }

        using var second = Build(s_start + Duration.FromMinutes(5), b => b.UseSqlite(_temp.Path));
        await second.StartAsync();

        var restarted = second.Services.GetRequiredService<DurableSlotBook>();
        Assert.Equal(new SlotBookingCount(slotStart, 1), Assert.Single(restarted.GetBookedCounts(new Interval(null, null))));
        var again = await restarted.TryBookAsync(query, slotStart, "cb-2", s_start + Duration.FromMinutes(5));
        Assert.Equal(SlotBookingStatus.Full, again.Status); // capacity 1: the seat taken before the restart is still taken
        Assert.Equal("cb-1", Assert.Single(await second.Services.GetRequiredService<IContactCenterStore>().Bookings.ListAsync(new Interval(null, null))).Id);
        await second.StopAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_makes_the_start_fail_with_a_clear_message_and_is_left_as_it_was()
    {
        var bytes = new byte[4096];
        new Random(11).NextBytes(bytes);
        File.WriteAllBytes(_temp.Path, bytes);
        using var host = Build(s_start, b => b.UseSqlite(_temp.Path));

        var failure = await Assert.ThrowsAsync<StoreException>(() => host.StartAsync());

        Assert.Equal(StoreFailure.Corrupt, failure.Failure);
        Assert.StartsWith("The contact centre could not open or recover its store on start (Corrupt): ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(_temp.Path), failure.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_temp.Path));
    }

    [Fact]
    public async Task The_path_and_options_are_bound_from_configuration()
    {
        using var host = Build(s_start, static b => b.UseSqlite(), new Dictionary<string, string?>
        {
            ["ContactCenter:Storage:Sqlite:Path"] = InTemp("configured.db"),
            ["ContactCenter:Storage:Sqlite:BusyTimeout"] = "00:00:02",
            ["ContactCenter:Storage:Sqlite:MaxPageCount"] = "100000",
        });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(2), 100000L, true), (options.BusyTimeout, options.MaxPageCount, options.CheckIntegrityOnOpen));
        Assert.Equal(Path.GetFullPath(InTemp("configured.db")), Assert.IsType<SqliteContactCenterStore>(host.Services.GetRequiredService<IContactCenterStore>()).Path);
        await host.StopAsync();
    }

    [Fact]
    public void Without_a_path_the_file_is_in_the_applications_data_folder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "MyCentre" });
        builder.Services.AddContactCenter().UseSqlite();
        using var host = builder.Build(); // not started: nothing is created

        Assert.Equal(SqliteDataFolder.DefaultDatabasePath("MyCentre"), host.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path);
    }

    [Fact]
    public async Task Bad_options_fail_the_start_naming_each_option()
    {
        using var host = Build(s_start, b => b.UseSqlite(o => o.BusyTimeout = TimeSpan.FromSeconds(-1)), new Dictionary<string, string?>
        {
            ["ContactCenter:Storage:Sqlite:Path"] = _temp.Folder,
            ["ContactCenter:Storage:Sqlite:MaxPageCount"] = "0",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                $"ContactCenter:Storage:Sqlite:Path must name a file, not a folder (was '{_temp.Folder}'); e.g. {Path.Combine(_temp.Folder, "contactcenter.db")}.",
                "ContactCenter:Storage:Sqlite:BusyTimeout must not be negative (was -00:00:01).",
                "ContactCenter:Storage:Sqlite:MaxPageCount must be at least 1 when given (was 0).",
            ],
            failure.Failures);
    }

    [Fact]
    public void The_last_store_registered_wins_and_a_blank_path_is_refused()
    {
        var store = new InMemoryContactCenterStore();
        var services = new ServiceCollection();
        var builder = services.AddContactCenter().UseSqlite(_temp.Path).UseStore(store);
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IContactCenterStore>());
        Assert.False(File.Exists(_temp.Path));
        Assert.Throws<ArgumentException>(() => builder.UseSqlite(" "));
    }

    private string InTemp(string name) => Path.Combine(_temp.Folder, name);

    private static IHost Build(Instant start, Action<ContactCenterBuilder> configure, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configure(builder.Services.AddContactCenter().UseVirtualTime(start));
        return builder.Build();
    }
}
