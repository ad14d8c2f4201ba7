using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Persistence;
using ContactCenter.Persistence.Contracts;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;

namespace ContactCenter.Storage.Sqlite.Tests;

/// <summary>Opening, schema, durability settings, and the refusals: corrupt, foreign, newer, full. Nothing is ever overwritten.</summary>
public sealed class SqliteContactCenterStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_new_file_gets_the_schema_wal_and_full_synchronous_and_data_survives_reopening()
    {
        var snapshot = ContractData.AfterAttempt();
        using (var store = SqliteContactCenterStore.Open(Path.Combine(_temp.Folder, "nested", "cc.db")))
        {
            await store.Callbacks.AddAsync(snapshot);
            Assert.Equal("wal", Scalar(store, "PRAGMA journal_mode;"));
            Assert.Equal(2L, Scalar(store, "PRAGMA synchronous;"));
            Assert.Equal(5000L, Scalar(store, "PRAGMA busy_timeout;"));
            Assert.Equal((long)SqliteContactCenterStore.SchemaVersion, Scalar(store, "PRAGMA user_version;"));
            Assert.Equal((long)SqliteDatabase.ApplicationId, Scalar(store, "PRAGMA application_id;"));
        }

        using var reopened = SqliteContactCenterStore.Open(Path.Combine(_temp.Folder, "nested", "cc.db"));
        var found = await reopened.Callbacks.FindAsync(snapshot.Id);
        Assert.Equal(ContractData.Text(snapshot), ContractData.Text(found!.Snapshot));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_as_corrupt_and_left_as_it_was()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(_temp.Path, bytes);
        var failure = Assert.Throws<StoreException>(() => SqliteContactCenterStore.Open(_temp.Path));
        Assert.Equal(StoreFailure.Corrupt, failure.Failure);
        Assert.Contains(_temp.Path, failure.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_temp.Path));
        Assert.False(File.Exists(_temp.Path + "-wal"));
    }

    [Fact]
    public async Task A_damaged_database_is_refused_as_corrupt_and_left_as_it_was()
    {
        using (var store = SqliteContactCenterStore.Open(_temp.Path))
        {
            for (int i = 0; i < 300; i++)
            {
                await store.Callbacks.AddAsync(ContractData.Callback(1 + i, subject: new string('x', 200)));
            }
        }

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_temp.Path);
        var random = new Random(11);
        for (int page = 2; page < bytes.Length / 4096; page++)
        {
            // Scribble over the middle of every page after the schema page, keeping the header valid.
            for (int i = 100; i < 400; i++)
            {
                bytes[(page * 4096) + i] = (byte)random.Next(256);
            }
        }

        File.WriteAllBytes(_temp.Path, bytes);
        var failure = Assert.Throws<StoreException>(() => SqliteContactCenterStore.Open(_temp.Path));
        Assert.Equal(StoreFailure.Corrupt, failure.Failure);
        Assert.Equal(bytes, File.ReadAllBytes(_temp.Path));
    }

    [Fact]
    public void Another_applications_database_is_refused_and_left_as_it_was()
    {
        using (var connection = new SqliteConnection("Data Source=" + _temp.Path + ";Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');";
            create.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(_temp.Path);
        var failure = Assert.Throws<StoreException>(() => SqliteContactCenterStore.Open(_temp.Path));
        Assert.Equal(StoreFailure.NotOurs, failure.Failure);
        Assert.Contains("another application", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_temp.Path));
    }

    [Fact]
    public async Task A_schema_from_a_newer_version_is_refused_and_left_as_it_was()
    {
        var snapshot = ContractData.Callback();
        using (var store = SqliteContactCenterStore.Open(_temp.Path))
        {
            await store.Callbacks.AddAsync(snapshot);
            using var bump = store.Database.Command("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);");
            bump.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(_temp.Path);
        var failure = Assert.Throws<StoreException>(() => SqliteContactCenterStore.Open(_temp.Path));
        Assert.Equal(StoreFailure.NewerSchema, failure.Failure);
        Assert.Contains("schema version 99", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_temp.Path));
    }

    [Fact]
    public async Task A_full_disk_fails_the_write_in_progress_and_keeps_every_acknowledged_write()
    {
        var acknowledged = new System.Collections.Generic.List<CallbackId>();
        StoreException? full = null;
        using (var store = SqliteContactCenterStore.Open(_temp.Path, new SqliteStoreOptions { MaxPageCount = 40 }))
        {
            for (int i = 0; i < 10_000 && full is null; i++)
            {
                var snapshot = ContractData.Callback(1 + i, subject: new string('y', 300));
                try
                {
                    await store.Callbacks.AddAsync(snapshot);
                    acknowledged.Add(snapshot.Id);
                }
                catch (StoreException e)
                {
                    full = e;
                }
            }

            Assert.NotNull(full);
            Assert.Equal(StoreFailure.Full, full.Failure);
            Assert.Contains("full", full.Message, StringComparison.Ordinal);

            // Still usable for reads and for writes that fit (a save of the same size replaces a row).
            var first = await store.Callbacks.FindAsync(acknowledged[0]);
            Assert.NotNull(first);
        }

        using var reopened = SqliteContactCenterStore.Open(_temp.Path);
        Assert.True(acknowledged.Count > 10);
        foreach (var id in acknowledged)
        {
            Assert.NotNull(await reopened.Callbacks.FindAsync(id));
        }

        Assert.Equal(acknowledged.Count, (await reopened.Callbacks.ListOpenAsync(0, 100_000)).Count);
    }

    [Fact]
    public async Task Callbacks_recovered_from_the_file_after_a_restart_are_due_in_their_original_order()
    {
        var time = new Core.Time.VirtualTimeSource(ContractData.Start);
        using (var store = SqliteContactCenterStore.Open(_temp.Path))
        using (var callbacks = new DurableCallbacks(store.Callbacks, time))
        {
            foreach (int hours in new[] { 3, 1, 2 })
            {
                await callbacks.CreateAsync(new ScheduledCallbackRequest(ContractData.Home, time.Now + Duration.FromHours(hours)) { Subject = "h" + hours });
            }
        }

        var later = new Core.Time.VirtualTimeSource(ContractData.Start + Duration.FromHours(4));
        using var reopened = SqliteContactCenterStore.Open(_temp.Path);
        using var restored = new DurableCallbacks(reopened.Callbacks, later);
        var report = await new ContactCenterRecovery(reopened, later).RecoverAsync(restored);
        Assert.Equal(["h1", "h2", "h3"], report.OverdueCallbacks.Select(static c => c.Subject));
        Assert.All((await reopened.Callbacks.ListOpenAsync(0, 10)), static s => Assert.Equal(CallbackState.Due, s.Snapshot.State));
    }

    [Fact]
    public void A_blank_path_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SqliteContactCenterStore.Open(" "));
        Assert.Throws<ArgumentNullException>(() => SqliteContactCenterStore.Open(null!));
    }

    private static object? Scalar(SqliteContactCenterStore store, string sql)
    {
        using var command = store.Database.Command(sql);
        return command.ExecuteScalar();
    }
}
