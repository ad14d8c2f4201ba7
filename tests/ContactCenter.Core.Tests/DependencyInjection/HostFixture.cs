using System.Collections.Generic;
using ContactCenter.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace ContactCenter.Core.Tests.DependencyInjection;

/// <summary>Builds generic hosts with ContactCenter.Core registered, in virtual time, from in-memory configuration.</summary>
internal static class HostFixture
{
    // Monday 23 November 2026, 09:00 UTC.
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 9, 0);

    /// <summary>A host builder whose configuration holds exactly <paramref name="settings"/> (no files, no environment).</summary>
    public static HostApplicationBuilder Builder(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        return builder;
    }

    /// <summary>A host with ContactCenter.Core in virtual time at <see cref="Start"/>.</summary>
    public static IHost Build(IDictionary<string, string?>? settings = null, System.Action<ContactCenterBuilder>? configure = null)
    {
        var builder = Builder(settings);
        var contactCenter = builder.Services.AddContactCenter().UseVirtualTime(Start);
        configure?.Invoke(contactCenter);
        return builder.Build();
    }
}
