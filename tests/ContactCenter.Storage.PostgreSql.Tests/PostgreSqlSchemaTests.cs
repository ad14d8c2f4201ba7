using System;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using Npgsql;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

public sealed class PostgreSqlSchemaTests(PostgresSchemas schemas) : IClassFixture<PostgresSchemas>
{
    [Fact]
    public async Task A_new_schema_is_created_at_the_current_version_with_every_table()
    {
        string schema = schemas.NewSchema("new");
        await schemas.OpenAsync(schema);

        Assert.Equal(PostgreSqlContactCenterStore.SchemaVersion, await schemas.ScalarAsync<int>($"SELECT version FROM \"{schema}\".contactcenter_schema"));
        long tables = await schemas.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = @s", ("s", schema));
        Assert.Equal(PostgreSqlMigrations.TableNames.Length + 1, tables);
    }

    [Fact]
    public async Task Opening_an_existing_schema_again_keeps_its_data()
    {
        string schema = schemas.NewSchema("again");
        var first = await schemas.OpenAsync(schema);
        var callback = TestData.DueCallback(TestData.T0, 1);
        await first.Callbacks.AddAsync(callback);

        var second = await schemas.OpenAsync(schema);

        var found = await second.Callbacks.FindAsync(callback.Id);
        Assert.NotNull(found);
        Assert.Equal(SnapshotJson.Write(callback), SnapshotJson.Write(found.Snapshot));
        Assert.Equal(1, await schemas.ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".contactcenter_schema"));
    }

    [Fact]
    public async Task Eight_hosts_opening_a_new_schema_at_once_all_succeed_and_it_is_migrated_once()
    {
        string schema = schemas.NewSchema("race");

        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => schemas.OpenAsync(schema))));

        Assert.Equal(8, stores.Length);
        Assert.Equal(1, await schemas.ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".contactcenter_schema"));
        Assert.Equal(PostgreSqlContactCenterStore.SchemaVersion, await schemas.ScalarAsync<int>($"SELECT version FROM \"{schema}\".contactcenter_schema"));
        var callback = TestData.DueCallback(TestData.T0, 2);
        await stores[3].Callbacks.AddAsync(callback);
        Assert.NotNull(await stores[6].Callbacks.FindAsync(callback.Id));
    }

    [Fact]
    public async Task A_schema_written_by_a_newer_version_fails_clearly_and_nothing_is_changed()
    {
        string schema = schemas.NewSchema("newer");
        var store = await schemas.OpenAsync(schema);
        var callback = TestData.DueCallback(TestData.T0, 3);
        await store.Callbacks.AddAsync(callback);
        int newer = PostgreSqlContactCenterStore.SchemaVersion + 1;
        await schemas.ExecuteAsync($"UPDATE \"{schema}\".contactcenter_schema SET version = {newer}, written_by = 'a newer package'");

        var e = await Assert.ThrowsAsync<StoreException>(() => schemas.OpenAsync(schema));

        Assert.Equal(StoreFailure.NewerSchema, e.Failure);
        Assert.Contains($"version {newer}", e.Message, StringComparison.Ordinal);
        Assert.Contains(schema, e.Message, StringComparison.Ordinal);
        Assert.Equal(newer, await schemas.ScalarAsync<int>($"SELECT version FROM \"{schema}\".contactcenter_schema"));
        Assert.Equal("a newer package", await schemas.ScalarAsync<string>($"SELECT written_by FROM \"{schema}\".contactcenter_schema"));
        Assert.Equal(1, await schemas.ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".callbacks"));
    }

    [Fact]
    public async Task A_schema_holding_another_applications_table_is_refused_and_left_alone()
    {
        string schema = schemas.NewSchema("foreign");
        await schemas.ExecuteAsync($"CREATE SCHEMA \"{schema}\"; CREATE TABLE \"{schema}\".callbacks (ticket text PRIMARY KEY); INSERT INTO \"{schema}\".callbacks VALUES ('theirs')");

        var e = await Assert.ThrowsAsync<StoreException>(() => schemas.OpenAsync(schema));

        Assert.Equal(StoreFailure.NotOurs, e.Failure);
        Assert.Contains("callbacks", e.Message, StringComparison.Ordinal);
        Assert.Equal("theirs", await schemas.ScalarAsync<string>($"SELECT ticket FROM \"{schema}\".callbacks"));
        Assert.Equal(1, await schemas.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = @s", ("s", schema)));
    }

    [Fact]
    public async Task A_database_that_does_not_exist_fails_clearly()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = "contactcenter_no_such_database" };

        var e = await Assert.ThrowsAsync<StoreException>(() => PostgreSqlContactCenterStore.OpenAsync(builder.ConnectionString));

        Assert.Equal(StoreFailure.Unavailable, e.Failure);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.IsType<PostgresException>(e.InnerException);
    }

    [Fact]
    public async Task Wrong_credentials_fail_clearly_without_showing_the_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Password = "not-the-password" };

        var e = await Assert.ThrowsAsync<StoreException>(() => PostgreSqlContactCenterStore.OpenAsync(builder.ConnectionString));

        Assert.Equal(StoreFailure.Unavailable, e.Failure);
        Assert.Contains("credentials", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unavailable()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Port = 1, Timeout = 2 };

        var e = await Assert.ThrowsAsync<StoreException>(() => PostgreSqlContactCenterStore.OpenAsync(builder.ConnectionString));

        Assert.Equal(StoreFailure.Unavailable, e.Failure);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("a-b")]
    [InlineData("1abc")]
    [InlineData("x\"; DROP TABLE y; --")]
    [InlineData("")]
    public void Schema_names_that_are_not_plain_lower_case_identifiers_are_refused(string schema)
    {
        var e = Assert.Throws<ArgumentException>(() => new PostgreSqlStoreOptions("Host=127.0.0.1", schema));
        Assert.Equal("schema", e.ParamName);
    }

    [Fact]
    public void Options_default_to_the_contactcenter_schema_and_refuse_a_timeout_that_is_not_positive()
    {
        var options = new PostgreSqlStoreOptions("Host=127.0.0.1;Password=secret");

        Assert.Equal("contactcenter", options.Schema);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CommandTimeout);
        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { CommandTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentException>(() => new PostgreSqlStoreOptions("  "));
    }

    [Fact]
    public void The_advisory_lock_key_depends_on_the_schema_only_and_is_stable()
    {
        Assert.Equal(PostgreSqlSchema.LockKey("contactcenter"), PostgreSqlSchema.LockKey("contactcenter"));
        Assert.NotEqual(PostgreSqlSchema.LockKey("contactcenter"), PostgreSqlSchema.LockKey("contactcenter2"));

        // Hosts running different releases of the package must take the same lock: the key is pinned.
        Assert.Equal(-3487916120489495551L, PostgreSqlSchema.LockKey("contactcenter"));
    }
}
