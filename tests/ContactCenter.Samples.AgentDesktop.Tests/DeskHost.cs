using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>The desk started in-process on 127.0.0.1, a free port, Kestrel on a real socket; a virtual clock unless told otherwise.</summary>
internal sealed class DeskHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DeskHost(WebApplication app)
    {
        _app = app;
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
        var app = DeskApp.Create(new DeskOptions { VirtualTime = virtualTime });
        await app.StartAsync();
        return new DeskHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
