using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// The web host: the page (plain HTML, CSS and JavaScript embedded in the assembly), the desk's JSON API and its
/// server-sent events, on Kestrel at 127.0.0.1.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>GET /api/desk</term><description>the desk now (<see cref="DeskView"/>).</description></item>
/// <item><term>GET /api/events</term><description>server-sent events named <c>desk</c>: the desk now, then after every event.</description></item>
/// <item><term>POST /api/{scope}/{command}</term><description>a button: scope <c>agent</c>, <c>interaction</c>,
/// <c>callback</c> or <c>simulation</c>; optional JSON body <c>{"argument": "..."}</c>. 200 with the desk after the
/// command, 409 with the engine's refusal (<see cref="CommandRefusal"/>), 400 or 404 for a bad request.</description></item>
/// </list>
/// </remarks>
public static class DeskApp
{
    /// <summary>Builds the host (not started).</summary>
    /// <param name="options">How the desk runs.</param>
    /// <returns>The application; start it, then read <see cref="Address"/>.</returns>
    public static WebApplication Create(DeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DeskApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        if (!options.ServerLogging)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddAgentDesktop(options);

        var app = builder.Build();
        var desk = app.Services.GetRequiredService<DeskSession>();

        // Open event streams end when the host stops, so that shutdown does not wait for the browser to leave.
        app.Lifetime.ApplicationStopping.Register(desk.Dispose);

        var page = new EmbeddedFileProvider(typeof(DeskApp).Assembly, typeof(DeskApp).Namespace + ".wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });

        app.MapGet("/api/desk", static (DeskSession desk) => TypedResults.Ok(desk.View()));
        app.MapGet("/api/events", static (DeskSession desk, CancellationToken aborted) =>
            TypedResults.ServerSentEvents(Stream(desk, aborted), eventType: "desk"));
        app.MapPost("/api/agent/{command}", static (DeskSession desk, string command, CommandBody? body) =>
            Run("agent", command, () => desk.AgentCommand(command, body?.Argument)));
        app.MapPost("/api/interaction/{command}", static (DeskSession desk, string command, CommandBody? body) =>
            Run("interaction", command, () => desk.InteractionCommand(command, body?.Argument)));
        app.MapPost("/api/callback/{command}", static (DeskSession desk, string command, CommandBody? body) =>
            Run("callback", command, () => desk.CallbackCommand(command, body?.Argument)));
        app.MapPost("/api/simulation/{command}", static (DeskSession desk, string command, CommandBody? body) =>
            Run("simulation", command, () => desk.Simulation(command, body?.Argument)));
        return app;
    }

    /// <summary>The address the started host listens on, e.g. <c>http://127.0.0.1:41237/</c>.</summary>
    /// <param name="app">A started application.</param>
    /// <returns>The address.</returns>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        string address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The host is not listening: start it first.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static async IAsyncEnumerable<DeskView> Stream(DeskSession desk, [EnumeratorCancellation] CancellationToken aborted)
    {
        var (reader, subscription) = desk.Subscribe();
        using (subscription)
        {
            await foreach (var view in reader.ReadAllAsync(aborted).ConfigureAwait(false))
            {
                yield return view;
            }
        }
    }

    private static IResult Run(string scope, string command, Func<DeskView> action)
    {
        try
        {
            return TypedResults.Ok(action());
        }
        catch (AgentCommandRefusedException refused)
        {
            return Refused(scope, command, refused.Refusal.Message, refused.PermittedCommands);
        }
        catch (InteractionCommandRefusedException refused)
        {
            return Refused(scope, command, refused.Refusal.Message, refused.PermittedCommands);
        }
        catch (CallbackCommandRefusedException refused)
        {
            return Refused(scope, command, refused.Refusal.Message, refused.PermittedCommands);
        }
        catch (DeskCommandException refused)
        {
            return TypedResults.Json(refused.Refusal, statusCode: refused.StatusCode);
        }
    }

    private static JsonHttpResult<CommandRefusal> Refused<T>(string scope, string command, string message, IReadOnlyList<T> permitted)
        where T : struct, Enum =>
        TypedResults.Json(new CommandRefusal(scope, command, message, permitted.Select(static c => c.ToString()).ToList()), statusCode: StatusCodes.Status409Conflict);
}
