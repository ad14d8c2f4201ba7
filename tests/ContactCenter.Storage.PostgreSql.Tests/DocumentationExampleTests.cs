using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>The example of docs/persistence-postgresql.md ("Set-up"), compiled and run.</summary>
public sealed class DocumentationExampleTests(PostgresSchemas schemas) : IClassFixture<PostgresSchemas>
{
    [Fact]
    public async Task The_set_up_example_opens_a_store_and_claims_a_due_callback()
    {
        string connectionString = schemas.ConnectionString;
        string schema = schemas.NewSchema("doc");
        ITimeSource timeSource = new VirtualTimeSource(TestData.T0 + Duration.FromMinutes(5));
        var due = TestData.DueCallback(TestData.T0, 1);
        int released = 0;

        // --- as in the documentation (with the schema of this test) ---
        await using var store = await PostgreSqlContactCenterStore.OpenAsync(
            new PostgreSqlStoreOptions(connectionString, schema: schema));

                await store.Callbacks.AddAsync(due);
        ITimeSource time = timeSource;     // the host's clock
        var claimed = await store.Callbacks.ClaimDueAsync(
            new ClaimRequest("host-a", time.Now, Duration.FromMinutes(2), maxCount: 20));
        foreach (var stored in claimed)
        {
            var saved = await store.Callbacks.SaveAsync(stored.Snapshot with { Subject = "dispatched" }, stored.Version);
            Assert.Equal(2, saved.Version);
            if (await store.Callbacks.ReleaseAsync(stored.Snapshot.Id, "host-a"))
            {
                released++;
            }
        }

        // --- end of the example ---
        Assert.Equal(due.Id, Assert.Single(claimed).Snapshot.Id);
        Assert.Equal(1, released);
        Assert.Equal(schema, store.Options.Schema);
    }
}
