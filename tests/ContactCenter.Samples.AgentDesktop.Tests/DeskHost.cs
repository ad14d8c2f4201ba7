using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>The desk started in-process on 127.0.0.1, a free port, Kestrel on a real socket; a virtual clock unless told otherwise.</summary>
internal sealed class DeskHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private DeskHost(WebApplication app, string dataFolder)
    {
        _app = app;
        _dataFolder = dataFolder;
        Address = DeskApp.Address(app);
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        Client = new DeskClient(Http);
        Session = app.Services.GetRequiredService<DeskSession>();
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public DeskClient Client { get; }

    /// <summary>The engine behind the page, to compare the page's buttons with the aggregates' own answers.</summary>
    public DeskSession Session { get; }

    public static async Task<DeskHost> StartAsync(bool virtualTime = true)
    {
        // Each desk has its own store in a new temporary folder, deleted with the desk.
        string dataFolder = Path.Combine(Path.GetTempPath(), "cc-desk-test-" + Guid.NewGuid().ToString("N"));
        var app = DeskApp.Create(new DeskOptions { VirtualTime = virtualTime, DataFolder = dataFolder });
        await app.StartAsync();
        return new DeskHost(app, dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Still held open: the system cleans its temporary folder.
        }
    }
}
