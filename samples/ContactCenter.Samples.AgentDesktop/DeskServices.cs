using System;
using System.IO;
using ContactCenter.Core.Agents;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>How the desk is wired: the engine registered with <c>AddContactCenter()</c>, configured for this centre, and the desk over it.</summary>
public static class DeskServices
{
    /// <summary>The disposition codes the centre configured; one is required before Mark done.</summary>
    public static readonly string[] Dispositions = ["Resolved", "Transferred", "CallBackLater"];

    /// <summary>
    /// Registers the engine (<c>AddContactCenter()</c>: factories, slot calculator and book, time source), the centre's
    /// policy for this desk (not-ready reasons, a minute to answer an offer, a minute of after-call work, the disposition
    /// codes), a virtual clock when <see cref="DeskOptions.VirtualTime"/>, the SQLite store in
    /// <see cref="DeskOptions.DataFolder"/> (<c>UseSqlite</c>), and the <see cref="DeskSession"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">How the desk runs.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddAgentDesktop(this IServiceCollection services, DeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = services.AddContactCenter().Configure(static centre =>
        {
            centre.Agents = centre.Agents with
            {
                NotReadyReasons = ["LoggedIn", "Break", "Lunch", "Training", "MissedOffers"],
                OfferTimeout = Duration.FromSeconds(60),
                AfterCallWork = new AfterCallWorkPolicy { DefaultDuration = Duration.FromSeconds(60), Extension = Duration.FromSeconds(30), MaxExtensions = 2 },
            };
            centre.Interactions = centre.Interactions with { Dispositions = Dispositions, DispositionRequired = true };
        });
        if (options.VirtualTime)
        {
            engine.UseVirtualTime(options.VirtualStart);
        }

        // The engine's store: SQLite, in the desk's data folder (the host opens it and recovers it when it starts).
        engine.UseSqlite(o =>
        {
            if (options.DataFolder is not null)
            {
                o.Path = Path.Combine(options.DataFolder, SqliteDataFolder.DatabaseFileName);
            }
        });

        services.AddSingleton(options);
        services.AddSingleton<DeskSession>();
        return services;
    }
}
