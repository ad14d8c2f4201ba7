using System;
using System.IO;
using System.Threading.Tasks;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Persistence;
using ContactCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>The desk's engine keeps its data in SQLite (<c>AddContactCenter().UseSqlite(...)</c>) in the data folder it is given.</summary>
public sealed class DeskStoreTests
{
    [Fact]
    public async Task The_engine_opens_and_recovers_its_store_in_the_data_folder_when_the_desk_starts()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cc-desk-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var app = DeskApp.Create(new DeskOptions { VirtualTime = true, DataFolder = folder });
            await using (app)
            {
                Assert.False(File.Exists(Path.Combine(folder, "contactcenter.db"))); // opened when the host starts
                await app.StartAsync();

                var store = Assert.IsType<SqliteContactCenterStore>(app.Services.GetRequiredService<IContactCenterStore>());
                Assert.Equal(Path.Combine(folder, "contactcenter.db"), store.Path);
                var report = await app.Services.GetRequiredService<ContactCenterRecoveryState>().Recovered;
                Assert.Equal((0, 0), (report.Callbacks.Count, report.OrphanedInteractions.Count));
                await app.StopAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
